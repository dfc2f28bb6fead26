"""A worker leaving (issue 12, item 2): the team leader hands all their cases over in one step,
one handover per case and role, each with its note prefilled from its case and each accepted on
its own by its new worker. A case that cannot be handed over is reported; the others go."""

from __future__ import annotations

from dataclasses import dataclass

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from samspel.accounts.models import User
from samspel.audit.log import record_list
from samspel.cases.access import led_teams, team_cases
from samspel.cases.models import Case, CaseStatus
from samspel.cases.refusals import Refused
from samspel.handovers import services
from samspel.handovers.models import Kind
from samspel.handovers.prefill import prefill


@dataclass
class Row:
    case: Case
    kind: str
    field: str  # the form field choosing its new worker


def _members(user):
    teams = list(led_teams(user))
    if not teams:
        raise Http404
    return (
        User.objects.filter(teams__in=teams, is_active=True, organisation_id=user.organisation_id)
        .distinct()
        .order_by("last_name", "first_name")
    )


def _rows(leaver: User, user) -> list[Row]:
    cases = (
        team_cases(user)
        .filter(Q(responsible=leaver) | Q(buddy=leaver))
        .exclude(status=CaseStatus.CLOSED)
        .select_related("family", "team")
        .order_by("number")
    )
    rows = []
    for case in cases:
        kind = Kind.RESPONSIBLE if case.responsible_id == leaver.pk else Kind.BUDDY
        rows.append(Row(case, kind, f"to-{case.public_id}"))
    return rows


class LeaverForm(forms.Form):
    def __init__(self, *args, rows: list[Row], candidates, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.rows = rows
        for row in rows:
            self.fields[row.field] = forms.ModelChoiceField(
                label=_("%(number)s (%(role)s) to")
                % {"number": row.case.number, "role": Kind(row.kind).label},
                queryset=candidates,
                to_field_name="public_id",
                error_messages={
                    "required": gettext_lazy("Choose the new worker."),
                    "invalid_choice": gettext_lazy("Choose one of the team's workers."),
                },
            )


@require_http_methods(["GET", "POST"])
@login_required
def leaving(request: HttpRequest) -> HttpResponse:
    members = _members(request.user)
    leaver = None
    if worker_id := request.GET.get("worker"):
        try:
            leaver = members.filter(public_id=worker_id).first()
        except (ValueError, TypeError, ValidationError):
            leaver = None
        if leaver is None:
            raise Http404
    rows = _rows(leaver, request.user) if leaver else []
    record_list(request, "handovers.leaving", [row.case for row in rows])
    candidates = members.exclude(pk=leaver.pk) if leaver else members.none()
    posted = request.POST if request.method == "POST" else None
    form = LeaverForm(posted, rows=rows, candidates=candidates)
    if request.method == "POST" and leaver is not None and form.is_valid():
        sent, refused = 0, []
        for row in rows:
            try:
                services.start(
                    row.case,
                    by=request.user,
                    kind=row.kind,
                    to_user=form.cleaned_data[row.field],
                    note=prefill(row.case),
                    request=request,
                )
                sent += 1
            except Refused as refusal:
                refused.append(f"{row.case.number}: {refusal.message}")
        messages.success(
            request,
            _("%(count)d handovers are sent; each new worker accepts their own.") % {"count": sent},
        )
        for line in refused:
            messages.error(request, line)
        return redirect("web:home")
    context = {"members": members, "leaver": leaver, "rows": rows, "form": form}
    response = render(request, "handovers/leaving.html", context)
    response.status_code = 400 if form.errors else 200
    return response
