from django.urls import reverse

from ..models import AccessLog
from ..permissions import get_plan_for_user, log_access
from .helpers import PlanTestCase


class AccessLogTestCase(PlanTestCase):
    def test_log_access_records_who_for_whom_and_what(self):
        plan = get_plan_for_user(self.owner, self.plan.pk)
        entry = log_access(plan, self.owner, AccessLog.Action.VIEW)
        self.assertEqual((entry.actor_label, entry.on_behalf_of), ("Olga Eigenaar", "FACT-team Noord"))

    def test_on_behalf_of_can_be_given(self):
        plan = get_plan_for_user(self.patient, self.plan.pk)
        entry = log_access(plan, None, AccessLog.Action.SHARE_VIEW, on_behalf_of="Piet", actor_label="Zus")
        self.assertEqual((entry.actor, entry.actor_label, entry.on_behalf_of), (None, "Zus", "Piet"))

    def test_entries_cannot_be_changed_or_deleted(self):
        plan = get_plan_for_user(self.owner, self.plan.pk)
        entry = log_access(plan, self.owner, AccessLog.Action.VIEW)
        entry.detail = "anders"
        with self.assertRaises(PermissionError):
            entry.save()
        with self.assertRaises(PermissionError):
            entry.delete()
        with self.assertRaises(PermissionError):
            AccessLog.objects.filter(plan=self.plan).update(detail="x")
        with self.assertRaises(PermissionError):
            AccessLog.objects.filter(plan=self.plan).delete()
        self.assertEqual(AccessLog.objects.get().detail, "")


class RoleAndSourceTestCase(PlanTestCase):
    def test_each_entry_records_the_role_and_the_source(self):
        self.login(self.owner)
        self.client.get(reverse("plans:builder", args=[self.plan.pk]))
        self.login(self.patient)
        self.client.get(reverse("plans:pdf", args=[self.plan.pk]))
        plan = get_plan_for_user(self.patient, self.plan.pk)
        log_access(plan, None, AccessLog.Action.SHARE_VIEW, actor_label="Mijn zus")
        rows = AccessLog.objects.order_by("at", "id").values_list("action", "actor_role", "source")
        self.assertEqual(
            list(rows),
            [
                ("view", "clinician", "web"),
                ("pdf", "patient", "export"),
                ("share_view", "relative", "share_link"),
            ],
        )

    def test_an_entry_keeps_the_plan_id_and_label_after_the_plan_is_gone(self):
        plan_id = self.plan.pk
        entry = log_access(get_plan_for_user(self.owner, plan_id), self.owner, AccessLog.Action.VIEW)
        self.plan.delete()
        entry = AccessLog.objects.get(pk=entry.pk)
        self.assertEqual((entry.plan_id, entry.plan_uuid, entry.plan_label), (None, plan_id, "Piet Patiënt"))

    def test_a_deleted_account_leaves_its_name_in_the_log(self):
        self.plan.colleagues.add(self.member)
        plan = get_plan_for_user(self.member, self.plan.pk)
        entry = log_access(plan, self.member, AccessLog.Action.VIEW)
        self.member.memberships.all().delete()
        self.member.delete()
        entry = AccessLog.objects.get(pk=entry.pk)
        self.assertEqual((entry.actor_id, entry.actor_label), (None, "Mo Lid"))
