import sys
import tempfile
import threading
import time
from pathlib import Path

from django.test import SimpleTestCase

from houvast.lib import supervisor
from houvast.lib.supervisor import Child, supervise


def python(code):
    return [sys.executable, "-c", code]


class SuperviseTests(SimpleTestCase):
    def setUp(self):
        self.folder = Path(tempfile.mkdtemp(prefix="houvast-supervise-"))

    def run_for(self, children, seconds):
        stop = threading.Event()
        timer = threading.Timer(seconds, stop.set)
        timer.start()
        with self.assertLogs("houvast.lib.supervisor", "WARNING") as logs:
            supervise(children, stop.is_set, interval=0.05)
        timer.cancel()
        return logs.output

    def test_a_child_that_dies_is_started_again_and_the_others_keep_running(self):
        starts = self.folder / "starts"
        dying = Child("worker", python(f"open({str(starts)!r}, 'a').write('x'); raise SystemExit(3)"))
        steady = Child("server", python("import time; time.sleep(60)"))
        logs = self.run_for([dying, steady], 2.5)
        self.assertGreaterEqual(len(starts.read_text()), 2)
        self.assertIn("worker stopped with exit code 3", logs[0])
        self.assertEqual(steady.process.returncode, -15)  # stopped only at the end, by SIGTERM

    def test_it_stops_everything_when_a_child_keeps_dying_at_once(self):
        dying = Child("server", python("raise SystemExit(1)"))
        steady = Child("worker", python("import time; time.sleep(60)"))
        original = supervisor.MAX_DELAY
        supervisor.MAX_DELAY = 0
        self.addCleanup(setattr, supervisor, "MAX_DELAY", original)
        started = time.monotonic()
        logs = self.run_for([dying, steady], 30)
        self.assertLess(time.monotonic() - started, 25)
        self.assertTrue(dying.gave_up)
        self.assertIn("server keeps stopping", logs[-1])
        self.assertIsNotNone(steady.process.returncode)
