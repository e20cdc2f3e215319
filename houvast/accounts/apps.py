from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "houvast.accounts"
    label = "accounts"
