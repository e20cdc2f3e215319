from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "houvast.accounts"
    label = "accounts"

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from .sessions import remember_login_time

        user_logged_in.connect(remember_login_time, dispatch_uid="houvast-login-time")
