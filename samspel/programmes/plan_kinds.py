"""The values of a plan's kind, without Django (no models, no translations).

`samspel.plans.models.PlanKind` gives them their translated labels; the programme loader
(`samspel.programmes.loader`) checks the data files against the same values.
"""

from __future__ import annotations

CARE_PLAN = "care_plan"
IMPLEMENTATION_PLAN = "implementation_plan"
CHILD_PLAN = "child_plan"

PLAN_KINDS = frozenset({CARE_PLAN, IMPLEMENTATION_PLAN, CHILD_PLAN})
