from django.conf import settings


def navigation(request):
    """What the page header needs: the languages and which sections this user may open."""
    user = getattr(request, "user", None)
    signed_in = bool(user and user.is_authenticated)
    return {
        "languages": settings.LANGUAGES,
        "show_admin": signed_in and user.is_org_admin,
        "show_audit": signed_in and user.is_auditor,
        "demo_mode": settings.DEMO_MODE,
    }
