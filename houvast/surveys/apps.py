from django.apps import AppConfig


class SurveysConfig(AppConfig):
    name = "houvast.surveys"
    label = "surveys"
