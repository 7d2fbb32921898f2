"""Reading a message for what the intent alone misses: distress, goods problems, gibberish.

`assess()` looks at GiNZA's analysis of a message: distress cues by lemma and phrase,
negation from the dependency parse (特に困ってはいません is not distress), intensity
(！！, …), grief words, damaged or wrong goods, and keyboard mash. `HandoffTriage`, the
pipeline component (`madoguchi.rasa.components.triage`), adds the assessment to the parse
(`triage`) and corrects the intent where the assessment is clear
(`corrections.correct_intent`).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any, Callable

import jaconv

from madoguchi.dialogue.hurry import hurry_of
from madoguchi.dialogue.leaving import is_leaving
from madoguchi.dialogue.verification import REFUSED, asks_for_person, reading
from madoguchi.handoff.reasons import COURTESY, LATE, PROMISE_UNKEPT, GoodsCues, goods_reported
from madoguchi.memorial import asks_noshi, asks_the_custom
from madoguchi.nlu.address_spans import addresses
from madoguchi.nlu.cues import (
    ASKED_EXCEPTIONS, BODY, BOT_WORDS, CANCEL_NAMED, CHANGE_NAMED, COURTESIES, DIGIT, EMPHASIS, FAMILY_KATAKANA_GIVEN, FAMILY_NAME_TAG, POLITE_NAME_END,
    FRAGILE, FULL_NAME, HURRY_SAID, SHAME_FEARED,
    INTENSITY, KATAKANA_COPULA, LATIN_BOT_WORDS, LIGHT_VERBS, NAME_LABEL, NAME_SHAPE, NEGATIONS, OPENER_TROUBLE_CUES,
    PEOPLE_COUNTED, PERSON_WORDS, PHONE_ORDER, QUESTIONED, REFUND_ASKED, REQUEST_FORMS, ROOM_NUMBER, STAFF_TOLD_OF, SUBJECT,
    THE_MEDIUM, THE_OTHER_DAY, TRAILING_MARKS, TROUBLE_OPENER, WAIT_VERB, ORDER_ASKED_AFTER, STAFF_GIVEN_TO,
    SCREEN_UNREADABLE, ARRIVED_GLADLY, TIRED_OF_QUESTIONS, UNDECIDED,
)
from madoguchi.nlu.gibberish import is_gibberish
from madoguchi.nlu.greeting import CLOSES_TALK, opens_the_talk
from madoguchi.nlu.patterns import find_all
from madoguchi.nlu.labelled_names import is_kana_full_name
from madoguchi.nlu.spans import ENGLISH_COURTESY
from madoguchi.text import folded, with_hiragana


@dataclass(frozen=True)
class Lexicon:
    """Cue words, from the shop rules (`cues:`)."""

    distress_lemmas: frozenset[str]
    distress_phrases: tuple[str, ...]
    grief: tuple[str, ...]
    goods: GoodsCues = GoodsCues((), (), (), ())
    anger: tuple[str, ...] = ()
    catalog: tuple[str, ...] = ()
    not_arrived: tuple[str, ...] = ()
    exceptions: tuple[str, ...] = ()
    reproach: tuple[str, ...] = ()
    waiting: tuple[str, ...] = ()
    opener: tuple[str, ...] = ()
    hurry: tuple[str, ...] = ()
    no_hurry: tuple[str, ...] = ()

    @classmethod
    def from_cues(cls, cues: dict[str, Any]) -> "Lexicon":
        distress = cues.get("distress", {})
        return cls(
            distress_lemmas=frozenset(distress.get("lemmas", [])),
            # read in a message without its spaces: so are the phrases (don't know what to do)
            distress_phrases=tuple(dict.fromkeys(re.sub(r"\s+", "", folded(p)) for p in distress.get("phrases", []))),
            grief=tuple(folded(w) for w in cues.get("grief", [])),
            goods=GoodsCues.from_cues(cues),
            anger=tuple(folded(w) for w in cues.get("anger", [])),
            catalog=tuple(folded(w) for w in cues.get("catalog", [])),
            not_arrived=tuple(folded(w) for w in cues.get("not_arrived", [])),
            exceptions=tuple(folded(w) for kind in ASKED_EXCEPTIONS for w in cues.get("exceptions", {}).get(kind, [])),
            reproach=tuple(folded(w) for w in cues.get("reproach", [])),
            waiting=tuple(folded(w) for w in cues.get("waiting", [])),
            opener=tuple(folded(w) for w in cues.get("opener", [])),
            hurry=tuple(cues.get("hurry", [])),
            no_hurry=tuple(cues.get("no_hurry", [])),
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
    goods_learned: bool = False  # the learned detector read a goods problem (`rasa.components.goods`)
    gibberish: bool = False
    hurried: bool = False  # ちょっと急いでます: in a hurry, which is no distress
    questioned: bool = False  # 離島扱いになりますか？: a question asked
    asks_noshi: bool = False  # のしやら表書きやら: the のし spoken of
    asks_custom: bool = False  # the のし, or 日本のやり方 after a death told: how such a gift is done
    imminent: bool = False  # 明日の朝までに, 今日中: a need too near for the bot to meet
    about_the_medium: bool = False  # こういうの, 機械, スマホ: the chat or machines spoken of
    requests: bool = False
    anger: bool = False
    late_catalog: bool = False
    order_asked_after: bool = False  # 頼んだ菓子どうなった: what became of an order
    exception: bool = False
    reproach: bool = False
    waiting: bool = False
    goes_to_look: bool = False  # さがしてくる, メール見てみる: the customer goes to look, not just "wait"
    opener: bool = False
    opens_talk: bool = False  # もしもし; おつかれっす: a greeting that opens, no word of closing
    closes_talk: bool = False  # では さようなら; おやすみ: a word that closes the talk
    person: bool = False
    names_person: bool = False
    staff_told_of: bool = False  # スタッフの人が…すぐ切られました: the shop's people told of
    cannot_read: bool = False  # めがねを置いてしもうて、この画面の字がよう見えん: the chat itself is the trouble
    subject: bool = False
    name_alone: bool = False
    full_name_alone: bool = False
    # a whole name with no kana of grammar (新井ルシア, ビラル アハメド; not 明日は 雨かのう)
    full_name_unmistakable: bool = False
    detail: bool = False  # an order number, phone, postal code or room number in it
    promise_unkept: bool = False  # 破損の件で問い合わせをしました…まだ何の連絡もありません
    digits: bool = False
    bot_words: bool = False  # ロボット, 機械, 人間: what a question about the bot names
    leaving: bool = False
    arrived_gladly: bool = False  # Oh! the delivery man is at my door now 😂 届きました!
    tired_of_questions: bool = False  # so many questions 😩 pls stop asking
    undecided: bool = False  # I still dont know what to choose: the sweets not yet chosen
    refusal: bool = False
    changes: bool = False  # 変更, キャンセル, 変えたい: a change named
    cancels: bool = False  # キャンセル, 取り消し: an order called off
    emphatic: bool = False
    asked_twice: bool = False  # ?? and no !!: a question pressed, impatience rather than distress
    lemmas: list[str] = field(default_factory=list)

    @property
    def evidence(self) -> bool:
        """Something in the message itself speaks of distress (one trailing off alone does
        not: 住所は……あら、手帳が見当たりません)."""
        return bool(self.cues or self.grief or self.emphatic or self.intensity >= 2)

    @property
    def grievance(self) -> bool:
        """Something in the message speaks of a problem: anger, reproach, goods, lateness,
        distress, a request for an exception, a promise not kept, or ！！ (one … alone is how many people write)."""
        return (
            self.anger or self.reproach or self.goods_problem or self.late_catalog or self.exception
            or self.promise_unkept or bool(self.cues or self.grief) or self.intensity >= 2 or self.emphatic
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
            "goods_learned": self.goods_learned,
            "gibberish": self.gibberish,
            "requests": self.requests,
            "anger": self.anger,
            "late_catalog": self.late_catalog,
            "exception": self.exception,
            "imminent": self.imminent,
            "waiting": self.waiting,
            "opener": self.opener,
            "opens_talk": self.opens_talk,
            "closes_talk": self.closes_talk,
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
    dictionary_words: Callable[[str], frozenset[str]] | None = None, goods_learned: bool = False, written: str = "",
) -> Assessment:
    """Score a message. `doc` is GiNZA's; `parse(doc)` adds dependencies when a cue needs it;
    `dictionary_words` tells the words Sudachi knows (`is_gibberish`); `goods_learned`, that
    the learned detector read a goods problem where the cues may find none; `written`, the message as
    the customer wrote it, where the cues look too (address also different, read 住所 also different)."""
    norm = folded(text)
    tokens = list(doc) if doc is not None else []
    result = Assessment(lemmas=sorted({t.lemma_ for t in tokens}))
    result.intensity = min(len(INTENSITY.findall(norm)), 2)
    result.emphatic = EMPHASIS.search(norm) is not None
    result.asked_twice = result.emphatic and re.search(r"[！!]{2,}", norm) is None  # You cannot search with my name??
    result.grief = any(w in norm for w in lexicon.grief) or PASSED_AWAY.search(re.sub(r"\s+", "", norm)) is not None
    read = with_hiragana(norm)  # ハコ ツブレテル
    # the box arrived SUNDAY. two days after the event (round 2026-12-07s fumie-ashwin-12): what came came late,
    # no goods problem the detector guessed at
    result.goods_learned = goods_learned and LATE.search(norm) is None and LATE.search(folded(written)) is None
    lemmas = frozenset(t.lemma_ for t in tokens)
    result.goods_problem = result.goods_learned or goods_reported(lexicon.goods, text, lemmas) or (
        bool(written) and written != text and goods_reported(lexicon.goods, written, lemmas)  # round 2026-12-07t kikue-thoibi-16
    )
    result.promise_unkept = PROMISE_UNKEPT.search(re.sub(r"\s+", "", norm)) is not None
    # an address written out counts as a detail too (いせし　ふたみちょう　まつした　１２３４)
    result.detail = bool(find_all(text)) or ROOM_NUMBER.search(text) is not None or bool(addresses(text))
    # 〒八八〇－〇九五一: a detail in kanji digits is no keyboard mash
    result.gibberish = not result.detail and is_gibberish(text, tokens, dictionary_words)
    read_spaceless = with_hiragana(re.sub(r"\s+", "", norm))  # オナジ ニ シテ
    result.requests = bool(REQUEST_FORMS.search(norm) or REQUEST_FORMS.search(read_spaceless))
    spaced_out = re.sub(r"\s+", "", norm)  # どうしたら　いいか　わがんね: words set apart by spaces
    uncourteous = [COURTESY.sub("", t) for t in (spaced_out, read_spaceless)]
    result.anger = any(w in t for t in uncourteous for w in lexicon.anger)
    # ソウリョウ タカスギ。ホンド ト オナジ ニ シテ: read in hiragana and without its spaces too
    # 取引先に送った歳暮: a client's place holds 先に送, no priority asked (round d fusako-yuta-19)
    unplaced = [PLACE_SAKI.sub("", t) for t in (norm, read_spaceless)]
    result.exception = any(w in t for t in unplaced for w in lexicon.exceptions) or (
        REFUND_ASKED.search(norm) is not None
    )
    result.late_catalog = any(w in t for t in (norm, read) for w in lexicon.catalog) and any(
        w in t for t in (norm, read) for w in lexicon.not_arrived  # カタログ タノンダ。マダ コナイ デス
    )
    result.order_asked_after = ORDER_ASKED_AFTER.search(read_spaceless) is not None
    ended = spaced_out + "。"  # 頼んだのに at the end reads like 頼んだのに。
    # 割れやすいお菓子: what may break, nothing broken; こないだ (the other day): nothing that did not come
    unharmed = SHAME_FEARED.sub("", THE_OTHER_DAY.sub("", FRAGILE.sub("", BODY.sub("", ended))))
    result.reproach = any(w in unharmed for w in (*lexicon.reproach, *lexicon.not_arrived))
    result.digits = DIGIT.search(norm) is not None
    result.bot_words = (  # キカイ デスカ
        any(BOT_WORDS.search(t) for t in (spaced_out, with_hiragana(spaced_out))) or LATIN_BOT_WORDS.search(norm) is not None
    )
    result.hurried = HURRY_SAID.search(spaced_out) is not None and hurry_of(text, lexicon.hurry, lexicon.no_hurry) is True
    result.questioned = QUESTIONED.search(spaced_out) is not None
    result.asks_noshi = asks_noshi(norm)  # not みせのしんよう, みせの しんよう without its spaces
    result.asks_custom = asks_the_custom(norm)
    result.imminent = IMMINENT.search(spaced_out) is not None
    result.about_the_medium = THE_MEDIUM.search(spaced_out) is not None
    looked = LOOK_ASKED.sub("", spaced_out)  # どこまで来とるか見てくれん？: asked to look, not to wait
    result.goes_to_look = any(w in looked for w in lexicon.waiting if not WAIT_VERB.search(w))
    result.waiting = result.goes_to_look or (
        any(WAIT_VERB.search(w) and w in spaced_out for w in lexicon.waiting) and asks_to_wait(tokens)
    )
    # 先週から3回問い合わせてるんですが、まだ回答ないです: asked before and never answered, nothing to come
    result.opener = any(w in spaced_out for w in lexicon.opener) and not result.promise_unkept
    result.person = asks_for_person(re.sub(STAFF_GIVEN_TO, "", text or ""))
    result.staff_told_of = STAFF_TOLD_OF.search(spaced_out) is not None
    result.cannot_read = SCREEN_UNREADABLE.search(spaced_out) is not None
    result.arrived_gladly = ARRIVED_GLADLY.search(norm) is not None
    result.tired_of_questions = TIRED_OF_QUESTIONS.search(norm) is not None
    result.undecided = UNDECIDED.search(norm) is not None
    # 十五人くらい来る: people counted; 嫁が電話で頼んだんよ: how it was ordered; no person asked for
    result.names_person = PERSON_WORDS.search(PHONE_ORDER.sub("", PEOPLE_COUNTED.sub("", spaced_out))) is not None
    result.subject = SUBJECT.search(spaced_out) is not None
    # なまえは くどう とくじ, 関口 彩花です♪, スニル ペレラ デス
    bare = KATAKANA_COPULA.sub("です", NAME_LABEL.sub("", TRAILING_MARKS.sub("", norm.strip())))
    as_written = NAME_LABEL.sub("", unicodedata.normalize("NFKC", text or "").strip())  # with its capitals
    # 了解 進めて, 助かった サンキュ; not a Latin name GiNZA takes for a verb (zarmina, round 2026-12-05zzx)
    inflected = any(t.pos_ in ("VERB", "ADJ") and not t.text.isascii() for t in tokens)
    # Rosalinda Gallardo (round 2026-12-07p): a word left in Latin letters, so no sentence in
    # romaji (Yoroshiku Onegaishimasu), whatever the romaji of the other made (ろさりんだ: 去り)
    inflected = inflected and not (as_written.isascii() and any(t.text.isascii() and t.is_alpha for t in tokens))
    result.full_name_alone = (  # Marco Silva, くどう　とくじ; not Thank You
        (any(FULL_NAME.match(t) for t in (as_written, bare)) and not ENGLISH_COURTESY.match(as_written) and not inflected)
        or is_kana_full_name(bare)
        or (FAMILY_KATAKANA_GIVEN.match(as_written) is not None and bool(tokens) and tokens[0].tag_.endswith(FAMILY_NAME_TAG))
    )
    # Zarmina Stanikzai: two words no dictionary has, capitalized as a name is (round 2026-12-05zzx)
    result.gibberish = result.gibberish and not result.full_name_alone
    result.full_name_unmistakable = result.full_name_alone and not re.search(r"[ぁ-ゖ]", POLITE_NAME_END.sub("", as_written))
    result.name_alone = (
        (NAME_SHAPE.match(bare) is not None or is_kana_full_name(bare))
        and not result.subject
        and not COURTESIES.search(jaconv.kata2hira(bare))  # コンニチハ, もしもし こんにちは
    )
    result.leaving = is_leaving(text)
    result.opens_talk = opens_the_talk(norm)
    result.closes_talk = CLOSES_TALK.search(norm) is not None
    result.changes = CHANGE_NAMED.search(spaced_out) is not None
    result.cancels = CANCEL_NAMED.search(with_hiragana(spaced_out).lower()) is not None
    result.refusal = reading(text) == REFUSED

    # ドウシヨウ ドウシヨウ; 間に合いませんでした is a grievance told, not a fear (a reproach cue)
    # ちゅうもんばんごう わからない 😢 (round 2026-12-05u): the number not known, said where it is written
    spaced_read = TASTE_TOO_MUCH.sub("", NUMBER_NOT_KNOWN.sub("", PAST_MISS.sub("", with_hiragana(spaced_out))))
    result.cues = [p for p in lexicon.distress_phrases if p in spaced_read]
    lemma_hits = [t for t in tokens if t.lemma_ in lexicon.distress_lemmas]
    if lemma_hits and parse is not None:
        doc = parse(doc)
        lemma_hits = [doc[t.i] for t in lemma_hits]
    for token in lemma_hits:
        (result.negated if parse is not None and is_negated(token) else result.cues).append(token.lemma_)

    if WEAK_EYES.search(spaced_out):
        result.cues = [c for c in result.cues if c != "弱る"]
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
    待っています, 待ってます〜), not an aside before a question (まって、また同じ質問？) nor a
    word that holds its letters (いまって質問しても)."""
    for i, t in enumerate(tokens):
        if t.lemma_ not in ("待つ", "まつ", "待ち"):  # ちょっとお待ちを: 待ち
            continue
        after = [u.text for u in tokens[i + 1 : i + 3]]
        # なんぼ まっても こねし: waited in vain (て + も), not asked for; お返事お待ちしとりました:
        # the customer's own wait (お待ちする), told
        told = after[:1] in (["てる"], ["とる"], ["とり"], ["ちょる"], ["し"]) or (after[:1] == ["て"] and after[1:2] in (["い"], ["いる"], ["おり"], ["おる"], ["も"], ["ます"], ["まし"]))
        if not told and not ASIDE_BEFORE_QUESTION.match(t.doc.text[t.idx + len(t.text) :]):
            return True
    return False


