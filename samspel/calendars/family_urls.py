from django.urls import path

from samspel.calendars import family_views, feed_views

app_name = "family_calendar"

urlpatterns = [
    path("", family_views.family_calendar, name="calendar"),
    path("appointments/new/", family_views.appointment_add, name="appointment_add"),
    path(
        "appointments/<uuid:appointment_id>/",
        family_views.appointment_edit,
        name="appointment_edit",
    ),
    path(
        "appointments/<uuid:appointment_id>/cancel/",
        family_views.appointment_cancel,
        name="appointment_cancel",
    ),
    path("feeds/", feed_views.family_feeds, name="feeds"),
    path("feeds/new/", feed_views.family_feed_create, name="feed_create"),
    path("feeds/<uuid:feed_id>/revoke/", feed_views.family_feed_revoke, name="feed_revoke"),
]
