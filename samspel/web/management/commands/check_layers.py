"""Print the imports that run against the app layers, the file-level import cycles, the imports
of views modules and the imports inside functions (samspel/web/layers.py says the rules)."""

from django.core.management.base import BaseCommand

from samspel.web import layers


class Command(BaseCommand):
    help = "List imports against the app layering, import cycles and function-level imports."

    def handle(self, *args, **options):
        found = layers.imports()
        upward = layers.upward(found)
        allowed = [imp for imp in upward if (imp.source, imp.target) in layers.ALLOWED_UPWARD]
        bad = layers.violations(found)
        self._section("Upward imports allowed (the recompute after a write)", allowed)
        self._section("Upward imports against the layering", bad)
        self._section("Imports of a views module", layers.views_imports(found))
        cycles = layers.cycles(found)
        self.stdout.write(f"\nFile-level import cycles: {len(cycles)}")
        for cycle in cycles:
            self.stdout.write("  " + " <-> ".join(cycle))
        self._section("Imports inside functions", layers.function_level(found))
        self.stdout.write(
            f"\nSummary: {len(upward)} upward ({len(allowed)} allowed, {len(bad)} against the "
            f"layering), {len(cycles)} cycles, {len(layers.views_imports(found))} views imports, "
            f"{len(layers.function_level(found))} function-level imports"
        )

    def _section(self, title: str, rows: list) -> None:
        self.stdout.write(f"\n{title}: {len(rows)}")
        for imp in rows:
            self.stdout.write(f"  {imp.source}:{imp.line} -> {imp.target}")
