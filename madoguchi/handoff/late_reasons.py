"""A customer waiting for a person who becomes distressed or angry (まだですか、もう間に合わない),
or tells of damaged or wrong goods only then, however the message is read: the open ticket
takes the more urgent reason, so the desk serves it first (至急 for distress and complaints)
and says what to look at. A ticket opened because the bot did not understand takes the
reason of the first message then understood (same fee as the mainland, just this once: an
exception asked), so the operator sees what the customer wants; a complaint's ticket takes wrong
or damaged goods told then, or an exception asked surely (not the money asked back, the
complaint's own remedy), at the complaint's priority. A ticket for wrong or damaged goods keeps
its reason, which says what to look at, and is served first when the customer waiting becomes
distressed or angry (its priority is raised, not its reason), unless the customer tells angrily
that it went wrong again or that a promised call never came (a complaint then), or is frightened
(distress then: fear is met with care first); a ticket for an exception keeps its reason too
when the customer is angry that it cannot be done, or pleads for it with no word of distress.
Distress read unsurely with no word of it raises no ticket; told in two words of it (こわくて 手が
ふるえよる), it is distress however the message is read."""

from __future__ import annotations

import re
from typing import Any, Iterable, NamedTuple

from madoguchi.handoff.presence import with_person
from madoguchi.handoff.reasons import INTENT_REASONS, PROMISE_UNKEPT, TOLD_AGAIN, goods_problem
from madoguchi.shop.rules import UNKNOWN_PRIORITY, shop_rules
from madoguchi.store import handoffs
from madoguchi.store.db import Database
from madoguchi.text import folded


def _rank(priority: dict[str, int], reason: str) -> int:
    """A reason's priority; one the rules file does not list is served last, as on the desk."""
    return priority.get(reason, UNKNOWN_PRIORITY)


VAGUE = "bot_failure"  # the reason that says nothing of what the customer wants
# How sure a reading must be to change a ticket: a plea (何とかお願いします) read as distress at
# 0.67, a fear of paying online read as a complaint at 0.46, leave it as it is.
SURE = 0.7
KEPT = "needs_operator"  # the reason that says what to look at: a feeling raises its priority only
# An exception asked, then anger that it cannot be done (なんでできんと！？融通のきかんとね😤, round
# 2026-12-05zzv sumiyo-dayanara-06): the operator still has the request to decide; served first.
POLICY = "out_of_policy"
COMPLAINT = "complaint"
DISTRESS = "distress"
# A complaint read this surely is one without a word of anger (電話の人が…とてもつめたい言い方でした,
# complain 0.97, round 2026-11-30b in the replay); a calmer reading, 0.80 for 包装紙が違うのが来てね♪, is not.
CALM_SURE = 0.9
# Distress told in two words of it or more, however the message is read (こわくて 手が ふるえよる,
# express_distress 0.53, round 2026-12-07x fumi-bilal-04, after a caller posing as the shop was read
# as a complaint): as sure as a reading of CALM_SURE, when the triage's score is this high.
FRIGHT = 0.85
# Fear among the words of distress (I am scared, こわくて): a frightened customer, which takes even a goods
# ticket (a parcel never ordered with her name on it, then: I am alone at home… I am scared, round
# 2026-12-07y yasuji-kamla-07).
FEAR = re.compile(r"こわ|怖|おっかね|きょうて|scared|frighten")
# The money asked back after a complaint (金 現金で返してくれや, round 2026-12-07y yasuji-kamla-12): the
# complaint's remedy, which the complaint's ticket says; no exception of the shop's rules.
MONEY_BACK = re.compile(r"返金|(?:金|かね|カネ|代金)[^。]{0,6}(?:返し|かえし|返せ|かえせ|返して)|(?i:money\s*back|refund)")


