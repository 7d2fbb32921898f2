"""Free TCP ports for the services started here: the stack on free ports, the evaluation's
bot, the tests' servers.

A port is taken below the range Linux gives outgoing connections (32768-60999), so no client
socket takes it between the moment it is found free and the moment its server binds it, and
never twice in one process, so two services started together do not get the same one."""

from __future__ import annotations

import random
import socket

LOWEST, HIGHEST = 20000, 32000
_given: set[int] = set()


def free_port() -> int:
    """A TCP port nobody listens on right now, not given before by this process."""
    for _ in range(500):
        port = random.randint(LOWEST, HIGHEST)
        if port in _given:
            continue
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
        _given.add(port)
        return port
    raise RuntimeError(f"no free TCP port between {LOWEST} and {HIGHEST}")
