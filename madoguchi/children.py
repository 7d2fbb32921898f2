"""Child processes that never outlive the process that started them."""

from __future__ import annotations

import ctypes
import signal


def die_with_parent() -> None:
    """In a child process: SIGTERM when the process that started it dies, however it dies
    (Linux's PR_SET_PDEATHSIG), so no service outlives a killed `make run`, test run or
    evaluation."""
    try:
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # 1: PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # not Linux: the children are stopped as before
        pass
