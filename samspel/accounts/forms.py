from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _


class LoginForm(AuthenticationForm):
    error_messages = {
        "invalid_login": _("Wrong username or password. Check both and try again."),
        "inactive": _("This account has been deactivated. Ask your administrator."),
        "sso_only": _(
            "Your organisation signs in through its own login: use the button for it above."
        ),
    }

    def confirm_login_allowed(self, user) -> None:
        super().confirm_login_allowed(user)
        # The organisation's single sign-on (samspel.organisations.sso) may switch passwords off.
        sso = getattr(user.organisation, "single_sign_on", None) if user.organisation else None
        if sso is not None and sso.enabled and not sso.password_login:
            raise forms.ValidationError(self.error_messages["sso_only"], code="sso_only")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].widget.attrs.update({"autocomplete": "username"})
        # No autofocus: keyboard and screen-reader users start at the skip link and header.
        self.fields["username"].widget.attrs.pop("autofocus", None)
        self.fields["password"].widget.attrs.update({"autocomplete": "current-password"})


class OneTimeCodeForm(forms.Form):
    code = forms.RegexField(
        label=_("Six-digit code from your authenticator app"),
        regex=r"^\s*\d{6}\s*$",
        error_messages={"invalid": _("Enter the six digits shown in your authenticator app.")},
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "maxlength": "8"}
        ),
    )

    def clean_code(self) -> str:
        return self.cleaned_data["code"].strip()
