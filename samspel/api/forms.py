"""Forms of the API token pages: a personal token, and an integration token acting as one of
the organisation's case workers."""

from django import forms
from django.utils.translation import gettext_lazy as _

from samspel.accounts.models import Role, User
from samspel.calendars.forms import LIFETIMES


class TokenForm(forms.Form):
    name = forms.CharField(
        label=_("Name of the token"),
        max_length=100,
        help_text=_("What uses it, e.g. “Weekly report script”."),
        error_messages={"required": _("Give the token a name.")},
    )
    lifetime = forms.ChoiceField(
        label=_("Valid for"),
        choices=LIFETIMES,
        initial="90",
        error_messages={"invalid_choice": _("Choose one of the periods in the list.")},
    )

    @property
    def days(self) -> int:
        return int(self.cleaned_data["lifetime"])


class IntegrationTokenForm(TokenForm):
    acts_as = forms.ModelChoiceField(
        label=_("Acts as"),
        queryset=User.objects.none(),
        to_field_name="public_id",
        help_text=_(
            "The system reads what this user may read, no more. Choose a user made for it."
        ),
        error_messages={
            "required": _("Choose the user the system acts as."),
            "invalid_choice": _("Choose one of the users in the list."),
        },
    )

    field_order = ["name", "acts_as", "lifetime"]

    def __init__(self, *args, organisation, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["acts_as"].queryset = User.objects.filter(
            organisation=organisation,
            is_active=True,
            role__in=[Role.WORKER, Role.TEAM_LEADER],
        ).order_by("last_name", "first_name")
