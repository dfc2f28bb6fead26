from django.urls import path

from samspel.programmes import views

app_name = "programmes"

urlpatterns = [
    path("", views.programme_list, name="list"),
    path("new/", views.programme_create, name="create"),
    path("<slug:key>/", views.programme_settings, name="settings"),
]
