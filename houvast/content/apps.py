from django.apps import AppConfig


class ContentConfig(AppConfig):
    name = "houvast.content"
    label = "content"
