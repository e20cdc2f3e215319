"""No health data in /beheer/: a secret planted in every field that holds it never appears on any page."""

from django.contrib.admin.models import CHANGE, LogEntry
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from houvast.cards.models import CardSelection
from houvast.lib.models import SweepState
from houvast.lib.tasks import ping
from houvast.operators.admin import site
from houvast.plans.models import Plan, PlanSection, PlanVersion
from houvast.surveys.models import Response
from houvast.surveys.tests.factories import add_responses, make_round
from houvast.workshops.models import ActionPlan, Note, Participant, SharedAnswer
from houvast.workshops.tests.factories import make_session

from .operator_setup import OperatorTestCase

SECRET = "GEHEIM-vroege-signalen-7f3a"


class NoHealthDataTests(OperatorTestCase):
    def plant(self):
        plan = Plan.objects.create(team=self.team, owner=self.member, patient_name=SECRET)
        PlanSection.objects.create(plan=plan, key="signals", data={"text": SECRET})
        PlanVersion.objects.create(
            plan=plan,
            number=1,
            data={"signals": SECRET},
            professional_name="x",
            patient_name=SECRET,
            note=SECRET,
        )
        round_obj, _token = make_round()
        add_responses(round_obj, [[4] * 10], comment=SECRET)
        Response.objects.update(closing_answer=SECRET, draft={"closing": SECRET})
        session = make_session(self.team, self.owner)
        participant = Participant.objects.create(session=session, token=Participant.new_token(), name=SECRET)
        note = Note.objects.create(session=session, step_key="collect", text=SECRET, reason_other=SECRET)
        SharedAnswer.objects.create(session=session, note=note, key="k", text=SECRET)
        ActionPlan.objects.create(session=session, participant=participant, items={"interventie": SECRET})
        CardSelection.objects.create(owner=self.member, team=self.team, label=SECRET, slugs=[SECRET])
        failed = ping.enqueue(SECRET)
        DBTaskResult.objects.filter(pk=failed.id).update(
            status="FAILED",
            finished_at=timezone.now(),
            return_value=SECRET,
            exception_class_path="builtins.ValueError",
            traceback=f"ValueError: {SECRET}",
        )
        SweepState.objects.create(name="heartbeat", last_succeeded_at=timezone.now())
        LogEntry.objects.log_actions(
            self.operator.pk, [self.member], CHANGE, change_message="Account ontgrendeld", single_object=True
        )

    def pages(self):
        yield reverse("admin:index")
        for model, model_admin in site._registry.items():
            info = (model._meta.app_label, model._meta.model_name)
            yield reverse("admin:{}_{}_changelist".format(*info))
            if model is self.operator.__class__:
                for person in model.objects.all():
                    self.look_up(person)
            for pk in model_admin.get_queryset(None).values_list("pk", flat=True)[:20]:
                yield reverse("admin:{}_{}_change".format(*info), args=[pk])
            if model is self.operator.__class__:
                for pk in (self.member.pk, self.owner.pk):
                    for action in ("ontgrendelen", "tweestaps-herstellen", "plannen-overdragen", "history"):
                        yield f"/beheer/accounts/user/{pk}/{action}/"

    def test_no_registered_page_shows_the_planted_secret(self):
        with self.settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}):
            self.plant()
        self.login_verified()
        urls = list(self.pages())
        self.assertGreater(len(urls), 20)
        for url in urls:
            response = self.client.get(url)
            self.assertEqual(response.status_code, 200, url)
            self.assertNotIn(SECRET, response.content.decode(), url)

    def test_every_registered_admin_declares_its_fields(self):
        for model, model_admin in site._registry.items():
            self.assertTrue(model_admin.fields, model)
            self.assertNotIn("__str__", model_admin.list_display, model)
            json_fields = {f.name for f in model._meta.fields if f.get_internal_type() == "JSONField"}
            self.assertFalse(json_fields & set(model_admin.fields), model)
