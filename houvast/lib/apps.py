from django.apps import AppConfig


class LibConfig(AppConfig):
    name = "houvast.lib"
    label = "lib"

    def ready(self):
        from . import heartbeat  # noqa: F401 - notes when this process started
