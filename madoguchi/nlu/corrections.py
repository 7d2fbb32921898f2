"""The intent the dialogue acts on: the classifier's reading, corrected where the triage's
assessment of the message (`triage.assess`) is clear and no classifier learns it from examples
(`essential`):

- gibberish -> `nlu_fallback` (the bot did not understand);
- a wait that leaves (あ、ちょっと待って。お客さんが来たで、またにすっ) -> `deny`;
- damaged or wrong goods -> `complain` (the handoff action then says `needs_operator`);
- a complaint read unsurely that tells gladly of a parcel come just now, nothing wrong with it -> `thank`;
- a leave tired of the bot's questions (so many questions, pls stop asking…leave it) -> `deny`;
- distress at sweets not yet chosen (I still dont know what to choose… 😥), nothing near nor lost
  -> the gift or product question the classifier ranks first;
- a distress score at or over the threshold -> `express_distress`, unless the only cues say
  the customer does not know how to do what they ask about, or are sad faces beside a death
  told in a gift question, or a death is told and the custom asked (I don't know the etiquette);
- `complain` the classifier doubts (`DOUBTFUL`) with no word of a problem in it -> the next
  calm intent of the ranking;
- `complain` for an order asked after (頼んだ最中どなんなっとんな) with no word of a problem or
  anger -> `ask_delivery_status`;
- `express_distress` doubted with no word of distress, grief, grievance or anything near ->
  the next calm intent;
- `request_human` read unsurely (`PERSON_DOUBTED`) for a grievance with the shop's people
  told of, and nothing asked -> `complain`; so does a message not understood that tells a
  promise back (Your colleague said I would get an email reply);
- `express_distress` read below `HURRY_DOUBTED` for a hurry with no word of distress and nothing
  due today or tomorrow ->
  the next calm intent; for the のし asked about with nothing but not knowing how, or the custom
  asked about after a death told (日本のやり方 わからない) -> `ask_gift`;
  doubted or not understood, for a death told with no word of distress (or sad faces only, a
  gift the next reading) -> `ask_gift` (the memorial answer);
  doubted, for a chat that is new to the customer -> `bot_challenge`;
- `request_exception` doubted with nothing asked beyond the rules -> `complain` for a word of
  anger or a goods problem, the next calm intent otherwise (送料が本州とけっこう違ってびっくりしました);
  a question or change doubted, or a message not understood, that asks for a discount or
  anything else beyond the rules (なんぼか引いてくれるやろ？1割くらいどないや) -> `request_exception`;
- a message not understood with a word of anger in it, a complaint among the two best readings
  (ええ加減にしとくれやす) or named (I want to complain) -> `complain`;
- a task not understood only for the greeting before it, the two the classifier hesitated
  between (Oi こんにちは! カタログほしいです) -> the task;
- a person asked for (人に回して), or a detail (an order number, a phone), not understood ->
  `request_human`, `inform`; a detail with a change named, a change the best reading (order
  A4567890 change 5 box to 8 box) -> `change_order`; a detail with a status question and a detail
  given as the two best readings -> `ask_delivery_status`;
- a late catalog the classifier did not read, or an order asked after that it hardly read
  (カガガ 頼ンダ 菓子 ドウナッタ) -> `ask_delivery_status`;
- a whole name alone read as not understood (Bjorn Lindqvist desu) -> `inform`;
- leaving for later (またにします) read as distress with only not knowing in it, or not
  understood -> `deny`;
- a yes or a no the classifier doubts that names a cancel (とりけし で おねがい します) ->
  `change_order`;
- a greeting that asks after a person (菊池さんおってです？) -> `request_human`;
- a goodbye that opens the talk (おつかれっす; もしもし　これで　よかとかな) -> `greet`; so does a
  detail given, or a message not understood, that opens it with a name and nothing else
  (こんにちは。加賀谷と申します。; たびたび　すみません。　坂東です。);
- a wait (ちょっと待ってください) read as small talk, a no or a handoff, without any word of a
  problem or of a person -> `affirm` (the bot waits); not a goodbye with a word that closes the
  talk (また 孫が 来たら 聞いて みます。 では さようなら).

The original ranking stays in `intent_ranking`; `triage.changed_from` says what changed.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from madoguchi.nlu.cues import (
    ASKING_HOW_CUES, DOUBTFUL, HANDOFF_INTENTS, HURRY_DOUBTED, NOT_KNOWING_CUES, PERPLEXED_FACES, PERSON_DOUBTED, SURE,
    WAIT_READINGS, only_cues_among,
)
from madoguchi.nlu.triage import Assessment


def correct_intent(intent: str, ranking: list[dict[str, Any]], assessment: Assessment, threshold: float) -> str:
    """The intent the dialogue should act on, given the assessment (`essential`)."""
    return essential(intent, ranking, assessment, threshold)


def essential(intent: str, ranking: list[dict[str, Any]], assessment: Assessment, threshold: float) -> str:
    """The corrections the module docstring lists, in that order."""
    if assessment.gibberish:
        return "nlu_fallback"
    unfounded = not assessment.grievance and not assessment.person
    if assessment.leaving and assessment.waiting and unfounded and not assessment.detail:
        return "deny"  # あ、ちょっと待って。お客さんが来たで、またにすっ。ごめんね: not a wait, a leave
    if assessment.goods_problem and intent not in HANDOFF_INTENTS:
        return "complain"
    if intent == "complain" and assessment.arrived_gladly and _below(intent, ranking, SURE) and not (
        assessment.grievance or assessment.person or assessment.questioned
    ):
        return "thank"  # Oh! the delivery man is at my door now 😂 届きました! (0.80, round 2026-12-07n): glad, no complaint
    if assessment.leaving and assessment.tired_of_questions and not (
        assessment.goods_problem or assessment.late_catalog or assessment.exception or assessment.person or assessment.detail
    ):
        return "deny"  # hay naku so many questions 😩 pls stop asking na po… leave it muna: the form left, annoyed
    if intent == "express_distress" and assessment.undecided and not (
        assessment.grief or assessment.imminent or assessment.goods_problem or assessment.person or assessment.anger
        or assessment.intensity >= 2 or assessment.emphatic
    ):
        # the farewell of my supervisor is next friday and I still dont know what to choose... 😥 (0.91, round
        # 2026-12-07s normina-04): the sweets not chosen yet, a gift or product question
        return next((name for name in _runners_up(ranking, len(ranking)) if name in QUESTIONS[:2]), "ask_gift")
    if intent == "express_distress" and assessment.cannot_read and not (
        assessment.grievance or assessment.grief or assessment.cues or assessment.intensity or assessment.imminent
        or assessment.distress >= 0.45  # …字もよう見えんし もうどうしてええやら情けのうて: at a loss too
    ):
        return "request_human"  # この画面の字がよう見えんのです: a person to talk with, no distress to calm
    if assessment.distress >= threshold and intent not in HANDOFF_INTENTS and not asks_how(intent, assessment) and not (
        # 隣の おばあちゃん 亡くなりました 😢 家族 に お菓子 送りたい です (ask_gift, round 2026-12-05v):
        # sad at a death, with a gift question; no word of being at a loss
        assessment.grief and intent in QUESTIONS and _faces_only(assessment.cues) and assessment.intensity < 2
        # a colleague's father passed away…but I don't know the etiquette here (not understood,
        # round 2026-12-05y): the custom asked after a death
        or assessment.grief and intent == "nlu_fallback" and asks_custom_after_death(assessment)
    ):
        return "express_distress"
    if intent == "complain" and unfounded and _doubtful(intent, ranking) and not (assessment.bot_words or assessment.changes):
        # まいど。新年会用にそっちの羊羹６０箱頼も思てんねん (0.51): nothing in it speaks of a
        # problem, and the classifier hardly thought so either
        return _next_calm(ranking)
    if intent == "complain" and assessment.order_asked_after and unfounded and not assessment.intensity:
        return "ask_delivery_status"  # わしが頼んだ最中どなんなっとんな (0.82, round 2026-12-05u): where the order is
    if intent == "complain" and assessment.person and assessment.requests and _doubtful(intent, ranking) and not (
        assessment.grievance or assessment.intensity
    ):
        # 確認のメールと言われても、私は携帯のメールは見ません。調べられる方からお電話いただきたい
        # (0.58, round zzf): a person asked for, with no problem told
        return "request_human"
    # …折り返しお電話をいただけるとのことでしたが、現時点で何らご連絡がございません (0.73, round
    # 2026-12-05v): a promise unkept told, a complaint
    if intent == "request_human" and _below(intent, ranking, PERSON_DOUBTED) and (
        assessment.staff_told_of or assessment.promise_unkept
    ) and (
        assessment.grievance and not (assessment.requests or assessment.questioned)
    ):
        return "complain"  # スタッフの人が「日本語わからないので」って言って、すぐ切られました: told, nothing asked
    if intent == "nlu_fallback" and assessment.promise_unkept and not (assessment.goods_problem or assessment.person):
        # Your colleague said I would get an email reply within one day (not understood, round
        # 2026-12-05y): a promise told back, not kept
        return "complain"
    if intent == "express_distress" and assessment.hurried and _below(intent, ranking, HURRY_DOUBTED) and not (
        assessment.evidence or assessment.imminent or assessment.anger or assessment.goods_problem or assessment.person
    ):
        # 来月結婚式で、引き菓子そろそろ決めないといけなくて、ちょっと急いでます: in a hurry, not at
        # a loss; the hurry itself is read where it matters (宅配便 for a catalog)
        return _next_calm(ranking)
    # pfff I am at the factory, no email here. You cannot search with my name?? (0.55, round 2026-12-07o):
    # a question pressed with ?? is impatience, no sign of distress
    pressed = _pressed(assessment) if intent == "express_distress" else assessment
    if intent == "express_distress" and _doubtful(intent, ranking) and not (
        pressed.cues or pressed.grief or pressed.intensity >= 2 or pressed.emphatic or pressed.imminent
        or pressed.grievance or pressed.person
    ):
        # I have a café in Kobe and I'm thinking of serving your 最中 (0.60, round 2026-12-05v): no
        # word of distress, nothing near, no loss told; the classifier guessed. Torn with a
        # complaint (I keep getting the same answer. Not helpful at all): unhappy, a complaint.
        if _runners_up(ranking, 2)[1:] == ["complain"] and not _below("complain", ranking, TORN):
            return "complain"
        return _next_calm(ranking)
    doubted = intent == "nlu_fallback" or intent == "express_distress" and _doubtful(intent, ranking)
    # my host family grandpa passed away last week 😢 i want send sweets (0.55, round 2026-12-05y):
    # sad at a death, a gift the classifier's next thought
    faces_at_a_gift = _faces_only(assessment.cues) and "ask_gift" in _runners_up(ranking, 2)
    if doubted and assessment.grief and not (
        assessment.cues and not faces_at_a_gift or assessment.intensity >= 2 or assessment.emphatic or assessment.anger
        or assessment.goods_problem or assessment.person or assessment.imminent
    ):
        # かいしゃ の せんぱい の おとうさん が なくなりました。おそうしき は もう おわりました (0.53),
        # 主人が　先月　亡くなったとです (not understood): a death told calmly; the memorial answer
        # condoles and offers a person
        return "ask_gift"
    task = _runners_up(ranking, 2)[1:]
    worried = assessment.cues and _faces_only(assessment.cues) and task and task[0] in WORRIED_TASKS
    if intent == "express_distress" and _doubtful(intent, ranking) and worried and not (
        assessment.grief or assessment.intensity >= 2 or assessment.emphatic or assessment.anger
        or assessment.goods_problem or assessment.person or assessment.imminent
    ):
        # I think I typed a wrong postal code in my order 😰 (0.54, change_order next, round
        # 2026-12-05zzd): a worried face at a task, no word of being at a loss
        return task[0]
    if intent == "express_distress" and assessment.asks_noshi and only_not_knowing_how(assessment):
        return "ask_gift"  # のしやら表書きやら…ようわからしまへんのや: the custom asked, no one at a loss
    if intent in ("express_distress", "nlu_fallback") and assessment.grief and asks_custom_after_death(assessment):
        return "ask_gift"  # うちの staff のお父さん 亡くなった。日本のやり方 わからない: the custom asked after a death
    if intent == "express_distress" and _doubtful(intent, ranking) and new_to_the_chat(assessment):
        return "bot_challenge"  # こういう機械の窓口は慣れなくて、よくわがんねぇもんで: the bot says how to reach a person
    if intent == "request_exception" and _doubtful(intent, ranking) and not assessment.exception:
        # ちょっと言わせてもらうけど; ええ加減にしてくれへん？: nothing asked beyond the rules
        return "complain" if assessment.anger or assessment.goods_problem else _next_calm(ranking)
    beyond = intent in ASKED_BEYOND or intent == "nlu_fallback" and (
        next(iter(_runners_up(ranking, 1)), None) in ASKED_BEYOND
        # 二週間くらい、そっちのお店で預かっといてもらえんかね？ (out_of_scope, then request_exception, round 2026-12-05zzt):
        # asked as a request, not a grievance told (取引先に送った歳暮の件です…指摘を受けました)
        or "request_exception" in _runners_up(ranking, 2) and assessment.requests
    )
    if assessment.exception and beyond and _doubtful(intent, ranking) and not (
        assessment.goods_problem or assessment.person or assessment.grief
    ):
        # なんぼか引いてくれるやろ？1割くらいどないや (ask_shipping 0.65): beyond the rules; so is
        # Do you have a wholesale price? 卸値みたいなの、あるん？ (not understood, round 2026-12-05v)
        return "request_exception"
    # I want to complain (read 苦情, not understood: round 2026-12-07s fumie-ashwin-12): the complaint named
    named = bool(COMPLAINT_NAMED & set(assessment.lemmas))
    if intent == "nlu_fallback" and assessment.anger and ("complain" in _runners_up(ranking, 2) or named) and not (
        assessment.person or assessment.exception or assessment.goods_problem
    ):
        return "complain"  # カタログ頼んでからもうひと月どす。ええ加減にしとくれやす (complain 0.33, round 2026-12-07q)
    greeted = _greeted_task(ranking) if intent == "nlu_fallback" else None
    if greeted and not (assessment.grievance or assessment.person):
        return greeted  # Oi こんにちは! カタログほしいです (greet 0.48, request_catalog 0.52): the task, greeted
    if intent == "nlu_fallback" and assessment.person and not (assessment.detail or assessment.grievance):
        return "request_human"  # じゃあいい、人に回して: a person asked for, nothing else
    if intent == "nlu_fallback" and assessment.detail and assessment.changes and unfounded and (
        _runners_up(ranking, 1) == ["change_order"]
    ):
        return "change_order"  # order A4567890 change 5 box to 8 box (change 0.50, inform 0.48, round 2026-12-07p)
    if intent == "nlu_fallback" and assessment.detail and unfounded and not assessment.questioned:
        return "inform"  # OK, わかりました。注文番号はA2345678です。: a detail given
    status_or_detail = set(_runners_up(ranking, 2)) == {"ask_delivery_status", "inform"}
    if intent == "nlu_fallback" and assessment.detail and status_or_detail and not (
        assessment.person or assessment.anger or assessment.goods_problem or assessment.exception
    ):
        # おかしが まだ とどきません ばんごうは A7654321 で でんわは 090-… (status 0.51, inform 0.49):
        # where the order is, with what the verification needs
        return "ask_delivery_status"
    if intent == "nlu_fallback" and assessment.order_asked_after and _runners_up(ranking, 1) == ["ask_delivery_status"] and not (
        assessment.person or assessment.anger or assessment.goods_problem or assessment.exception or assessment.late_catalog
    ):
        return "ask_delivery_status"  # カガガ 頼ンダ 菓子 ドウナッタ (status 0.45): what became of the order
    if assessment.late_catalog and intent in UNREAD:
        # katarogu tanonda kedo konai desu; catalog 頼んだ、10日前。まだ来ない: where is the catalog
        return "ask_delivery_status"
    unmistakable = assessment.full_name_alone if intent == "nlu_fallback" else assessment.full_name_unmistakable
    if intent in ("nlu_fallback", "out_of_scope") and unmistakable and not (assessment.person or assessment.bot_words):
        # Bjorn Lindqvist desu: a whole name given, after "what can I do for you"; 新井ルシア (out
        # of scope 0.57) when the catalog form asks the name
        return "inform"
    if intent == "express_distress" and assessment.leaving and _only_cues_among(assessment, NOT_KNOWING_CUES) and not (
        assessment.grief or assessment.anger or assessment.goods_problem or assessment.person
    ):
        # ゆうびん ばんごう… いま わからない です。 へや に かえって から しらべます: not known now,
        # and the customer leaves the question for later; no call for help
        return "deny"
    calm = not (assessment.person or assessment.anger or assessment.reproach or assessment.exception)
    # やっぱりまたにします、新しい住所が決まったらまた联系します (change_order 0.57, round zzg): no change named
    unsure_change = intent == "change_order" and _doubtful(intent, ranking) and not assessment.changes
    if assessment.leaving and calm and not assessment.detail and (intent == "nlu_fallback" or unsure_change):
        # やっぱり、孫が来た時にしますき、またにします; やっぱりわがらね…きょうはやめるじゃ (not
        # knowing is no grievance here): a no to the question at hand
        return "deny"
    if intent in ("affirm", "deny") and assessment.cancels and _doubtful(intent, ranking) and not assessment.leaving:
        return "change_order"  # んだ。 とりけし で おねがい します (affirm 0.61, round 2026-12-05f): a cancel asked
    if intent == "thank" and assessment.person and assessment.requests and not assessment.leaving:
        return "request_human"  # Então pode passar pra alguém ver isso, obrigado: a person asked for, with thanks
    if intent == "greet" and assessment.person and (assessment.questioned or assessment.requests) and not (
        assessment.detail or assessment.grievance or assessment.leaving
    ):
        return "request_human"  # 去年お世話になった菊池さんおってです？ (greet 0.72, round 2026-12-07m): a person asked after
    if intent == "goodbye" and assessment.opens_talk:
        return "greet"  # おつかれっす; もしもし　これで　よかとかな: a talk opened, not closed
    if intent in ("inform", "nlu_fallback") and assessment.opens_talk and not (
        assessment.detail or assessment.questioned or assessment.requests or assessment.grievance or assessment.person
    ):
        return "greet"  # こんにちは。加賀谷と申します。: a greeting with the customer's name, nothing else given
    if assessment.waiting and unfounded and not (intent == "goodbye" and assessment.closes_talk) and (
        intent in WAIT_READINGS or intent == "inform" and _unsure(intent, ranking) and not assessment.digits
        # ちょっと まってけへ さがしてくるすけ (round 2026-12-05zzi): going to look, no exception asked
        or intent == "request_exception" and _unsure(intent, ranking) and assessment.goes_to_look and not assessment.exception
    ):
        return "affirm"  # ちょっと待っててな、メール見てみるわ: the bot waits
    return intent


# Tasks a greeting may open (こんにちは! カタログほしいです).
GREETED_TASKS = ("request_catalog", "ask_delivery_status", "ask_shipping", "ask_gift", "ask_product", "change_order")


def _greeted_task(ranking: list[dict[str, Any]]) -> str | None:
    """The task of the two best readings when the other is a greeting and the classifier
    hesitated only between them (the fallback's ambiguity), else None."""
    best = [r for r in ranking if r.get("name") != "nlu_fallback"][:2]
    names = [r.get("name") for r in best]
    if len(best) < 2 or "greet" not in names:
        return None
    task = best[1] if names[0] == "greet" else best[0]
    return task.get("name") if task.get("name") in GREETED_TASKS and float(task.get("confidence") or 0) >= 0.35 else None


# Readings that say the classifier did not find what the customer asks.
UNREAD = ("nlu_fallback", "out_of_scope", "greet", "thank", "goodbye")
TORN = 0.35  # a runner-up this likely is a reading the classifier hesitated over


def _doubtful(intent: str, ranking: list[dict[str, Any]]) -> bool:
    """The classifier ranked the intent, below `DOUBTFUL`."""
    return _below(intent, ranking, DOUBTFUL)


def _faces_only(cues: list[str]) -> bool:
    """The distress cues are faces only (😢), no word."""
    return all(not any(ch.isalnum() for ch in cue) for cue in cues)


def _below(intent: str, ranking: list[dict[str, Any]], level: float) -> bool:
    """The classifier ranked the intent, below `level`."""
    return next((r.get("confidence", 1.0) for r in ranking if r.get("name") == intent), 1.0) < level


def _pressed(assessment: Assessment) -> Assessment:
    """The assessment with a question pressed with ?? (and no !!) taken for no emphasis."""
    return replace(assessment, emphatic=False) if assessment.asked_twice else assessment


def _runners_up(ranking: list[dict[str, Any]], count: int) -> list[str]:
    """The classifier's best `count` readings, the fallback left out."""
    return [r.get("name") for r in ranking if r.get("name") != "nlu_fallback"][:count]


def _unsure(intent: str, ranking: list[dict[str, Any]]) -> bool:
    """The classifier gave the intent less than `SURE`."""
    return next((r.get("confidence", 0.0) for r in ranking if r.get("name") == intent), 0.0) < SURE


# Readings a request beyond the rules is doubted as, when a word of one is in it (round zw).
# Not "not understood": a word of an exception inside another (取引先に送った holds 先に送) would
# turn a grievance the classifier could not read into one (round d fusako-yuta-19 on the replays).
ASKED_BEYOND = ("ask_shipping", "ask_product", "ask_gift", "change_order")
# Questions the bot answers: not knowing how (のしはどげんすれば…わからんで) is what they ask.
QUESTIONS = ("ask_gift", "ask_product", "ask_shipping")
COMPLAINT_NAMED = frozenset({"苦情", "クレーム"})  # the lemmas of a complaint named as such


def asks_how(intent: str, assessment: Assessment) -> bool:
    """A question whose only distress cues say the customer does not know how."""
    return intent in QUESTIONS and only_not_knowing_how(assessment)


def only_not_knowing_how(assessment: Assessment) -> bool:
    """No distress cue but not knowing how (and a perplexed face, when the のし or the custom is
    what is not known: 中国と違うので全然わからない😣), no grief, no goods problem, no more than one …."""
    allowed = ASKING_HOW_CUES
    if (assessment.asks_noshi or assessment.asks_custom) and ASKING_HOW_CUES.intersection(assessment.cues):
        allowed = ASKING_HOW_CUES | PERPLEXED_FACES
    return _only_cues_among(assessment, allowed)


def asks_custom_after_death(assessment: Assessment) -> bool:
    """The custom asked (the のし, 日本のやり方) by one who only does not know it."""
    return assessment.asks_custom and not_knowing_the_custom(assessment)


def not_knowing_the_custom(assessment: Assessment) -> bool:
    """After a death told, no distress cue but not knowing how: no goods problem, anger, person
    asked for, date too near, !! or more than one …."""
    return only_cues_among(assessment.cues, ASKING_HOW_CUES, assessment.intensity, assessment.emphatic) and not (
        assessment.goods_problem or assessment.anger or assessment.person or assessment.imminent
    )


def new_to_the_chat(assessment: Assessment) -> bool:
    """The chat or machines spoken of, and nothing wrong but not knowing how (こういうの よぐ
    わがらねさげ): no anger, reproach, grief, goods problem or more than one trailing off."""
    return (
        assessment.about_the_medium and _only_cues_among(assessment, NOT_KNOWING_CUES)
        and not (assessment.reproach or assessment.anger)
    )


def _only_cues_among(assessment: Assessment, allowed: frozenset[str]) -> bool:
    """No distress cue outside `allowed`, no grief, no goods problem, no !! and at most one …."""
    return only_cues_among(assessment.cues, allowed, assessment.intensity, assessment.emphatic) and not (
        assessment.grief or assessment.goods_problem
    )


# Tasks the bot does itself, for a worried face beside one.
WORRIED_TASKS = ("change_order", "ask_delivery_status", "request_catalog", "ask_shipping", "ask_product")


def _next_calm(ranking: list[dict[str, Any]]) -> str:
    """The best-ranked intent that is neither a handoff nor the fallback."""
    for item in ranking:
        if item.get("name") not in HANDOFF_INTENTS and item.get("name") != "nlu_fallback":
            return item["name"]
    return "nlu_fallback"
