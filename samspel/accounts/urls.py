from django.urls import path

from samspel.accounts import views

app_name = "accounts"

urlpatterns = [
    path("login/", views.LoginView.as_view(), name="login"),
    path("login/verify/", views.verify, name="verify"),
    path("login/enrol/", views.enrol, name="enrol"),
    path(
        "webauthn/register/options/",
        views.webauthn_register_options,
        name="webauthn_register_options",
    ),
    path("webauthn/register/", views.webauthn_register, name="webauthn_register"),
    path("webauthn/login/options/", views.webauthn_login_options, name="webauthn_login_options"),
    path("webauthn/login/", views.webauthn_login, name="webauthn_login"),
    path("logout/", views.LogoutView.as_view(), name="logout"),
    path("idle/", views.idle, name="idle"),
    path("password/", views.PasswordChangeView.as_view(), name="password_change"),
    path("password/set/<uidb64>/<token>/", views.SetPasswordView.as_view(), name="set_password"),
]
