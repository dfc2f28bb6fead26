from django.urls import path

from samspel.audit import views

app_name = "audit"

urlpatterns = [
    path("", views.search, name="search"),
    path("export.csv", views.export, name="export"),
    path("cases/<str:number>/", views.case_timeline, name="case"),
    path("review/", views.review, name="review"),
]
