from django.conf import settings


def navigation(request):
    """What the page header needs: the languages and which sections this user may open."""
    user = getattr(request, "user", None)
    signed_in = bool(user and user.is_authenticated)
    return {
        "languages": settings.LANGUAGES,
        "show_admin": signed_in and user.is_org_admin,
        "show_audit": signed_in and user.is_auditor,
        "show_cases": signed_in
        and user.organisation_id is not None
        and not (user.is_auditor or user.is_org_admin),
        "demo_mode": settings.DEMO_MODE,
        "idle_timeout_seconds": settings.SESSION_IDLE_TIMEOUT_MINUTES * 60,
    }
