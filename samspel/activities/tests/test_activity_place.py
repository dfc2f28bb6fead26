"""The plan form's place, asked again (htmx) when the kind changes."""

from django.urls import reverse

from samspel.audit.models import Action, AuditEvent


def _url(case):
    return reverse("activities:place", kwargs={"case_id": case.public_id})


def test_the_expected_place_is_preselected_and_said(login, personas, foster_case):
    response = login(personas["worker"]).get(
        _url(foster_case), {"kind": "parent_focus_talk", "context": "home"}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert html.startswith("Expected by the programme: at the office.")
    assert '<div id="place-field" hx-swap-oob="true">' in html
    assert '<option value="office" selected>' in html and "<html" not in html


def test_a_kind_without_an_expected_place_keeps_the_workers_choice(login, personas, foster_case):
    response = login(personas["worker"]).get(
        _url(foster_case), {"kind": "network_meeting", "context": "neutral"}
    )
    html = response.content.decode()
    assert "The programme expects no particular place for this kind." in html
    assert '<option value="neutral" selected>' in html


def test_garbage_is_not_an_error(login, personas, foster_case):
    response = login(personas["worker"]).get(
        _url(foster_case), {"kind": "<script>", "context": "mars"}
    )
    html = response.content.decode()
    assert response.status_code == 200 and "<script>" not in html
    assert "selected" not in html.replace('<option value="" selected>', "")


def test_the_plan_form_asks_for_the_place_when_the_kind_changes(login, personas, foster_case):
    plan = reverse("activities:plan", kwargs={"case_id": foster_case.public_id})
    html = login(personas["worker"]).get(plan, {"kind": "child_focus_talk"}).content.decode()
    assert f'hx-get="{_url(foster_case)}"' in html and 'hx-target="#place-hint"' in html
    assert '<p class="help expected-place" id="place-hint" aria-live="polite">' in html
    assert "Expected by the programme: in the home." in html
    assert 'aria-describedby="place-hint id_context_helptext"' in html


def test_the_read_is_audited_once(login, personas, foster_case):
    login(personas["buddy"]).get(_url(foster_case), {"kind": "home_visit"})
    events = AuditEvent.objects.filter(action=Action.VIEW, actor_id=personas["buddy"].pk)
    assert [event.detail["path"] for event in events] == [_url(foster_case)]


def test_post_is_not_allowed(login, personas, foster_case):
    assert login(personas["worker"]).post(_url(foster_case)).status_code == 405


def test_read_only_user_gets_403(login, reader, foster_case):
    assert login(reader).get(_url(foster_case), {"kind": "home_visit"}).status_code == 403


def test_outsider_gets_404(login, personas, foster_case):
    for persona in ("outsider", "stranger", "auditor", "admin"):
        response = login(personas[persona]).get(_url(foster_case), {"kind": "home_visit"})
        assert response.status_code == 404, persona
