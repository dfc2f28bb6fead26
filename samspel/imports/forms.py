from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from samspel.imports.csvfiles import MAX_BYTES
from samspel.imports.models import Kind

HELP = {
    Kind.FAMILIES: _("Columns: ref, name."),
    Kind.PERSONS: _(
        "Columns: family_ref, ref, role, first_name, last_name, and if known personal_number, "
        "birth_date, protected_identity, address, phone, email."
    ),
    Kind.CASES: _(
        "Columns: number, family_ref, team, responsible, referred_on, focus_children, and if "
        "known programme, buddy, status, active_from."
    ),
    Kind.MEASURES: _(
        "Columns: case_number, paragraph, decided_on, starts_on, and if known ends_on."
    ),
}


class ImportForm(forms.Form):
    """Up to four CSV files; each is optional, at least one is needed."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for kind, label in Kind.choices:
            self.fields[kind] = forms.FileField(
                label=label,
                required=False,
                help_text=HELP[kind],
                widget=forms.FileInput(attrs={"accept": ".csv,.txt,text/csv,text/plain"}),
            )

    def clean(self):
        cleaned = super().clean()
        files = {kind: cleaned.get(kind) for kind in Kind.values}
        if not any(files.values()) and not self.errors:
            raise ValidationError(_("Choose at least one file."))
        for kind, upload in files.items():
            if upload is not None and upload.size > MAX_BYTES:
                message = _("The file is larger than %(mb)d MB.") % {"mb": MAX_BYTES // 2**20}
                self.add_error(kind, message)
        return cleaned

    def uploads(self) -> dict[str, tuple[str, bytes]]:
        return {
            kind: (upload.name, upload.read())
            for kind in Kind.values
            if (upload := self.cleaned_data.get(kind)) is not None
        }
