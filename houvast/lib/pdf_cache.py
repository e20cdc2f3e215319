"""Finished PDFs on disk, found by what they show: a keyed hash of the HTML that WeasyPrint laid out.

The HTML holds everything a PDF shows (plan revision and language, round snapshot, deck, printing date), so
equal HTML means an equal PDF and any change makes a new key; nothing has to be invalidated by hand. The
folder (`PDF_CACHE_DIR`, under VAR_DIR) is shared by every process of one installation.

Health data: the folders are 0700 and the files 0600; a file's name is an HMAC of its HTML under the
SECRET_KEY, so it cannot be derived without already holding everything the PDF shows. The PDFs of one plan,
round or session share a folder named by the HMAC of that scope, which `forget(scope)` removes when the plan
is deleted or its data purged. Every file goes `PDF_CACHE_MAX_HOURS` after it was made, and the oldest go
first when the folder outgrows `PDF_CACHE_MAX_MB`.
"""

import hashlib
import hmac
import os
import shutil
import threading
import time
from pathlib import Path

from django.conf import settings


def _digest(text):
    return hmac.new(settings.SECRET_KEY.encode(), text.encode(), hashlib.sha256).hexdigest()


def _root():
    return Path(settings.PDF_CACHE_DIR)


def _folder(scope):
    return _root() / _digest(f"scope:{scope}")[:32]


def path_for(html, scope=""):
    return _folder(scope) / f"{_digest(html)}.pdf"


def _max_age():
    return settings.PDF_CACHE_MAX_HOURS * 3600


def read(path):
    """The PDF at `path`, or None when it is missing or older than its time."""
    try:
        with open(path, "rb") as f:
            if time.time() - os.fstat(f.fileno()).st_mtime > _max_age():
                return None
            return f.read()
    except FileNotFoundError:
        return None


def write(path, pdf):
    """Write atomically (readers never see half a file) with mode 0600; then keep the folder in bounds."""
    _root().mkdir(mode=0o700, parents=True, exist_ok=True)
    path.parent.mkdir(mode=0o700, exist_ok=True)
    partial = path.with_name(f".{path.stem}.{os.getpid()}.{threading.get_ident()}")
    descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "wb") as f:
        f.write(pdf)
    os.replace(partial, path)
    prune()


def forget(scope):
    """Remove every PDF of one plan, round or session (called when it is deleted or its data purged)."""
    shutil.rmtree(_folder(scope), ignore_errors=True)


def _files():
    """[(made, size, path)] of every cached PDF, oldest first."""
    found = []
    try:
        folders = [entry for entry in os.scandir(_root()) if entry.is_dir(follow_symlinks=False)]
    except FileNotFoundError:
        return found
    for folder in folders:
        try:
            for entry in os.scandir(folder.path):
                try:
                    stat = entry.stat(follow_symlinks=False)
                except FileNotFoundError:
                    continue
                found.append((stat.st_mtime, stat.st_size, entry.path))
        except FileNotFoundError:
            continue
    return sorted(found)


def prune(now=None):
    """Remove files past their time, then the oldest until the folder fits; returns how many went."""
    now = time.time() if now is None else now
    budget = settings.PDF_CACHE_MAX_MB * 1024 * 1024
    files = _files()
    total = sum(size for _made, size, _path in files)
    removed = 0
    for made, size, path in files:
        if now - made <= _max_age() and total <= budget:
            break
        try:
            os.remove(path)
            removed += 1
        except FileNotFoundError:
            pass
        total -= size
    return removed


def purge(now):
    """The daily retention run (houvast.lib.retention): PDFs past PDF_CACHE_MAX_HOURS."""
    return prune(now.timestamp())
