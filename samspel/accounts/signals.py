"""Audit every login, failed login and logout (DOMAIN.md §7)."""

from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from samspel.audit.log import record
from samspel.audit.models import Action


@receiver(user_logged_in, dispatch_uid="samspel_audit_login")
def audit_login(sender, request, user, **kwargs):
    record(request, Action.LOGIN, user, user=user)


@receiver(user_logged_out, dispatch_uid="samspel_audit_logout")
def audit_logout(sender, request, user, **kwargs):
    if user is not None and not getattr(request, "samspel_logout_audited", False):
        record(request, Action.LOGOUT, user, user=user)


@receiver(user_login_failed, dispatch_uid="samspel_audit_login_failed")
def audit_login_failed(sender, credentials, request=None, **kwargs):
    from samspel.accounts.models import User

    if "username" not in credentials and "second_factor" not in credentials:
        return  # a single sign-on callback: its view records the failure with its reason
    username = str(credentials.get("username", ""))[:150]
    action = (
        Action.SECOND_FACTOR_FAILED if credentials.get("second_factor") else Action.LOGIN_FAILED
    )
    known = User.objects.filter(username=username).first()
    if known is not None:
        record(request, action, known, user=known)
    else:
        record(request, action, username=username)
