"""storage.atomic in detail: temp names that an earlier process with the same pid cannot
block, which stale temps a cleanup may remove, the write-back points of a long file, and
the modes files are written with."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from tumar.storage import atomic
from tumar.storage.atomic import (
    WRITEBACK_STEP,
    atomic_write_bytes,
    atomic_writer,
    remove_stale_temps,
)


def test_a_temp_left_by_an_earlier_run_with_this_pid_blocks_nothing(tmp_path: Path) -> None:
    """In a pid namespace (Flatpak, a container) every run gets the same pid: a temp file a
    power cut left under this pid made every later write of that file fail with "File
    exists", and the cleanup kept it as a live writer's."""
    dest = tmp_path / "r.tumar-bundle"
    pid = os.getpid()
    old_style = tmp_path / f".r.tumar-bundle.tmp-{pid}"  # versions before the token
    earlier_run = tmp_path / f".r.tumar-bundle.tmp-{pid}-0badc0de-0"

    def cut_off() -> None:
        for path in (old_style, earlier_run):
            path.write_bytes(b"age-encryption.org/v1 ... cut off")

    cut_off()
    atomic_write_bytes(dest, b"written")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.tumar-bundle"]
    assert dest.read_bytes() == b"written"
    with atomic_writer(dest) as fh:  # this process, writing now: its temp is kept
        fh.write(b"again")
        (live,) = tmp_path.glob(".r.tumar-bundle.tmp-*")
        cut_off()
        assert sorted(remove_stale_temps(tmp_path, "r.tumar-bundle")) == sorted(
            [old_style, earlier_run]
        )
        assert live.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.tumar-bundle"]
    assert dest.read_bytes() == b"again"


def test_each_write_has_its_own_temp_name(tmp_path: Path) -> None:
    """Two writes of one file at once (two threads) must not share a temp file."""
    dest = tmp_path / "h.head"
    with atomic_writer(dest) as first, atomic_writer(dest) as second:
        first.write(b"1")
        second.write(b"2")
        assert len(list(tmp_path.glob(".h.head.tmp-*"))) == 2
    assert dest.read_bytes() == b"1"  # the outer block finished last
    assert [p.name for p in tmp_path.iterdir()] == ["h.head"]


def test_a_forked_child_draws_its_own_token(tmp_path: Path) -> None:
    import re

    atomic._writer.renew()  # in this process too: mutmut sees only this process's calls
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        try:
            os.close(read)
            os.write(write, atomic._writer.temp_name(tmp_path / "x").name.encode())
        finally:
            os._exit(0)
    os.close(write)
    with os.fdopen(read, "rb") as pipe:
        child_name = pipe.read().decode()
    os.waitpid(pid, 0)
    mine = atomic._writer.temp_name(tmp_path / "x").name
    assert re.fullmatch(rf"\.x\.tmp-{pid}-[0-9a-f]{{8}}-0", child_name), child_name
    assert re.fullmatch(rf"\.x\.tmp-{os.getpid()}-[0-9a-f]{{8}}-0", mine), mine
    assert child_name.split("-")[2] != mine.split("-")[2]


def _live_other_pid() -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-c", "import sys; sys.stdin.read()"],
                            stdin=subprocess.PIPE)  # fmt: skip


def test_a_live_writer_of_another_process_is_left_alone(tmp_path: Path) -> None:
    other = _live_other_pid()
    try:
        old_style = tmp_path / f".r.tumar-bundle.tmp-{other.pid}"
        new_style = tmp_path / f".r.tumar-bundle.tmp-{other.pid}-{atomic._writer.token}-3"
        for path in (old_style, new_style):
            path.write_bytes(b"being written")
        assert remove_stale_temps(tmp_path, "r.tumar-bundle") == []
        assert other.poll() is None  # asking whether it runs sent it no signal
    finally:
        other.communicate(b"")
    assert sorted(remove_stale_temps(tmp_path, "r.tumar-bundle")) == sorted([old_style, new_style])


def test_a_name_holding_tmp_is_read_from_its_last_marker(tmp_path: Path) -> None:
    """The pid is what follows the *last* `.tmp-`: a backup may be named anything."""
    other = _live_other_pid()
    try:
        name = "weekly.tmp-1.tumar-bundle"
        live = tmp_path / f".{name}.tmp-{other.pid}"
        live.write_bytes(b"being written")
        assert remove_stale_temps(tmp_path, "weekly.tmp-1.tumar-bundle") == []
    finally:
        other.communicate(b"")
    assert remove_stale_temps(tmp_path, "weekly.tmp-1.tumar-bundle") == [live]


def test_another_users_process_counts_as_alive() -> None:
    """kill(pid, 0) on a process this user may not signal raises PermissionError: that
    process is alive. Run as root, the check is made from a child that gave root up."""
    assert atomic._running(os.getpid())  # in this process too: mutmut sees only its calls
    if os.geteuid() != 0:
        assert atomic._running(1)
        return
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        try:
            os.setgid(65534)
            os.setuid(65534)
            os._exit(0 if atomic._running(1) and not atomic._running(2**22 + 1) else 1)
        except BaseException:
            os._exit(2)
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0


