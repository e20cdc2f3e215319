"""Start Houvast as one unit: the ASGI server (uvicorn) and a task worker; Ctrl-C stops both."""

import os
import signal
import subprocess
import sys
import time

from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Run uvicorn with Channels and a django-tasks-db worker until interrupted."

    def add_arguments(self, parser):
        parser.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))
        parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")))
        parser.add_argument("--workers", type=int, default=1, help="task worker processes")
        parser.add_argument("--reload", action="store_true")

    def handle(self, host, port, workers, reload, **options):
        python = sys.executable
        call_command("schedule_periodic", verbosity=0)
        server = [
            python,
            "-m",
            "uvicorn",
            "houvast.asgi:application",
            "--host",
            host,
            "--port",
            str(port),
            "--no-server-header",
            "--proxy-headers",
        ]
        if reload:
            server += ["--reload", "--reload-include", "*.html", "--reload-include", "*.yaml"]
        children = [subprocess.Popen(server)]
        for _ in range(workers):
            children.append(subprocess.Popen([python, "manage.py", "db_worker", "--interval", "2"]))
        self.stdout.write(
            self.style.SUCCESS(f"\nHouvast draait op http://{host}:{port}/ (stoppen: Ctrl-C)\n")
        )
        stopping = False

        def stop(*_):
            nonlocal stopping
            stopping = True

        signal.signal(signal.SIGINT, stop)
        signal.signal(signal.SIGTERM, stop)
        try:
            while not stopping and all(child.poll() is None for child in children):
                time.sleep(0.3)
        finally:
            for child in children:
                if child.poll() is None:
                    child.send_signal(signal.SIGTERM)
            deadline = time.monotonic() + 10
            for child in children:
                try:
                    child.wait(timeout=max(0.1, deadline - time.monotonic()))
                except subprocess.TimeoutExpired:
                    child.kill()
        self.stdout.write("Houvast is gestopt.")
