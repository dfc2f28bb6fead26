from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FollowupConfig(AppConfig):
    name = "samspel.followup"
    # Its part of the case page (samspel.cases.panels).
    case_panel = "samspel.followup.case_panel.followup_panel"
    verbose_name = _("Follow-up")
