from django.urls import path

from samspel.api import views

app_name = "api_tokens"

urlpatterns = [
    path("", views.mine, name="mine"),
    path("<uuid:token_id>/revoke/", views.revoke_mine, name="revoke"),
    path("organisation/", views.organisation, name="organisation"),
    path(
        "organisation/<uuid:token_id>/revoke/",
        views.revoke_in_organisation,
        name="organisation_revoke",
    ),
]
