import datetime as dt
import re
import uuid

from django import forms
from django.apps import apps
from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _

from samspel.audit.models import Action, AuditEvent, AuditEventCase


def start_of(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


# More users (persons) matching a part of a name than this: the auditor is asked to type more.
MAX_MATCHING_USERS = 50
MAX_MATCHING_PERSONS = 20


def _person_lookup():
    """The function that finds persons for the search by person (an app above audit's)."""
    for config in apps.get_app_configs():
        if getattr(config, "audit_person_lookup", None):
            return import_string(config.audit_person_lookup)
    raise LookupError("no installed app offers audit_person_lookup")


CASE_NUMBER = re.compile(r"[0-9A-Za-z][0-9A-Za-z/_.-]{0,31}")


def _is_uuid(value: str) -> bool:
    try:
        uuid.UUID(value)
    except ValueError:
        return False
    return True


PERIODS = [
    ("", _("Any time")),
    ("today", _("Today")),
    ("7", _("The last 7 days")),
    ("30", _("The last 30 days")),
    ("this_month", _("This month")),
    ("last_month", _("Last month")),
]


def period_dates(period: str, today: dt.date) -> tuple[dt.date, dt.date]:
    """The first and last day (both included) of a period preset."""
    if period == "today":
        return today, today
    if period in ("7", "30"):
        return today - dt.timedelta(days=int(period) - 1), today
    first = today.replace(day=1)
    if period == "this_month":
        return first, today
    last_of_previous = first - dt.timedelta(days=1)
    return last_of_previous.replace(day=1), last_of_previous


class AuditSearchForm(forms.Form):
    """Each filter is an exact or range condition on an indexed column (AuditEvent.Meta)."""

    user = forms.CharField(
        label=_("User"),
        required=False,
        max_length=150,
        help_text=_("User name or part of a name."),
    )
    case = forms.CharField(
        label=_("Case"),
        required=False,
        max_length=64,
        help_text=_(
            "Case number (e.g. 2025-0003): events about the case, and the lists that showed it."
        ),
    )
    person = forms.CharField(
        label=_("Person"),
        required=False,
        max_length=100,
        help_text=_("Personal number or name: their person and family pages and their cases."),
    )
    period = forms.ChoiceField(label=_("Period"), required=False, choices=PERIODS)
    object_type = forms.CharField(label=_("Object type"), required=False, max_length=64)
    object_id = forms.CharField(label=_("Object id"), required=False, max_length=64)
    action = forms.ChoiceField(
        label=_("Action"), required=False, choices=[("", _("Any action")), *Action.choices]
    )
    date_from = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    unknown_users = forms.BooleanField(
        label=_("Failed logins with unknown user names"),
        required=False,
        help_text=_("Names typed at the login page that belong to no user (any organisation)."),
    )

    def __init__(self, *args, organisation_id: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisation_id = organisation_id
        self.actor_ids: list[int] = []
        self.person_lookup = None

    def clean_user(self) -> str:
        """The typed name or part of it, resolved to the organisation's users (ignoring case:
        the user name, a first or last name, or both), so that the search is on the indexed
        actor id. An exact user name finds that user only."""
        name = self.cleaned_data["user"].strip()
        if name:
            users = get_user_model().objects.filter(organisation_id=self.organisation_id)
            exact = list(users.filter(username__iexact=name).values_list("pk", flat=True))
            # Every word in the first or the last name ("mette kri"), or the user name.
            in_names = Q()
            for word in name.split():
                in_names &= Q(first_name__icontains=word) | Q(last_name__icontains=word)
            matching = Q(username__icontains=name) | in_names
            self.actor_ids = exact or list(
                users.filter(matching).values_list("pk", flat=True)[: MAX_MATCHING_USERS + 1]
            )
            if not self.actor_ids:
                raise forms.ValidationError(
                    _("No user of your organisation is called “%(name)s”."),
                    params={"name": name},
                )
            if len(self.actor_ids) > MAX_MATCHING_USERS:
                raise forms.ValidationError(
                    _("More than %(count)d users match “%(name)s”: type more of the name."),
                    params={"count": MAX_MATCHING_USERS, "name": name},
                )
        return name

    def clean_person(self) -> str:
        """The persons the text names, through the app that knows them (audit is the bottom
        layer: CasesConfig.audit_person_lookup)."""
        text = self.cleaned_data["person"].strip()
        if text:
            lookup = _person_lookup()(self.organisation_id, text, MAX_MATCHING_PERSONS)
            if not lookup.persons:
                raise forms.ValidationError(
                    _("No person of your organisation is named “%(name)s”."),
                    params={"name": text},
                )
            if lookup.persons > MAX_MATCHING_PERSONS:
                raise forms.ValidationError(
                    _("More than %(count)d persons match “%(name)s”: type more of the name."),
                    params={"count": MAX_MATCHING_PERSONS, "name": text},
                )
            self.person_lookup = lookup
        return text

    def clean_case(self) -> str:
        """A case number as the organisation writes it, or a case's id."""
        value = self.cleaned_data["case"].strip()
        if value and not _is_uuid(value) and not CASE_NUMBER.fullmatch(value):
            raise forms.ValidationError(
                _("“%(value)s” is not a case number."), params={"value": value}
            )
        return value

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("period"):
            if cleaned.get("date_from") or cleaned.get("date_to"):
                raise forms.ValidationError(_("Choose a period or give dates, not both."))
            start, end = period_dates(cleaned["period"], timezone.localdate())
            cleaned["date_from"], cleaned["date_to"] = start, end
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
            events = events.filter(id__in=self.about_case(data["case"], self.organisation_id))
        if self.person_lookup is not None:
            events = events.filter(id__in=self.about_person(self.person_lookup))
        if data.get("action"):
            events = events.filter(action=data["action"])
        # A range on `at` (the day in local time), not `at__date`, so that the index serves it.
        if data.get("date_from"):
            events = events.filter(at__gte=start_of(data["date_from"]))
        if data.get("date_to"):
            events = events.filter(at__lt=start_of(data["date_to"] + dt.timedelta(days=1)))
        return events

    @staticmethod
    def about_case(case: str, organisation_id: int | None) -> QuerySet:
        """The ids of the events about the case (by number or by id: its page, its plans',
        activities' and persons' pages, its changes) or that named it among several: index
        lookups joined by a union."""
        own = AuditEvent.objects.none()
        named = AuditEventCase.objects.none()
        number = case
        if _is_uuid(case):
            public_id = str(uuid.UUID(case))
            own = AuditEvent.objects.filter(object_type="cases.case", object_id=public_id)
            named = AuditEventCase.objects.filter(case_public_id=public_id)
            number = (
                own.filter(organisation_id=organisation_id)
                .exclude(case_number="")
                .values_list("case_number", flat=True)
                .first()
            ) or ""
        if number:
            own = own | AuditEvent.objects.filter(
                organisation_id=organisation_id, case_number=number
            )
            named = named | AuditEventCase.objects.filter(
                case_number=number, event__organisation_id=organisation_id
            )
        return own.order_by().values("id").union(named.order_by().values("event_id"))

    def about_person(self, lookup) -> QuerySet:
        """The ids of the events about the person's and family's pages and their cases."""
        objects = Q()
        for object_type, object_id in lookup.objects:
            objects |= Q(object_type=object_type, object_id=object_id)
        pages = AuditEvent.objects.filter(objects).order_by().values("id")
        cases = AuditEvent.objects.filter(
            organisation_id=self.organisation_id, case_number__in=lookup.case_numbers
        )
        named = AuditEventCase.objects.filter(
            case_number__in=lookup.case_numbers, event__organisation_id=self.organisation_id
        )
        return pages.union(cases.order_by().values("id"), named.order_by().values("event_id"))

    def cleaned_data_for_log(self) -> dict:
        """The search terms, as text, for the audit event the search itself leaves."""
        return {key: str(value) for key, value in self.cleaned_data.items() if value}


class ReviewForm(forms.Form):
    """Flagged reads marked as reviewed, with one note for them all. The page draws the
    checkboxes (one per read, name "event"); the view keeps only the ids of the month's flagged
    events of the organisation."""

    event = forms.Field(widget=forms.MultipleHiddenInput, required=False)
    note = forms.CharField(label=_("Note"), required=False, max_length=500)

    def clean_event(self) -> list[int]:
        values = self.cleaned_data["event"] or []
        if not values:
            raise forms.ValidationError(_("Choose the reads you reviewed."))
        if not all(str(value).isdigit() for value in values):
            raise forms.ValidationError(_("Choose the reads you reviewed."))
        return [int(value) for value in values]