def test_a_long_file_is_handed_to_the_kernel_at_each_step(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each call covers exactly what was written since the one before, once a step's worth
    has gathered (the real call still runs)."""
    calls: list[tuple[int, int, int]] = []
    real = os.posix_fadvise

    def spy(fd: int, offset: int, length: int, advice: int) -> None:
        calls.append((offset, length, advice))
        real(fd, offset, length, advice)

    monkeypatch.setattr(os, "posix_fadvise", spy)
    sizes = [WRITEBACK_STEP - 1, 1, 5, WRITEBACK_STEP - 6, 1, 7, WRITEBACK_STEP + 3, 9]
    dest = tmp_path / "long.bin"
    with atomic_writer(dest, streamed=True) as fh:
        for size in sizes:
            assert fh.write(b"\0" * size) == size
    step, dontneed = WRITEBACK_STEP, os.POSIX_FADV_DONTNEED
    assert calls == [(0, step, dontneed), (step, step, dontneed), (2 * step, step + 10, dontneed)]
    assert dest.stat().st_size == sum(sizes)


def test_modes(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        atomic_write_bytes(tmp_path / "private", b"x")
        atomic_write_bytes(tmp_path / "cert.pem", b"x", 0o644)
        with atomic_writer(tmp_path / "streamed", streamed=True) as fh:
            fh.write(b"x")
    finally:
        os.umask(old)
    modes = {p.name: stat.S_IMODE(p.stat().st_mode) for p in tmp_path.iterdir()}
    assert modes == {"private": 0o600, "cert.pem": 0o644, "streamed": 0o600}


def test_the_next_write_of_a_file_removes_what_a_cut_off_write_of_it_left(
    tmp_path: Path,
) -> None:
    """An exported photo or dossier cut off by a power cut left a hidden copy beside its
    destination; the next write of that file removes it (another file's is left)."""
    from tests.storage.test_atomic_streamed import _dead_pid

    dead = _dead_pid()
    left = tmp_path / f".IMG [1].jpg.tmp-{dead}"  # glob characters in the name
    other = tmp_path / f".IMG 2.jpg.tmp-{dead}"
    for path in (left, other):
        path.write_bytes(b"\xff\xd8 half a photo")
    atomic_write_bytes(tmp_path / "IMG [1].jpg", b"\xff\xd8 the photo")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["IMG [1].jpg", other.name])


def test_a_folder_that_keeps_others_files_does_not_stop_the_write() -> None:
    """A stale temp this user may not delete (a sticky shared folder, another user's file)
    is left, and the write goes on. Run as root, the write is made from a child that gave
    root up, into a sticky folder root made."""
    from tests.storage.test_atomic_streamed import _dead_pid

    if os.geteuid() != 0:
        pytest.skip("needs root to make another user's file in a sticky folder")
    import shutil
    import tempfile

    shared = Path(tempfile.mkdtemp())  # pytest's tmp_path is root's alone (0700 parents)
    try:
        shared.chmod(0o1777)
        atomic_write_bytes(shared / "y", b"")  # mutmut sees only this process's calls
        left = shared / f".x.tmp-{_dead_pid()}"
        left.write_bytes(b"")
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the child
            try:
                os.setgid(65534)
                os.setuid(65534)
                atomic_write_bytes(shared / "x", b"written")
                os._exit(0)
            except BaseException:
                os._exit(1)
        _, status = os.waitpid(pid, 0)
        assert os.waitstatus_to_exitcode(status) == 0
        assert (shared / "x").read_bytes() == b"written" and left.exists()
    finally:
        shutil.rmtree(shared)


@pytest.mark.parametrize("length", [200, 236, 255])
def test_a_long_name_that_fits_can_be_written(tmp_path: Path, length: int) -> None:
    """A name near the filesystem's 255 bytes (a long Cyrillic title: 2 bytes a letter)
    whose temp name would not fit; and what a cut-off write of it left is still cleared."""
    from tests.storage.test_atomic_streamed import _dead_pid

    name = (
        ("Показания свидетеля о задержании " * 8).encode()[: length - 4].decode("utf-8", "ignore")
    )
    name = name + "x" * (length - 4 - len(name.encode())) + ".jpg"
    assert len(name.encode()) == length
    dest = tmp_path / name
    with atomic_writer(dest) as fh:
        fh.write(b"first")
        (temp,) = tmp_path.iterdir()
        assert len(os.fsencode(temp.name)) <= atomic.NAME_MAX
        temp.name.encode("utf-8")  # cut on a character boundary
    stale = tmp_path / f"{temp.name.rsplit('.tmp-', 1)[0]}.tmp-{_dead_pid()}"
    stale.write_bytes(b"cut off")
    atomic_write_bytes(dest, b"second")
    assert [p.name for p in tmp_path.iterdir()] == [name]
    assert dest.read_bytes() == b"second"


def test_a_temp_names_copy_of_a_long_name_is_cut_between_characters() -> None:
    room = atomic.NAME_MAX - atomic._TEMP_ROOM
    assert atomic._stem("a" * room) == "a" * room
    assert atomic._stem("a" * (room + 1)) == "a" * room
    for char in ("д", "其", "😀"):  # 2, 3 and 4 bytes in UTF-8
        size = len(char.encode())
        assert atomic._stem(char * (room // size)) == char * (room // size)
        cut = atomic._stem("a" + char * room)
        assert cut == "a" + char * ((room - 1) // size), (char, len(cut))
    raw = os.fsdecode(b"\xff" * (room + 5))  # not UTF-8: one byte a character
    assert os.fsencode(atomic._stem(raw)) == b"\xff" * room


def test_a_folder_that_cannot_be_synced_is_not_an_error(tmp_path: Path) -> None:
    """fsync of a folder gives EINVAL on filesystems that cannot do it (here /proc, for
    real; some network shares and FUSE mounts alike); other errors still count."""
    atomic.fsync_dir(Path("/proc"))
    with pytest.raises(FileNotFoundError):
        atomic.fsync_dir(tmp_path / "missing")
