"""The shared base test case: an owner, a team member and an outsider."""

import socket
import tempfile
from unittest import mock

from django.test import TestCase, override_settings

from houvast.accounts.models import Membership, Organisation, OrganisationMembership, Team, User

PASSWORD = "een-lang-wachtwoord-42"


def make_user(email, name="", **extra):
    return User.objects.create_user(email=email, password=PASSWORD, name=name, email_confirmed=True, **extra)


class BaseTestCase(TestCase):
    """`owner` administers `team`, `member` is in it, `outsider` has a team of their own."""

    @classmethod
    def setUpTestData(cls):
        """Once per class; Django gives each test its own copy and rolls back what a test changes."""
        cls.organisation = Organisation.objects.create(name="GGZ Oost")
        cls.owner = make_user("eigenaar@example.org", "Olga Eigenaar")
        cls.member = make_user("lid@example.org", "Mo Lid")
        cls.outsider = make_user("buiten@example.org", "Bas Buiten")
        OrganisationMembership.objects.create(organisation=cls.organisation, user=cls.owner, is_admin=True)
        OrganisationMembership.objects.create(organisation=cls.organisation, user=cls.member)
        cls.team = Team.objects.create(organisation=cls.organisation, name="FACT-team Noord")
        Membership.objects.create(team=cls.team, user=cls.owner, role=Membership.Role.ADMIN)
        Membership.objects.create(team=cls.team, user=cls.member, role=Membership.Role.MEMBER)
        other_org = Organisation.objects.create(name="Andere ggz")
        cls.other_team = Team.objects.create(organisation=other_org, name="Ander team")
        OrganisationMembership.objects.create(organisation=other_org, user=cls.outsider, is_admin=True)
        Membership.objects.create(team=cls.other_team, user=cls.outsider, role=Membership.Role.ADMIN)

    def login(self, user):
        self.client.force_login(user)


def closed_port():
    """A loopback port nothing listens on: connecting to it is refused, as with a mail server that is down."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def mail_server_down():
    """Settings for a test in which the SMTP server refuses connections (a real SMTP attempt, no mock)."""
    return override_settings(
        EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=closed_port(),
        EMAIL_USE_TLS=False,
        EMAIL_USE_SSL=False,
        EMAIL_TIMEOUT=2,
    )


def run_worker():
    """Run django-tasks-db's own worker in this process until no task is due (its batch mode).

    Its calls to close_old_connections() are skipped, as Django's test client skips them: they would
    close the connection that holds the test's transaction.
    """
    from unittest import mock

    from django_tasks_db.management.commands import db_worker

    worker = db_worker.Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
        excluded_queue_names=[],
    )
    with mock.patch.object(db_worker, "close_old_connections", lambda: None):
        worker.run()


class FakePdfLayout:
    """A test mixin: PDFs are "laid out" as their own HTML (fast, and the bytes show what the PDF would), in
    the calling thread and a fresh cache folder; `self.layouts.call_count` counts the layouts. For tests of
    what a PDF's cache key covers: `assert_new_pdf_after`."""

    def setUp(self):
        super().setUp()
        folder = tempfile.TemporaryDirectory()
        self.addCleanup(folder.cleanup)
        overridden = override_settings(PDF_CACHE_DIR=folder.name, PDF_WORKERS=0)
        overridden.enable()
        self.addCleanup(overridden.disable)
        patcher = mock.patch("houvast.lib.pdf.write_pdf", side_effect=lambda html: b"%PDF-" + html.encode())
        self.layouts = patcher.start()
        self.addCleanup(patcher.stop)

    def download(self, url, **extra):
        response = self.client.get(url, **extra)
        self.assertEqual(response.status_code, 200)
        return response.content.decode()

    def assert_new_pdf_after(self, url, change, shows=None, **extra):
        """`url` comes from the cache until `change` runs; then it is a new PDF that `shows` the change."""
        first = self.download(url, **extra)
        layouts = self.layouts.call_count
        self.assertEqual(self.download(url, **extra), first)
        self.assertEqual(self.layouts.call_count, layouts, "a repeat is laid out again")
        change()
        changed = self.download(url, **extra)
        self.assertNotEqual(changed, first, "the PDF from before the change was served")
        if shows:
            self.assertIn(shows, changed)
        return first, changed
