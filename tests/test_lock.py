"""One run at a time: a second run is refused with a clear message; the lock dies with its holder, even on kill -9."""

import json
import os
import signal
import subprocess
import sys

import pytest

from mip_archive.lock import LockHeld, RunLock, lock_path_for

HOLD = ("import sys, time; from mip_archive.lock import RunLock; RunLock(sys.argv[1], command='refresh').acquire();"
        " print('held', flush=True); time.sleep(600)")


def test_the_lock_file_sits_next_to_the_archive(tmp_path):
    assert lock_path_for(tmp_path / "data" / "mip.db") == tmp_path / "data" / "mip-archive.lock"


def test_a_second_run_is_refused_with_who_holds_the_lock(tmp_path):
    path = tmp_path / "mip-archive.lock"
    with RunLock(path, command="refresh"):
        holder = json.loads(path.read_text())
        with pytest.raises(LockHeld) as refused:
            RunLock(path, command="crawl").acquire()
    assert str(refused.value) == (f"another mip-archive run holds the lock (pid {os.getpid()}, since "
                                  f"{holder['since']}, running `refresh`); lock file: {path}")


def test_the_lock_is_free_again_after_release(tmp_path):
    path = tmp_path / "mip-archive.lock"
    RunLock(path).acquire().release()
    with RunLock(path):
        pass


def test_a_killed_holder_leaves_no_stale_lock(tmp_path):
    path = tmp_path / "mip-archive.lock"
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(path)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(LockHeld, match=f"pid {holder.pid}, since"):
            RunLock(path).acquire()
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait()
    with RunLock(path):
        pass


def test_the_refresh_command_exits_75_while_another_run_holds_the_lock(tmp_path):
    from tests.refresh_harness import run

    db = tmp_path / "mip.db"
    with RunLock(lock_path_for(db), command="crawl"):
        result = run("refresh", "--base-url", "http://127.0.0.1:9", "--db", str(db))
    assert result.returncode == 75
    assert "another mip-archive run holds the lock" in result.stderr
    assert not db.exists()  # refused before touching anything
