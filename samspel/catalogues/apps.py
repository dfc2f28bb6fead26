from django.apps import AppConfig
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _


class CataloguesConfig(AppConfig):
    name = "samspel.catalogues"
    verbose_name = _("Legal catalogues")

    def ready(self) -> None:
        from samspel.catalogues.loader import CatalogueError, catalogues

        try:
            catalogues()
        except CatalogueError as exc:  # a bad data file stops start-up, naming the problem
            raise ImproperlyConfigured(f"Catalogue error in {exc}") from exc
