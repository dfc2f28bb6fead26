"""Follow-up actions on one case, under cases/<case_id>/ (its activities are
samspel.activities.urls, under cases/<case_id>/activities/)."""

from django.urls import path

from samspel.followup import case_views as views

app_name = "followup"

urlpatterns = [
    path("phase/", views.move_phase, name="move_phase"),
    path("evaluations/", views.record_evaluation, name="record_evaluation"),
]