class Raise(NamedTuple):
    """A reason a message written while waiting calls for; a calm one (a complaint read unsurely
    without a word of anger: 包装紙が違うのが来てね、中身はええんよ♪) only tells a vague ticket
    what is wanted."""

    reason: str
    calm: bool = False
    sure: bool = False  # distress or an exception read surely, which takes a complaint's ticket
    again: bool = False  # a complaint that the goods went wrong again, which takes a goods ticket
    learned: bool = False  # goods the learned detector alone read, which do not take a complaint's ticket
    plea: bool = False  # distress read with no word of it (please, just this one time), which keeps an exception's ticket
    fear: bool = False  # distress read surely with a word of fear, which takes a goods ticket


def raised(events: Iterable[dict[str, Any]], priority: dict[str, int]) -> dict[str, Raise]:
    """Per sender, the most urgent reason the customer's messages written while waiting call
    for. The events are one save's: a message the bot answered has actions after it (the one
    that opens the ticket among them); a message to a paused conversation has none."""
    events = list(events)
    acted = {e.get("sender_id", "") for e in events if e.get("event") == "action"}
    readings = INTENT_REASONS  # the less urgent ones only tell a vague ticket what is wanted
    found: dict[str, Raise] = {}
    for event in events:
        if event.get("event") != "user" or event.get("sender_id", "") in acted:
            continue
        read = (event.get("parse_data") or {}).get("intent") or {}
        triage = (event.get("parse_data") or {}).get("triage") or {}
        reason = readings.get(read.get("name") or "") if (read.get("confidence") or 0) >= SURE else None
        # どうしてくれるんだい (complain 0.63, round 2026-12-05zzn): a word of anger read unsurely tells
        # a vague ticket what is wanted, and no other (ask your manager; nao to bravo nao)
        unsure_anger = reason is None and bool(triage.get("anger"))
        reason = COMPLAINT if unsure_anger else reason
        frightened = len(triage.get("cues") or ()) >= 2 and float(triage.get("distress") or 0) >= FRIGHT
        reason = DISTRESS if reason is None and frightened else reason
        text = folded(event.get("text") or "")
        told_before = reason == COMPLAINT and TOLD_AGAIN.search(text) is not None
        learned = False
        if reason != DISTRESS and triage.get("goods_problem") and not told_before:
            # こうはくの のしが ついとったて, 箱 つぶれてて…ぐしゃぐしゃだって: what came is wrong,
            # told after an opener (ねえちゃんから 電話きてさ) that was read as a wish for a person; not
            # 前にも箱がつぶれとったって電話したのに…折り返しの電話もないし (round 2026-12-07i
            # sumie-tavita-12): the goods of before, and a complaint that no one called back
            reason = KEPT
            # I only ordered one time. This is really bad. (round 2026-12-07n kazuko-deireragea-12, after a
            # double charge): the detector's guess, no goods word; the complaint stays what it is
            learned = bool(triage.get("goods_learned")) and not _goods_told(event.get("text") or "", triage)
        if not reason:
            continue
        unsure = (read.get("confidence") or 0) < CALM_SURE and not triage.get("anger")
        sure = reason in (DISTRESS, POLICY) and ((read.get("confidence") or 0) >= CALM_SURE or frightened)
        sure = sure and not (reason == POLICY and MONEY_BACK.search(text))
        # I am scared is read 不安です: the fear is in the words as written too
        cues = [str(cue) for cue in triage.get("cues") or ()]
        fear = sure and reason == DISTRESS and bool(cues) and any(FEAR.search(said) for said in [*cues, text])
        # 去年も似たようなことがありましたやんか。二度目ですで (round 2026-12-05zzr michihiko-mbuyi-12,
        # after the goods told): the shop failed twice, a complaint as reasons.TOLD_AGAIN says
        # 折り返し電話するって言うとったのに いっぺんもかかってこんやないか (round 2026-12-08a junzo-lhamo-12, after the
        # goods of last week told): the call promised never came, a complaint of the shop's own doing
        again = reason == COMPLAINT and (told_before or PROMISE_UNKEPT.search(re.sub(r"\s+", "", text)) is not None)
        # please, just this one time, I am a student and don't have much money (express_distress 0.84, round
        # 2026-12-07s tomas-14, after free shipping was asked): a plea for the exception, no word of distress
        plea = reason == DISTRESS and not (triage.get("cues") or triage.get("grief") or triage.get("imminent"))
        # I really will not type my address again… please let a person do it (express_distress 0.76, round
        # 2026-12-07v setsu-nils-17, waiting after a person was asked for): no word of distress, read unsurely
        calm = reason == COMPLAINT and (unsure_anger or unsure) or plea and (read.get("confidence") or 0) < CALM_SURE
        told = Raise(reason, calm=calm, sure=sure, again=again, learned=learned, plea=plea, fear=fear)
        sender = event.get("sender_id", "")
        if sender not in found or _urgency(priority, told) < _urgency(priority, found[sender]):
            found[sender] = told
    return found


