from django.urls import path

from samspel.organisations import views

app_name = "organisations"

urlpatterns = [
    path("users/", views.users, name="users"),
    path("users/new/", views.user_create, name="user_create"),
    path("users/<uuid:public_id>/", views.user_edit, name="user_edit"),
    path("users/<uuid:public_id>/active/", views.user_set_active, name="user_set_active"),
    path(
        "users/<uuid:public_id>/password-link/", views.user_password_link, name="user_password_link"
    ),
    path(
        "users/<uuid:public_id>/second-factor/reset/",
        views.user_reset_second_factor,
        name="user_reset_second_factor",
    ),
    path("single-sign-on/", views.single_sign_on, name="single_sign_on"),
    path("teams/", views.teams, name="teams"),
    path("teams/new/", views.team_create, name="team_create"),
    path("teams/<uuid:public_id>/", views.team_edit, name="team_edit"),
    path("teams/<uuid:public_id>/members/", views.team_add_member, name="team_add_member"),
    path(
        "teams/<uuid:public_id>/members/<uuid:user_id>/",
        views.team_change_member,
        name="team_change_member",
    ),
]
