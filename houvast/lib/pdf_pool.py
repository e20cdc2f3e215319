"""A small pool of separate processes that run WeasyPrint, so laying out a PDF never holds a web process.

WeasyPrint is pure Python and holds the GIL for the whole layout (0.85 s for a 5-page plan): in a thread of
the web process it slows every other request of that process. Here each layout runs in a child process
started with 'spawn' (no copy of the web process's threads, sockets or database connections) that sets up
Django once; the web process only waits on a future. Size: `PDF_WORKERS` (0 renders in the calling thread).
"""

import multiprocessing
import os
import threading
import time
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from django.conf import settings

_pool = None
_lock = threading.Lock()


PARENT_CHECK_SECONDS = 1.0


def _start_child(settings_module, niceness, parent_pid):
    """Runs once in each child: it ends with its parent; Django for the static-file finders, WeasyPrint
    loaded before the first PDF.

    The child yields the CPU to the web processes: on Linux it runs only on CPU time nobody else wants
    (SCHED_IDLE), elsewhere with a higher niceness. On a busy machine a PDF waits a little longer so that
    the pages of everyone else do not.
    """
    exit_with_parent(parent_pid)
    os.nice(niceness)
    yield_to_everyone()
    os.environ["DJANGO_SETTINGS_MODULE"] = settings_module
    import django

    django.setup()
    import weasyprint  # noqa: F401


def exit_with_parent(parent_pid, interval=PARENT_CHECK_SECONDS):
    """End this child within `interval` once the process that started it is gone (killed, OOM-killed, or it
    exited without shutting the pool down): an orphan keeps its memory and its parent's stdout pipe.

    A thread that asks for the parent's pid, not prctl(PR_SET_PDEATHSIG): that signal follows the parent
    *thread* that started the child, and Django starts a child from the request's own thread, which ends with
    the request (docs/pdfs.md). An orphan is adopted by pid 1 or a subreaper, so its parent's pid changes.
    """

    def watch():
        while os.getppid() == parent_pid:
            time.sleep(interval)
        os._exit(1)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


def yield_to_everyone():
    """SCHED_IDLE where the system has it and allows it (Linux lets any process lower its own priority)."""
    try:
        os.sched_setscheduler(0, os.SCHED_IDLE, os.sched_param(0))
    except (AttributeError, OSError):
        pass


def usable_cores():
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def pool_size():
    """PDF_WORKERS, but never more children than cores: more would only share the same cores and memory."""
    return max(1, min(settings.PDF_WORKERS, usable_cores()))


def _new_pool():
    return ProcessPoolExecutor(
        max_workers=pool_size(),
        mp_context=multiprocessing.get_context("spawn"),
        initializer=_start_child,
        initargs=(
            os.environ.get("DJANGO_SETTINGS_MODULE", "houvast.settings"),
            settings.PDF_WORKER_NICENESS,
            os.getpid(),
        ),
        max_tasks_per_child=settings.PDF_WORKER_MAX_TASKS,
    )


def submit(function, *args):
    """A concurrent future of `function(*args)` run in a pool process; a pool whose child died is replaced."""
    global _pool
    if settings.PDF_WORKERS == 0:
        return _run_here(function, *args)
    with _lock:
        for _attempt in range(2):
            if _pool is None:
                _pool = _new_pool()
            try:
                return _pool.submit(function, *args)
            except (BrokenProcessPool, RuntimeError):
                _pool.shutdown(wait=False, cancel_futures=True)
                _pool = None
        raise BrokenProcessPool("The PDF processes could not be started")


def _run_here(function, *args):
    future = Future()
    try:
        future.set_result(function(*args))
    except Exception as error:
        future.set_exception(error)
    return future


def child_pids():
    """The process ids of the pool's children (for tests and the bench)."""
    return sorted(_pool._processes) if _pool is not None else []
