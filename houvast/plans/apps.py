from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "houvast.plans"
    label = "plans"

    def ready(self):
        from . import access_log, retention  # noqa: F401  (connect the deletion log and PDF removal)
