from django.urls import path

from samspel.followup import intake_views
from samspel.followup import worklist_views as views

app_name = "worklists"

urlpatterns = [
    path("", views.worklist, name="mine"),
    path("team/", views.team_worklist, name="team"),
    path("team/compliance/", views.compliance, name="compliance"),
    path("team/intake/", intake_views.intake, name="intake"),
    path("team/intake/<uuid:case_id>/", intake_views.assign, name="assign"),
]
