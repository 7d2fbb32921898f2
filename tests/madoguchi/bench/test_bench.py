"""The benchmark code on tiny inputs: no model, no Rasa server, a few seconds.

The load generator runs against small aiohttp and socket.io stand-ins of Rasa's
channels; the report is written from made-up numbers.
"""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

import pytest
import socketio
from aiohttp import web

from madoguchi.bench import footprint, load, report, training, understanding
from madoguchi.bench.handoff import BotResult, no_triage_config
from madoguchi.bench.speed import Plan, Speed, overloaded
from madoguchi.bench.stack import Target
from madoguchi.evaluation.handoff import Conversation, Outcome
from madoguchi.evaluation.nlu import Example, NluResult
from madoguchi.settings import ROOT

DELAY = 0.02


def rest_app(fail_on: str = "壊れた") -> web.Application:
    """Rasa's REST channel, answering after DELAY; a 500 for one message, nothing for another."""

    async def webhook(request: web.Request) -> web.Response:
        body = await request.json()
        await asyncio.sleep(DELAY)
        if body["message"] == fail_on:
            return web.Response(status=500)
        if body["message"] == "無言":
            return web.json_response([])
        return web.json_response([{"recipient_id": body["sender"], "text": "かしこまりました。"}])

    app = web.Application()
    app.router.add_post("/webhooks/rest/webhook", webhook)
    return app


def socket_app() -> web.Application:
    """Rasa's socket.io channel: session_confirm, then two bot messages per user message."""
    server = socketio.AsyncServer(async_mode="aiohttp")

    @server.on("session_request")
    async def session_request(sid, data):
        await server.emit("session_confirm", data["session_id"], room=sid)

    @server.on("user_uttered")
    async def user_uttered(sid, data):
        await asyncio.sleep(DELAY)
        await server.emit("bot_uttered", {"text": "かしこまりました。"}, room=sid)
        await server.emit("bot_uttered", {"text": "ほかにご用件は？"}, room=sid)

    app = web.Application()
    server.attach(app)
    return app


async def test_open_loop_over_rest_answers_every_message_at_the_offered_rate(aiohttp_server):
    server = await aiohttp_server(rest_app())
    channel = load.RestChannel(str(server.make_url("/")))
    try:
        run = await load.open_loop(channel, rate=20, duration=1.0, interval=0.5)
    finally:
        await channel.close()
    assert run.planned == 20 and run.answered == 20 and run.errors == 0
    assert DELAY <= run.percentile(50) < 1.0
    assert run.percentile(50) <= run.percentile(95) <= run.percentile(99)
    assert not overloaded(run)


async def test_a_failed_message_is_an_error_and_the_customer_gives_up(aiohttp_server):
    server = await aiohttp_server(rest_app())
    channel = load.RestChannel(str(server.make_url("/")))
    try:
        run = await load.open_loop(channel, rate=4, duration=1.0, interval=0.5, messages=["壊れた", "こんにちは"])
        silent = await load.long_conversation(channel, 3, messages=["無言"])
    finally:
        await channel.close()
    # conversation 0 starts with the failing message and stops; conversation 1 starts fine
    assert run.planned == 4 and run.errors == 3 and run.answered == 1
    assert {s.error for s in run.samples if s.error} == {"HTTP 500"}
    assert overloaded(run)
    assert silent.errors == 3 and {s.error for s in silent.samples} == {"no answer"}


async def test_closed_loop_and_long_conversation(aiohttp_server):
    server = await aiohttp_server(rest_app())
    channel = load.RestChannel(str(server.make_url("/")))
    try:
        saturated = await load.closed_loop(channel, concurrency=3, duration=0.5, per_conversation=2)
        long = await load.long_conversation(channel, 8)
    finally:
        await channel.close()
    assert saturated.errors == 0 and saturated.answered >= 3
    assert 0 < saturated.throughput() <= 3 / DELAY
    assert [s.due for s in long.samples] == [float(t) for t in range(1, 9)]
    assert len(load.turn_window(long, 1, 3)) == 3 and long.duration >= 8 * DELAY


async def test_socket_io_latency_is_the_first_bot_message(aiohttp_server):
    server = await aiohttp_server(socket_app())
    channel = load.SocketChannel(str(server.make_url("/")).rstrip("/"), timeout=5)
    run = await load.open_loop(channel, rate=8, duration=1.0, interval=0.5)
    assert run.planned == 8 and run.answered == 8 and run.errors == 0
    assert DELAY <= run.percentile(50) < 1.0


