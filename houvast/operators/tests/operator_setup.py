"""An operator: a superuser whose session verified the second factor, as the login's code step leaves it."""

from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from houvast.accounts.models import User
from houvast.lib.testing import PASSWORD, BaseTestCase


def make_superuser(email="beheer@example.org"):
    return User.objects.create_superuser(email=email, password=PASSWORD, name="Bea Beheer")


def add_app(user):
    return TOTPDevice.objects.create(user=user, name="app", confirmed=True)


class OperatorTestCase(BaseTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.operator = make_superuser()
        cls.operator_app = add_app(cls.operator)

    def login_verified(self, user=None, device=None):
        user = user or self.operator
        self.client.force_login(user)
        session = self.client.session
        session[DEVICE_ID_SESSION_KEY] = (device or self.operator_app).persistent_id
        session.save()

    def look_up(self, person):
        """Find an account by its exact address, as an operator must before its pages open."""
        return self.client.get("/beheer/accounts/user/", {"q": person.email})
