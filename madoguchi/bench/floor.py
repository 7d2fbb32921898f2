"""The floor under a message's latency: GiNZA alone, and Rasa's /model/parse alone.

Next to them, the whole message (REST channel: understanding, dialogue, action server,
tracker store, transcript broker) measured the same way: one message at a time.
"""

from __future__ import annotations

import time
import uuid
from typing import Sequence

from madoguchi.bench.load import ROUTINE


def ginza_seconds(texts: Sequence[str], rounds: int, full: bool = False) -> list[float]:
    """Seconds per message of GiNZA alone as the pipeline runs it (`GinzaNLP`: tokens,
    lemmas and vectors), or with `full` its whole neural analysis as well (what the
    triage asks for when a distress cue needs its negation checked), after a warm-up."""
    from madoguchi.nlu import ginza

    nlp = ginza.load()

    def analyse(text: str):
        doc = nlp.make_doc(text)
        return ginza.parse(nlp, doc) if full else doc

    for text in texts:
        analyse(text)
    timings = []
    for _ in range(rounds):
        for text in texts:
            started = time.perf_counter()
            analyse(text)
            timings.append(time.perf_counter() - started)
    return timings


async def model_parse_seconds(rasa_url: str, token: str, texts: Sequence[str], rounds: int) -> list[float]:
    """Seconds per `/model/parse` request, one at a time."""
    import aiohttp

    timings = []
    async with aiohttp.ClientSession() as session:
        for _ in range(rounds):
            for text in texts:
                started = time.perf_counter()
                async with session.post(f"{rasa_url}/model/parse", params={"token": token}, json={"text": text}) as r:
                    r.raise_for_status()
                    await r.json()
                timings.append(time.perf_counter() - started)
    return timings


async def whole_message_seconds(rasa_url: str, texts: Sequence[str] = ROUTINE, rounds: int = 3) -> list[float]:
    """Seconds per message on the REST channel, one at a time, a new conversation each round."""
    import aiohttp

    timings = []
    async with aiohttp.ClientSession() as session:
        for _ in range(rounds):
            sender = f"bench-floor-{uuid.uuid4().hex[:12]}"
            for text in texts:
                started = time.perf_counter()
                async with session.post(
                    f"{rasa_url}/webhooks/rest/webhook", json={"sender": sender, "message": text}
                ) as r:
                    r.raise_for_status()
                    if not await r.json():
                        raise RuntimeError(f"no answer to {text!r}")
                timings.append(time.perf_counter() - started)
    return timings
