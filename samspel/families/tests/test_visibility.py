"""Who sees a family's protected persons: granted by name, or initials and no exact places."""

from samspel.families.visibility import person_label, visibility


def test_a_user_not_granted_sees_initials_and_no_places(personas, family, parent, child):
    assert parent.protected_identity and not child.protected_identity
    seen = visibility(family, personas["buddy"])
    assert child.pk in seen.person_ids and parent.pk not in seen.person_ids
    assert not seen.places
    assert person_label(parent, seen.person_ids) == parent.initials
    assert person_label(child, seen.person_ids) == str(child)


def test_a_user_granted_every_protected_member_sees_everything(personas, family, parent):
    parent.authorised_users.add(personas["buddy"])
    seen = visibility(family, personas["buddy"])
    assert parent.pk in seen.person_ids and seen.places
    assert person_label(parent, seen.person_ids) == str(parent)


def test_no_person_no_label(personas, family):
    assert person_label(None, visibility(family, personas["buddy"]).person_ids) == ""
