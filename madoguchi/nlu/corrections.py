"""The intent the dialogue acts on: the classifier's reading, corrected where the triage's
assessment of the message (`triage.assess`) is clear. The pipeline applies only gibberish, goods
problems, distress over the threshold and the waits (`essential`); the whole list was written
against DIET's misreadings (docs/nlu-data.md, "The intent classifier"):

- gibberish -> `nlu_fallback` (the bot did not understand);
- a name alone read as small talk or not understood (シャルマ アルジュン です) -> `inform`;
- damaged or wrong goods -> `complain` (the handoff action then says `needs_operator`);
- a distress score at or over the threshold -> `express_distress`;
- `express_distress` without any evidence of distress (no cue, or only negated ones, no
  grief, no intensity) -> the next intent of the ranking that is no handoff;
- a wait (ちょっと待ってください) read as small talk, a no or a handoff, without any word of
  a problem (anger, reproach, goods, lateness, distress) or of a person -> `affirm`;
- `request_exception` that only refuses to tell (そっちで調べてもらえますか) -> the next
  calm intent;
- a handoff reading opening the talk without any such word (ちょっこし きいてくれんけ)
  (法事のお菓子について質問があります) -> `greet`;
- `complain` asking calmly for a person (お店の人に探してもらいたい), or a call for a person read
  as small talk or a detail (タントウシャ ヨンデ) -> `request_human`;
  without any word of a problem at all, when the model is unsure or nothing is named that
  a complaint could be about -> `greet` (the bot asks what it can do);
- `request_human` with anger and no request (スタッフの人がとても失礼でした) -> `complain`;
  without any word of a person (もういっかい おぐってけへ) -> the next calm intent;
- `complain` without a word of anger or reproach: about a catalog that has not come ->
  `ask_delivery_status` (the bot can send it again); at a loss or grieving (どうしよう,
  困って, 亡くなって) -> `express_distress`;
- `express_distress` that leaves the question for now with one cue at most (子どもが泣いてる
  のでまたにします) -> `deny` (the form lets the customer go);
- `request_exception` without any form of request ("…それで大丈夫です") -> likewise;
- `express_distress` that names a death and a memorial coming, and nothing of being at a
  loss (ばあさんが死んでもう六年だ 来月七回期やんだ) -> `ask_gift` (the memorial answer);
- `change_order` that gives a detail and names no change (いせし ふたみちょう まつした １２３４) -> `inform`;
- `request_catalog` without any word a catalog is asked for with -> the next calm intent;
- a request for a discount, free shipping, priority or a same-day remote delivery read
  as something calm (送料ただにしてけさいん as change_order) -> `request_exception`.

Corrections that rest on a cue word missing (no word of a problem, of a request, of a
person, of distress) apply only when the model is unsure (`SURE`): the cue lists are
standard Japanese, and a complaint in Tosa-ben holds none of their words.

The original ranking stays in `intent_ranking`; `triage.changed_from` says what changed.
"""

from __future__ import annotations

from typing import Any

from madoguchi.nlu.cues import (
    ASKING_HOW_CUES, DOUBTFUL, FACES, HANDOFF_INTENTS, NOT_KNOWING_CUES, SURE, WAIT_READINGS, only_cues_among,
)
from madoguchi.nlu.triage import Assessment


# What DIET may make of a whole name in an unusual script (Marco Silva read as a yes, a name
# in katakana as a call for a person): a message that is a name and nothing else gives it.
FULL_NAME_MISREADINGS = (
    "affirm", "deny", "thank", "goodbye", "bot_challenge", "request_human", "out_of_scope", "nlu_fallback", "greet",
)


# Readings a late catalog keeps: a handoff's, the status question itself, and details given
# with it (カタログ頼んだのにまだ来ない、中川一郎です answers the question who asked).
LATE_CATALOG_KEPT = (*HANDOFF_INTENTS, "ask_delivery_status", "inform")


