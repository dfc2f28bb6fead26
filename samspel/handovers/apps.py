from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HandoversConfig(AppConfig):
    name = "samspel.handovers"
    verbose_name = _("Handovers")
    case_panel = "samspel.handovers.case_panel.handover_panel"
