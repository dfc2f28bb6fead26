from django.urls import path

from samspel.network import views

app_name = "network"

# Actors and consents are named in the posted form (by public id), so every URL here takes
# only the case id.
urlpatterns = [
    path("", views.network_page, name="page"),
    path("actors/add/", views.actor_add, name="actor_add"),
    path("consents/record/", views.consent_record, name="consent_record"),
    path("consents/withdraw/", views.consent_withdraw, name="consent_withdraw"),
]
