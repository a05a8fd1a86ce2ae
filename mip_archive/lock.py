"""One run at a time: an exclusive `fcntl` lock on a file next to the archive, held for the whole run.

The kernel drops the lock when the process ends, however it ends (kill -9 included), so a crashed run never
leaves a stale lock behind; the pid and start time written into the file only serve the message to the user.
"""

from __future__ import annotations

import fcntl
import json
import logging
import os
from pathlib import Path

from mip_archive.crawl import CrawlError
from mip_archive.store.runs import now_iso

log = logging.getLogger(__name__)
LOCK_NAME = "mip-archive.lock"


class LockHeld(CrawlError):
    """Another run holds the lock. The message is for users (and cron logs)."""


def lock_path_for(db_path: str | Path) -> Path:
    """The lock file of the archive at ``db_path``: in the same directory (``data/`` by default)."""
    return Path(db_path).parent / LOCK_NAME


class RunLock:
    """``with RunLock(path, command="refresh"):`` — raises :class:`LockHeld` when another run holds it."""

    def __init__(self, path: str | Path, *, command: str = "run"):
        self.path = Path(path)
        self.command = command
        self._fd: int | None = None

    def acquire(self) -> "RunLock":
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _read_holder(fd)
            os.close(fd)
            raise LockHeld(_held_message(holder, self.path)) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, json.dumps({"pid": os.getpid(), "since": now_iso(), "command": self.command}).encode(), 0)
        self._fd = fd
        log.debug("lock %s taken by pid %d", self.path, os.getpid())
        return self

    def release(self) -> None:
        if self._fd is None:
            return
        os.ftruncate(self._fd, 0)
        fcntl.flock(self._fd, fcntl.LOCK_UN)
        os.close(self._fd)
        self._fd = None

    def __enter__(self) -> "RunLock":
        return self.acquire()

    def __exit__(self, *exc) -> None:
        self.release()


def _read_holder(fd: int) -> dict:
    try:
        return json.loads(os.pread(fd, 4096, 0).decode("utf-8") or "{}")
    except (ValueError, OSError):
        return {}


def _held_message(holder: dict, path: Path) -> str:
    pid, since = holder.get("pid", "?"), holder.get("since", "?")
    command = holder.get("command")
    doing = f", running `{command}`" if command else ""
    return f"another mip-archive run holds the lock (pid {pid}, since {since}{doing}); lock file: {path}"
