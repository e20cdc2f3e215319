"""Finished PDFs on disk, found by what they show: a keyed hash of the HTML, or of a key the view names.

The HTML holds everything a PDF shows (plan revision and language, round snapshot, deck, printing date), so
equal HTML means an equal PDF and any change makes a new key; nothing has to be invalidated by hand. A view
that can name what its PDF shows without rendering it (a plan: its stored parts, name, language, version and
printing date) gives that as a key instead, so that a repeat download renders nothing (`path_for_key`).
Both kinds of name also hold `code_version()`: the code, templates, translations, content files and
stylesheets that turn data into a PDF, so a deploy that changes any of them never serves an older layout.
The folder (`PDF_CACHE_DIR`, under VAR_DIR) is shared by every process of one installation.

Health data: the folders are 0700 and the files 0600; a file's name is an HMAC of its HTML or key under the
SECRET_KEY, so it cannot be derived without the key, whatever one knows of the plan. The PDFs of one plan,
round or session share a folder named by the HMAC of that scope, which `forget(scope)` removes when the plan
is deleted or its data purged. Every file goes `PDF_CACHE_MAX_HOURS` after it was made, and the oldest go
first when the folder outgrows `PDF_CACHE_MAX_MB`.
"""

import functools
import hashlib
import hmac
import importlib.metadata
import json
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
    return _folder(scope) / (_digest("\n".join([code_version(), "html", html])) + ".pdf")


def path_for_key(key, scope=""):
    """The file of a PDF named by `key`: a JSON-able list of everything the PDF shows besides the code."""
    text = json.dumps(key, default=str, ensure_ascii=False, separators=(",", ":"))
    return _folder(scope) / (_digest("\n".join([code_version(), "key", text])) + ".pdf")


CODE_FOLDERS = ("houvast", "templates", "static", "locale")


@functools.cache
def code_version():
    """A digest of every file that shapes a PDF besides its data, and WeasyPrint's version; once."""
    roots = [Path(settings.BASE_DIR) / name for name in CODE_FOLDERS] + [Path(settings.CONTENT_DIR)]
    extra = [importlib.metadata.version("weasyprint"), settings.SITE_URL, settings.TIME_ZONE]
    return files_digest(roots, extra)


def files_digest(roots, extra=()):
    """SHA-256 over the relative names and contents of the files under `roots` (no caches), and `extra`."""
    digest = hashlib.sha256("\n".join(map(str, extra)).encode())
    for root in roots:
        files = []
        for folder, subfolders, names in os.walk(root):
            subfolders[:] = [d for d in subfolders if d != "__pycache__" and not d.startswith(".")]
            files += [Path(folder) / name for name in names if not name.startswith(".")]
        for path in sorted(files):
            digest.update(f"\0{path.relative_to(root.parent)}\0".encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


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
