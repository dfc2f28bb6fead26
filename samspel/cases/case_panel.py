"""What the case page shows of FIFA's answers (seed 002): each adult of the case's family, named
by the display rule (samspel.families.visibility), with what they answered when asked about
their children and offered parenting support, and what is still missing; for writers, a form per
adult. Shown when the case's programme has a rule these answers close. The case's measures, its
legal basis (ISSUE10 item 1), and its placements per focus child (item 3).
CasesConfig.case_panel names `case_panels` (samspel.cases.panels)."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samspel.cases.access import case_relation
from samspel.cases.fifa_forms import AdultAnswersForm
from samspel.cases.measure_forms import MeasureAddForm, MeasureEndForm
from samspel.cases.models import ANSWERING_ROLES, AdultAnswers, Case, Measure, Placement
from samspel.cases.placement_forms import PlacementEndForm, PlacementRecordForm
from samspel.cases.services import placement_grounds
from samspel.catalogues.loader import Catalogue, UnknownParagraph, catalogue
from samspel.families.models import PersonRole
from samspel.families.visibility import family_display
from samspel.programmes.definitions import ADULT_FACTS
from samspel.programmes.effective import programme_for


def asks_adults(case: Case) -> bool:
    """Whether the programme the case runs has a rule closed by the adults' answers."""
    found = programme_for(case.organisation_id, case.programme)
    return found is not None and any(rule.closed_by_fact in ADULT_FACTS for rule in found.rules)


def adult_answers_panel(request: HttpRequest, case: Case, writable: bool) -> dict:
    if not asks_adults(case):
        return {"fifa_shown": False}
    display = family_display(request.user, case.family, case_relation(request.user, case))
    adults = case.family.persons.filter(role__in=ANSWERING_ROLES).order_by("pk")
    recorded = {answers.person_id: answers for answers in case.adult_answers.all()}
    rows = []
    for person in adults:
        answers = recorded.get(person.pk) or AdultAnswers(case=case, person=person)
        form = None
        if writable:
            form = AdultAnswersForm(
                auto_id=f"id_adult{person.pk}_%s",
                initial={
                    "person": person.public_id,
                    "asked_about_children_on": answers.asked_about_children_on,
                    "children_answer": answers.children_answer,
                    "parenting_support_offered_on": answers.parenting_support_offered_on,
                    "support_answer": answers.support_answer,
                    "support_note": answers.support_note,
                },
            )
        rows.append({"name": display.of(person).name, "answers": answers, "form": form})
    return {"fifa_shown": True, "fifa_adults": rows}


def placements_panel(request: HttpRequest, case: Case, writable: bool) -> dict:
    """The case's placements per focus child, current first, each with its form, legal ground,
    home and dates and how it ended; for writers of an open case, a form to record a placement
    and, on each current one, a form to end it."""
    display = family_display(request.user, case.family, case_relation(request.user, case))
    children = list(case.focus_children.filter(role=PersonRole.CHILD).order_by("pk"))
    placements = list(case.placements.select_related("home"))
    grounds = dict(placement_grounds(case.organisation.jurisdiction))
    rows = []
    for child in children:
        own = [placement for placement in placements if placement.child_id == child.pk]
        rows.append(
            {
                "name": display.of(child).name,
                "current": [_row(p, grounds, writable) for p in own if p.is_current],
                "ended": [_row(p, grounds, False) for p in own if not p.is_current],
            }
        )
    form = None
    if writable and children:
        form = PlacementRecordForm(
            case=case,
            children=[(str(child.public_id), display.of(child).name) for child in children],
        )
    return {"placement_children": rows, "placement_form": form}


def _row(placement: Placement, grounds: dict[str, str], writable: bool) -> dict:
    return {
        "placement": placement,
        "ground": grounds.get(placement.legal_ground, placement.legal_ground),
        "end_form": PlacementEndForm(auto_id=f"id_end{placement.pk}_%s") if writable else None,
    }


def measures_panel(request: HttpRequest, case: Case, writable: bool) -> dict:
    """The case's measures: those in force today (the legal basis), those decided to start
    later, and those ended (the history), each paragraph in its old and new numbering; for
    writers of an open case, a form to add a measure and, on each without an end, one to end it."""
    today = timezone.localdate()
    law = catalogue(case.organisation.jurisdiction)
    rows = [_measure_row(m, law, writable) for m in case.measures.all()]
    form = MeasureAddForm(case=case, today=today) if writable else None
    in_force = [row for row in rows if row["measure"].in_force_on(today)]
    coming = [row for row in rows if row["measure"].starts_on > today]
    ended = [row for row in rows if row["measure"].ends_on and row["measure"].ends_on < today]
    groups = [
        {
            "title": _("In force today"),
            "rows": in_force,
            "always": True,
            "empty": _("No measure is in force: the case has no legal basis today."),
        },
        {"title": _("Decided, starting later"), "rows": coming},
        {"title": _("Ended"), "rows": ended},
    ]
    return {"measures_in_force": in_force, "measure_groups": groups, "measure_form": form}


def _measure_row(measure: Measure, law: Catalogue, writable: bool) -> dict:
    try:
        paragraph = law.paragraph(measure.paragraph)
        equivalents = law.equivalents(measure.paragraph)
    except UnknownParagraph:
        paragraph, equivalents = None, []
    end_form = None
    if writable and measure.ends_on is None:
        end_form = MeasureEndForm(auto_id=f"id_measure{measure.pk}_%s")
    return {
        "measure": measure,
        "paragraph": paragraph,
        "equivalents": equivalents,
        "end_form": end_form,
    }


def case_panels(request: HttpRequest, case: Case, writable: bool) -> dict:
    """The cases app's panels on the case page (CasesConfig.case_panel)."""
    return {
        **measures_panel(request, case, writable),
        **adult_answers_panel(request, case, writable),
        **placements_panel(request, case, writable),
    }
