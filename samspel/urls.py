from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from samspel.api.api import api

handler500 = "samspel.web.views.server_error"

urlpatterns = [
    path("", include("samspel.web.urls")),
    path("accounts/", include("samspel.accounts.urls")),
    path("audit/", include("samspel.audit.urls")),
    path("organisation/programmes/", include("samspel.programmes.urls")),
    path("organisation/reminders/", include("samspel.reminders.urls")),
    path("organisation/import/", include("samspel.imports.urls")),
    path("organisation/retention/", include("samspel.retention.urls")),
    path("organisation/sso/", include("samspel.organisations.sso_urls")),
    path("organisation/", include("samspel.organisations.urls")),
    path("cases/", include("samspel.cases.urls")),
    path("families/", include("samspel.families.urls")),
    path("cases/<uuid:case_id>/network/", include("samspel.network.urls")),
    path("cases/<uuid:case_id>/safety/", include("samspel.assessments.urls")),
    path("cases/<uuid:case_id>/plans/", include("samspel.plans.urls")),
    path("cases/<uuid:case_id>/activities/", include("samspel.activities.urls")),
    path("cases/<uuid:case_id>/handovers/", include("samspel.handovers.urls")),
    path("cases/<uuid:case_id>/", include("samspel.followup.case_urls")),
    path("worklist/", include("samspel.followup.worklist_urls")),
    path("handovers/", include("samspel.handovers.team_urls")),
    path("calendar/", include("samspel.calendars.urls")),
    path("families/<uuid:family_id>/calendar/", include("samspel.calendars.family_urls")),
    path("ical/", include("samspel.calendars.feed_urls")),
    path("privacy/", include("samspel.privacy.urls")),
    path("api/tokens/", include("samspel.api.urls")),
    path("api/v1/", api.urls),
]
if settings.DEBUG or settings.DEMO_MODE:
    urlpatterns.append(path("django-admin/", admin.site.urls))
