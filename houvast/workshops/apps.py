from django.apps import AppConfig


class WorkshopsConfig(AppConfig):
    name = "houvast.workshops"
    label = "workshops"

    def ready(self):
        from . import retention  # noqa: F401 - connects PDF removal
        from .kinds import interventies  # noqa: F401 - registers the step kinds
