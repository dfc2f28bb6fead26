import datetime as dt

from samspel.cases.models import Case


def next_case_number(organisation, on: dt.date) -> str:
    """Case numbers run per organisation and year: 2026-0001, 2026-0002, …"""
    prefix = f"{on.year}-"
    last = (
        Case.objects.select_for_update()
        .filter(organisation=organisation, number__startswith=prefix)
        .order_by("-number")
        .values_list("number", flat=True)
        .first()
    )
    sequence = int(last.split("-")[1]) + 1 if last else 1
    return f"{prefix}{sequence:04d}"
