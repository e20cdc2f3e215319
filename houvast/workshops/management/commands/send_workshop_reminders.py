import logging

from django.core.management.base import BaseCommand

from houvast.workshops.tasks import due_reminders, send_plan_reminder, send_report, unsent_reports

log = logging.getLogger(__name__)


class Command(BaseCommand):
    help = (
        "Send every mini action plan reminder that is due and every session report whose sending failed "
        "(next to the deferred tasks; safe to rerun)."
    )

    def handle(self, *args, **options):
        reminders = self._send(send_plan_reminder, due_reminders().values_list("pk", flat=True))
        reports = self._send(send_report, unsent_reports().values_list("pk", flat=True))
        self.stdout.write(f"{reminders} reminders sent, {reports} reports sent")

    def _send(self, task, ids):
        sent = 0
        for pk in list(ids):
            try:
                sent += bool(task.call(pk))
            except Exception:
                log.exception("Sending %s for %s failed; the next run tries again", task.module_path, pk)
        return sent
