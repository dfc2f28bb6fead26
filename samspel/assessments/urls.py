from django.urls import path

from samspel.assessments import views

app_name = "assessments"

urlpatterns = [
    path("", views.safety, name="safety"),
    path("mappings/", views.mapping_create, name="mapping_create"),
    path("statements/", views.statement_add, name="statement_add"),
    path("ratings/", views.rating_add, name="rating_add"),
]