# The rest of a message after 待っ: a pause, then a question (まって、あなた ロボット？); not one
# question that asks for the wait (ちょっと待ってもらえますか？).
ASIDE_BEFORE_QUESTION = re.compile(r"[^、。,.\s!！?？…]*[、。,.\s!！…]+.*[?？]", re.S)


LOOK_ASKED = re.compile(
    r"(?:見て|みて|調べて|しらべて|探して|さがして)(?:くれ|くだ|下さ|もら|ほし|欲し|ちょうだい)"
    # 英語の家庭教師を探しているのですが (round 2026-12-05n): something sought, no wait asked
    r"|(?:探して|さがして)い?(?:る|ます)(?:の|ん)?(?:ですが|ですけど|だけど|やけど|けど|が)"
)
# A place named with 先 (取引先, 送り先, 届け先): none of its 先 is "first".
PLACE_SAKI = re.compile(r"取引先|とりひきさき|得意先|お得意先|送り先|送付先|届け先|宛先|勤め先|行き先|訪問先|納品先|出荷先")
PAST_MISS = re.compile(r"(?:間に合|まにあ|間にあ)(?:いませんでし|わなかっ|わんかっ|わへんかっ|わねかっ)")
# An order number not known: no distress of itself (the bot says where it is written).
NUMBER_NOT_KNOWN = re.compile(r"(?:番号|ばんごう)(?:が|は|も)?(?:わからな|分からな|わかりませ|分かりませ|知らな|しらな)")
# Eyes grown weak (目が 弱っちょって、こん 画面の…字が よう 見えもはん, round 2026-12-07l): the screen
# cannot be read, no plight of 弱る.
WEAK_EYES = re.compile(r"(?:目|め|眼)(?:が|も)?(?:弱|よわ)")
# A taste too strong to bear (甘ったるうてどうにもならん, round 2026-12-07h teruo-hinewai-14): the sweets', not
# the customer's plight.
TASTE_TOO_MUCH = re.compile(
    # (not から, かた, あま or まず in kana: 法事だから どうにもならん, あまりに どうにもならん are a plight)
    r"(?:甘|辛|しょっぱ|塩辛|苦|酸っぱ|すっぱ|硬|固|不味)[ぁ-ゖ]{0,6}(?:どうにもならん|どうにもならない|どうにもならへん)"
)


