from django.urls import path

from samspel.accounts import views

app_name = "accounts"

urlpatterns = [
    path("login/", views.LoginView.as_view(), name="login"),
    path("login/verify/", views.verify, name="verify"),
    path("login/enrol/", views.enrol, name="enrol"),
    path("logout/", views.LogoutView.as_view(), name="logout"),
    path("idle/", views.idle, name="idle"),
    path("password/", views.PasswordChangeView.as_view(), name="password_change"),
    path("password/set/<uidb64>/<token>/", views.SetPasswordView.as_view(), name="set_password"),
]