def correct_intent(
    intent: str, ranking: list[dict[str, Any]], assessment: Assessment, threshold: float, scope: str = "all"
) -> str:
    """The intent the dialogue should act on, given the assessment.

    `scope="essential"` applies only what no classifier learns from examples (`essential`):
    the rest were written against DIET's misreadings and undo more right readings of the
    character classifier than they mend.
    """
    if scope == "essential":
        return essential(intent, ranking, assessment, threshold)
    corrected = _corrected(intent, ranking, assessment, threshold)
    if corrected == "goodbye" != intent and not (assessment.leave_taking or assessment.leaving):
        # Our wedding is in 3 weeks… my fiancée ask me every day 😞: a calm reading found by
        # elimination is no farewell (it would end the form); the next one is taken.
        return _next_calm([r for r in ranking if r.get("name") != "goodbye"])
    return corrected


def essential(intent: str, ranking: list[dict[str, Any]], assessment: Assessment, threshold: float) -> str:
    """Gibberish not understood; a goods problem an operator's case (`needs_operator`); a
    distress score at or over the shop's threshold distress, unless the only cues say the
    customer does not know how to do what they ask about; a late catalog or a whole name alone
    the classifier did not read, the status question and a detail given; leaving (またにします) that the
    classifier could not read, a no; a complaint the classifier doubted (`DOUBTFUL`) with no word
    of a problem in it, the next calm reading; and a wait, which no intent of the contract names, read
    as the yes the bot waits on (or, when the customer leaves, a no)."""
    if assessment.gibberish:
        return "nlu_fallback"
    unfounded = not assessment.grievance and not assessment.person
    if assessment.leaving and assessment.waiting and unfounded and not assessment.detail:
        return "deny"  # あ、ちょっと待って。お客さんが来たで、またにすっ。ごめんね: not a wait, a leave
    if assessment.goods_problem and intent not in HANDOFF_INTENTS:
        return "complain"
    if assessment.distress >= threshold and intent not in HANDOFF_INTENTS and not asks_how(intent, assessment):
        return "express_distress"
    if intent == "complain" and unfounded and _doubtful(intent, ranking) and not (assessment.bot_words or assessment.changes):
        # まいど。新年会用にそっちの羊羹６０箱頼も思てんねん (0.51): nothing in it speaks of a
        # problem, and the classifier hardly thought so either
        return _next_calm(ranking)
    if assessment.late_catalog and intent in UNREAD:
        # katarogu tanonda kedo konai desu; catalog 頼んだ、10日前。まだ来ない: where is the catalog
        return "ask_delivery_status"
    if intent == "nlu_fallback" and assessment.full_name_alone and not (assessment.person or assessment.bot_words):
        return "inform"  # Bjorn Lindqvist desu: a whole name given, after "what can I do for you"
    if intent == "express_distress" and assessment.leaving and _only_cues_among(assessment, NOT_KNOWING_CUES) and not (
        assessment.grief or assessment.anger or assessment.goods_problem or assessment.person
    ):
        # ゆうびん ばんごう… いま わからない です。 へや に かえって から しらべます: not known now,
        # and the customer leaves the question for later; no call for help
        return "deny"
    calm = not (assessment.person or assessment.anger or assessment.reproach or assessment.exception)
    if assessment.leaving and calm and not assessment.detail and intent == "nlu_fallback":
        # やっぱり、孫が来た時にしますき、またにします; やっぱりわがらね…きょうはやめるじゃ (not
        # knowing is no grievance here): a no to the question at hand
        return "deny"
    if assessment.waiting and unfounded and (
        intent in WAIT_READINGS or intent == "inform" and _unsure(intent, ranking) and not assessment.digits
    ):
        return "affirm"  # ちょっと待っててな、メール見てみるわ: the bot waits
    return intent


# Readings that say the classifier did not find what the customer asks.
UNREAD = ("nlu_fallback", "out_of_scope", "greet", "thank", "goodbye")


def _doubtful(intent: str, ranking: list[dict[str, Any]]) -> bool:
    """The classifier ranked the intent, below `DOUBTFUL`."""
    return next((r.get("confidence", 1.0) for r in ranking if r.get("name") == intent), 1.0) < DOUBTFUL


