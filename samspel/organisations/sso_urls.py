from django.urls import path

from samspel.organisations import sso

app_name = "sso"

urlpatterns = [
    path("callback/", sso.CallbackView.as_view(), name="callback"),
    path("<uuid:organisation_id>/", sso.StartView.as_view(), name="start"),
]
