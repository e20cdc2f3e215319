"""The PDF processes: separate from the caller, and replaced when one dies."""

import os
import signal
import time
from unittest import mock, skipUnless

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

    @skipUnless(hasattr(os, "SCHED_IDLE"), "SCHED_IDLE is Linux only")
    def test_the_children_run_only_on_cpu_time_nobody_else_wants(self):
        self.assertEqual(pdf_pool.submit(os.sched_getscheduler, 0).result(timeout=60), os.SCHED_IDLE)
        self.assertNotEqual(os.sched_getscheduler(0), os.SCHED_IDLE)

    def test_a_child_that_may_not_change_its_scheduling_goes_on_quietly(self):
        with mock.patch("os.sched_setscheduler", side_effect=PermissionError):
            pdf_pool.yield_to_everyone()

    @override_settings(PDF_WORKERS=64)
    def test_the_pool_has_no_more_children_than_cores(self):
        self.assertEqual(pdf_pool.pool_size(), pdf_pool.usable_cores())

    @override_settings(PDF_WORKERS=0)
    def test_no_workers_runs_in_the_caller(self):
        self.assertEqual(pdf_pool.submit(os.getpid).result(), os.getpid())
