from django.urls import path

from samspel.calendars import feed_views

app_name = "ical"

urlpatterns = [
    path("<str:token>.ics", feed_views.ical_feed, name="feed"),
]
