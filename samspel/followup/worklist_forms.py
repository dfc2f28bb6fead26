"""The team leader's worklist filter."""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from samspel.programmes.choices import programme_choices


class TeamWorklistFilterForm(forms.Form):
    worker = forms.ModelChoiceField(
        label=_("Worker"),
        required=False,
        queryset=None,
        empty_label=_("Everyone"),
        help_text=_("Cases the worker is responsible or buddy for."),
    )
    programme = forms.ChoiceField(label=_("Working model"), required=False)

    def __init__(self, *args, workers, organisation=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["worker"].queryset = workers
        self.fields["programme"].choices = [("", _("All")), *programme_choices(organisation)]

    def filter(self, items):
        """The items narrowed to the valid choices; invalid input filters nothing."""
        if not (self.is_bound and self.is_valid()):
            return items
        worker = self.cleaned_data["worker"]
        if worker is not None:
            items = items.filter(Q(responsible_id=worker.pk) | Q(buddy_id=worker.pk))
        if self.cleaned_data["programme"]:
            items = items.filter(programme=self.cleaned_data["programme"])
        return items
