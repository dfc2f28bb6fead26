from django.urls import path

from samspel.handovers import views

app_name = "handovers"

urlpatterns = [
    path("new/", views.start, name="start"),
    path("<uuid:handover_id>/", views.detail, name="detail"),
    path("<uuid:handover_id>/accept/", views.accept, name="accept"),
    path("<uuid:handover_id>/handover.pdf", views.pdf, name="pdf"),
    path("<uuid:handover_id>/cancel/", views.cancel, name="cancel"),
    path("<uuid:handover_id>/family/", views.family, name="family"),
]
