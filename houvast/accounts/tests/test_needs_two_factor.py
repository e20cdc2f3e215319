"""`needs_two_factor`: asked on every signed-in page (RequireTwoFactorMiddleware) and on the live socket."""

from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from houvast.accounts.two_factor import needs_two_factor
from houvast.lib.testing import BaseTestCase


class NeedsTwoFactorTests(BaseTestCase):
    def test_nobody_needs_it_without_a_device_or_a_rule(self):
        for user in (self.owner, self.member, self.outsider):
            self.assertFalse(needs_two_factor(user))

    def test_a_confirmed_app_needs_it(self):
        TOTPDevice.objects.create(user=self.member, name="app", confirmed=True)
        self.assertTrue(needs_two_factor(self.member))
        self.assertFalse(needs_two_factor(self.owner))

    def test_an_app_that_was_never_confirmed_does_not(self):
        TOTPDevice.objects.create(user=self.member, name="app", confirmed=False)
        self.assertFalse(needs_two_factor(self.member))

    def test_backup_codes_alone_need_it(self):
        StaticDevice.objects.create(user=self.member, name="codes", confirmed=True)
        self.assertTrue(needs_two_factor(self.member))

    def test_the_organisation_rule_applies_to_its_members_only(self):
        self.organisation.require_two_factor = True
        self.organisation.save()
        self.assertTrue(needs_two_factor(self.owner))
        self.assertTrue(needs_two_factor(self.member))
        self.assertFalse(needs_two_factor(self.outsider))

    def test_the_answer_is_never_stale(self):
        self.assertFalse(needs_two_factor(self.member))
        self.organisation.require_two_factor = True
        self.organisation.save()
        self.assertTrue(needs_two_factor(self.member))
        self.organisation.require_two_factor = False
        self.organisation.save()
        device = TOTPDevice.objects.create(user=self.member, name="app", confirmed=True)
        self.assertTrue(needs_two_factor(self.member))
        device.delete()
        self.assertFalse(needs_two_factor(self.member))

    def test_it_is_one_query(self):
        self.organisation.require_two_factor = True
        self.organisation.save()
        with self.assertNumQueries(1):
            needs_two_factor(self.member)
