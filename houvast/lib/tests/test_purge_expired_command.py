"""`manage.py purge_expired`: each kind goes on the day its retention ends, and nothing else goes."""

import tempfile
import uuid
from datetime import timedelta
from io import StringIO
from pathlib import Path

from axes.models import AccessAttempt, AccessFailureLog
from axes.models import AccessLog as LoginLog
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from houvast.accounts.models import Invitation
from houvast.cards.models import CardSelection, ShareLink
from houvast.lib import pdf_cache
from houvast.lib.retention import PURGERS, purge_all
from houvast.lib.tasks import ping
from houvast.lib.testing import BaseTestCase
from houvast.plans.models import AccessLog, Plan, PlanShare
from houvast.surveys.models import Response, Round
from houvast.surveys.tests.factories import add_responses, make_round
from houvast.workshops.models import ActionPlan, Participant, Session
from houvast.workshops.tests.factories import make_session

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
TEN = [4] * 10


def days_ago(days, now):
    return now - timedelta(days=days)


class PurgeExpiredTests(BaseTestCase):
    def setUp(self):
        super().setUp()
        self.now = timezone.now()

    def ago(self, days):
        return days_ago(days, self.now)

    def test_answers_go_a_year_after_the_round_ended(self):
        closed_long_ago, _ = make_round(status=Round.Status.CLOSED, closed_at=self.ago(366))
        closed_recently, _ = make_round(status=Round.Status.CLOSED, closed_at=self.ago(364))
        past_deadline, _ = make_round(deadline=self.ago(366))
        still_open, _ = make_round()
        for round_obj in (closed_long_ago, closed_recently, past_deadline, still_open):
            add_responses(round_obj, [TEN, TEN])
        purge_all(self.now)
        remaining = set(Response.objects.values_list("round_id", flat=True))
        self.assertEqual(remaining, {closed_recently.pk, still_open.pk})
        self.assertEqual(Round.objects.count(), 4)

    def test_sessions_and_their_post_its_go_half_a_year_after_they_ended(self):
        old = make_session(self.team, self.owner, status=Session.Status.ENDED, ended_at=self.ago(181))
        recent = make_session(self.team, self.owner, status=Session.Status.ENDED, ended_at=self.ago(179))
        running = make_session(self.team, self.owner, created=self.ago(400))
        waiting = make_session(self.team, self.owner, status=Session.Status.ENDED, ended_at=self.ago(181))
        for session in (old, recent, running, waiting):
            participant = Participant.objects.create(session=session, token=Participant.new_token())
            session.notes.create(step_key="collect", text="Post-it", author=participant)
        participant = waiting.participants.get()
        ActionPlan.objects.create(
            session=waiting, participant=participant, reminder_email="a@example.org", reminder_due=self.now
        )
        purge_all(self.now)
        self.assertEqual(
            set(Session.objects.values_list("pk", flat=True)), {recent.pk, running.pk, waiting.pk}
        )
        self.assertFalse(Participant.objects.filter(session_id=old.pk).exists())
        self.assertEqual(
            set(Session.objects.values_list("notes__session", flat=True)), {recent.pk, running.pk, waiting.pk}
        )

    def test_plan_links_go_after_expiry_or_revocation(self):
        plan = Plan.objects.create(team=self.team, owner=self.owner, patient_name="Piet")
        today = timezone.localdate(self.now)

        def share(label, expires, revoked=None):
            return PlanShare.objects.create(
                plan=plan, label=label, token_hash=label, code_hash="x", expires=expires, revoked=revoked
            )

        share("verlopen", today - timedelta(days=92))
        kept = {
            share("net verlopen", today - timedelta(days=88)).pk,
            share("geldig", today + timedelta(days=5)).pk,
            share("net ingetrokken", today + timedelta(days=5), revoked=self.ago(89)).pk,
        }
        share("ingetrokken", today + timedelta(days=5), revoked=self.ago(91))
        purge_all(self.now)
        self.assertEqual(set(PlanShare.objects.values_list("pk", flat=True)), kept)

    def test_card_links_go_after_expiry_or_revocation(self):
        selection = CardSelection.objects.create(owner=self.owner, team=self.team, label="P.")

        def link(token, expires, revoked=None):
            return ShareLink.objects.create(
                selection=selection, slug="hoop", token_hash=token, expires=expires, revoked=revoked
            )

        link("a", self.ago(91))
        link("b", self.now + timedelta(days=3), revoked=self.ago(91))
        kept = {link("c", self.ago(89)).pk, link("d", self.now + timedelta(days=3)).pk}
        purge_all(self.now)
        self.assertEqual(set(ShareLink.objects.values_list("pk", flat=True)), kept)

    def test_invitations_go_a_month_after_expiry_or_use(self):
        def invite(email, expires, accepted=None):
            return Invitation.objects.create(
                team=self.team, email=email, token_hash=email, expires=expires, accepted=accepted
            )

        invite("a@example.org", self.ago(31))
        invite("b@example.org", self.now + timedelta(days=3), accepted=self.ago(31))
        kept = {
            invite("c@example.org", self.ago(29)).pk,
            invite("d@example.org", self.now + timedelta(days=3)).pk,
        }
        purge_all(self.now)
        self.assertEqual(set(Invitation.objects.values_list("pk", flat=True)), kept)

    def test_login_attempts_with_address_and_user_agent_go_after_a_month(self):
        fields = {"user_agent": "Firefox", "ip_address": "192.0.2.1", "username": "a@example.org"}
        for model, extra in (
            (AccessAttempt, {"failures_since_start": 1, "get_data": "", "post_data": ""}),
            (AccessFailureLog, {}),
            (LoginLog, {}),
        ):
            old = model.objects.create(**fields, **extra)
            model.objects.filter(pk=old.pk).update(attempt_time=self.ago(31))
            model.objects.create(**{**fields, "username": "b@example.org"}, **extra)
        purge_all(self.now)
        for model in (AccessAttempt, AccessFailureLog, LoginLog):
            self.assertEqual(list(model.objects.values_list("username", flat=True)), ["b@example.org"], model)

    @override_settings(TASKS=DATABASE_TASKS)
    def test_finished_task_rows_go_after_a_week_and_failed_ones_after_a_month(self):
        rows = {}
        for name, status, days in (
            ("old-done", "SUCCESSFUL", 8),
            ("old-failed", "FAILED", 31),
            ("recent-done", "SUCCESSFUL", 6),
            ("recent-failed", "FAILED", 29),
            ("waiting", "READY", None),
        ):
            result = ping.enqueue(name)
            if days is not None:
                DBTaskResult.objects.filter(pk=result.id).update(status=status, finished_at=self.ago(days))
            rows[name] = result.id
        purge_all(self.now)
        remaining = {str(pk) for pk in DBTaskResult.objects.values_list("pk", flat=True)}
        self.assertEqual(remaining, {str(rows[name]) for name in ("recent-done", "recent-failed", "waiting")})

    def test_the_log_of_a_deleted_plan_goes_five_years_after_the_deletion(self):
        def deleted_plan(days):
            plan_id = uuid.uuid4()
            for action in (AccessLog.Action.VIEW, AccessLog.Action.DELETE):
                AccessLog.objects.create(
                    plan_uuid=plan_id, plan_label="Weg", actor_label="x", action=action, at=self.ago(days)
                )
            return plan_id

        deleted_plan(1827)
        recent = deleted_plan(1825)
        living = Plan.objects.create(team=self.team, owner=self.owner, patient_name="Blijft")
        AccessLog.objects.create(plan=living, actor_label="x", action="view", at=self.ago(4000))
        purge_all(self.now)
        self.assertEqual(set(AccessLog.objects.values_list("plan_uuid", flat=True)), {recent, living.pk})

    def test_cached_pdfs_go_with_purged_answers_and_sessions_and_all_after_a_day(self):
        from houvast.surveys.retention import pdf_scope as round_scope
        from houvast.workshops.retention import pdf_scope as session_scope

        old_round, _ = make_round(status=Round.Status.CLOSED, closed_at=self.ago(366))
        add_responses(old_round, [TEN])
        recent_round, _ = make_round(status=Round.Status.CLOSED, closed_at=self.ago(1))
        old_session = make_session(self.team, self.owner, status=Session.Status.ENDED, ended_at=self.ago(181))
        with tempfile.TemporaryDirectory() as folder, override_settings(PDF_CACHE_DIR=folder):
            paths = {}
            for name, scope in [
                ("old round", round_scope(old_round)),
                ("recent round", round_scope(recent_round)),
                ("old session", session_scope(old_session)),
                ("handout", "content"),
            ]:
                paths[name] = pdf_cache.path_for(f"<p>{name}</p>", scope)
                pdf_cache.write(paths[name], b"%PDF-")
            counts = purge_all(self.now)
            self.assertEqual(
                {name for name, path in paths.items() if path.exists()}, {"recent round", "handout"}
            )
            self.assertEqual(counts["cached_pdfs"], 0)
            self.assertEqual(purge_all(self.now + timedelta(hours=25))["cached_pdfs"], 2)
            self.assertEqual(list(Path(folder).rglob("*.pdf")), [])

    @override_settings(ACCESS_LOG_RETENTION_DAYS=10)
    def test_the_retention_is_a_setting(self):
        plan = Plan.objects.create(team=self.team, owner=self.owner, patient_name="Weg")
        plan.delete()
        self.assertEqual(purge_all(self.now + timedelta(days=9))["access_log_of_deleted_plans"], 0)
        self.assertEqual(purge_all(self.now + timedelta(days=11))["access_log_of_deleted_plans"], 1)

    def test_the_command_reports_every_kind(self):
        out = StringIO()
        call_command("purge_expired", stdout=out)
        self.assertEqual(out.getvalue().count(" removed"), len(PURGERS))
