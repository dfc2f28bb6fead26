from django.urls import path

from samspel.plans import coordination_views, goal_views, pdf, views

app_name = "plans"

urlpatterns = [
    path("", views.plan_list, name="list"),
    path("new/", views.plan_create, name="create"),
    path("<uuid:plan_id>/", views.plan_detail, name="detail"),
    path("<uuid:plan_id>/edit/", views.plan_edit, name="edit"),
    path("<uuid:plan_id>/agreement/", views.plan_agreement, name="agreement"),
    path("<uuid:plan_id>/history/", views.plan_history, name="history"),
    path("<uuid:plan_id>/pdf/", pdf.plan_pdf, name="pdf"),
    path("<uuid:plan_id>/goals/new/", goal_views.goal_create, name="goal_create"),
    path("<uuid:plan_id>/goals/<uuid:goal_id>/edit/", goal_views.goal_edit, name="goal_edit"),
    path(
        "<uuid:plan_id>/goals/<uuid:goal_id>/remove/",
        goal_views.goal_remove,
        name="goal_remove",
    ),
    path("<uuid:plan_id>/sub-goals/new/", goal_views.subgoal_create, name="subgoal_create"),
    path(
        "<uuid:plan_id>/sub-goals/<uuid:subgoal_id>/edit/",
        goal_views.subgoal_edit,
        name="subgoal_edit",
    ),
    path(
        "<uuid:plan_id>/sub-goals/<uuid:subgoal_id>/remove/",
        goal_views.subgoal_remove,
        name="subgoal_remove",
    ),
    path(
        "<uuid:plan_id>/sub-goals/<uuid:subgoal_id>/progress/",
        goal_views.progress,
        name="progress",
    ),
    path(
        "<uuid:plan_id>/coordination/new/",
        coordination_views.coordination_create,
        name="coordination_create",
    ),
    path(
        "<uuid:plan_id>/coordination/<uuid:coordination_id>/edit/",
        coordination_views.coordination_edit,
        name="coordination_edit",
    ),
    path(
        "<uuid:plan_id>/coordination/<uuid:coordination_id>/remove/",
        coordination_views.coordination_remove,
        name="coordination_remove",
    ),
]
