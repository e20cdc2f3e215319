import threading
from datetime import timedelta

import pytest
from django.core import mail
from django.db import connection
from django.utils import timezone

from houvast.lib.periodic import run_sweep
from houvast.surveys import tasks
from houvast.surveys.models import Round

from .factories import add_responses, make_round


def _past_deadline(**extra):
    round_obj, _ = make_round(min_responses=3, **extra)
    Round.objects.filter(pk=round_obj.pk).update(deadline=timezone.now() - timedelta(minutes=1))
    return round_obj


@pytest.mark.django_db
def test_the_sweep_sends_a_summary_after_the_deadline():
    round_obj = _past_deadline()
    add_responses(round_obj, [[4] * 10] * 3)
    assert run_sweep.enqueue("round_deadlines").return_value == 1
    assert len(mail.outbox) == 1
    assert mail.outbox[0].attachments[0][0].endswith(".pdf")


@pytest.mark.django_db
def test_the_sweep_sends_each_summary_once():
    _past_deadline()
    tasks.send_due_summaries()
    tasks.send_due_summaries()
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_the_sweep_skips_open_and_pending_rounds():
    make_round()
    pending = _past_deadline(status=Round.Status.PENDING, activated_at=None)
    assert tasks.send_due_summaries() == 0
    assert not Round.objects.get(pk=pending.pk).deadline_summary_sent_at


@pytest.mark.django_db
def test_below_the_minimum_the_mail_says_so_without_a_pdf():
    round_obj = _past_deadline()
    add_responses(round_obj, [[4] * 10])
    tasks.send_due_summaries()
    assert mail.outbox[0].attachments == []
    assert "minder dan 3 mensen online" in mail.outbox[0].body


@pytest.mark.django_db
def test_a_failed_send_is_retried_by_the_next_sweep(monkeypatch):
    round_obj = _past_deadline()

    def broken(_round):
        raise OSError("mail server down")

    monkeypatch.setattr("houvast.surveys.emails.send_summary", broken)
    assert tasks.send_due_summaries() == 0
    assert Round.objects.get(pk=round_obj.pk).deadline_summary_sent_at is None
    monkeypatch.undo()
    assert tasks.send_due_summaries() == 1


@pytest.mark.django_db
def test_the_management_command_sends_due_summaries():
    from django.core.management import call_command

    _past_deadline()
    call_command("send_due_summaries")
    assert len(mail.outbox) == 1


@pytest.mark.django_db(transaction=True)
def test_two_concurrent_claimers_send_exactly_once():
    round_obj = _past_deadline()
    add_responses(round_obj, [[4] * 10] * 3)
    barrier = threading.Barrier(2)
    results, errors = [], []

    def worker():
        try:
            barrier.wait(timeout=10)
            results.append(tasks.deliver(round_obj.pk, "deadline"))
        except Exception as e:  # noqa: BLE001 - reported below
            errors.append(e)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    assert sorted(results) == [False, True]
    assert len(mail.outbox) == 1


@pytest.mark.django_db(transaction=True)
def test_two_concurrent_claims_of_a_manual_trigger_give_one_winner():
    round_obj, _ = make_round()
    Round.objects.filter(pk=round_obj.pk).update(manual_summary_requested_at=timezone.now())
    barrier = threading.Barrier(2)
    results = []

    def worker():
        barrier.wait(timeout=10)
        results.append(tasks.claim(round_obj.pk, "manual") is not None)
        connection.close()

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert sorted(results) == [False, True]


def _claim_then_die(round_obj, trigger, minutes_ago):
    """A worker claimed the trigger `minutes_ago` and was killed before it could send."""
    assert tasks.claim(round_obj.pk, trigger) is not None
    Round.objects.filter(pk=round_obj.pk).update(
        **{f"{trigger}_summary_claimed_at": timezone.now() - timedelta(minutes=minutes_ago)}
    )


@pytest.mark.django_db
def test_a_worker_killed_mid_send_does_not_block_the_summary_for_long():
    round_obj = _past_deadline()
    _claim_then_die(round_obj, "deadline", minutes_ago=2)
    assert tasks.send_due_summaries() == 0, "a fresh claim may still be sending"
    assert mail.outbox == []
    Round.objects.filter(pk=round_obj.pk).update(
        deadline_summary_claimed_at=timezone.now() - timedelta(minutes=11)
    )
    assert tasks.send_due_summaries() == 1
    assert len(mail.outbox) == 1
    round_obj.refresh_from_db()
    assert round_obj.deadline_summary_sent_at is not None
    assert round_obj.deadline_summary_claimed_at is None
    assert tasks.send_due_summaries() == 0


@pytest.mark.django_db
def test_the_sweep_finishes_an_abandoned_manual_send():
    round_obj, _ = make_round()
    Round.objects.filter(pk=round_obj.pk).update(manual_summary_requested_at=timezone.now())
    _claim_then_die(round_obj, "manual", minutes_ago=11)
    assert tasks.send_due_summaries() == 1
    assert Round.objects.get(pk=round_obj.pk).manual_summary_sent_at is not None


@pytest.mark.django_db
def test_a_send_that_finishes_after_a_reopen_leaves_the_new_deadline_open():
    round_obj = _past_deadline()
    claimed_at = tasks.claim(round_obj.pk, "deadline")
    Round.objects.filter(pk=round_obj.pk).update(deadline_summary_claimed_at=None)  # reopened meanwhile
    tasks.mark_sent(round_obj.pk, "deadline", claimed_at)
    assert Round.objects.get(pk=round_obj.pk).deadline_summary_sent_at is None
