"""Follow-up actions on one case, under cases/<case_id>/."""

from django.urls import path

from samspel.followup import case_views as views

app_name = "followup"

urlpatterns = [
    path("phase/", views.move_phase, name="move_phase"),
    path("activities/held/", views.record_held, name="record_held"),
    path("activities/contact/", views.log_contact, name="log_contact"),
    path("evaluations/", views.record_evaluation, name="record_evaluation"),
]