def _unsure(intent: str, ranking: list[dict[str, Any]]) -> bool:
    """The classifier gave the intent less than `SURE`."""
    return next((r.get("confidence", 0.0) for r in ranking if r.get("name") == intent), 0.0) < SURE


def _corrected(
    intent: str, ranking: list[dict[str, Any]], assessment: Assessment, threshold: float
) -> str:
    if assessment.gibberish:
        return "nlu_fallback"
    if assessment.leaving and assessment.waiting and not (assessment.grievance or assessment.person or assessment.detail):
        return "deny"  # あ、ちょっと待って。お客さんが来たで、またにすっ。ごめんね: not a wait, a leave
    if intent in ("out_of_scope", "nlu_fallback", "greet") and assessment.name_alone and not assessment.person:
        return "inform"  # シャルマ アルジュン です。: a name given, not small talk
    if intent == "goodbye" and assessment.name_alone and assessment.introduced:
        return "inform"  # 佐藤 しずと　もうします: a name introduced, no farewell
    if intent == "goodbye" and assessment.rudeness_named:
        return "complain"  # このような対応は失礼だと思います: rudeness named, no 失礼します
    if intent == "greet" and assessment.leave_taking and not (assessment.grievance or assessment.person):
        return "goodbye"  # 長々とすみませんでした…お体に気をつけて。ごめんください: the talk ends
    if intent == "bot_challenge" and assessment.person_not_bot:
        return "request_human"  # ボットじゃなくて人いないの？: a person asked for
    if intent in FULL_NAME_MISREADINGS and assessment.full_name_alone and not (assessment.person or assessment.bot_words):
        return "inform"  # Marco Silva: a whole name, not a yes; スニル ペレラ デス, not a call for a person
    if intent in ("goodbye", "greet", "thank", "out_of_scope") and assessment.detail:
        return "inform"  # あっごめんなさい、部屋番号ぬけてました 502号室です: a detail, not a goodbye
    if intent in ("deny", "affirm") and assessment.asks_noshi and assessment.questioned:
        return "ask_gift"  # のしはなににしたらえいろう　こうはくやないわね？: a question about the のし, no no
    if intent == "deny" and assessment.relieved:
        return "affirm"  # んだが、 いがった (そうか、よかった): relief, not a no
    if intent in ("affirm", "thank") and assessment.order_details:
        # はいはい。A1234567、090-1234-5678: the numbers asked for, not a yes to something else
        # (はい、Ａ１２３４５６７で合ってます is a yes).
        return "inform"
    if intent not in LATE_CATALOG_KEPT and assessment.late_catalog and (
        assessment.asked_before or intent in ("goodbye", "greet", "thank", "out_of_scope", "nlu_fallback")
    ):
        # カタログ タノンダ。マダ コナイ デス, 3週間前にカタログをたのみました。でもまだ来ない
        # (read as a change of an order): where is the catalog asked for.
        return "ask_delivery_status"
    if (
        intent in ("inform", "nlu_fallback", "greet", "out_of_scope") and assessment.catalog_asked
        and not assessment.late_catalog and (intent == "inform" or not assessment.asked_before)
    ):
        # カタログ欲しいっちゃけど 松尾純一、〒812-…: the details come with the request;
        # こんにちは カタログっこ 送ってもらいてんだども: not understood, but a catalog asked for
        return "request_catalog"
    if intent == "ask_delivery_status" and assessment.catalog_asked and not (
        assessment.late_catalog or assessment.asked_before or assessment.reproach
    ):
        return "request_catalog"  # カタログ頼みたかとですけど: a catalog wished for, none asked after
    calls_a_person = assessment.person and not (assessment.detail or assessment.grievance or assessment.subject)
    if intent in ("out_of_scope", "inform", "greet", "nlu_fallback", "request_catalog") and calls_a_person:
        return "request_human"  # すたっふの　かたを　おねがいします, タントウシャ ヨンデ: a person asked for, nothing else
    if intent == "request_catalog" and not assessment.catalog_named:
        return _next_calm([r for r in ranking if r.get("name") != intent])  # 注文の番号なんかわかんねえ 紙もどっかさ…
    if assessment.goods_problem and intent not in HANDOFF_INTENTS:
        return "complain"
    if assessment.distress >= threshold and intent not in HANDOFF_INTENTS and not asks_how(intent, assessment):
        return "express_distress"
    if assessment.exception and assessment.asks and intent not in HANDOFF_INTENTS and intent != "nlu_fallback":
        return "request_exception"
    if intent == "complain" and assessment.exception and assessment.asks and not (assessment.anger or assessment.goods_problem):
        return "request_exception"  # ソウリョウ タカスギ。ホンド ト オナジ ニ シテ: an exception asked, not a grievance
    unfounded = not assessment.grievance and not assessment.person
    # No word of a problem is weak evidence against a sure model: the cue lists are standard
    # Japanese, and 頼んだがは羊かんぞ。届いたがは最中やった is a complaint all the same.
    unsure = _unsure(intent, ranking)
    if assessment.waiting and unfounded and intent in WAIT_READINGS:
        return "affirm"  # ちょっと待っててな、メール見てみるわ: the bot waits
    if assessment.waiting and unfounded and intent == "inform" and unsure and not assessment.digits:
        return "affirm"  # read as a detail, but no detail in it
    if intent == "bot_challenge" and assessment.refusal and not assessment.bot_words:
        # だから教えないって言ってるでしょ: a refusal to tell, no question about the bot
        return _next_calm([r for r in ranking if r.get("name") != intent])
    if intent in ("greet", "out_of_scope", "nlu_fallback") and assessment.memorial_gift and not assessment.opener:
        return "ask_gift"  # ４９ニチ の オカエシ に オタク の オカシ つかいたい: a memorial gift asked about
    if intent == "request_exception" and not assessment.exception:
        if assessment.complaint_named:
            return "complain"  # 私はあなたの顧客サービスについて苦情を言いたいです (I want to complain)
        if assessment.memorial_gift:
            return "ask_gift"  # しゅじんのさんかいき…おかしをおかえししたいのどす: a memorial gift asked about
    if intent == "request_exception" and assessment.asking_about and not (assessment.exception or assessment.requests):
        return _next_calm(ranking)  # いや、だから沖縄の送料を聞いてるんだけど: a question asked again
    if intent == "request_exception" and assessment.refusal and not assessment.exception:
        return _next_calm(ranking)  # そっちで調べてもらえますか: no exception, a refusal to tell
    names_one = intent == "request_human" and assessment.names_person  # ちゃんとした人に聞きたい
    if intent in HANDOFF_INTENTS and unfounded and assessment.opener and not names_one:
        return "greet"  # nothing in it speaks of a problem or of a person: it opens the talk
    if intent == "complain" and assessment.person and not (assessment.anger or assessment.goods_problem or assessment.promise_unkept):
        return "request_human"  # まどぐちの　ひとに　さがしてもらいたか: a person asked for, calmly
    if intent == "request_human" and assessment.anger and not (assessment.requests or assessment.handover):
        return "complain"  # スタッフの人がとても失礼でした: a person complained of, not asked for
    if intent == "request_human" and assessment.refusal and not assessment.person:
        return _next_calm(ranking)  # 番号は言いたくないです、そちらで調べてください: a refusal to tell
    if intent == "request_human" and not (assessment.names_person or assessment.person) and new_to_the_chat(assessment):
        return "bot_challenge"  # こういう機械の窓口は慣れなくて、よくわがんねぇもんで: the bot says how to reach a person
    if intent == "request_human" and not assessment.names_person and not assessment.person:
        # いそがねはんで もういっかい おぐってけへ, 十五人くらい くるさげ: no word of a person, however
        # sure; ずっと待ってるのに届かない: a grievance; 探したけど見つからないです: the answer to the
        # question for the number.
        if assessment.grievance:
            return "complain"
        return "inform" if assessment.not_knowing else _next_calm(ranking)
    if intent == "complain" and not assessment.grievance and assessment.subject and (assessment.asks or assessment.questioned):
        # 割れやすいお菓子って、梱包はしっかりしてもらえますか, てか注文したやつ今どういう状態？: a question
        return _next_calm(ranking)
    if intent == "change_order" and assessment.reproach and not (assessment.anger or assessment.changes or assessment.goods_problem):
        return "ask_delivery_status"  # お菓子まだ届かんです、3日前に注文したのに: where is it, nothing to change
    if intent == "change_order" and (assessment.detail or (assessment.digits and unsure)) and not (
        assessment.changes or assessment.grievance or assessment.asks or assessment.requests
    ):
        return "inform"  # いせし　ふたみちょう　まつした　１２３４: an address given, nothing to change
    if intent == "ask_delivery_status" and assessment.changes and (assessment.requests or assessment.asks) and not assessment.late_catalog:
        return "change_order"  # お届け先の住所を誤って入力してしまいました。修正をお願いできますでしょうか
    if intent == "ask_delivery_status" and assessment.ordering_now and not assessment.detail:
        return "ask_shipping"  # 今注文すると、いつ届く？: an order not made yet, a question of delivery times
    if intent in ("complain", "request_human") and unsure and assessment.not_knowing and not assessment.grievance:
        return "inform"  # 探したけど見つからないです: the answer to the question for the number
    if intent == "complain" and unsure and assessment.reproach and not (
        assessment.blames or assessment.anger or assessment.goods_problem or assessment.emphatic
        or assessment.cues or assessment.grief or assessment.intensity > 1
    ):
        return "ask_delivery_status"  # 息子が頼んでけだ菓子、まだ来ねんだ: where is it, told calmly
    if intent == "complain" and not assessment.grievance and assessment.bot_words:
        return "bot_challenge"  # こたえ いつも おなじ。じどう の やつ？: a question whether it is a machine
    if intent == "complain" and not assessment.grievance and (unsure or not assessment.subject):
        return "greet"  # 年寄りで不慣れでございまして: nothing is complained of; the bot asks what it can do
    if intent in ("express_distress", "complain") and new_to_the_chat(assessment):
        return "bot_challenge"  # こういうの よぐ わがらねさげ: the chat is new to them, nothing is wrong
    if intent == "complain" and not assessment.anger and not assessment.goods_problem:
        if assessment.late_catalog:
            return "ask_delivery_status"
        if asks_the_noshi_custom(assessment):
            return "ask_gift"  # のしは どうしたらええの 紅白はいかんだろ: a question, not a complaint
        faces_only = set(assessment.cues) <= FACES  # まだ届かない😢: a complaint with a face
        if (assessment.grief or assessment.cues and not faces_only) and not assessment.delivery_conduct:
            return "express_distress"  # not 病院から帰るのが遅れただけで…持って帰っとる: the driver complained of
    if intent == "express_distress" and assessment.delivery_conduct and not (
        assessment.cues or assessment.intensity > 1 or assessment.goods_problem
    ):
        return "complain"  # 配達の人が…不在票も入れんと持って帰っとるんです: the driver complained of
    if intent == "express_distress" and assessment.whether_delivered and only_not_knowing_how(assessment):
        return "ask_delivery_status"  # 事務所宛に頼んだ菓子、届いとるんかどうかわからんねん: whether it came
    if intent == "express_distress" and assessment.memorial and not (
        assessment.cues or assessment.intensity > 1 or assessment.emphatic or assessment.anger or assessment.goods_problem
    ):
        return "ask_gift"  # ばあさんが死んでもう六年だ 来月七回期やんだ: a memorial coming, grief named, no one at a loss
    if intent == "express_distress" and assessment.late_catalog and _only_cues_among(assessment, FACES) and not (
        assessment.anger or assessment.imminent
    ):
        return "ask_delivery_status"  # I asked catalog by postcard…but still not come 😢: where is it
    if intent == "express_distress" and assessment.grief and not (
        assessment.cues or assessment.emphatic or assessment.intensity > 1 or assessment.goods_problem or assessment.anger
    ) and assessment.others_bereaved:
        return "ask_gift"  # 取引先の社長のお父様が亡くなられました: a death in another's family, a gift to send
    if intent == "express_distress" and asks_the_noshi_custom(assessment):
        return "ask_gift"  # 熨斗っこは 何色で…わがんねくて: not knowing the custom is a question, not distress
    if intent == "express_distress" and assessment.anger and not (assessment.cues or assessment.grief):
        return "complain"  # 本当にひどい対応です。I'm very angry: anger, nothing of distress
    leaves_only = assessment.leaving and not (assessment.grievance or assessment.person or assessment.detail)
    if leaves_only and (intent in ("greet", "out_of_scope", "nlu_fallback") or intent == "change_order" and not assessment.changes):
        return "deny"  # やっぱり、またにします。すみません: the customer leaves the form
    if intent == "express_distress" and assessment.leaving and len(set(assessment.cues)) <= 1 and not (
        assessment.grief or assessment.intensity > 1 or assessment.emphatic or assessment.anger or assessment.goods_problem
    ):
        # 子どもが泣いてるのでまたにします, 郵便番号…わからんなあ。孫が来てからにします、またにします:
        # a reason to stop now, no call for help: a no to going on (へや に かえって から しらべます).
        return "deny"
    if intent == "express_distress" and not assessment.evidence and assessment.catalog_wished:
        return "request_catalog"  # 歳暮を何にしよか頭ひねって…冊子みたいなもんがあったら: a catalog wished for
    if intent == "express_distress" and assessment.hurried and not (assessment.evidence or assessment.imminent):
        # 結婚式の引き菓子をそれで選ぼうと思っとって…ちょっと急いどるっちゃん: in a hurry, not at a
        # loss; the hurry itself is read where it matters (宅配便 for a catalog).
        return _next_calm(ranking)
    if (
        intent == "express_distress" and assessment.waiting and _only_cues_among(assessment, NOT_KNOWING_CUES)
        and not assessment.anger
    ):
        return "affirm"  # ゆうびんばんごう？ちょっとまってよ わからんなった: not known yet, the bot waits
    if intent == "express_distress" and not assessment.evidence and not (
        assessment.goods_problem or assessment.anger or assessment.reproach or assessment.person or assessment.imminent
    ):
        # Sure, but nothing in the message speaks of distress (ひもちするがのほうがえいけんど
        # どれがえいかえ; Hello, I received a package today): the classifier read the voice,
        # not the words. The cues catch 98% of the distress blind writers wrote. 控えの紙どっか行って
        # しもたらしくて分からへんのです: the answer to the number question.
        return "inform" if assessment.not_knowing or assessment.detail else _next_calm(ranking)  # …メール あった。A2345678
    if intent == "express_distress" and not assessment.evidence and unsure:
        # Not distressed after all: a goods problem is still an operator's case, and a reproach
        # (この みせ、サービス わるい) a complaint.
        grieved = assessment.goods_problem or assessment.anger or assessment.reproach
        return "complain" if grieved else _next_calm(ranking)
    if intent == "request_exception" and not assessment.exception and (assessment.accepting or (unsure and not assessment.requests)):
        # そごまでは しなくて いいっす。きにしねでけろ: nothing asked beyond the rules, a no thanks
        return _next_calm(ranking)
    return intent


# Questions the bot answers: not knowing how (のしはどげんすれば…わからんで) is what they ask.
QUESTIONS = ("ask_gift", "ask_product", "ask_shipping")


def asks_how(intent: str, assessment: Assessment) -> bool:
    """A question whose only distress cues say the customer does not know how."""
    return intent in QUESTIONS and only_not_knowing_how(assessment)


def asks_the_noshi_custom(assessment: Assessment) -> bool:
    """The のし asked about, with no cue but not knowing how (どうしたらええ, わがんね)."""
    return assessment.asks_noshi and only_not_knowing_how(assessment)


def only_not_knowing_how(assessment: Assessment) -> bool:
    """No distress cue but not knowing how, no grief, no goods problem, no more than one …."""
    return _only_cues_among(assessment, ASKING_HOW_CUES)


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


def _next_calm(ranking: list[dict[str, Any]]) -> str:
    """The best-ranked intent that is neither a handoff nor the fallback."""
    for item in ranking:
        if item.get("name") not in HANDOFF_INTENTS and item.get("name") != "nlu_fallback":
            return item["name"]
    return "nlu_fallback"
