from django.apps import AppConfig


class LibConfig(AppConfig):
    name = "houvast.lib"
    label = "lib"
