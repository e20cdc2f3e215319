"""Loaded by pytest (`-p houvast.lib.test_env`) before Django starts: development defaults for tests."""

import os

if "SECRET_KEY" not in os.environ:
    os.environ.setdefault("DEBUG", "True")
os.environ.setdefault("TASKS_BACKEND", "immediate")
os.environ.setdefault("TEST_FAST_PASSWORD_HASHER", "True")
# Parallel workers (pytest-xdist) share Redis when REDIS_URL is set: each keeps its own cache keys, and
# its browser tests' live server (which inherits this environment) uses the same ones.
if worker := os.environ.get("PYTEST_XDIST_WORKER"):
    os.environ.setdefault("CACHE_KEY_PREFIX", f"houvast-test-{worker}")
# Playwright's sync API keeps an event loop in the test thread; the ORM calls of the
# browser tests' fixtures are still plain synchronous code.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
