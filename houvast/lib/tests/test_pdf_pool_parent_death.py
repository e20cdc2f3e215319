"""A PDF process ends by itself when the web process that started it is gone (a SIGKILL, an OOM kill): an
orphan would keep ~100 MB and the dead process's stdout pipe for as long as the machine runs."""

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from django.test import SimpleTestCase, override_settings

from houvast.lib import pdf_pool

WEB_PROCESS = """
import os, time
from pathlib import Path
import django
django.setup()
from houvast.lib import pdf_pool
pool_child = pdf_pool.submit(os.getpid).result(timeout=120)
def parent(stat):
    return stat.read_text().rsplit(")")[-1].split()[1] if stat.exists() else None
stats = [p / "stat" for p in Path("/proc").iterdir() if p.name.isdigit()]
children = [stat.parent.name for stat in stats if parent(stat) == str(os.getpid())]
print(pool_child, *children, flush=True)
time.sleep(600)
"""


def running(pid):
    """True while `pid` exists and is no zombie (an orphan's zombie waits for pid 1, which may not reap)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state != "Z"


def gone_within(pids, seconds):
    deadline = time.monotonic() + seconds
    while any(running(pid) for pid in pids) and time.monotonic() < deadline:
        time.sleep(0.1)
    return [pid for pid in pids if running(pid)]


def end(pids):
    """Leave no orphans behind when the test fails."""
    for pid in pids:
        if running(pid):
            os.kill(pid, signal.SIGKILL)


class ChildEndsWithItsParentTests(SimpleTestCase):
    def children_left_after(self, signal_number):
        """Start a web process with a pool child, end it with `signal_number`; the pids still running."""
        web = subprocess.Popen(
            [sys.executable, "-c", WEB_PROCESS],
            env={**os.environ, "PDF_WORKERS": "1"},
            stdout=subprocess.PIPE,
            text=True,
        )
        try:
            pool_child, *children = [int(pid) for pid in web.stdout.readline().split()]
            self.assertIn(pool_child, children)
            self.assertGreaterEqual(len(children), 2, "the pool child and multiprocessing's resource tracker")
        finally:
            web.send_signal(signal_number)
            web.wait()
        self.addCleanup(end, children)
        return gone_within(children, 10)

    def test_children_exit_when_the_web_process_is_killed(self):
        self.assertEqual(self.children_left_after(signal.SIGKILL), [])

    def test_children_exit_when_the_web_process_is_stopped(self):
        """uvicorn ends itself with the SIGTERM it was stopped by, after its own shutdown: the atexit hook
        that would shut the pool down never runs."""
        self.assertEqual(self.children_left_after(signal.SIGTERM), [])

    @override_settings(PDF_WORKERS=1)
    def test_a_child_outlives_the_request_thread_that_started_it(self):
        """Django runs each request's sync code in a thread of its own that ends with the request; a child
        bound to that thread (prctl PR_SET_PDEATHSIG) would die after its first PDF."""
        if pdf_pool._pool is not None:
            pdf_pool._pool.shutdown()
            pdf_pool._pool = None
        started = []
        thread = threading.Thread(
            target=lambda: started.append(pdf_pool.submit(os.getpid).result(timeout=120))
        )
        thread.start()
        thread.join()
        time.sleep(2)
        self.assertTrue(running(started[0]))
        self.assertEqual(pdf_pool.submit(os.getpid).result(timeout=60), started[0])
