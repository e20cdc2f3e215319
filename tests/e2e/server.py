"""Houvast started as `manage.py serve` starts it, for tests of what only a real server shows (the client
address behind a proxy, the log lines), and a small HTTP client that can pretend to be a load balancer."""

import os
import re
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from http.cookiejar import CookieJar

from .conftest import ROOT, _free_port, database_url_for_test_db


class ServedApp:
    """`manage.py serve --workers 0` on loopback with extra environment; its output is kept in a file."""

    def __init__(self, **extra_env):
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.output = tempfile.TemporaryFile(mode="w+")
        env = {
            **os.environ,
            "DEBUG": "True",
            "DATABASE_URL": database_url_for_test_db(),
            "TASKS_BACKEND": "immediate",
            "EMAIL_OUTBOX_DIR": tempfile.mkdtemp(prefix="houvast-outbox-"),
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "SITE_URL": self.url,
            "LOG_LEVEL": "INFO",
            **extra_env,
        }
        env.pop("SECRET_KEY", None)
        env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        command = [sys.executable, "manage.py", "serve", "--workers", "0", "--port", str(self.port)]
        self.process = subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=self.output, stderr=subprocess.STDOUT
        )
        deadline = time.monotonic() + 120
        while True:
            try:
                with urllib.request.urlopen(f"{self.url}/healthz", timeout=2):
                    return
            except OSError:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    self.stop()
                    raise RuntimeError(f"serve did not start:\n{self.log()}") from None
                time.sleep(0.2)

    def log(self):
        """Everything the server wrote so far (stdout and stderr)."""
        self.output.flush()
        self.output.seek(0)
        return self.output.read()

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Visitor:
    """One browser: its own cookies; `forwarded_for` is the X-Forwarded-For header its requests carry
    (as a load balancer on loopback would add it)."""

    def __init__(self, base_url, forwarded_for=None):
        self.base_url = base_url
        self.forwarded_for = forwarded_for
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(CookieJar()), _NoRedirect
        )

    def request(self, path, data=None, forwarded_for=None):
        headers = {}
        if forwarded_for or self.forwarded_for:
            headers["X-Forwarded-For"] = forwarded_for or self.forwarded_for
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        request = urllib.request.Request(self.base_url + path, data=body, headers=headers)
        try:
            with self.opener.open(request, timeout=20) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()

    def post_form(self, path, data, forwarded_for=None):
        """Fetch the form (for its CSRF token) and post it, both through the same forwarded address."""
        _, page = self.request(path, forwarded_for=forwarded_for)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        return self.request(path, {**data, "csrfmiddlewaretoken": token}, forwarded_for=forwarded_for)
