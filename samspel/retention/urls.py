from django.urls import path

from samspel.retention import views

app_name = "retention"

urlpatterns = [
    path("", views.page, name="page"),
    path("schedule/", views.schedule, name="schedule"),
    path("run/", views.run_now, name="run"),
    path("holds/", views.hold, name="hold"),
    path("holds/<uuid:public_id>/release/", views.release, name="release"),
    path("runs/<uuid:public_id>/", views.run_detail, name="run_detail"),
]
