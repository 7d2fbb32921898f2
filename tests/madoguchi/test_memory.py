"""The Rasa server's memory fixes: the same answers from a smaller process."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from madoguchi import memory
from madoguchi.settings import ROOT
from tests.conftest import trained_model


def rss_mb() -> float:
    """Resident memory of this process, from /proc."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise AssertionError("no VmRSS")


def heldout_texts() -> list[str]:
    data = yaml.safe_load((ROOT / "tests" / "nlu" / "heldout.yml").read_text(encoding="utf-8"))
    lines = (line.strip() for item in data["nlu"] for line in item.get("examples", "").splitlines())
    return [line[2:] for line in lines if line.startswith("- ")]


def nodes_of(agent, component_name: str) -> list:
    nodes = agent.processor.graph_runner._instantiated_nodes.values()
    return [n for n in nodes if type(n._component).__name__ == component_name]


@pytest.fixture(scope="module")
def agents(served_agent):
    """The trained model loaded Rasa's way, and as the server loads it (the session's
    `served_agent`, loaded with `memory.load_for_prediction`)."""
    from rasa.core.agent import Agent
    from rasa.utils.tensorflow.models import RasaModel

    assert RasaModel.load.__func__ is memory.load_for_prediction  # how served_agent was loaded
    # Rasa's own loading, although a model was loaded as served in this process.
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(RasaModel, "load", classmethod(memory._RASA_LOAD))
        rasas = Agent.load(str(served_agent.processor.model_path))
    return rasas, served_agent


def test_diet_has_the_weights_rasa_loads(agents):
    rasas, lean = (nodes_of(agent, "DIETClassifier")[0]._component.model for agent in agents)
    assert len(lean.weights) == len(rasas.weights) > 0
    for ours, theirs in zip(lean.weights, rasas.weights):
        assert ours.shape == theirs.shape and (ours.numpy() == theirs.numpy()).all(), (ours.name, theirs.name)
    assert rasas.optimizer is not None and lean.optimizer is None  # no training state kept


def test_every_held_out_message_is_understood_exactly_as_with_rasas_loading(agents):
    texts = heldout_texts()
    rasas, lean = ([asyncio.run(agent.parse_message(text)) for text in texts] for agent in agents)
    assert len(texts) > 400
    assert lean == rasas  # intents and their confidences, entities, triage


def test_the_graph_holds_one_ginza(agents):
    for agent in agents:
        ginzas = nodes_of(agent, "GinzaNLP")
        assert len(ginzas) == 2  # the node that provides the model, the one that processes messages
        assert ginzas[0]._component._model is ginzas[1]._component._model


def test_the_server_loads_the_model_in_far_less_memory():
    """In a new process: `rasa_server.main()` with Rasa's command line replaced, then the model."""
    probe = (
        "import sys, types\n"
        "sys.modules['rasa.__main__'] = types.SimpleNamespace(main=lambda: None)\n"
        "from madoguchi import memory, rasa_server\n"
        "rasa_server.main()\n"
        "assert 'tensorflow' in sys.modules and 'jaxlib' not in sys.modules, 'JAX imported'\n"
        "from rasa.core.agent import Agent\n"
        "from tests.madoguchi.test_memory import rss_mb\n"
        "before = rss_mb()\n"
        f"Agent.load({str(trained_model())!r})\n"
        "print(round(rss_mb() - before))\n"
    )
    env = {**os.environ, "TF_CPP_MIN_LOG_LEVEL": "3", "PYTHONPATH": str(ROOT), "MALLOC_ARENA_MAX": "2"}
    done = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    loaded_mb = int(done.stdout.split()[-1])
    # Measured: 250 MB (GiNZA once, DIET without its training step); 760 MB with DIET's
    # training step, 550 MB with GiNZA twice.
    assert loaded_mb < 450