def _goods_told(text: str, triage: dict[str, Any]) -> bool:
    """The goods cues of the rules file find a goods problem in the message."""
    return goods_problem(shop_rules(), text, frozenset(triage.get("lemmas") or []))


def _urgency(priority: dict[str, int], told: Raise) -> tuple[int, bool, bool]:
    """The more urgent reason first; of two as urgent, the one told with feeling, then distress
    read surely."""
    return _rank(priority, told.reason), told.calm, not told.sure


def raise_open_handoff(
    db: Database, sender_id: str, reason: str, priority: dict[str, int], calm: bool = False, sure: bool = False,
    again: bool = False, learned: bool = False, plea: bool = False, fear: bool = False,
) -> bool:
    """The open ticket takes `reason` when it is more urgent than the ticket's own, or as
    urgent and the ticket's own is the vague bot_failure; a `calm` one only a vague ticket.
    Distress read `sure`ly takes a complaint's ticket (box not arrive… nobody answer, then I dont
    know what to do, please help: round 2026-12-05zzm kunie-dragan-14): a frightened customer is
    met with care first."""
    handoff = with_person(db, sender_id)
    if handoff is None or (calm and handoff.reason != VAGUE):
        return False
    # It is for my mother's birthday in January, she loves your 最中 (round 2026-12-07t sadao-dolgar-14, after
    # an exception asked): goods the detector alone guessed take neither a complaint's ticket nor an exception's
    if reason == KEPT and handoff.reason in (COMPLAINT, POLICY) and learned:
        return False
    if reason == DISTRESS and fear and handoff.reason == KEPT:
        # a parcel never ordered with her name on it (goods), then: I am alone at home… I am scared (round
        # 2026-12-07y yasuji-kamla-07): a frightened customer is met with care first
        return handoffs.raise_reason(db, handoff.id, DISTRESS, _rank(priority, DISTRESS), replacing=KEPT)
    if reason == POLICY and sure and handoff.reason == COMPLAINT:
        # parcel come finally yesterday. 9 days late (a complaint), then: delay is fault of your shop, so
        # shipping cost must be free (round 2026-12-07v tomiko-dordzhi-14): the exception is what the
        # operator must decide; served as soon as the complaint
        return handoffs.raise_reason(db, handoff.id, POLICY, handoff.priority, replacing=COMPLAINT)
    if reason == KEPT and handoff.reason == COMPLAINT:
        # a box from your shop was left at my dorm room today (a complaint), then: the name on the label
        # is not mine (round 2026-12-07h kiyoe-lesedi-11): the goods say what to look at, served as soon
        return handoffs.raise_reason(db, handoff.id, KEPT, handoff.priority, replacing=COMPLAINT)
    rank = _rank(priority, reason)
    vague = handoff.reason == VAGUE and reason != VAGUE
    frightened = sure and reason == DISTRESS and handoff.reason == COMPLAINT
    if not (rank < handoff.priority or ((vague or frightened) and rank == handoff.priority)):
        return False
    policy_kept = handoff.reason == POLICY and (reason == COMPLAINT or plea)  # angry it cannot be done, or pleading
    kept = handoff.reason if (handoff.reason == KEPT and not again) or policy_kept else reason
    replacing = VAGUE if vague else COMPLAINT if frightened else None
    return handoffs.raise_reason(db, handoff.id, kept, rank, replacing=replacing)
