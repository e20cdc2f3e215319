from django.urls import path

from . import urls_patient, views, views_builder, views_log, views_versions

app_name = "plans"

urlpatterns = [
    # List, create, colleagues, delete (views.py)
    path("", views.plan_list, name="list"),
    path("nieuw/", views.plan_create, name="create"),
    path("<uuid:plan_id>/collegas/", views.plan_colleagues, name="colleagues"),
    path("<uuid:plan_id>/verwijderen/", views.plan_delete, name="delete"),
    # The builder (views_builder.py)
    path("<uuid:plan_id>/", views_builder.builder, name="builder"),
    path("<uuid:plan_id>/deel/<slug:key>/", views_builder.part, name="part"),
    # Versions (views_versions.py)
    path("<uuid:plan_id>/vaststellen/", views_versions.agree, name="agree"),
    path("<uuid:plan_id>/versies/", views_versions.versions, name="versions"),
    path("<uuid:plan_id>/versies/vergelijk/", views_versions.compare, name="compare"),
    path("<uuid:plan_id>/versies/<id:number>/", views_versions.version_detail, name="version"),
    # The access log as downloads (views_log.py)
    path("<uuid:plan_id>/logboek.csv", views_log.log_csv, name="log_csv"),
    path("<uuid:plan_id>/logboek-fhir.json", views_log.log_fhir, name="log_fhir"),
]

# plans-patient: patient side, sharing and exports live in urls_patient.py
urlpatterns += urls_patient.urlpatterns
