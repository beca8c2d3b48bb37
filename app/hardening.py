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
