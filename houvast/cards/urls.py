from django.urls import path

from . import views

app_name = "cards"

urlpatterns = [
    path("", views.deck_view, name="deck"),
    path("afdrukken/", views.print_view, name="print"),
    path("selecties/", views.selections, name="selections"),
    path("selecties/<id:selection_id>/", views.selection_view, name="selection"),
    path("selecties/<id:selection_id>/wijzigen/", views.selection_edit, name="selection_edit"),
    path("selecties/<id:selection_id>/verwijderen/", views.selection_delete, name="selection_delete"),
    path("selecties/<id:selection_id>/pdf/", views.selection_pdf, name="selection_pdf"),
    path("selecties/<id:selection_id>/kies/", views.choose, name="choose"),
    path("selecties/<id:selection_id>/kies/<id:pick_id>/", views.chosen, name="chosen"),
    path("selecties/<id:selection_id>/plan/", views.selection_to_plan, name="selection_to_plan"),
    path("selecties/<id:selection_id>/links/", views.share_create, name="share_create"),
    path(
        "selecties/<id:selection_id>/links/<id:link_id>/intrekken/",
        views.share_revoke,
        name="share_revoke",
    ),
    path("terug/", views.hand_back, name="hand_back"),
    path("k/<str:token>/", views.shared, name="shared"),
    path("k/<str:token>/pdf/", views.shared_pdf, name="shared_pdf"),
    path("<slug:slug>/", views.card_view, name="card"),
    path("<slug:slug>/pdf/", views.card_pdf, name="card_pdf"),
]
