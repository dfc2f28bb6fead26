from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RemindersConfig(AppConfig):
    name = "samspel.reminders"
    verbose_name = _("Reminders")

    def ready(self) -> None:
        from samspel.reminders import checks  # noqa: F401 - registers the deployment checks
