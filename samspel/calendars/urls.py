from django.urls import path

from samspel.calendars import feed_views, views

app_name = "calendars"

urlpatterns = [
    path("", views.week, name="week"),
    path("month/", views.month, name="month"),
    path("feeds/", feed_views.my_feeds, name="feeds"),
    path("feeds/new/", feed_views.my_feed_create, name="feed_create"),
    path("feeds/<uuid:feed_id>/revoke/", feed_views.my_feed_revoke, name="feed_revoke"),
]
