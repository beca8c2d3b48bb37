"""Process hardening at start-up: a crash must not write decrypted memory to disk.

Core dumps would contain the master key and record text; ptrace-ability lets another
process of the same user read our memory. Both are turned off before any archive opens.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import resource
import sys

PR_SET_DUMPABLE = 4
_STAT_ENV_START = 50  # /proc/PID/stat field numbers (1-based) of the initial environment block


def harden_process() -> list[str]:
    """Apply what the platform allows; return what could not be applied (never raises)."""
    missing: list[str] = []
    os.umask(0o077)  # anything we write (archives, exports) is for this user only
    try:
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    except (ValueError, OSError):
        missing.append("core dumps could not be disabled")
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
            if libc.prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) != 0:
                missing.append("process could not be made non-dumpable")
        except OSError:
            missing.append("process could not be made non-dumpable")
    return missing


def is_dumpable() -> bool | None:
    """Current PR_GET_DUMPABLE value on Linux (None elsewhere); used by tests and `doctor`."""
    if not sys.platform.startswith("linux"):
        return None
    libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
    return bool(libc.prctl(3, 0, 0, 0, 0))


def take_env_secret(name: str) -> str | None:
    """Read and remove a secret from the environment, so no child process inherits it.

    `os.environ.pop` unsets it for children, but the kernel still shows the environment the
    process started with in /proc/self/environ; on Linux those bytes are overwritten too
    (best effort: a failure leaves only that read-only view, which non-dumpable hides).
    """
    value = os.environ.pop(name, None)
    if value is not None and sys.platform.startswith("linux"):
        _scrub_initial_environment(name.encode() + b"=")
    return value


def _scrub_initial_environment(prefix: bytes) -> None:
    try:
        with open("/proc/self/stat", "rb") as fh:
            stat = fh.read()
        fields = stat[stat.rindex(b")") + 2 :].split()  # fields[0] is field 3 (state)
        start, end = int(fields[_STAT_ENV_START - 3]), int(fields[_STAT_ENV_START - 2])
        with open("/proc/self/mem", "r+b", buffering=0) as mem:
            mem.seek(start)
            block = mem.read(end - start)
            at = 0
            while (at := block.find(prefix, at)) >= 0:
                if at == 0 or block[at - 1] == 0:
                    stop = block.find(b"\0", at)
                    stop = len(block) if stop < 0 else stop
                    mem.seek(start + at)
                    mem.write(b"\0" * (stop - at))
                at += len(prefix)
    except (OSError, ValueError, IndexError):
        pass


def minimal_env() -> dict[str, str]:
    """The environment for helper programs (ffprobe): a search path and the C locale, nothing
    of ours (no passphrase, archive path or anything a script exported)."""
    env = {"PATH": os.defpath, "LC_ALL": "C"}
    if os.name == "nt":  # Windows programs cannot start without these
        for key in ("SYSTEMROOT", "WINDIR"):
            if key in os.environ:
                env[key] = os.environ[key]
    return env
