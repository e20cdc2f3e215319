"""Keep a few child processes running: one that dies is started again, the others go on serving."""

import logging
import signal
import subprocess
import time

logger = logging.getLogger(__name__)

STABLE_AFTER = 30  # seconds; a child that ran this long before dying is restarted at once
MAX_DELAY = 30
GIVE_UP_AFTER = 5  # quick deaths in a row (a port in use, a broken setting): stop and say so


class Child:
    def __init__(self, name, args):
        self.name = name
        self.args = args
        self.process = None
        self.started = 0.0
        self.failures = 0
        self.restart_at = None

    def start(self):
        self.process = subprocess.Popen(self.args)
        self.started = time.monotonic()
        self.restart_at = None

    def check(self, now):
        """Start a child that exited again: at once after a long run, after a growing pause when it keeps
        dying."""
        if self.restart_at is not None:
            if now >= self.restart_at:
                self.start()
            return
        code = self.process.poll()
        if code is None:
            return
        self.failures = 1 if now - self.started >= STABLE_AFTER else self.failures + 1
        if self.gave_up:
            logger.error("%s keeps stopping (exit code %s); stopping everything", self.name, code)
            return
        delay = min(MAX_DELAY, 2 ** (self.failures - 1) - 1)
        logger.warning("%s stopped with exit code %s; starting it again in %s s", self.name, code, delay)
        self.restart_at = now + delay

    @property
    def gave_up(self):
        return self.failures >= GIVE_UP_AFTER

    def stop(self):
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)

    def wait(self, deadline):
        if self.process is None:
            return
        try:
            self.process.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            self.process.kill()


def supervise(children, should_stop, interval=0.3):
    """Run until should_stop() is true or a child keeps dying, then stop every child (SIGTERM, SIGKILL
    after 10 s)."""
    for child in children:
        child.start()
    try:
        while not should_stop() and not any(child.gave_up for child in children):
            now = time.monotonic()
            for child in children:
                child.check(now)
            time.sleep(interval)
    finally:
        for child in children:
            child.stop()
        deadline = time.monotonic() + 10
        for child in children:
            child.wait(deadline)
