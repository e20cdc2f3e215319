from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "houvast.plans"
    label = "plans"

    def ready(self):
        from . import access_log  # noqa: F401  (connects the deletion log)
