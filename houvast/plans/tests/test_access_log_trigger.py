"""On PostgreSQL the database itself keeps the access log append-only (a trigger from migration 0003)."""

import uuid
from datetime import timedelta
from unittest import skipUnless

from django.db import DatabaseError, connection, transaction
from django.utils import timezone

from ..access_log import purge_deleted_plan_logs
from ..models import AccessLog, Plan
from ..permissions import get_plan_for_user, log_access
from .helpers import PlanTestCase


def run_sql(sql, params=None):
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql, params)


@skipUnless(connection.vendor == "postgresql", "the trigger exists on PostgreSQL only")
class AccessLogTriggerTests(PlanTestCase):
    def setUp(self):
        super().setUp()
        self.entry = log_access(
            get_plan_for_user(self.owner, self.plan.pk), self.owner, AccessLog.Action.VIEW
        )

    def test_raw_sql_cannot_change_an_entry(self):
        with self.assertRaises(DatabaseError):
            run_sql("UPDATE plans_accesslog SET detail = 'anders' WHERE id = %s", [self.entry.pk])
        self.assertEqual(AccessLog.objects.get(pk=self.entry.pk).detail, "")

    def test_raw_sql_cannot_delete_an_entry(self):
        with self.assertRaises(DatabaseError):
            run_sql("DELETE FROM plans_accesslog WHERE id = %s", [self.entry.pk])
        self.assertTrue(AccessLog.objects.filter(pk=self.entry.pk).exists())

    def test_an_entry_cannot_be_moved_to_another_plan(self):
        other = Plan.objects.create(team=self.team, owner=self.owner, patient_name="Ander")
        with self.assertRaises(DatabaseError):
            run_sql("UPDATE plans_accesslog SET plan_id = %s WHERE id = %s", [other.pk, self.entry.pk])

    def test_setting_the_plan_to_null_with_another_change_is_refused(self):
        with self.assertRaises(DatabaseError):
            run_sql(
                "UPDATE plans_accesslog SET plan_id = NULL, actor_label = 'x' WHERE id = %s", [self.entry.pk]
            )

    def test_deleting_the_plan_is_allowed_and_keeps_the_entry(self):
        self.plan.delete()
        entry = AccessLog.objects.get(pk=self.entry.pk)
        self.assertEqual((entry.plan_id, entry.plan_label), (None, "Piet Patiënt"))

    def test_the_retention_purge_may_delete_and_only_inside_its_own_transaction(self):
        gone = uuid.uuid4()
        old = timezone.now() - timedelta(days=2000)
        for action in (AccessLog.Action.VIEW, AccessLog.Action.DELETE):
            AccessLog.objects.create(plan_uuid=gone, plan_label="Weg", actor_label="x", action=action, at=old)
        self.assertEqual(purge_deleted_plan_logs(), 2)
        self.assertFalse(AccessLog.objects.filter(plan_uuid=gone).exists())
        with self.assertRaises(DatabaseError):
            run_sql("DELETE FROM plans_accesslog WHERE id = %s", [self.entry.pk])
