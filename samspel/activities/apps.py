from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActivitiesConfig(AppConfig):
    name = "samspel.activities"
    # Its part of the case page (samspel.cases.panels).
    case_panel = "samspel.activities.case_panel.activity_panel"
    verbose_name = _("Activities")