async def test_settle_waits_until_the_server_is_idle():
    readings = iter([0.0, 1.0, 2.0, 2.05, 2.05])
    waited = await load.settle(lambda: next(readings), quiet=0.15, most=10)
    assert 2.5 < waited < 4.5


def test_percentile_interpolates_like_numpy():
    import numpy as np

    values = [0.3, 0.1, 0.2, 0.9, 0.5]
    for q in (0, 50, 95, 99, 100):
        assert load.percentile(values, q) == pytest.approx(float(np.percentile(values, q)))
    assert load.percentile([], 50) is None


def test_keyword_baseline_on_five_examples():
    examples = [
        Example("カタログを送ってください", "request_catalog", ()),
        Example("カタログがほしいです", "request_catalog", ()),
        Example("送料はいくらですか", "ask_shipping", ()),
        Example("送料を教えて", "ask_shipping", ()),
        Example("こんにちは", "greet", ()),
    ]
    keywords = understanding.KeywordBaseline(min_precision=0.7).fit(examples)
    assert keywords.table["request_catalog"][0][0] == "カタログ"
    assert keywords.table["greet"] == []  # one example: no keyword seen twice
    assert keywords.predict("カタログ、まだありますか")[0] == "request_catalog"
    assert keywords.predict("ＳＯＲＥ送料は？")[0] == "ask_shipping"  # width folded
    assert keywords.predict("天気はどう") == ("nlu_fallback", 0.0)
    parsed = asyncio.run(keywords.parse("送料"))
    assert parsed["intent"]["name"] == "ask_shipping" and parsed["entities"] == []


def test_folds_are_stratified_by_intent():
    messages = [{"intent": intent, "text": f"{intent}{i}"} for intent in ("a", "b") for i in range(10)]
    folds = understanding.split(messages, 5)
    assert len(folds) == 5
    for train, test in folds:
        assert len(test) == 4 and sorted(m["intent"] for m in test) == ["a", "a", "b", "b"]
        assert not {m["text"] for m in train} & {m["text"] for m in test}


def test_baseline_configs_follow_the_shipped_one():
    config = training.read_config(ROOT / "config.yml")
    plain = training.read_config(ROOT / "bench" / "configs" / "baseline_plain.yml")
    epochs = training.classifier_epochs(config)  # 0: entities from a CRF, no DIET to match
    assert epochs == 0 or training.classifier_epochs(plain) == epochs
    variant = no_triage_config(config)
    names = [c["name"] for c in variant["pipeline"] + variant["policies"]]
    assert "madoguchi.rasa.components.triage.HandoffTriage" not in names
    assert "madoguchi.rasa.policies.shop.EscalationPolicy" not in names
    assert len(names) == len(config["pipeline"]) + len(config["policies"]) - 2
    assert training.classifier_epochs(training.with_epochs(plain, 3)) == 3


def test_footprint_reads_proc(aiohttp_unused_port):
    me = os.getpid()
    assert footprint.rss_bytes(me) > 10 * 2**20
    # The process's own memory may grow a page or two between the two reads.
    assert me in footprint.family(me) and footprint.tree_rss(me) >= footprint.rss_bytes(me) - 2**20
    assert footprint.cpu_seconds(me) > 0
    assert footprint.pid_listening_on(aiohttp_unused_port()) is None
    with footprint.MemorySampler({"me": me}, every=0.05) as sampler:
        sum(range(10**5))
    assert sampler.peaks["me"] > 0


