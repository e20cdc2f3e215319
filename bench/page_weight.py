#!/usr/bin/env python
"""Bytes over the wire for the participant page (/stellingen/r/<token>/) on a phone with an empty cache:
the HTML and every stylesheet, script and image it links, as a production process sends them
(DEBUG=False, static files collected, `Accept-Encoding: gzip, br`).

    .venv/bin/python bench/page_weight.py
"""

import os
import re
import secrets
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
AIM_KIB = 40


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url):
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip, br", "User-Agent": "bench"})
    with urllib.request.urlopen(request, timeout=10) as response:
        body = response.read()
        headers = "".join(f"{k}: {v}\r\n" for k, v in response.getheaders())
        return body, len(headers), response.headers


def main():
    var_dir = Path(tempfile.mkdtemp(prefix="houvast-weight-"))
    port = free_port()
    env = {
        **os.environ,
        "DEBUG": "False",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "SECURE_SSL_REDIRECT": "False",
        "SITE_URL": f"http://127.0.0.1:{port}",
        "DATABASE_URL": f"sqlite:///{var_dir / 'weight.sqlite3'}",
        "VAR_DIR": str(var_dir),
        "TASKS_BACKEND": "immediate",
        "LOG_LEVEL": "WARNING",
    }
    manage = [PYTHON, "manage.py"]
    subprocess.run([*manage, "collectstatic", "--no-input", "-v", "0"], cwd=ROOT, env=env, check=True)
    subprocess.run([*manage, "migrate", "--no-input", "-v", "0"], cwd=ROOT, env=env, check=True)
    token = subprocess.run(
        [
            *manage,
            "shell",
            "-c",
            "from houvast.surveys.tests.factories import make_round; print(make_round()[0].public_token)",
        ],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()[-1]
    server = subprocess.Popen(
        [PYTHON, "-m", "uvicorn", "houvast.asgi:application", "--port", str(port), "--log-level", "warning"],
        cwd=ROOT,
        env=env,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                fetch(f"{base}/healthz")
                break
            except OSError:
                if time.monotonic() > deadline:
                    sys.exit("uvicorn did not start")
                time.sleep(0.2)
        html, header_bytes, headers = fetch(f"{base}/stellingen/r/{token}/")
        rows = [("page", len(html), header_bytes, headers.get("Content-Encoding", "-"), "")]
        text = html
        if headers.get("Content-Encoding") == "gzip":
            import gzip

            text = gzip.decompress(html)
        links = sorted(set(re.findall(rb'(?:href|src)="(/static/[^"]+)"', text)))
        for link in links:
            body, header_bytes, headers = fetch(base + link.decode())
            cache = headers.get("Cache-Control", "-")
            rows.append((link.decode(), len(body), header_bytes, headers.get("Content-Encoding", "-"), cache))
    finally:
        server.terminate()
        server.wait(timeout=10)
    total = 0
    for name, body, header_bytes, encoding, cache in rows:
        total += body + header_bytes
        print(f"{name:60} {body:>8} B body {header_bytes:>5} B headers  {encoding:5} {cache}")
    print(f"participant page over the wire: {total / 1024:.1f} KiB (aim <= {AIM_KIB} KiB)")


if __name__ == "__main__":
    main()
