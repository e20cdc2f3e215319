from django.apps import AppConfig


class CardsConfig(AppConfig):
    name = "houvast.cards"
    label = "cards"

    def ready(self):
        from . import session_kinds  # noqa: F401 - registers the step kinds of "Vaardigheden versterken"
