from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasesConfig(AppConfig):
    name = "samspel.cases"
    verbose_name = _("Cases")
    case_panel = "samspel.cases.case_panel.case_panels"
    # The auditor's search by person (samspel.audit.forms).
    audit_person_lookup = "samspel.cases.audit_lookups.about_person"
