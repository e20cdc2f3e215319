"""The participant's round and own response in one hand-written statement: the same objects the ORM gives,
only this device's response, never a pending round."""

from django.http import Http404
from django.test import TestCase
from django.utils import timezone

from houvast.surveys.models import Response, Round
from houvast.surveys.permissions import get_round_and_response_for_participant, get_round_for_participant

from .factories import make_round


def values(instance):
    return [getattr(instance, field.attname) for field in type(instance)._meta.concrete_fields]


class ParticipantLookupTests(TestCase):
    def setUp(self):
        self.round, _ = make_round(invited_count=12, min_responses=4)
        self.response = Response.objects.create(
            round=self.round,
            device_hash="a" * 64,
            discipline="psycholoog",
            closing_answer="Meer oefenen",
            draft={"s1": "4", "c1": "Half af"},
            submitted_at=timezone.now(),
        )

    def test_it_gives_what_the_orm_gives_in_one_query(self):
        with self.assertNumQueries(1):
            round_obj, response = get_round_and_response_for_participant(self.round.public_token, "a" * 64)
        self.assertEqual(values(round_obj), values(Round.objects.get(pk=self.round.pk)))
        self.assertEqual(values(response), values(Response.objects.get(pk=self.response.pk)))
        self.assertEqual(response.draft, {"s1": "4", "c1": "Half af"})
        self.assertTrue(timezone.is_aware(round_obj.deadline))
        self.assertTrue(round_obj.is_open)
        self.assertFalse(round_obj._state.adding)

    def test_a_device_without_a_response_gets_none(self):
        round_obj, response = get_round_and_response_for_participant(self.round.public_token, "b" * 64)
        self.assertEqual(round_obj, self.round)
        self.assertIsNone(response)

    def test_without_a_device_hash_only_the_round_is_read(self):
        with self.assertNumQueries(1):
            self.assertEqual(get_round_for_participant(self.round.public_token), self.round)
        self.assertIsNone(get_round_and_response_for_participant(self.round.public_token, None)[1])

    def test_the_same_device_hash_in_another_round_is_not_this_rounds_response(self):
        other, _ = make_round(network_name="Ander netwerk")
        round_obj, response = get_round_and_response_for_participant(other.public_token, "a" * 64)
        self.assertEqual(round_obj, other)
        self.assertIsNone(response)

    def test_a_pending_round_and_an_unknown_token_give_404(self):
        pending, _ = make_round(status=Round.Status.PENDING, activated_at=None)
        for token in (pending.public_token, "onbekend"):
            with self.subTest(token=token):
                with self.assertRaises(Http404):
                    get_round_and_response_for_participant(token, "a" * 64)
                with self.assertRaises(Http404):
                    get_round_for_participant(token)
