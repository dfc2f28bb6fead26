"""The case page's panels. An app that shows something on the case page names its panel in its
AppConfig (``case_panel = "samspel.<app>.case_panel.<function>"``); the case page asks every
installed app for it, so cases imports none of the apps above it. A panel is called as
``panel(request, case, writable)`` (writable: the reader may change the open case) and returns
the context its templates read."""

from __future__ import annotations

from collections.abc import Callable

from django.apps import apps
from django.http import HttpRequest
from django.utils.module_loading import import_string

from samspel.cases.models import Case

Panel = Callable[[HttpRequest, Case, bool], dict]


def panels() -> list[Panel]:
    """Every installed app's case panel, in the order of INSTALLED_APPS."""
    return [
        import_string(config.case_panel)
        for config in apps.get_app_configs()
        if getattr(config, "case_panel", None)
    ]


def panel_context(request: HttpRequest, case: Case, writable: bool) -> dict:
    context: dict = {"case_writable": writable}
    for panel in panels():
        context.update(panel(request, case, writable))
    return context
