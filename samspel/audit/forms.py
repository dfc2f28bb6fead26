import datetime as dt

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samspel.audit.models import Action, AuditEvent, AuditEventCase


def start_of(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


class AuditSearchForm(forms.Form):
    """Each filter is an exact or range condition on an indexed column (AuditEvent.Meta)."""

    user = forms.CharField(label=_("User"), required=False, max_length=150)
    object_type = forms.CharField(label=_("Object type"), required=False, max_length=64)
    object_id = forms.CharField(label=_("Object id"), required=False, max_length=64)
    case = forms.UUIDField(
        label=_("Case id"),
        required=False,
        help_text=_("Events about the case, and list pages and exports that showed it."),
    )
    action = forms.ChoiceField(
        label=_("Action"), required=False, choices=[("", _("Any action")), *Action.choices]
    )
    date_from = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, organisation_id: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisation_id = organisation_id
        self.actor_ids: list[int] = []

    def clean_user(self) -> str:
        """The typed name, resolved to the organisation's users (ignoring case), so that the
        search is on the indexed actor id."""
        name = self.cleaned_data["user"].strip()
        if name:
            users = get_user_model().objects.filter(
                organisation_id=self.organisation_id, username__iexact=name
            )
            self.actor_ids = list(users.values_list("pk", flat=True))
            if not self.actor_ids:
                raise forms.ValidationError(
                    _("No user of your organisation is called “%(name)s”."),
                    params={"name": name},
                )
        return name

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and end < start:
            raise forms.ValidationError(_("The end of the period is before its start."))
        return cleaned

    def filter(self, events: QuerySet) -> QuerySet:
        data = self.cleaned_data
        if self.actor_ids:
            events = events.filter(actor_id__in=self.actor_ids)
        if data.get("object_type"):
            # Object types are model labels, always lower case (audit.log.record).
            events = events.filter(object_type=data["object_type"].strip().lower())
        if data.get("object_id"):
            events = events.filter(object_id=data["object_id"].strip())
        if data.get("case"):
            events = events.filter(id__in=self.about_case(data["case"]))
        if data.get("action"):
            events = events.filter(action=data["action"])
        # A range on `at` (the day in local time), not `at__date`, so that the index serves it.
        if data.get("date_from"):
            events = events.filter(at__gte=start_of(data["date_from"]))
        if data.get("date_to"):
            events = events.filter(at__lt=start_of(data["date_to"] + dt.timedelta(days=1)))
        return events

    @staticmethod
    def about_case(public_id) -> QuerySet:
        """The ids of the events whose object is the case or that named it among several:
        two index lookups, joined by a union."""
        own = AuditEvent.objects.filter(object_type="cases.case", object_id=str(public_id))
        named = AuditEventCase.objects.filter(case_public_id=public_id)
        return own.order_by().values("id").union(named.order_by().values("event_id"))

    def cleaned_data_for_log(self) -> dict:
        """The search terms, as text, for the audit event the search itself leaves."""
        return {key: str(value) for key, value in self.cleaned_data.items() if value}
