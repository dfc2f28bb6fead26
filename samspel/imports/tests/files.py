"""CSV files as a system of record exports them, for the import tests."""

FAMILIES = """ref;name
F1;Familjen Ek
F2;Familjen Lind
"""

PERSON_COLUMNS = (
    "family_ref;ref;role;first_name;last_name;personal_number;birth_date;protected_identity;"
    "address;phone;email"
)
PERSONS = f"""{PERSON_COLUMNS}
F1;P1;child;Alva;Ek;20150412-2381;;nej;;;
F1;P2;parent;Karin;Ek;;1984-02-03;ja;Hemliga gatan 1;;
F2;P3;child;Noah;Lind;;2018-09-30;;;;
"""

CASE_COLUMNS = "number;family_ref;team;programme;responsible;buddy;referred_on;status;active_from"
CASES = f"""{CASE_COLUMNS};focus_children
IFO-2026-101;F1;Team A;;worker;buddy;2026-01-10;active;2026-01-20;P1
IFO-2026-102;F2;team a;fifa;worker;;2026-02-01;referral;;P3
"""

MEASURES = """case_number;paragraph;decided_on;starts_on;ends_on
IFO-2026-101;SoL 4:1;2026-01-15;2026-01-20;
"""

ALL = {"families": FAMILIES, "persons": PERSONS, "cases": CASES, "measures": MEASURES}


def uploads(texts: dict[str, str], encoding: str = "utf-8") -> dict[str, tuple[str, bytes]]:
    return {kind: (f"{kind}.csv", text.encode(encoding)) for kind, text in texts.items()}