# A need too near for the bot to meet (明日の朝までに, 今日中): no plain hurry.
IMMINENT = re.compile(
    r"(?:明日|あした|あす(?!か)|今日|きょう|本日|今夜|今晩|明朝)[^。.!！?？]{0,10}?"
    r"(?:まで|中|なのに|だのに|やのに|のに|使う|つかう|いる|要る|必要|いります|ないと|届かな|とどかな)"
    r"|(?:need|by|for|until)[^.!?]{0,20}(?:tomorrow|today|tonight)"
    r"|(?:締め?切り?|〆切|しめきり)[はがも]?(?:明日|あした|あす|今日|きょう|本日|今夜|今晩)"  # 締切は明日
    # 明日 彼女の両親に初めて挨拶行くんだけど、手土産がまだ届いてない: needed then, not come
    r"|(?:明日|あした|今日|きょう|本日|今夜|今晩)[^。.!！?？]{0,30}?まだ[^。.!！?？]{0,4}?"
    r"(?:届いてな|届いていな|とどいてな|来てな|きてな|届かな|とどかな|届かん|とどかん|来とらん|きとらん)"
)
# A death told in kana (うちの　ひと　せんしゅう　なくなって): なくなって alone is also something lost.
PASSED_AWAY = re.compile(
    r"(?:うちの(?:人|ひと)|主人|しゅじん|夫|おっと|家内|かない|女房|にょうぼう|妻|つま|母|はは|父|ちち|おかあさん|おとうさん|"
    r"ばあちゃん|じいちゃん|ばあさん|じいさん|おふくろ|親父|おやじ|むすこ|息子|むすめ|娘)[がはも]?[^。、]{0,8}?(?:なくなっ|なぐなっ|のうなっ|なくなりま|のうなりま)"
)
