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
