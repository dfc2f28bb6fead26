from django.urls import path

from samspel.handovers import leaving

app_name = "team_handovers"

urlpatterns = [
    path("leaving/", leaving.leaving, name="leaving"),
]
