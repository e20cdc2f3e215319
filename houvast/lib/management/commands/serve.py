"""Start Houvast as one unit: the ASGI server (uvicorn) and a task worker; one that dies is started again;
Ctrl-C stops both."""

import os
import signal
import sys

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from houvast.lib.supervisor import Child, supervise


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
        server = uvicorn_command(python, host, port)
        if reload:
            server += ["--reload", "--reload-include", "*.html", "--reload-include", "*.yaml"]
        children = [Child("uvicorn", server)]
        for number in range(workers):
            worker = [python, "manage.py", "db_worker", "--interval", "2"]
            children.append(Child(f"db_worker {number + 1}", worker))
        self.stdout.write(
            self.style.SUCCESS(f"\nHouvast draait op http://{host}:{port}/ (stoppen: Ctrl-C)\n")
        )
        stopping = False

        def stop(*_):
            nonlocal stopping
            stopping = True

        signal.signal(signal.SIGINT, stop)
        signal.signal(signal.SIGTERM, stop)
        supervise(children, lambda: stopping)
        self.stdout.write("Houvast is gestopt.")


def uvicorn_command(python, host, port):
    """The uvicorn command line: no access log of its own (houvast/lib/logs.py writes one without
    addresses or tokens) and X-Forwarded-For read only from TRUSTED_PROXIES."""
    command = [
        python,
        "-m",
        "uvicorn",
        "houvast.asgi:application",
        "--host",
        host,
        "--port",
        str(port),
        "--no-server-header",
        "--no-access-log",
        # Live sessions compress their long messages once for all screens (workshops/live.py); deflating
        # every frame again per socket would cost a hall's worth of CPU for nothing.
        "--ws-per-message-deflate",
        "false",
    ]
    if settings.TRUSTED_PROXIES:
        return [*command, "--proxy-headers", "--forwarded-allow-ips", ",".join(settings.TRUSTED_PROXIES)]
    return [*command, "--no-proxy-headers"]
