from django.urls import path

from . import views, views_stage

app_name = "workshops"

urlpatterns = [
    path("doe-mee/", views.join_form, name="join_form"),
    path("doe-mee/<str:code>/", views.join, name="join"),
    path("sessie/<str:code>/", views.session_page, name="session"),
    path("sessie/<str:code>/stage/", views_stage.stage, name="stage"),
    path("sessie/<str:code>/state/", views_stage.state, name="state"),
    path("sessie/<str:code>/bord/", views.board, name="board"),
    path("sessie/<str:code>/actie/<str:name>/", views.action, name="action"),
    path("sessie/<str:code>/actieplan/mail/", views.plan_email, name="plan_email"),
    path("sessie/<str:code>/actieplan.ics", views.plan_ics_download, name="plan_ics"),
    path("sessie/<str:code>/verslag/", views.report, name="report"),
    path("sessie/<str:code>/verslag.pdf", views.report_pdf, name="report_pdf"),
    path("sessie/<str:code>/verslag.csv", views.report_csv, name="report_csv"),
    path("<slug:slug>/sessie/nieuw/", views.start, name="start"),
]
