"""The plan as a PDF, in the reader's language (WeasyPrint renders an HTML template).

The PDF names people and their roles only: no address, phone or e-mail of anyone is printed,
so details of a person with protected identity can never reach paper (DOMAIN.md §2, §7). A printed
plan leaves Samspel (it goes to meetings, to the family, to other agencies), so it names the
family's persons as everything that leaves does (families/visibility.py, PRINTED): a person with
protected identity by initials, whoever prints it; nobody's personal number."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.text import get_valid_filename
from django.utils.translation import gettext
from django.views.decorators.http import require_GET

from samspel.audit.log import record
from samspel.audit.models import Action
from samspel.cases.models import Case
from samspel.families.visibility import PRINTED, family_display
from samspel.plans.editing import plan_for_read
from samspel.plans.models import Plan
from samspel.plans.rules import framework
from samspel.plans.tree import plan_tree


class ExternalResourceRefused(ValueError):
    pass


def refuse_fetch(url: str, *args, **kwargs):
    """The template is self-contained; the PDF never loads anything from outside."""
    raise ExternalResourceRefused(url)


def plan_html(request: HttpRequest, case: Case, plan: Plan) -> str:
    shown = family_display(request.user, case.family, PRINTED)
    people = [
        {"name": shown.printed(person).name, "role": person.get_role_display()}
        for person in case.family.persons.order_by("role", "first_name")
    ]
    context = {
        "case": case,
        "plan": plan,
        "people": people,
        "focus_children": [shown.printed(child).name for child in case.focus_children.all()],
        "responsible": str(case.responsible) if case.responsible else gettext("Unassigned"),
        "tree": plan_tree(plan),
        "coordination": plan.coordination.order_by("actor", "id"),
        "framework": framework(case.organisation.jurisdiction),
        "printed_at": timezone.localtime(),
        "printed_by": str(request.user),
        "language": translation.get_language(),
    }
    return render_to_string("plans/plan_pdf.html", context, request=request)


def render_pdf(html: str) -> bytes:
    from weasyprint import HTML  # imported here: loading Pango costs time at start-up

    return HTML(string=html, url_fetcher=refuse_fetch).write_pdf()


@require_GET
@login_required
def plan_pdf(request: HttpRequest, case_id, plan_id) -> HttpResponse:
    case, plan = plan_for_read(request, case_id, plan_id)
    pdf = render_pdf(plan_html(request, case, plan))
    record(
        request,
        Action.EXPORT,
        plan,
        format="pdf",
        version=plan.version,
        language=translation.get_language(),
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    filename = get_valid_filename(f"plan-{case.number}-v{plan.version}.pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
