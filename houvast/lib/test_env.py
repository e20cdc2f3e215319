"""Loaded by pytest (`-p houvast.lib.test_env`) before Django starts: development defaults for tests."""

import os

if "SECRET_KEY" not in os.environ:
    os.environ.setdefault("DEBUG", "True")
os.environ.setdefault("TASKS_BACKEND", "immediate")
# Playwright's sync API keeps an event loop in the test thread; the ORM calls of the
# browser tests' fixtures are still plain synchronous code.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
