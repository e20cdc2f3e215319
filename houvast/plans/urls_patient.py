"""URLs of the patient side, sharing and exports; included at the end of urls.py."""

from django.urls import path

from . import views_export, views_patient, views_share

urlpatterns = [
    # The patient (views_patient.py)
    path("<uuid:plan_id>/uitnodigen/", views_patient.patient_invite, name="patient_invite"),
    path(
        "<uuid:plan_id>/patient-aanpassen/", views_patient.patient_edit_setting, name="patient_edit_setting"
    ),
    path("uitnodiging/<str:token>/", views_patient.invite_accept, name="invite_accept"),
    path("mijn-plannen/", views_patient.my_plans, name="my_plans"),
    path("<uuid:plan_id>/lezen/", views_patient.plan_read, name="read"),
    path("offline.js", views_patient.offline_worker, name="offline_worker"),
    path("<uuid:plan_id>/taal/", views_patient.plan_set_language, name="set_language"),
    path("<uuid:plan_id>/logboek/", views_patient.plan_log, name="log"),
    # Sharing with naasten and the GP (views_share.py)
    path("<uuid:plan_id>/delen/", views_share.share_list, name="shares"),
    path("<uuid:plan_id>/delen/<id:share_id>/intrekken/", views_share.share_revoke, name="share_revoke"),
    path("gedeeld/<str:token>/", views_share.shared_plan, name="shared"),
    # Downloads (views_export.py)
    path("<uuid:plan_id>/plan.pdf", views_export.plan_pdf, name="pdf"),
    path("<uuid:plan_id>/concept.pdf", views_export.plan_pdf, {"choice": "concept"}, name="pdf_draft"),
    path("<uuid:plan_id>/versies/<id:choice>/plan.pdf", views_export.plan_pdf, name="version_pdf"),
    path("<uuid:plan_id>/zakkaart.pdf", views_export.pocket_card, name="pocket_card"),
    path("<uuid:plan_id>/fhir.json", views_export.fhir_bundle, name="fhir"),
    path("mijn-gegevens/", views_export.my_data, name="my_data"),
]
