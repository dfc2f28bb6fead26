from django.urls import path

from samspel.imports import views

app_name = "imports"

urlpatterns = [
    path("", views.start, name="start"),
    path("templates/<slug:kind>.csv", views.template, name="template"),
    path("<uuid:public_id>/", views.batch, name="batch"),
    path("<uuid:public_id>/import/", views.run, name="run"),
]
