"""Each placement's free-text home becomes an external organisation of the case's organisation
(the one of that name when registered, else a new family home or residential unit by the form
of placement), linked to the case as an actor when it is not on the case yet; the text is
emptied, so the register entry is the one source. Backwards, the entry's name goes back to the
text; the register entries and actors stay, as the network may have used them since (a later
forwards finds them by name and adds nothing twice)."""

from django.db import migrations

FAMILY_FORMS = {"familjehem", "natverkshem", "plejefamilie", "netvaerksplejefamilie"}
# The role of a migrated home on its case, in the country's language (no request to translate
# for; the placement form writes the role in the worker's language).
ROLE = {"SE": "Placeringshem", "DK": "Anbringelsessted"}


def _home(apps, placement):
    register = apps.get_model("network", "ExternalOrganisation").objects
    case = placement.case
    name = " ".join(placement.home.split())[:200]
    found = register.filter(organisation_id=case.organisation_id, name__iexact=name).first()
    if found is not None:
        return found
    kind = "foster_home" if placement.form in FAMILY_FORMS else "residential_unit"
    return register.create(organisation_id=case.organisation_id, name=name, kind=kind)


def _link(apps, placement, home) -> None:
    actors = apps.get_model("network", "CaseActor").objects
    case = placement.case
    if actors.filter(case=case, external_organisation=home).exists():
        return
    actors.create(
        case=case,
        external_organisation=home,
        role=ROLE.get(case.organisation.jurisdiction, "Placement home"),
        added_by_id=placement.created_by_id or case.responsible_id,
    )


def forwards(apps, schema_editor):
    Placement = apps.get_model("cases", "Placement")
    placements = Placement.objects.filter(home_organisation__isnull=True).exclude(home="")
    for placement in placements.select_related("case__organisation").order_by("pk"):
        if not placement.home.strip():
            continue
        home = _home(apps, placement)
        placement.home_organisation, placement.home = home, ""
        placement.save(update_fields=["home_organisation", "home"])
        _link(apps, placement, home)


def backwards(apps, schema_editor):
    Placement = apps.get_model("cases", "Placement")
    placements = Placement.objects.filter(home_organisation__isnull=False)
    for placement in placements.select_related("home_organisation").order_by("pk"):
        placement.home, placement.home_organisation = placement.home_organisation.name, None
        placement.save(update_fields=["home", "home_organisation"])


class Migration(migrations.Migration):
    dependencies = [("cases", "0015_placement_home_actor"), ("network", "0001_initial")]

    operations = [migrations.RunPython(forwards, backwards)]
