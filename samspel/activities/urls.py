"""Activities of one case, under cases/<case_id>/activities/."""

from django.urls import path

from samspel.activities import record_views, views

app_name = "activities"

urlpatterns = [
    path("", views.activity_list, name="list"),
    path("plan/", views.activity_plan, name="plan"),
    path("plan/place/", views.activity_place, name="place"),
    path("held/", record_views.record_held, name="record_held"),
    path("contact/", record_views.log_contact, name="log_contact"),
    path("<uuid:activity_id>/", views.activity_detail, name="detail"),
    path("<uuid:activity_id>/edit/", views.activity_edit, name="edit"),
    path("<uuid:activity_id>/cancel/", views.activity_cancel, name="cancel"),
    path("<uuid:activity_id>/held/", views.activity_held, name="held"),
]
