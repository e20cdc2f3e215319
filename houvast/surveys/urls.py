from django.urls import path

from . import views

app_name = "surveys"

urlpatterns = [
    path("", views.start, name="start"),
    path("aangevraagd/", views.requested, name="requested"),
    path("beheer/<str:key>/", views.manage, name="manage"),
    path("beheer/<str:key>/bevestigen/", views.confirm, name="confirm"),
    path("beheer/<str:key>/aantal/", views.count, name="count"),
    path("beheer/<str:key>/invuldatum/", views.extend, name="extend"),
    path("beheer/<str:key>/sluiten/", views.close, name="close"),
    path("beheer/<str:key>/heropenen/", views.reopen, name="reopen"),
    path("beheer/<str:key>/stuur-samenvatting/", views.send_now, name="send_now"),
    path("beheer/<str:key>/acties/", views.add_action, name="add_action"),
    path("beheer/<str:key>/acties/<id:action_id>/verwijderen/", views.delete_action, name="delete_action"),
    path("beheer/<str:key>/herhalen/", views.repeat, name="repeat"),
    path("beheer/<str:key>/samenvatting/", views.summary_page, name="summary"),
    path("beheer/<str:key>/samenvatting.pdf", views.summary_pdf, name="summary_pdf"),
    path("beheer/<str:key>/antwoorden.csv", views.csv_download, name="csv"),
    path("beheer/<str:key>/papier.pdf", views.paper_pdf, name="paper_pdf"),
    path("beheer/<str:key>/papier-invoeren/", views.paper_entry, name="paper_entry"),
    path("beheer/<str:key>/presentatie/<id:number>/", views.present, name="present"),
    path("beheer/<str:key>/qr/", views.poster, name="poster"),
    path("r/<str:token>/", views.respond, name="respond"),
    path("r/<str:token>/concept/", views.save_draft, name="save_draft"),
    path("r/<str:token>/bedankt/", views.thanks, name="thanks"),
]
