from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LibConfig(AppConfig):
    name = "houvast.lib"
    label = "lib"
    verbose_name = _("Terugkerend werk")

    def ready(self):
        from . import heartbeat  # noqa: F401 - notes when this process started
