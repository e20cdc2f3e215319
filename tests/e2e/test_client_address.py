"""The client address behind a load balancer (TRUSTED_PROXIES): requests come from a forwarder on
loopback that adds X-Forwarded-For; every limit must count the real client, and an address that the
client itself writes into the header (the left part) must not buy it a fresh limit."""

import pytest

from houvast.lib.testing import PASSWORD, make_user

from .server import ServedApp, Visitor

pytestmark = pytest.mark.e2e

RESET = "/account/wachtwoord/vergeten/"
LOGIN = "/account/inloggen/"
RESETS_PER_HOUR = 10


@pytest.fixture(scope="module")
def behind_proxy(django_db_setup, django_db_blocker):
    app = ServedApp(TRUSTED_PROXIES="127.0.0.1,::1")
    yield app
    app.stop()


@pytest.fixture(scope="module")
def without_proxy(django_db_setup, django_db_blocker):
    app = ServedApp(TRUSTED_PROXIES="")
    yield app
    app.stop()


def ask_reset(visitor, forwarded_for):
    return visitor.post_form(RESET, {"email": "niemand@example.org"}, forwarded_for=forwarded_for)[0]


def test_a_rotated_forwarded_for_does_not_bypass_the_limit(behind_proxy, transactional_db):
    attacker = Visitor(behind_proxy.url)
    # The attacker writes a new address in front each time; the load balancer appends the real one.
    statuses = [ask_reset(attacker, f"10.66.0.{i}, 203.0.113.7") for i in range(RESETS_PER_HOUR + 1)]
    assert statuses[:RESETS_PER_HOUR] == [302] * RESETS_PER_HOUR
    assert statuses[-1] == 429


def test_each_client_behind_the_proxy_has_its_own_limit(behind_proxy, transactional_db):
    for _ in range(RESETS_PER_HOUR + 1):
        ask_reset(Visitor(behind_proxy.url), "203.0.113.8")
    assert ask_reset(Visitor(behind_proxy.url), "203.0.113.8") == 429
    # Someone else behind the same load balancer is not affected.
    assert ask_reset(Visitor(behind_proxy.url), "198.51.100.2") == 302


def test_login_lockout_counts_the_real_client(behind_proxy, transactional_db):
    make_user("doelwit@example.org")
    attacker = Visitor(behind_proxy.url)
    statuses = [
        attacker.post_form(
            LOGIN,
            {"username": "doelwit@example.org", "password": "fout"},
            forwarded_for=f"10.9.{i}.1, 203.0.113.9",
        )[0]
        for i in range(5)
    ]
    assert statuses == [200, 200, 200, 200, 429]
    status, _ = attacker.post_form(
        LOGIN,
        {"username": "doelwit@example.org", "password": PASSWORD},
        forwarded_for="10.9.9.9, 203.0.113.9",
    )
    assert status == 429
    owner = Visitor(behind_proxy.url, forwarded_for="198.51.100.20")
    status, _ = owner.post_form(LOGIN, {"username": "doelwit@example.org", "password": PASSWORD})
    assert status == 302


def test_without_trusted_proxies_the_header_is_ignored(without_proxy, transactional_db):
    statuses = [ask_reset(Visitor(without_proxy.url), f"203.0.113.{i}") for i in range(RESETS_PER_HOUR + 1)]
    assert statuses[-1] == 429
