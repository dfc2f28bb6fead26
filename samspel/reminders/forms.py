import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from samspel.reminders.models import ReminderSettings

MAX_LEAD_HOURS = 24 * 14
# ASCII digits only: int() would also take other scripts' digits and underscores.
WHOLE_HOURS = re.compile(r"-?[0-9]+")


class ReminderSettingsForm(forms.ModelForm):
    lead_times = forms.CharField(
        label=_("Lead times in hours"),
        help_text=_("Hours before the meeting, separated by commas, for example 48, 2."),
        max_length=100,
    )

    class Meta:
        model = ReminderSettings
        fields = ["lead_times", "email_enabled", "sms_enabled"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial["lead_times"] = ", ".join(str(h) for h in self.instance.lead_times)

    def clean_lead_times(self) -> list[int]:
        parts = [p.strip() for p in self.cleaned_data["lead_times"].split(",") if p.strip()]
        if not parts:
            raise ValidationError(_("Give at least one lead time."))
        if not all(WHOLE_HOURS.fullmatch(p) for p in parts):
            raise ValidationError(_("Lead times are whole hours, such as 24 or 2."))
        hours = sorted((int(p) for p in parts), reverse=True)
        if len(set(hours)) < len(hours):
            raise ValidationError(_("Give each lead time only once."))
        if hours[-1] < 1 or hours[0] > MAX_LEAD_HOURS:
            raise ValidationError(
                _("Lead times are between 1 and %(max)s hours.") % {"max": MAX_LEAD_HOURS}
            )
        if len(hours) > 5:
            raise ValidationError(_("At most five lead times."))
        return hours
