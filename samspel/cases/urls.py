from django.urls import path

from samspel.cases import fifa_views, measure_views, placement_views, views

app_name = "cases"

urlpatterns = [
    path("", views.case_list, name="list"),
    path("emergency/", views.emergency_access, name="emergency"),
    path("emergency/<uuid:access_id>/review/", views.emergency_review, name="emergency_review"),
    path("new/<uuid:family_id>/", views.case_create, name="create"),
    path("<uuid:public_id>/", views.case_detail, name="detail"),
    path("<uuid:public_id>/edit/", views.case_edit, name="edit"),
    path("<uuid:public_id>/status/", views.case_status, name="status"),
    path("<uuid:public_id>/reopen/", views.case_reopen, name="reopen"),
    path("<uuid:public_id>/access/", views.case_grant, name="grant"),
    path(
        "<uuid:public_id>/access/candidates/",
        views.worker_suggestions,
        {"for_grant": True},
        name="grant_candidates",
    ),
    path("<uuid:public_id>/workers/", views.worker_suggestions, name="workers"),
    path(
        "<uuid:public_id>/investigation/decision/",
        views.investigation_decision,
        name="investigation_decision",
    ),
    path("<uuid:public_id>/investigation/", views.investigation, name="investigation"),
    path("<uuid:public_id>/access/<uuid:user_id>/revoke/", views.case_revoke, name="revoke"),
    path("<uuid:public_id>/adult-answers/", fifa_views.adult_answers, name="adult_answers"),
    path("<uuid:public_id>/measures/", measure_views.measure_add, name="measure_add"),
    path(
        "<uuid:public_id>/measures/<uuid:measure_id>/end/",
        measure_views.measure_end,
        name="measure_end",
    ),
    path(
        "<uuid:public_id>/placements/<uuid:placement_id>/end/",
        placement_views.placement_end,
        name="placement_end",
    ),
]
