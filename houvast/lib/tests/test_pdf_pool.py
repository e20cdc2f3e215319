"""The PDF processes: separate from the caller, and replaced when one dies."""

import os
import signal
import time

from django.test import SimpleTestCase, override_settings

from houvast.lib import pdf_pool


@override_settings(PDF_WORKERS=1)
class PdfPoolTests(SimpleTestCase):
    def test_work_runs_in_another_process(self):
        self.assertNotEqual(pdf_pool.submit(os.getpid).result(timeout=60), os.getpid())

    def test_a_child_that_died_is_replaced(self):
        [child] = {pdf_pool.submit(os.getpid).result(timeout=60)} & set(pdf_pool.child_pids())
        os.kill(child, signal.SIGKILL)
        deadline = time.monotonic() + 10
        while not pdf_pool._pool._broken and time.monotonic() < deadline:
            time.sleep(0.05)
        replacement = pdf_pool.submit(os.getpid).result(timeout=60)
        self.assertNotIn(replacement, (child, os.getpid()))

    def test_the_children_yield_the_cpu_to_the_web_process(self):
        self.assertEqual(pdf_pool.submit(os.nice, 0).result(timeout=60), os.nice(0) + 10)

    @override_settings(PDF_WORKERS=0)
    def test_no_workers_runs_in_the_caller(self):
        self.assertEqual(pdf_pool.submit(os.getpid).result(), os.getpid())
