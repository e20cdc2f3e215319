from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "houvast.plans"
    label = "plans"
