from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from samspel.accounts.models import Role, User
from samspel.bounds import PastDateField, RecordDateField
from samspel.cases.models import Case, CaseStatus, ClosingReason
from samspel.cases.search import search_cases
from samspel.cases.worker_search import WorkerField, case_workers
from samspel.families.models import PersonRole
from samspel.organisations.models import Jurisdiction, Team
from samspel.programmes.choices import programme_choices
from samspel.programmes.vocabulary import buddy_label


class CaseForm(forms.ModelForm):
    """The case's people, programme and referral. Its legal basis is its measures, added and
    ended with their dates on the case page (samspel.cases.measure_forms)."""

    class Meta:
        model = Case
        fields = [
            "focus_children",
            "programme",
            "team",
            "responsible",
            "buddy",
            "referred_on",
        ]
        field_classes = {"referred_on": RecordDateField}
        widgets = {
            "focus_children": forms.CheckboxSelectMultiple,
            "referred_on": forms.DateInput(attrs={"type": "date"}),
        }

    def __init__(self, *args, family, user, **kwargs):
        super().__init__(*args, **kwargs)
        organisation = user.organisation
        self.family = family
        self.organisation = organisation
        self.fields["focus_children"].queryset = family.persons.filter(role=PersonRole.CHILD)
        self.fields["focus_children"].required = False  # clean() explains what is missing
        teams = Team.objects.filter(organisation=organisation, is_active=True)
        self.fields["team"].queryset = teams
        offered = set(teams.values_list("programme", flat=True))
        self.fields["programme"] = forms.ChoiceField(
            label=_("Working model"),
            choices=[
                choice
                for choice in programme_choices(organisation, keep=self.instance.programme)
                if choice[0] in offered or choice[0] == self.instance.programme
            ],
        )
        workers = User.objects.filter(
            organisation=organisation, is_active=True, role__in=[Role.WORKER, Role.TEAM_LEADER]
        )
        self.fields["responsible"].queryset = workers
        # A new referral may wait in its team's intake queue; an assigned case changes hands by
        # a handover, never back to nobody.
        self.fields["responsible"].required = bool(
            self.instance.pk and self.instance.responsible_id
        )
        self.fields["responsible"].empty_label = _("— Leave it to the team leader to assign —")
        # Who holds the case changes by a handover (samspel.handovers): the new worker accepts
        # it, and until then the old one keeps the case. A buddy can be added where there is none.
        handed_over = _("Changed by a handover, from the case page.")
        if self.instance.pk and self.instance.responsible_id:
            self.fields["responsible"].disabled = True
            self.fields["responsible"].help_text = handed_over
        if self.instance.pk and self.instance.buddy_id:
            self.fields["buddy"].disabled = True
            self.fields["buddy"].help_text = handed_over
        self.fields["buddy"].queryset = workers
        self.fields["buddy"].label = buddy_label(organisation.jurisdiction)
        if not self.instance.pk:
            self.fields["responsible"].initial = user.pk
            first_team = user.teams.filter(organisation=organisation).first()
            if first_team:
                self.fields["team"].initial = first_team.pk
                self.fields["programme"].initial = first_team.programme

    def clean(self):
        cleaned = super().clean()
        team, responsible, buddy = (
            cleaned.get("team"),
            cleaned.get("responsible"),
            cleaned.get("buddy"),
        )
        if buddy and not responsible and "responsible" not in self.errors:
            self.add_error("buddy", _("Choose the responsible worker before the buddy."))
        if buddy and responsible and buddy == responsible:
            self.add_error("buddy", _("The buddy must be someone other than the responsible."))
        if team and responsible and not responsible.teams.filter(pk=team.pk).exists():
            self.add_error("responsible", _("The responsible worker must belong to the team."))
        if team and cleaned.get("programme") and team.programme != cleaned["programme"]:
            self.add_error("team", _("This team does not run the chosen working model."))
        if not cleaned.get("focus_children") and "focus_children" not in self.errors:
            self.add_error("focus_children", _("Choose at least one focus child."))
        return cleaned


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("New status"), choices=CaseStatus.choices)
    on = RecordDateField(label=_("From"), widget=forms.DateInput(attrs={"type": "date"}))
    closing_reason = forms.ChoiceField(
        label=_("Reason for closing"),
        required=False,
        choices=[("", _("— only when closing —")), *ClosingReason.choices],
    )
    closing_note = forms.CharField(
        label=_("Note on the closing"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, case: Case, **kwargs):
        super().__init__(*args, **kwargs)
        self.case = case
        allowed = set(case.allowed_statuses())
        self.fields["status"].choices = [c for c in CaseStatus.choices if c[0] in allowed]
        if CaseStatus.CLOSED not in allowed:
            del self.fields["closing_reason"], self.fields["closing_note"]


class ReopenForm(forms.Form):
    on = RecordDateField(label=_("Reopened from"), widget=forms.DateInput(attrs={"type": "date"}))
    reason = forms.CharField(
        label=_("Reason for reopening"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": _("Say why the case is reopened.")},
    )


class CaseFilterForm(forms.Form):
    q = forms.CharField(label=_("Name, personal number or case number"), required=False)
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("Open cases")), *CaseStatus.choices, ("all", _("All"))],
    )
    programme = forms.ChoiceField(label=_("Working model"), required=False)
    mine = forms.BooleanField(
        label=_("Only cases I am responsible for or buddy on"), required=False
    )

    def __init__(self, *args, organisation_id: int | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["programme"].choices = [("", _("All")), *programme_choices(organisation_id)]

    def filter(self, cases, user):
        data = self.cleaned_data if self.is_bound and self.is_valid() else {}
        term = (data.get("q") or "").strip()
        if term:
            cases = search_cases(cases, term, user.organisation.jurisdiction)
        status = data.get("status") or ""
        if status == "":
            cases = cases.exclude(status=CaseStatus.CLOSED)
        elif status != "all":
            cases = cases.filter(status=status)
        if data.get("programme"):
            cases = cases.filter(programme=data["programme"])
        if data.get("mine"):
            cases = cases.filter(Q(responsible=user) | Q(buddy=user))
        return cases


class EmergencyAccessForm(forms.Form):
    number = forms.CharField(label=_("Case number"), max_length=20)
    reason = forms.CharField(
        label=_("Why do you need access now?"),
        widget=forms.Textarea(attrs={"rows": 3}),
        min_length=10,
        error_messages={"min_length": _("Write a reason of at least 10 characters.")},
    )


class GrantForm(forms.Form):
    """Access to the case by name, for an active worker or team leader of its organisation
    who is neither its responsible nor its buddy, typed by name or username."""

    user = WorkerField(
        label=_("Colleague"),
        error_messages={"required": _("Type the name or username of a colleague.")},
    )
    can_write = forms.BooleanField(label=_("May change the case"), required=False)

    def __init__(self, *args, case: Case, **kwargs):
        super().__init__(*args, **kwargs)
        self.case = case
        url = reverse("cases:grant_candidates", kwargs={"public_id": case.public_id})
        self.fields["user"].offer(case_workers(case), url)

    def clean_user(self):
        user = self.cleaned_data["user"]
        if user.pk in (self.case.responsible_id, self.case.buddy_id):
            raise ValidationError(
                _("%(user)s is already on the case and needs no access by name.") % {"user": user}
            )
        return user


DATE_INPUT = {"type": "date"}


class InvestigationDecisionForm(forms.Form):
    """The Swedish decision whether to open an investigation (SoL 11 kap. 1 a §)."""

    opened = forms.TypedChoiceField(
        label=_("Decision"),
        choices=[("yes", _("Open an investigation")), ("no", _("Do not open an investigation"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )
    decided_on = PastDateField(
        label=_("Decided on"), widget=forms.DateInput(attrs=DATE_INPUT, format="%Y-%m-%d")
    )

    def __init__(self, *args, case: Case, **kwargs):
        super().__init__(*args, **kwargs)
        if case.investigation_opened is not None:
            self.initial.setdefault("opened", "yes" if case.investigation_opened else "no")
            self.initial.setdefault("decided_on", case.investigation_decided_on)


class InvestigationForm(forms.Form):
    """The investigation's start and end, in the words of the case's country."""

    started_on = PastDateField(widget=forms.DateInput(attrs=DATE_INPUT, format="%Y-%m-%d"))
    finished_on = PastDateField(
        required=False, widget=forms.DateInput(attrs=DATE_INPUT, format="%Y-%m-%d")
    )

    def __init__(self, *args, case: Case, **kwargs):
        super().__init__(*args, **kwargs)
        if case.organisation.jurisdiction == Jurisdiction.DENMARK:
            self.fields["started_on"].label = _("Child-professional investigation started on")
            self.fields["finished_on"].label = _("Child-professional investigation finished on")
        else:
            self.fields["started_on"].label = _("Investigation started on")
            self.fields["finished_on"].label = _("Investigation finished on")
        self.fields["finished_on"].help_text = _("Leave empty while it is under way.")
        self.initial.setdefault("started_on", case.investigation_started_on)
        self.initial.setdefault("finished_on", case.investigation_finished_on)
