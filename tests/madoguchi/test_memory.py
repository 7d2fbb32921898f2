"""The Rasa server's memory fixes: a smaller process (DIET's same weights and answers are
checked in tests/madoguchi/rasa/components/test_diet.py)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from madoguchi.settings import ROOT


def rss_mb() -> float:
    """Resident memory of this process, from /proc."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise AssertionError("no VmRSS")


def nodes_of(agent, component_name: str) -> list:
    nodes = agent.processor.graph_runner._instantiated_nodes.values()
    return [n for n in nodes if type(n._component).__name__ == component_name]


def test_the_graph_holds_one_ginza(current_model, served_agent):
    ginzas = nodes_of(served_agent, "GinzaNLP")
    assert len(ginzas) == 2  # the node that provides the model, the one that processes messages
    assert ginzas[0]._component._model is ginzas[1]._component._model


def test_the_server_loads_the_model_in_far_less_memory(current_model):
    """In a new process: `rasa_server.main()` with Rasa's command line replaced, then the model."""
    probe = (
        "import sys, types\n"
        "sys.modules['rasa.__main__'] = types.SimpleNamespace(main=lambda: None)\n"
        "from madoguchi import rasa_server\n"
        "rasa_server.main()\n"
        "import tensorflow\n"
        "from rasa.core.agent import Agent\n"
        "from tests.madoguchi.test_memory import rss_mb\n"
        "before = rss_mb()\n"
        f"Agent.load({str(current_model)!r})\n"
        "assert 'jaxlib' not in sys.modules, 'JAX imported'\n"
        "print(round(rss_mb() - before))\n"
    )
    env = {**os.environ, "TF_CPP_MIN_LOG_LEVEL": "3", "PYTHONPATH": str(ROOT), "MALLOC_ARENA_MAX": "2"}
    done = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    loaded_mb = int(done.stdout.split()[-1])
    # Measured: 250 MB (GiNZA once, DIET without its training step); 760 MB with DIET's
    # training step, 550 MB with GiNZA twice.
    assert loaded_mb < 450
