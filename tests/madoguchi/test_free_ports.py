"""Free ports for the services started together."""

from __future__ import annotations

import socket

from madoguchi.free_ports import HIGHEST, LOWEST, free_port


def test_ports_given_together_differ_and_stay_out_of_the_range_of_outgoing_connections():
    ports = [free_port() for _ in range(50)]
    assert len(set(ports)) == 50
    assert all(LOWEST <= port <= HIGHEST for port in ports)


def test_a_port_given_can_be_listened_on():
    with socket.socket() as s:
        s.bind(("127.0.0.1", free_port()))
        s.listen()
