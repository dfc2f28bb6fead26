from django.urls import path

from samspel.families import views

app_name = "families"

urlpatterns = [
    path("new/", views.family_create, name="create"),
    path("<uuid:public_id>/", views.family_detail, name="detail"),
    path("<uuid:public_id>/persons/new/", views.person_add, name="person_add"),
    path("<uuid:public_id>/persons/<uuid:person_id>/", views.person_edit, name="person_edit"),
]
