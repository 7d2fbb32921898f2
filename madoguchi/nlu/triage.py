"""Reading a message for what the intent alone misses: distress, goods problems, gibberish.

`assess()` looks at GiNZA's analysis of a message: distress cues by lemma and phrase,
negation from the dependency parse (特に困ってはいません is not distress), intensity
(！！, …), grief words, damaged or wrong goods, and keyboard mash. `HandoffTriage`, the
pipeline component, adds the assessment to the parse (`triage`) and corrects the intent
where the assessment is clear:

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
- `complain` asking calmly for a person (お店の人に探してもらいたい) -> `request_human`;
  without any word of a problem at all, when the model is unsure or nothing is named that
  a complaint could be about -> `greet` (the bot asks what it can do);
- `request_human` with anger and no request (スタッフの人がとても失礼でした) -> `complain`;
  without any word of a person (もういっかい おぐってけへ) -> the next calm intent;
- `complain` without a word of anger or reproach: about a catalog that has not come ->
  `ask_delivery_status` (the bot can send it again); at a loss or grieving (どうしよう,
  困って, 亡くなって) -> `express_distress`;
- `express_distress` that leaves the question for now with one cue at most (子どもが泣いてる
  のでまたにします) -> the next calm intent (the form lets the customer go);
- `request_exception` without any form of request ("…それで大丈夫です") -> likewise;
- a request for a discount, free shipping, priority or a same-day remote delivery read
  as something calm (送料ただにしてけさいん as change_order) -> `request_exception`.

Corrections that rest on a cue word missing (no word of a problem, of a request, of a
person, of distress) apply only when the model is unsure (`SURE`): the cue lists are
standard Japanese, and a complaint in Tosa-ben holds none of their words.

The original ranking stays in `intent_ranking`; `triage.changed_from` says what changed.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any, Callable

import jaconv

from madoguchi.dialogue.leaving import is_leaving
from madoguchi.dialogue.verification import NOT_KNOWING_CUES, REFUSED, UNKNOWN, asks_for_person, reading
from madoguchi.handoff.reasons import COURTESY, asks_for_ingredients, cue_groups, every_group, reports_wrong_thing
from madoguchi.memorial import asks_about_gift, asks_noshi, is_memorial
from madoguchi.nlu.cues import (
    ACCEPTING, ASKED_BEFORE, INTRODUCED, LEAVE_TAKING, ASKED_EXCEPTIONS, REFUND_ASKED, ASKING_ABOUT, ASKING_FORMS, ASKING_HOW_CUES, CATALOG_WISHED, KATAKANA_COPULA, BODY, BOT_WORDS, CATALOG_ASKED, COMPLAINT_NAMED,
    COURTESIES, DIGIT, EMPHASIS, FRAGILE, FULL_NAME, HANDOFF_INTENTS, INTENSITY, LIGHT_VERBS,
    NAME_LABEL, NAME_SHAPE, NEGATIONS, OPENER_TROUBLE_CUES, PEOPLE_COUNTED, PERSON_WORDS,
    REFUSING, RELIEVED, REQUEST_FORMS, ROOM_NUMBER, SUBJECT, SURE, THE_MEDIUM, THE_OTHER_DAY, TRAILING_MARKS,
    TROUBLE_OPENER, WAIT_READINGS, WAIT_VERB,
)
from madoguchi.nlu.gibberish import is_gibberish
from madoguchi.nlu.patterns import find_all, find_order_ids, find_phones
from madoguchi.nlu.spans import ENGLISH_COURTESY, is_kana_full_name
from madoguchi.text import folded, with_hiragana


@dataclass(frozen=True)
class Lexicon:
    """Cue words, from the shop rules (`cues:`)."""

    distress_lemmas: frozenset[str]
    distress_phrases: tuple[str, ...]
    grief: tuple[str, ...]
    goods: tuple[str, ...]
    wrong_item: tuple[str, ...] = ()
    wrong_noshi: tuple[tuple[str, ...], ...] = ()
    anger: tuple[str, ...] = ()
    catalog: tuple[str, ...] = ()
    not_arrived: tuple[str, ...] = ()
    exceptions: tuple[str, ...] = ()
    reproach: tuple[str, ...] = ()
    waiting: tuple[str, ...] = ()
    opener: tuple[str, ...] = ()
    hurry: tuple[str, ...] = ()

    @classmethod
    def from_cues(cls, cues: dict[str, Any]) -> "Lexicon":
        distress = cues.get("distress", {})
        return cls(
            distress_lemmas=frozenset(distress.get("lemmas", [])),
            distress_phrases=tuple(folded(p) for p in distress.get("phrases", [])),
            grief=tuple(folded(w) for w in cues.get("grief", [])),
            goods=tuple(folded(w) for w in cues.get("damaged", [])),
            wrong_item=tuple(folded(w) for w in cues.get("wrong_item", [])),
            wrong_noshi=cue_groups(cues.get("wrong_noshi", {})),
            anger=tuple(folded(w) for w in cues.get("anger", [])),
            catalog=tuple(folded(w) for w in cues.get("catalog", [])),
            not_arrived=tuple(folded(w) for w in cues.get("not_arrived", [])),
            exceptions=tuple(folded(w) for kind in ASKED_EXCEPTIONS for w in cues.get("exceptions", {}).get(kind, [])),
            reproach=tuple(folded(w) for w in cues.get("reproach", [])),
            waiting=tuple(folded(w) for w in cues.get("waiting", [])),
            opener=tuple(folded(w) for w in cues.get("opener", [])),
            hurry=tuple(folded(w) for w in cues.get("hurry", [])),
        )


@dataclass
class Assessment:
    """What a message shows beyond its intent."""

    distress: float = 0.0
    cues: list[str] = field(default_factory=list)
    negated: list[str] = field(default_factory=list)
    grief: bool = False
    intensity: int = 0
    goods_problem: bool = False
    gibberish: bool = False
    requests: bool = False
    anger: bool = False
    late_catalog: bool = False
    exception: bool = False
    asks: bool = False
    reproach: bool = False
    waiting: bool = False
    opener: bool = False
    catalog_asked: bool = False
    person: bool = False
    names_person: bool = False
    subject: bool = False
    name_alone: bool = False
    full_name_alone: bool = False
    detail: bool = False  # an order number, phone, postal code or room number in it
    asks_noshi: bool = False  # のし, 表書き, 水引 in it
    questioned: bool = False  # a ？ in it
    imminent: bool = False  # 明日の朝までに, 今日中: a need too near for the bot to meet
    not_knowing: bool = False  # 探したけど見つからないです: the number asked for is not known
    asked_before: bool = False  # カタログ タノンダ: asked for earlier
    blames: bool = False  # a word of reproach, not only of something not come
    hurried: bool = False  # ちょっと急いどるっちゃん: in a hurry (which is no distress)
    catalog_wished: bool = False  # 冊子みたいなもんが手元にあったら
    asking_about: bool = False  # …を聞いてるんだけど, 教えてほしい
    accepting: bool = False
    digits: bool = False
    order_details: bool = False  # an order number and a phone written in it (A1234567、090-1234-5678)
    relieved: bool = False  # よかった, いがった, and no word of a refusal
    about_the_medium: bool = False  # こういうの, 機械, スマホ: the chat or machines spoken of
    complaint_named: bool = False  # 苦情, クレーム, complain
    bot_words: bool = False  # ロボット, 機械, 人間: what a question about the bot names
    memorial_gift: bool = False  # a memorial and a gift for it (三回忌のお返しのお菓子)
    leaving: bool = False
    refusal: bool = False
    introduced: bool = False  # …と申します: a name introduced
    leave_taking: bool = False  # お体に気をつけて, …ごめんください at the end
    emphatic: bool = False
    lemmas: list[str] = field(default_factory=list)

    @property
    def evidence(self) -> bool:
        """Something in the message itself speaks of distress (one trailing off alone does
        not: 住所は……あら、手帳が見当たりません)."""
        return bool(self.cues or self.grief or self.emphatic or self.intensity >= 2)

    @property
    def grievance(self) -> bool:
        """Something in the message speaks of a problem: anger, reproach, goods, lateness,
        distress, a request for an exception, or ！！ (one … alone is how many people write)."""
        return (
            self.anger or self.reproach or self.goods_problem or self.late_catalog or self.exception
            or bool(self.cues or self.grief) or self.intensity >= 2 or self.emphatic
        )

    def as_dict(self) -> dict[str, Any]:
        return {
            "distress": round(self.distress, 3),
            "cues": self.cues,
            "negated": self.negated,
            "grief": self.grief,
            "intensity": self.intensity,
            "emphatic": self.emphatic,
            "goods_problem": self.goods_problem,
            "gibberish": self.gibberish,
            "requests": self.requests,
            "anger": self.anger,
            "late_catalog": self.late_catalog,
            "exception": self.exception,
            "waiting": self.waiting,
            "opener": self.opener,
            "leaving": self.leaving,
            "refusal": self.refusal,
            "lemmas": self.lemmas,
        }


def is_negated(token) -> bool:
    """A negation (ない, ぬ, ず) attaches to the token, or to the light verb it leans on."""
    anchors = {token.i}
    head = token.head
    if head.i != token.i and head.lemma_ in LIGHT_VERBS:
        anchors.add(head.i)
    for t in token.doc:
        if t.i <= token.i or t.lemma_ not in NEGATIONS or t.pos_ not in ("AUX", "VERB", "ADJ"):
            continue
        if t.head.i in anchors or (t.dep_ == "fixed" and t.head.head.i in anchors):
            return True
    return False




def assess(
    text: str, doc, lexicon: Lexicon, p_distress: float = 0.0, parse=None,
    dictionary_words: Callable[[str], frozenset[str]] | None = None,
) -> Assessment:
    """Score a message. `doc` is GiNZA's; `parse(doc)` adds dependencies when a cue needs it;
    `dictionary_words` tells the words Sudachi knows (`is_gibberish`)."""
    norm = folded(text)
    tokens = list(doc) if doc is not None else []
    result = Assessment(lemmas=sorted({t.lemma_ for t in tokens}))
    result.intensity = min(len(INTENSITY.findall(norm)), 2)
    result.emphatic = EMPHASIS.search(norm) is not None
    result.grief = any(w in norm for w in lexicon.grief)
    read = with_hiragana(norm)  # ハコ ツブレテル
    result.goods_problem = (
        any(w in read for w in lexicon.goods)
        or (any(w in norm for w in lexicon.wrong_item) and not asks_for_ingredients(text))
        or reports_wrong_thing(text)
        or every_group(norm, lexicon.wrong_noshi)
    )
    result.detail = bool(find_all(text)) or ROOM_NUMBER.search(text) is not None
    # 〒八八〇－〇九五一: a detail in kanji digits is no keyboard mash
    result.gibberish = not result.detail and is_gibberish(text, tokens, dictionary_words)
    result.requests = bool(REQUEST_FORMS.search(norm))
    spaced_out = re.sub(r"\s+", "", norm)  # どうしたら　いいか　わがんね: words set apart by spaces
    result.anger = any(w in COURTESY.sub("", spaced_out) for w in lexicon.anger)
    result.exception = any(w in norm for w in lexicon.exceptions) or REFUND_ASKED.search(norm) is not None
    result.asks = bool(ASKING_FORMS.search(norm))
    result.hurried = any(w in t for t in (norm, spaced_out, with_hiragana(spaced_out)) for w in lexicon.hurry) or any(
        t.lemma_ == "急ぐ" for t in tokens  # 急いどる
    )
    result.asked_before = ASKED_BEFORE.search(with_hiragana(spaced_out)) is not None
    result.late_catalog = any(w in t for t in (norm, read) for w in lexicon.catalog) and any(
        w in t for t in (norm, read) for w in lexicon.not_arrived  # カタログ タノンダ。マダ コナイ デス
    )
    ended = spaced_out + "。"  # 頼んだのに at the end reads like 頼んだのに。
    # 割れやすいお菓子: what may break, nothing broken; こないだ (the other day): nothing that did not come
    unharmed = THE_OTHER_DAY.sub("", FRAGILE.sub("", BODY.sub("", ended)))
    result.reproach = any(w in unharmed for w in (*lexicon.reproach, *lexicon.not_arrived))
    result.blames = any(w in unharmed for w in lexicon.reproach)  # more than a lateness told
    result.accepting = ACCEPTING.search(spaced_out) is not None
    result.digits = DIGIT.search(norm) is not None
    result.order_details = bool(find_order_ids(text)) and bool(find_phones(text))
    result.about_the_medium = THE_MEDIUM.search(spaced_out) is not None
    result.complaint_named = COMPLAINT_NAMED.search(spaced_out) is not None
    result.bot_words = any(BOT_WORDS.search(t) for t in (spaced_out, with_hiragana(spaced_out)))  # キカイ デスカ
    result.memorial_gift = is_memorial(spaced_out) and asks_about_gift(spaced_out)
    result.asks_noshi = asks_noshi(spaced_out)
    result.questioned = QUESTION_MARK.search(norm) is not None
    result.imminent = IMMINENT.search(norm) is not None
    result.relieved = RELIEVED.search(spaced_out) is not None and REFUSING.search(RELIEVED.sub("", spaced_out)) is None
    result.waiting = any(w in spaced_out for w in lexicon.waiting if not WAIT_VERB.search(w)) or (
        any(WAIT_VERB.search(w) and w in spaced_out for w in lexicon.waiting) and asks_to_wait(tokens)
    )
    result.opener = any(w in spaced_out for w in lexicon.opener)
    result.person = asks_for_person(text)
    result.names_person = PERSON_WORDS.search(PEOPLE_COUNTED.sub("", spaced_out)) is not None
    result.subject = SUBJECT.search(spaced_out) is not None
    # なまえは くどう とくじ, 関口 彩花です♪, スニル ペレラ デス
    bare = KATAKANA_COPULA.sub("です", NAME_LABEL.sub("", TRAILING_MARKS.sub("", norm.strip())))
    as_written = NAME_LABEL.sub("", unicodedata.normalize("NFKC", text or "").strip())  # with its capitals
    inflected = any(t.pos_ in ("VERB", "ADJ") for t in tokens)  # 了解 進めて, 助かった サンキュ
    result.full_name_alone = (  # Marco Silva, くどう　とくじ; not Thank You
        (any(FULL_NAME.match(t) for t in (as_written, bare)) and not ENGLISH_COURTESY.match(as_written) and not inflected)
        or is_kana_full_name(bare)
    )
    result.name_alone = (
        (NAME_SHAPE.match(bare) is not None or is_kana_full_name(bare))
        and not result.subject
        and not COURTESIES.search(jaconv.kata2hira(bare))  # コンニチハ, もしもし こんにちは
    )
    result.leaving = is_leaving(text)
    result.introduced = INTRODUCED.search(norm) is not None
    result.leave_taking = LEAVE_TAKING.search(norm) is not None
    answer = reading(text)
    result.refusal = answer == REFUSED
    result.not_knowing = answer == UNKNOWN
    result.catalog_asked = CATALOG_ASKED.search(spaced_out) is not None
    result.catalog_wished = CATALOG_WISHED.search(spaced_out) is not None
    result.asking_about = ASKING_ABOUT.search(spaced_out) is not None

    # ドウシヨウ ドウシヨウ; 間に合いませんでした is a grievance told, not a fear (a reproach cue)
    spaced_read = PAST_MISS.sub("", with_hiragana(spaced_out))
    result.cues = [p for p in lexicon.distress_phrases if p in spaced_read]
    lemma_hits = [t for t in tokens if t.lemma_ in lexicon.distress_lemmas]
    if lemma_hits and parse is not None:
        doc = parse(doc)
        lemma_hits = [doc[t.i] for t in lemma_hits]
    for token in lemma_hits:
        (result.negated if parse is not None and is_negated(token) else result.cues).append(token.lemma_)

    if TROUBLE_OPENER.search(spaced_out):  # ちいと困ったことがありまして: what, is still to come
        result.cues = [c for c in result.cues if c not in OPENER_TROUBLE_CUES]
        result.opener = result.opener or not result.cues
    strong = min(len(distinct_cues(result.cues)), 2) * 0.3
    score = 0.55 * p_distress + strong + (0.15 if result.grief else 0.0) + 0.1 * result.intensity
    if result.negated and not result.cues:
        score *= 0.3
    result.distress = max(0.0, min(1.0, score))
    return result


def distinct_cues(cues: list[str]) -> set[str]:
    """The cues, each word once: 心配 found as a lemma inside the phrase 心配で is one cue."""
    found = set(cues)
    return {c for c in found if not any(c != other and c in other for other in found)}


def asks_to_wait(tokens: list) -> bool:
    """待つ asked for (ちょっと待っててな, お待ちください), not told (カタログ まってる よ,
    待っています) nor a word that holds its letters (いまって質問しても)."""
    for i, t in enumerate(tokens):
        if t.lemma_ not in ("待つ", "まつ"):
            continue
        after = [u.text for u in tokens[i + 1 : i + 3]]
        # なんぼ まっても こねし: waited in vain (て + も), not asked for
        told = after[:1] in (["てる"], ["とる"], ["ちょる"]) or (after[:1] == ["て"] and after[1:2] in (["い"], ["いる"], ["おり"], ["おる"], ["も"]))
        if not told:
            return True
    return False


# What DIET may make of a whole name in an unusual script (Marco Silva read as a yes, a name
# in katakana as a call for a person): a message that is a name and nothing else gives it.
FULL_NAME_MISREADINGS = (
    "affirm", "deny", "thank", "goodbye", "bot_challenge", "request_human", "out_of_scope", "nlu_fallback", "greet",
)


QUESTION_MARK = re.compile(r"[?？]")
PAST_MISS = re.compile(r"(?:間に合|まにあ|間にあ)(?:いませんでし|わなかっ|わんかっ|わへんかっ|わねかっ)")
# A need due today or tomorrow (明日の朝までに, 今日中に, 明日なのに, need it by tomorrow): not
# something that happened today (I received a package today).
IMMINENT = re.compile(
    r"(?:明日|あした|あす(?!か)|今日|きょう|本日|今夜|今晩|明朝)[^。.!！?？]{0,10}?"
    r"(?:まで|中|なのに|だのに|やのに|のに|使う|つかう|いる|要る|必要|いります)"
    r"|(?:need|by|for|until)[^.!?]{0,20}(?:tomorrow|today|tonight)"
)

# Readings a late catalog keeps: a handoff's, the status question itself, and details given
# with it (カタログ頼んだのにまだ来ない、中川一郎です answers the question who asked).
LATE_CATALOG_KEPT = (*HANDOFF_INTENTS, "ask_delivery_status", "inform")


def correct_intent(
    intent: str, ranking: list[dict[str, Any]], assessment: Assessment, threshold: float
) -> str:
    """The intent the dialogue should act on, given the assessment."""
    if assessment.gibberish:
        return "nlu_fallback"
    if intent in ("out_of_scope", "nlu_fallback", "greet") and assessment.name_alone:
        return "inform"  # シャルマ アルジュン です。: a name given, not small talk
    if intent == "goodbye" and assessment.name_alone and assessment.introduced:
        return "inform"  # 佐藤 しずと　もうします: a name introduced, no farewell
    if intent == "greet" and assessment.leave_taking and not (assessment.grievance or assessment.person):
        return "goodbye"  # 長々とすみませんでした…お体に気をつけて。ごめんください: the talk ends
    if intent == "bot_challenge" and assessment.person and not assessment.refusal:
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
    if intent == "inform" and assessment.catalog_asked and not assessment.late_catalog:
        return "request_catalog"  # カタログ欲しいっちゃけど 松尾純一、〒812-…: the details come with the request
    if assessment.goods_problem and intent not in HANDOFF_INTENTS:
        return "complain"
    if assessment.distress >= threshold and intent not in HANDOFF_INTENTS:
        return "express_distress"
    if assessment.exception and assessment.asks and intent not in HANDOFF_INTENTS and intent != "nlu_fallback":
        return "request_exception"
    unfounded = not assessment.grievance and not assessment.person
    # No word of a problem is weak evidence against a sure model: the cue lists are standard
    # Japanese, and 頼んだがは羊かんぞ。届いたがは最中やった is a complaint all the same.
    unsure = next((r.get("confidence", 0.0) for r in ranking if r.get("name") == intent), 0.0) < SURE
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
    if intent == "complain" and assessment.person and not assessment.anger and not assessment.goods_problem:
        return "request_human"  # まどぐちの　ひとに　さがしてもらいたか: a person asked for, calmly
    if intent == "request_human" and assessment.anger and not assessment.requests:
        return "complain"  # スタッフの人がとても失礼でした: a person complained of, not asked for
    if intent == "request_human" and assessment.refusal and not assessment.person:
        return _next_calm(ranking)  # 番号は言いたくないです、そちらで調べてください: a refusal to tell
    if intent == "request_human" and not assessment.names_person and not assessment.person:
        # いそがねはんで もういっかい おぐってけへ, 十五人くらい くるさげ: no word of a person, however
        # sure; ずっと待ってるのに届かない: a grievance.
        return "complain" if assessment.grievance else _next_calm(ranking)
    if intent == "complain" and not assessment.grievance and assessment.subject and assessment.asks:
        return _next_calm(ranking)  # 割れやすいお菓子って、梱包はしっかりしてもらえますか: a question
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
    if (
        intent in ("express_distress", "complain") and assessment.about_the_medium and set(assessment.cues) <= NOT_KNOWING_CUES
        and not (assessment.reproach or assessment.anger)
        and assessment.intensity <= 1 and not (assessment.grief or assessment.emphatic or assessment.goods_problem)
    ):
        return "bot_challenge"  # こういうの よぐ わがらねさげ: the chat is new to them, nothing is wrong
    if intent == "complain" and not assessment.anger and not assessment.goods_problem:
        if assessment.late_catalog:
            return "ask_delivery_status"
        if assessment.cues or assessment.grief:
            return "express_distress"
    if (
        intent == "express_distress" and assessment.asks_noshi and set(assessment.cues) <= ASKING_HOW_CUES
        and assessment.intensity <= 1 and not (assessment.grief or assessment.emphatic or assessment.goods_problem)
    ):
        return "ask_gift"  # 熨斗っこは 何色で…わがんねくて: not knowing the custom is a question, not distress
    if intent == "express_distress" and assessment.anger and not (assessment.cues or assessment.grief):
        return "complain"  # 本当にひどい対応です。I'm very angry: anger, nothing of distress
    if intent == "express_distress" and assessment.leaving and len(set(assessment.cues)) <= 1 and not (
        assessment.grief or assessment.intensity or assessment.anger or assessment.goods_problem
    ):
        # 子どもが泣いてるのでまたにします: a reason to stop now, no call for help.
        return _next_calm(ranking)
    if intent == "express_distress" and not assessment.evidence and assessment.catalog_wished:
        return "request_catalog"  # 歳暮を何にしよか頭ひねって…冊子みたいなもんがあったら: a catalog wished for
    if intent == "express_distress" and assessment.hurried and not (assessment.evidence or assessment.imminent):
        # 結婚式の引き菓子をそれで選ぼうと思っとって…ちょっと急いどるっちゃん: in a hurry, not at a
        # loss; the hurry itself is read where it matters (宅配便 for a catalog).
        return _next_calm(ranking)
    if (
        intent == "express_distress" and assessment.waiting and set(assessment.cues) <= NOT_KNOWING_CUES
        and assessment.intensity <= 1 and not (assessment.grief or assessment.emphatic or assessment.goods_problem or assessment.anger)
    ):
        return "affirm"  # ゆうびんばんごう？ちょっとまってよ わからんなった: not known yet, the bot waits
    if intent == "express_distress" and not assessment.evidence and not (
        assessment.goods_problem or assessment.anger or assessment.reproach or assessment.person or assessment.imminent
    ):
        # Sure, but nothing in the message speaks of distress (ひもちするがのほうがえいけんど
        # どれがえいかえ; Hello, I received a package today): the classifier read the voice,
        # not the words. The cues catch 98% of the distress blind writers wrote.
        return _next_calm(ranking)
    if intent == "express_distress" and not assessment.evidence and unsure:
        # Not distressed after all: a goods problem is still an operator's case, and a reproach
        # (この みせ、サービス わるい) a complaint.
        grieved = assessment.goods_problem or assessment.anger or assessment.reproach
        return "complain" if grieved else _next_calm(ranking)
    if intent == "request_exception" and not assessment.requests and (unsure or assessment.accepting):
        return _next_calm(ranking)
    return intent


def _next_calm(ranking: list[dict[str, Any]]) -> str:
    """The best-ranked intent that is neither a handoff nor the fallback."""
    for item in ranking:
        if item.get("name") not in HANDOFF_INTENTS and item.get("name") != "nlu_fallback":
            return item["name"]
    return "nlu_fallback"
