"""Two submits from the same device at the same moment (a double click, two tabs) count once."""

import threading

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from houvast.surveys.models import Answer, Response

from .factories import full_post, make_round


@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_submits_from_one_device_count_once():
    round_obj, _ = make_round()
    url = reverse("surveys:respond", args=[round_obj.public_token])
    device = "d" * 32
    barrier = threading.Barrier(2)
    statuses, errors = [], []

    def submit(value):
        client = Client()
        client.cookies["houvast_apparaat"] = device
        try:
            barrier.wait(timeout=10)
            statuses.append(client.post(url, full_post(value)).status_code)
        except Exception as e:  # noqa: BLE001 - reported below
            errors.append(e)
        finally:
            connection.close()

    threads = [threading.Thread(target=submit, args=(value,)) for value in ("2", "4")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    assert statuses == [302, 302]
    assert Response.objects.filter(round=round_obj, submitted_at__isnull=False).count() == 1
    values = set(Answer.objects.filter(round=round_obj).values_list("value", flat=True))
    assert Answer.objects.filter(round=round_obj).count() == 10
    assert values in ({2}, {4})
