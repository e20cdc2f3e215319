"""Test-wide fixtures. Environment defaults are set earlier, in houvast/lib/test_env.py."""

import pytest


@pytest.fixture(autouse=True)
def _fresh_cache():
    from django.core.cache import cache

    cache.clear()
    yield
