from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from samspel.accounts.models import Role, User
from samspel.organisations.models import Membership, Organisation, SingleSignOn, Team
from samspel.organisations.sso import ProviderUnavailable, discover
from samspel.programmes.choices import default_programme, programme_choices


class UserForm(forms.ModelForm):
    teams = forms.ModelMultipleChoiceField(
        label=_("Teams"),
        queryset=Team.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = User
        fields = ["username", "first_name", "last_name", "email", "role", "language"]

    def __init__(self, *args, organisation: Organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisation = organisation
        self.fields["teams"].queryset = organisation.teams.filter(is_active=True)
        self.fields["first_name"].required = True
        self.fields["last_name"].required = True
        self.fields["email"].required = True
        if self.instance.pk:
            del self.fields["username"]
            self.fields["teams"].initial = self.instance.teams.filter(organisation=organisation)

    def clean_username(self) -> str:
        username = self.cleaned_data["username"]
        if User.objects.filter(username__iexact=username).exists():
            raise forms.ValidationError(_("That username is taken."))
        return username

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("role") == Role.AUDITOR and cleaned.get("teams"):
            raise forms.ValidationError(
                _("Auditors read the audit log only and cannot belong to a team.")
            )
        return cleaned

    def save_for_organisation(self) -> User:
        """Save the user with explicit fields and sync their team memberships."""
        user = self.instance
        for name in ("first_name", "last_name", "email", "role", "language"):
            setattr(user, name, self.cleaned_data[name])
        if not user.pk:
            user.username = self.cleaned_data["username"]
            user.organisation = self.organisation
            user.set_unusable_password()
        user.save()
        chosen = set(self.cleaned_data["teams"])
        current = {m.team: m for m in Membership.objects.filter(user=user).select_related("team")}
        for team in chosen - current.keys():
            Membership.objects.create(team=team, user=user)
        offered = set(self.fields["teams"].queryset)  # inactive teams are not on the form
        for team, membership in current.items():
            if team in offered and team not in chosen:
                membership.delete()
        return user


class UserFilterForm(forms.Form):
    q = forms.CharField(label=_("Name or username"), required=False, max_length=100)
    role = forms.ChoiceField(
        label=_("Role"), required=False, choices=[("", _("All roles")), *Role.choices]
    )
    active = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("All")), ("yes", _("Active")), ("no", _("Deactivated"))],
    )

    def filter(self, users):
        data = self.cleaned_data
        if data.get("q"):
            term = data["q"].strip()
            users = users.filter(
                Q(username__icontains=term)
                | Q(first_name__icontains=term)
                | Q(last_name__icontains=term)
            )
        if data.get("role"):
            users = users.filter(role=data["role"])
        if data.get("active"):
            users = users.filter(is_active=data["active"] == "yes")
        return users


class TeamFilterForm(forms.Form):
    """The team list's filter: by working model, of those the organisation's country offers."""

    programme = forms.ChoiceField(label=_("Working model"), required=False)

    def __init__(self, *args, organisation: Organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["programme"].choices = [("", _("All")), *programme_choices(organisation)]

    def filter(self, teams):
        if self.is_valid() and self.cleaned_data["programme"]:
            return teams.filter(programme=self.cleaned_data["programme"])
        return teams


class TeamForm(forms.ModelForm):
    programme = forms.ChoiceField(label=_("Working model"))

    class Meta:
        model = Team
        fields = ["name", "programme", "is_active"]

    def __init__(self, *args, organisation: Organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisation = organisation
        # The built-in programmes and this organisation's own: another's key is not a choice.
        self.fields["programme"].choices = programme_choices(
            organisation, keep=self.instance.programme
        )
        if not self.instance.pk:
            self.initial.setdefault("programme", default_programme(organisation))

    def clean_name(self) -> str:
        name = self.cleaned_data["name"].strip()
        others = Team.objects.filter(organisation=self.organisation, name__iexact=name)
        if self.instance.pk:
            others = others.exclude(pk=self.instance.pk)
        if others.exists():
            raise forms.ValidationError(_("Your organisation already has a team with that name."))
        return name

    def save_for_organisation(self) -> Team:
        team = self.instance
        team.organisation = self.organisation
        team.name = self.cleaned_data["name"]
        team.programme = self.cleaned_data["programme"]
        team.is_active = self.cleaned_data["is_active"]
        team.save()
        return team


class AddMemberForm(forms.Form):
    user = forms.ModelChoiceField(label=_("User"), queryset=User.objects.none())
    is_leader = forms.BooleanField(label=_("Team leader"), required=False)

    def __init__(self, *args, team: Team, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = (
            User.objects.filter(organisation=team.organisation, is_active=True)
            .exclude(teams=team)
            .exclude(role__in=[Role.AUDITOR])
        )


class SingleSignOnForm(forms.ModelForm):
    """The organisation's OpenID provider. The secret is never shown again: left empty, the
    stored one stays. Saving reads the provider's discovery document, so a mistyped issuer is
    caught here, not at the first login."""

    role_lines = forms.CharField(
        label=_("Role for each claim value"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "One per line: the claim's value = worker, team_leader, org_admin or auditor. "
            "A login whose claim matches no line keeps its role."
        ),
    )

    class Meta:
        model = SingleSignOn
        fields = [
            "enabled", "issuer", "client_id", "client_secret", "scopes", "match_claim",
            "provision", "role_claim", "password_login",
        ]  # fmt: skip
        widgets = {"client_secret": forms.PasswordInput(render_value=False)}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        stored = self.instance.pk is not None
        self.fields["client_secret"].required = not stored
        if stored:
            self.fields["client_secret"].help_text = _("Leave empty to keep the stored secret.")
            self.initial["role_lines"] = "\n".join(
                f"{value} = {role}" for value, role in self.instance.role_map.items()
            )

    def clean_client_secret(self) -> str:
        return self.cleaned_data["client_secret"] or self.instance.client_secret

    def clean_role_lines(self) -> dict[str, str]:
        mapping = {}
        for number, line in enumerate(self.cleaned_data["role_lines"].splitlines(), 1):
            if not line.strip():
                continue
            value, sep, role = (part.strip() for part in line.partition("="))
            if not sep or not value or role not in Role.values:
                raise ValidationError(
                    _("Line %(line)d: write the value, =, and one of %(roles)s.")
                    % {"line": number, "roles": ", ".join(Role.values)}
                )
            mapping[value] = role
        return mapping

    def clean(self):
        cleaned = super().clean()
        issuer = cleaned.get("issuer")
        if issuer and cleaned.get("enabled"):
            try:
                discover(issuer)
            except ProviderUnavailable:
                self.add_error(
                    "issuer",
                    _("Samspel cannot read the provider's discovery document at this address."),
                )
        return cleaned

    def save(self, commit=True):
        self.instance.role_map = self.cleaned_data["role_lines"]
        return super().save(commit)
