"""Memorial talks the bot answers itself: a memorial gift question read as distress only for
its words of death or of asking how, and a calm word in a talk of a death read unsurely as a
complaint or a person asked for. Neither forces a handoff (issue 13: a memorial gift question
is answered, a person offered without forcing one)."""

from __future__ import annotations

import re

from rasa_sdk import Tracker

from actions import common
from actions.info import earlier_texts
from madoguchi import memorial
from madoguchi.dialogue.gift_plan import plans_a_gift
from madoguchi.dialogue.verification import asks_for_person
from madoguchi.handoff.noshi import wrong_noshi_told_across
from madoguchi.handoff.wrong_thing import ARRIVED
from madoguchi.nlu.cues import DOUBTFUL, HANDOFF_INTENTS, NOT_KNOWING_CUES, PERSON_DOUBTED
from madoguchi.text import nfkc

# Distress cues that only ask how to do something (のしはどうしたらええんでしょうか; I don't know
# the rules, read 分かりません, round 2026-12-05zza): in a question about a memorial gift, no sign
# of distress by themselves.
HOW_TO_CUES = ("どうしたら", "どうすれば", "わから", "分から", *sorted(NOT_KNOWING_CUES))


# Words of sadness at a death (悲しい, 寂しい): grief, which a memorial gift question may hold.
SADNESS = ("悲しい", "かなしい", "悲しく", "寂しい", "さみしい", "さびしい", "残念")


def calm_memorial_question(tracker: Tracker) -> bool:
    """A memorial gift question (or a gift question after the customer told of a memorial)
    read as distress only for its words of death or memorial, or of asking how: no other
    distress cue, no !! or …, no trouble told, and a gift or product question next in the
    ranking (a question the bot can answer)."""
    triage = tracker.latest_message.get("triage") or {}
    ranking = [r.get("name") for r in tracker.latest_message.get("intent_ranking") or []]
    calm = [name for name in ranking if name not in HANDOFF_INTENTS and name != "nlu_fallback"]
    text = common.latest_text(tracker)
    cues = [str(cue) for cue in triage.get("cues") or []]
    # にほん の ぶっじ よく わかりません (round 2026-12-04zw mariko-jocelyn-06, in the replay): the
    # custom of a memorial not known, nothing else
    custom_not_known = memorial.is_memorial(text) and bool(cues) and all(cue.startswith(HOW_TO_CUES) for cue in cues)
    # a sad word at a death told, trailing off (a sad thing... he passed away. I want to send sweets
    # for the 49 days ceremony, round 2026-12-06d kesae-orsu-13): grief, not a customer at a loss
    sad = bool(cues) and all(cue.startswith(SADNESS) for cue in cues)
    return (
        common.latest_intent(tracker) == "express_distress"
        # a sad face at a death told (passed away last week 😢 i want send sweets, round 2026-12-05y)
        and all(cue.startswith(HOW_TO_CUES) or not any(ch.isalnum() for ch in cue) or sad for cue in cues)
        and (not cues or memorial.asks_about_gift(text) or custom_not_known)
        and (triage.get("intensity") or 0) <= (1 if sad else 0)
        and memorial.memorial_context(text, earlier_texts(tracker)) is not None
        and not memorial.tells_trouble(text)
        and bool(calm)
        and (
            calm[0] in ("ask_gift", "ask_product")
            or (calm[0] == "change_order" and plans_a_gift(text))
            or (memorial.is_memorial(text) and memorial.asks_about_gift(text))  # おそなえ の おかし おくりたい
            or custom_not_known
        )
    )


# What a message read as a complaint or a person asked for must hold to be one in a talk of
# a death or a memorial.
_PROBLEM_SIGNS = ("anger", "goods_problem", "late_catalog", "exception", "cues", "intensity", "emphatic")


def calm_in_memorial_talk(tracker: Tracker) -> bool:
    """A message in a talk of a death or a memorial read, unsurely, as a complaint or a person
    asked for, with nothing of a problem or a person in it: a death told (しせつ の おばあちゃん、
    せんしゅう てんごく に いきました, complain 0.71), a wish to do it right (nepal と ちがう から,
    ちゃんと したい です) or a question of the のし's name (表書きの下は「…スタッフ一同」で大丈夫
    でしょうか？), rounds 2026-12-03zn to 2026-12-05zz. The memorial question is answered."""
    triage = tracker.latest_message.get("triage") or {}
    ranking = tracker.latest_message.get("intent_ranking") or [tracker.latest_message.get("intent") or {}]
    text = common.latest_text(tracker)
    rules, earlier = common.rules(), earlier_texts(tracker)
    return (
        # not inside a form: でんわ は ごめんなさい、 チャット に かきたくない です answers its question
        not tracker.active_loop_name
        and common.latest_intent(tracker) in ("complain", "request_human")
        # what came, told with a reproach (きのう とどいだ おかし、 おそなえに たのんだのに), or a
        # celebration のし on it (のしが こうはくの おいわいのに なっとる): an operator's case
        and not ARRIVED.search(nfkc(text)) and not _REPROACHED.search(nfkc(text))
        and not common.reports_goods(tracker)
        and not wrong_noshi_told_across(rules, text, earlier)
        and float(ranking[0].get("confidence") or 0) < PERSON_DOUBTED
        and not any(triage.get(sign) for sign in _PROBLEM_SIGNS)
        and not asks_for_person(text)
        and not memorial.tells_trouble(text)
        and memorial.memorial_context(text, earlier) is not None
    )


# A reproach (…たのんだのに), or what came told in English, in a talk of a memorial.
_REPROACHED = re.compile(r"のに(?:[、。！!？?\s]|$)|(?i:\b(?:came|arrived|received)\b)")


def death_told_quietly(tracker: Tracker) -> bool:
    """A death told with a sad face and nothing asked yet, read unsurely as distress (the
    obaachan who own my building pass away last month… 😢, express_distress 0.48, round
    2026-12-05zzy umeno-mamani-15): grief, not a customer at a loss. Condolences and the
    memorial help are offered, and a person, without forcing one."""
    triage = tracker.latest_message.get("triage") or {}
    confidence = common.latest_confidence(tracker)
    text = common.latest_text(tracker)
    cues = [str(cue) for cue in triage.get("cues") or []]
    return (
        not tracker.active_loop_name
        and common.latest_intent(tracker) == "express_distress"
        and confidence < DOUBTFUL  # the classifier's doubt, not a customer at a loss
        and len(cues) <= 1 and all(not any(ch.isalnum() for ch in cue) for cue in cues)
        and not triage.get("intensity") and not triage.get("imminent")
        and memorial.mentions_death(text)
        and not memorial.tells_trouble(text)
        and not common.reports_goods(tracker)
        and not asks_for_person(text)
    )