def made_up_results(tmp_path: Path) -> report.Results:
    def nlu(name: str, wrong: int) -> NluResult:
        gold = ["greet"] * 10 + ["ask_shipping"] * 10
        predicted = list(gold)
        for i in range(wrong):
            predicted[i] = "ask_shipping"
        return NluResult(name, gold, predicted, entity_total=10, entity_correct=10 - wrong // 2, entity_predicted=10)

    def bot(name: str, reasons: list[str | None]) -> BotResult:
        expects = ["distress", "distress", "none", "none"]
        outcomes = [Outcome(Conversation(f"c{i}", e, ("…",)), r, 1 if r else None)
                    for i, (e, r) in enumerate(zip(expects, reasons))]
        return BotResult(name, understanding.Parsed(nlu(name, 0)), outcomes)

    def run(channel: str, rate: float, latency: float) -> load.Run:
        samples = [load.Sample(i / rate, latency * (1 + i % 3)) for i in range(int(rate * 2))]
        return load.Run(f"{rate:g} msg/s", channel, 2.0, offered=rate, planned=len(samples), samples=samples)

    target = Target("http://127.0.0.1:5005", "t", {"rasa": 1}, cold_start=31.5, started_here=True)
    speed = Speed(target, Plan.quick(), ginza=[0.004] * 10, parse=[0.03] * 10, whole=[0.09] * 10)
    speed.open_loop = [run("REST", 10, 0.05), run("REST", 20, 0.2), run("socket.io", 10, 0.04)]
    speed.skipped = ["socket.io at 20 msg/s: not run"]
    speed.saturation = [load.Run("1 clients", "REST", 3.0, concurrency=1,
                                 samples=[load.Sample(i * 0.1, 0.1) for i in range(28)])]
    speed.long = load.Run("60 turns", "REST", 6.0, concurrency=1, planned=60,
                          samples=[load.Sample(float(t), 0.1 + t / 1000) for t in range(1, 61)])
    speed.cpu_per_message = {"rasa": 0.05, "actions": 0.002}
    speed.rss_idle, speed.rss_peak = {"rasa": 900 * 2**20, "web": 50 * 2**20}, {"rasa": 1100 * 2**20, "web": 60 * 2**20}
    model = tmp_path / "madoguchi-test.tar.gz"
    model.write_bytes(b"0" * 2048)
    results = report.Results(quick=False, model=model, model_bytes=2048, ginza_bytes={"ja_ginza": 5 * 2**20})
    results.nlu = {"shipped": nlu("shipped", 1), "no_triage": nlu("no", 2), "plain": nlu("plain", 6), "keyword": nlu("kw", 9)}
    results.keyword_table = {"greet": [("こん", 0.9)], "ask_shipping": [("送料", 1.0)]}
    results.cv = understanding.CrossValidation([nlu("f1", 1), nlu("f2", 3)], epochs=20, train_seconds=[50.0, 52.0])
    results.epochs, results.cv_epochs = 60, 20
    results.handoff = {"shipped": bot("shipped", ["distress", "distress", None, None]),
                       "no_triage": bot("no", [None, "distress", "customer_request", None])}
    results.same_classifier = 20
    results.trainings = {"fresh": 250.0, "plain": 90.0, "no_triage": 30.0}
    results.speed = speed
    results.wall = 600.0
    return results


def test_report_from_made_up_numbers(tmp_path):
    results = made_up_results(tmp_path)
    path = report.write(results, tmp_path / "docs")
    text = path.read_text(encoding="utf-8")
    for heading in ("## Against the targets", "## 1. Understanding", "## 2. Handoff", "## 3. Speed", "## 4. Footprint"):
        assert heading in text
    assert "| intent macro-F1 >= 0.95 (held-out) | 0.950 | **met** |" in text
    assert "| handoff recall >= 0.97 | 1.000 | **met** |" in text
    assert "| false handoffs <= 3% | 0.0% | **met** |" in text
    assert "| cold start <= 45 s | 31.5 s | **met** |" in text
    assert "| training <= 5 min | 4.2 min | **met** |" in text
    assert "saturation >= 60 msg/s | 9.5 msg/s with one worker (1 client) | **missed** |" in text
    assert "**+0.280** intent macro-F1 (0.670 -> 0.950)" in text  # against the plain baseline
    assert "Triage adds **+0.500** recall" in text
    assert "socket.io at 20 msg/s: not run" in text
    assert "rasa 50.0 ms, actions 2.0 ms. At 50.0 ms of CPU a message, the Rasa server with one worker " \
           "(about 1 core) could answer at most 20 messages/s; 60 messages/s needs under 16.7 ms" in text
    for png in ("understanding", "open-loop", "saturation", "long-conversation", "memory"):
        assert (tmp_path / "docs" / f"bench-{png}.png").stat().st_size > 1000
    assert report.headline(results)[0].startswith("intent macro-F1")


def test_a_quick_report_says_what_it_left_out(tmp_path):
    results = made_up_results(tmp_path)
    results.quick, results.cv, results.trainings = True, None, {}
    del results.nlu["plain"], results.handoff["no_triage"]
    results.speed.target.cold_start = None
    text = report.markdown(results)
    assert "| training <= 5 min | not measured (quick run) | not measured |" in text
    assert "Cross-validation: not run in a quick run." in text
    assert "not measured (stack given with --url)" in text


async def test_run_logged_works_under_rasas_event_loop_policy(tmp_path):
    import sys

    import uvloop

    asyncio.set_event_loop_policy(uvloop.EventLoopPolicy())  # what importing Rasa does
    try:
        code, seconds = await training.run_logged(
            [sys.executable, "-c", "print('学習しました')"], dict(os.environ), tmp_path / "out.log"
        )
    finally:
        asyncio.set_event_loop_policy(None)
    assert code == 0 and 0 < seconds < 15
    assert "学習しました" in (tmp_path / "out.log").read_text(encoding="utf-8")


async def test_a_training_past_its_limit_is_stopped_and_reported(tmp_path):
    import sys

    with pytest.raises(training.TrainingFailed, match="stopped after"):
        await training.run_logged(
            [sys.executable, "-c", "import time; time.sleep(60)"], dict(os.environ), tmp_path / "out.log", limit=0.5
        )
    results = made_up_results(tmp_path)
    del results.nlu["plain"]
    results.failures.append("plain Rasa baseline: TrainingFailed: stopped after 45 minutes of training")
    assert "- Plain Rasa baseline: not measured (TrainingFailed: stopped after 45 minutes of training)." \
        in report.markdown(results)


async def test_conversations_that_cannot_connect_are_errors(aiohttp_unused_port):
    channel = load.SocketChannel(f"http://127.0.0.1:{aiohttp_unused_port()}", timeout=2)
    run = await load.open_loop(channel, rate=4, duration=1.0, interval=0.5)
    assert run.planned == 4 and run.answered == 0 and run.errors == 4
    assert all(s.error.startswith("connect:") for s in run.samples)



def test_the_report_names_the_number_of_rasa_workers(tmp_path):
    results = made_up_results(tmp_path)
    assert "one Rasa worker" in report.write(results, tmp_path / "one").read_text()
    results.speed.target.workers = 2
    assert "2 Rasa workers" in report.write(results, tmp_path / "two").read_text()


def test_the_report_adds_the_saturation_with_two_workers(tmp_path):
    results = made_up_results(tmp_path)
    more = Speed(Target("http://127.0.0.1:5006", "t", {"rasa": 2}, cold_start=50.0, started_here=True, workers=2),
                 Plan(levels=(4, 8)))
    more.saturation = [load.Run(f"{n} clients", "REST", 3.0, concurrency=n,
                                samples=[load.Sample(i / (20.0 * n), 0.1) for i in range(60 * n)]) for n in (4, 8)]
    more.cpu_per_message = {"rasa": 0.025}
    more.rss_peak, more.rss_largest = {"rasa": 3900 * 2**20}, {"rasa": 1850 * 2**20}
    results.speed_workers = more
    text = report.write(results, tmp_path / "docs").read_text()
    assert "| saturation >= 60 msg/s | 9.5 msg/s with one worker (1 client); " in text
    assert "msg/s with 2 workers (8 clients) | **met** |" in text
    assert "### Saturation with 2 Rasa workers (REST)" in text
    assert "with 2 workers (about 2 cores) could answer at most 80 messages/s" in text
    assert "the largest Rasa process peaked at 1,850 MB" in text


def run_of(turns: int) -> load.Run:
    run = load.Run("long", "REST", 0.0, planned=turns)
    run.samples = [load.Sample(float(i + 1), 0.01) for i in range(turns)]
    return run


def test_the_turns_compared_say_the_same_messages():
    """Turn 300 against turn 10: the windows compared repeat the same messages in order."""
    assert report._long_windows(run_of(300)) == ((1, 20), (281, 300))
    assert report._long_windows(run_of(40)) == ((1, 13), (22, 34))
    for turns in (300, 301, 306, 40, 55):
        (a0, a1), (b0, b1) = report._long_windows(run_of(turns))
        assert a1 - a0 == b1 - b0 and a1 < b0 and b1 <= turns and (b0 - a0) % len(load.ROUTINE) == 0
    assert report._long_windows(run_of(9)) == ((1, 3), (7, 9))  # too short to align: the last turns


async def test_long_conversations_pool_their_turns(aiohttp_server):
    """Three conversations one after another: each turn has three samples, the report one title."""
    server = await aiohttp_server(rest_app())
    channel = load.RestChannel(str(server.make_url("/")))
    try:
        run = await load.long_conversations(channel, 5, 3)
    finally:
        await channel.close()
    assert run.planned == 15 and run.errors == 0
    assert sorted(s.due for s in run.samples) == [float(t) for t in range(1, 6) for _ in range(3)]
    assert len(load.turn_window(run, 1, 2)) == 6
    assert report._long_title(run) == "3 conversations of 5 turns, one after another"
