"""One run at a time, and a run that stops when asked: the outputs lock, and workers and kernels ended with the run.

A second `minzheng run` on the same outputs folder would interleave its files with the first's, so a run holds a
lock file naming its process while it writes; a lock left by a process that no longer exists is taken over. Ctrl-C
and SIGTERM end the run's worker processes and every kernel they started (psutil finds them), so nothing keeps
writing after the run has said it stopped. While a finished set is swapped in (a few renames) both signals are held
back, so the swap is never cut in half by them."""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

LOCK_NAME = ".minzheng-run.lock"


STOPPING = (signal.SIGINT, signal.SIGTERM)


class RunLocked(RuntimeError):
    """Another live run holds the outputs folder."""


def holder(lock: Path) -> int | None:
    """The process id written in a lock file, or None when it is unreadable."""
    try:
        return int(lock.read_text(encoding="utf-8").split()[0])
    except (OSError, ValueError, IndexError):
        return None


def alive(pid: int) -> bool:
    """Whether a process with this id exists."""
    import psutil

    return psutil.pid_exists(pid)


@contextmanager
def outputs_lock(outputs_dir: Path) -> Iterator[Path]:
    """Hold outputs/.minzheng-run.lock for the length of a run; refuse when another live run holds it."""
    outputs_dir.mkdir(parents=True, exist_ok=True)
    lock = outputs_dir / LOCK_NAME
    for _ in range(2):
        try:
            descriptor = os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
        except FileExistsError:
            pid = holder(lock)
            if pid is not None and pid != os.getpid() and alive(pid):
                raise RunLocked(
                    f"another minzheng run (process {pid}) is writing {outputs_dir}; wait for it to finish, "
                    f"or remove {lock} if that process is not a run"
                ) from None
            lock.unlink(missing_ok=True)
            continue
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            handle.write(f"{os.getpid()}\n")
        break
    try:
        yield lock
    finally:
        if holder(lock) == os.getpid():
            lock.unlink(missing_ok=True)


def _resource_tracker(process: Any) -> bool:
    """Whether a child is multiprocessing's resource tracker: it ignores SIGTERM, writes nothing, and exits with us."""
    import psutil

    try:
        return any("multiprocessing.resource_tracker" in part for part in process.cmdline())
    except psutil.Error:
        return False


def end_children(root: int | None = None) -> int:
    """End every process a process started (by default this one: workers and the kernels they started); return how
    many were ended."""
    import psutil

    children = [child for child in psutil.Process(root).children(recursive=True) if not _resource_tracker(child)]
    for child in children:
        try:
            child.terminate()
        except psutil.NoSuchProcess:
            pass
    _, left = psutil.wait_procs(children, timeout=5)
    for child in left:
        try:
            child.kill()
        except psutil.NoSuchProcess:
            pass
    return len(children)


@contextmanager
def interrupt_on_sigterm() -> Iterator[None]:
    """Treat SIGTERM like Ctrl-C for the length of a run, so both stop it the same way."""

    def raise_interrupt(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGTERM, raise_interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


@contextmanager
def signals_deferred() -> Iterator[list[int]]:
    """Hold Ctrl-C and SIGTERM back while a finished set is put in place (a few renames); yield the signals received."""
    import threading

    received: list[int] = []
    if threading.current_thread() is not threading.main_thread():
        yield received
        return
    previous = {number: signal.signal(number, lambda signum, frame: received.append(signum)) for number in STOPPING}
    try:
        yield received
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
