from django.urls import path

from samspel.network import placement_views, views

app_name = "network"

# Actors and consents are named in the posted form (by public id), so every URL here takes
# only the case id.
urlpatterns = [
    path("", views.network_page, name="page"),
    path("actors/add/", views.actor_add, name="actor_add"),
    path("consents/record/", views.consent_record, name="consent_record"),
    path("consents/withdraw/", views.consent_withdraw, name="consent_withdraw"),
    # From the case page's placements panel: the home joins the network (placement_views).
    path("placements/record/", placement_views.placement_add, name="placement_add"),
]
