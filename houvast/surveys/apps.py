from django.apps import AppConfig


class SurveysConfig(AppConfig):
    name = "houvast.surveys"
    label = "surveys"

    def ready(self):
        from . import retention  # noqa: F401  (connects PDF removal)
