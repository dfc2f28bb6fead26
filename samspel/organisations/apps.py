from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganisationsConfig(AppConfig):
    name = "samspel.organisations"
    verbose_name = _("Organisations")
    # The login page's "Log in with …" buttons (accounts sits below organisations).
    sso_login_choices = "samspel.organisations.sso.login_choices"
