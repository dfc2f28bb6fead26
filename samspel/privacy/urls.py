from django.urls import path

from samspel.privacy import views

app_name = "privacy"

urlpatterns = [
    path(
        "families/<uuid:family_id>/persons/<uuid:person_id>/extract.json",
        views.extract_json,
        name="extract_json",
    ),
    path(
        "families/<uuid:family_id>/persons/<uuid:person_id>/extract.pdf",
        views.extract_pdf,
        name="extract_pdf",
    ),
]
