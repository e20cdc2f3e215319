from django.urls import path

from . import views

app_name = "content"

urlpatterns = [
    path("werkvormen/", views.catalogue, name="catalogue"),
    path("werkvormen/<slug:slug>/", views.werkvorm, name="werkvorm"),
    path("werkvormen/<slug:slug>/handleiding.pdf", views.handout, name="handout"),
    path("terugvalpreventie/", views.knowledge, name="knowledge"),
]
