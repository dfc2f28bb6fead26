from django.apps import AppConfig
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _


class ProgrammesConfig(AppConfig):
    name = "samspel.programmes"
    verbose_name = _("Programmes")

    def ready(self) -> None:
        from samspel.programmes.loader import ProgrammeError, laws, programmes

        try:
            programmes()
            laws()
        except ProgrammeError as exc:  # a bad data file stops start-up, naming the problem
            raise ImproperlyConfigured(f"Programme error in {exc}") from exc
