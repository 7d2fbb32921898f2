"""Messages read as a handoff, or not understood, that are something the bot can answer: an
answer to the order verification given before it was asked, a message that only opens the
talk, a grumble that ends in a wait, and a question the classifier missed that still names
its subject. A refusal whose only anger is an irritated "why" is one of them, here and
inside the verification (`angry_beyond_asking_why`)."""

from __future__ import annotations

import re

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import common
from actions.catalog_names import KANJI_FULL_NAME, LATIN_FULL_NAME, english_in
from actions.catalog_postal import postal_code_not_known
from actions.conversation import responses_given
from actions.info import answer_question, earlier_texts
from madoguchi import memorial
from madoguchi.dialogue import verification
from madoguchi.dialogue.anger import angry_beyond_asking_why
from madoguchi.dialogue.leaving import is_leaving
from madoguchi.dialogue.past_grievance import told_as_context
from madoguchi.dialogue.follow_up import topic_of
from madoguchi.dialogue.plain_words import answered_beside, new_to_this, words_not_followed
from madoguchi.dialogue.unknown_words import after_an_answer, few_words_of_their_own
from madoguchi.handoff.reasons import reports_arrival_calmly
from madoguchi.nlu.cues import ASKING_HOW_CUES, NOT_KNOWING_CUES, only_cues_among
from madoguchi.nlu.greeting import LEAVES_FOR_NOW
from madoguchi.nlu.reading import cue_places
from madoguchi.text import nfkc


# The order number, or an order, spoken of (ばんごう… まごが ぱそこんで たのんで くれたけぇ).
NUMBER_OR_ORDER = re.compile(r"番号|番號|ばんごう|ばんご|注文|ちゅうもん|荷物|にもつ|お菓子|おかし|菓子|届|とど")
NUMBER = re.compile(r"番号|番號|ばんごう|ばんご")
# An order asked after (頼んどった菓子どうなっとんの, いつ来っとね).
# もう送ってもらえとるけ: whether it was sent yet.
ORDER_ASKED = re.compile(r"どうなっ|どうなと|どげん|どこ|まだ|いつ|届|とど|来っ|来ん|来な|状況|もう送っ|もうおくっ|発送")


# The readings an answer given before the verification's question is taken for.
HANDED = ("express_distress", "complain")


def verification_answered_early(tracker: Tracker) -> str | None:
    """What an order question says of the verification before it is asked, read as distress
    or a complaint for that alone: "I do not know the number" (ばんごう… わからんのです, with no
    other distress cue) or a refusal (熊野の浜口や、名前言うたらわかるやろ, with no anger beyond
    an irritated why). The verification begins from there (where the number is written, or
    why it is needed, and a person who can find the order); None when it is no such answer."""
    if tracker.active_loop_name or tracker.get_slot("catalog_late"):
        return None
    text, intent = common.latest_text(tracker), common.latest_intent(tracker)
    triage = tracker.latest_message.get("triage") or {}
    # 番号 ナド 言ハヌ。名前デ 調ベレバ 分カル 筈ダ。阿部 ダ。: read as a complaint, then as the name it gives
    if not (intent in HANDED or triage.get("changed_from") in HANDED):
        return None
    rules = common.rules()
    if common.reports_goods(tracker) or reports_arrival_calmly(rules, text):
        return None  # 宛名が…知らん人の名前だがや: a parcel that came, not a number not known
    read = [cue_places(t) for t in [text, *earlier_texts(tracker)[-1:]]]
    reading = verification.reading(text)
    if reading == verification.UNKNOWN and NUMBER.search(read[0]) and any(NUMBER_OR_ORDER.search(t) for t in read):
        return reading if verification.only_not_knowing(triage) and not triage.get("anger") else None
    # 注文番号？そんなもん、そっちで名前で分かるやろ after 今年の分、もう送ってもらえとるけ？: the
    # order asked after in the message before
    refused = "complain" in (intent, triage.get("changed_from"))
    order_asked = any(ORDER_ASKED.search(t) for t in read)
    if reading == verification.REFUSED and refused and NUMBER_OR_ORDER.search(read[0]) and order_asked:
        return None if angry_beyond_asking_why(text) else reading
    return None


# Signs that the message is more than words not followed: it goes to a person for them.
_BEYOND_NOT_FOLLOWING = ("anger", "reproach", "grief", "goods_problem", "imminent", "late_catalog", "exception")


def lost_in_words(tracker: Tracker) -> bool:
    """The bot's words not followed (のし の こと きいて も、むずかしい ことば ばっかり で
    わからへん; ヨク 分カラン。横文字 ガ 多イ。), read as a complaint, distress or not
    understood: no anger, grievance, grief, goods problem, deadline or request beyond the
    rules, and no distress cue but not knowing. The bot offers a person who explains plainly."""
    triage = tracker.latest_message.get("triage") or {}
    return (
        common.latest_intent(tracker) in ("complain", "express_distress", "nlu_fallback")
        and words_not_followed(common.latest_text(tracker))
        and not any(triage.get(sign) for sign in _BEYOND_NOT_FOLLOWING)
        and only_cues_among(
            triage.get("cues") or [], ASKING_HOW_CUES, triage.get("intensity") or 0, bool(triage.get("emphatic"))
        )
    )


def sorry_to_be_new(tracker: Tracker) -> bool:
    """Not used to such things or too old for them, said with an apology (こういうのよくわからん
    くて…年寄りだすけ、ごめんなさいねー), read as distress, a complaint or not understood: no
    problem named, no anger, grief, person, deadline or request beyond the rules, and no distress
    cue but not knowing. The bot asks what the customer came for, taking their time."""
    triage = tracker.latest_message.get("triage") or {}
    return (
        common.latest_intent(tracker) in ("complain", "express_distress", "nlu_fallback")
        and new_to_this(common.latest_text(tracker))
        and not NUMBER_OR_ORDER.search(cue_places(common.latest_text(tracker)))
        and not any(triage.get(sign) for sign in (*_BEYOND_NOT_FOLLOWING, "person"))
        and only_cues_among(triage.get("cues") or [], NOT_KNOWING_CUES, triage.get("intensity") or 0, False)
    )


def only_opens_the_talk(tracker: Tracker) -> bool:
    """A short message that only opens the talk (お問い合わせ致します．, ちょっとお聞きしたいがです,
    すんまへん、ちょっと聞いとくれやす, あの ちょっと きいてもらえんですか), read as a complaint,
    distress, a request beyond the rules, a person (no one named) or nothing: no distress cue,
    anger, grief, goods problem, late catalog, exception or person in it. The bot asks what it
    can do (no misunderstanding counted)."""
    triage = tracker.latest_message.get("triage") or {}
    text = common.latest_text(tracker)
    handed = common.latest_intent(tracker) in ("complain", "express_distress", "nlu_fallback", "request_exception")
    # 少しご相談させてください read as asking for a person, none named (round 2026-12-05m takako-joao-05)
    handed = handed or common.latest_intent(tracker) == "request_human" and consults_no_one(text)
    if handed and EXCUSE_ALONE.fullmatch(nfkc(text)):
        return True  # すいません, written alone to call someone to the counter
    signs = ("cues", "anger", "grief", "goods_problem", "late_catalog", "exception", "intensity", "emphatic")
    return (
        handed
        and bool(triage.get("opener"))
        and not any(triage.get(sign) for sign in signs)
        and not verification.asks_for_person(text)
        and len(nfkc(text).strip()) <= OPENER_LENGTH
    )


def name_alone_read_as_feeling(tracker: Tracker) -> bool:
    """A whole name written alone with no question pending (Ewan Fraser after "anything else?",
    distress 0.66, round 2026-12-07d kumajiro-ewan-04), read as distress or a complaint: the
    message is the name the classifier found, with no cue, anger or grief in it."""
    triage = tracker.latest_message.get("triage") or {}
    text = nfkc(common.latest_text(tracker)).strip().rstrip("。.!！")
    names = [e.get("value") for e in tracker.latest_message.get("entities") or [] if e.get("entity") == "person_name"]
    return (
        not tracker.active_loop_name
        and common.latest_intent(tracker) in ("express_distress", "complain")
        and names == [text]
        and bool(LATIN_FULL_NAME.fullmatch(text) and not english_in(text) or KANJI_FULL_NAME.fullmatch(text))
        and not any(triage.get(sign) for sign in ("cues", "anger", "grief", "goods_problem"))
    )


def leaves_the_catalog_form(tracker: Tracker) -> bool:
    """Inside the catalog form, a message that leaves it (padon, I stop here. またにします) read
    as distress or a complaint for its tone (oh no it's already 7pm, my shift starts 😵, round
    2026-12-05zzg shigeharu-mirlande-20): no grief, anger, goods problem, late catalog or person."""
    triage = tracker.latest_message.get("triage") or {}
    return (
        tracker.active_loop_name == "catalog_form"
        and common.latest_intent(tracker) in ("express_distress", "complain")
        and is_leaving(common.latest_text(tracker))
        and not any(triage.get(sign) for sign in ("grief", "anger", "goods_problem", "late_catalog", "person"))
    )


# A consultation or a question announced (少しご相談させてください, 質問があります), no one named.
_CONSULTS = re.compile(r"(?:ご?相談|質問|お?聞きしたい|お?尋ねしたい|お?伺いしたい)(?:させて|が|し|いたし|あり|ある|です)")
_SOMEONE = re.compile(r"(?i)人|電話|でんわ|店員|担当|スタッフ|オペレ|誰|だれ|どなた|方|ボット|さん|様|真人|person|human|staff|bot|call")


def consults_no_one(text: str) -> bool:
    """The message announces a consultation or a question and names no one to have it with."""
    norm = nfkc(text)
    return bool(_CONSULTS.search(norm)) and not _SOMEONE.search(norm)


# Words that leave the talk for now; not the triage's でした (わかりませんでした) nor its thanks.
CLOSING = re.compile(LEAVES_FOR_NOW)
# Understood, then a word of thanks in a language the bot does not read (わかった。 kyay zu tin
# ba de 🙏, round 2026-12-05x): the talk closes, no second misunderstanding.
THANKS_IN_THEIR_WORDS = re.compile(
    r"\s*(?:わかった|わかりました|分かった|分かりました|了解|りょうかい|ok|okay|はい)[。.、,!！\s]+"
    r"[A-Za-z'][A-Za-z' ]{1,40}[\s.!！]*(?:🙏|😊|🙇|☺|♪)+\s*",
    re.I,
)


def closes_the_talk_calmly(tracker: Tracker) -> bool:
    """A message not understood that closes the talk for now, with nothing wrong or asked in it
    (はいわかりましたまた注文するときよろしくね, round i hiroko-wei-06), or a few words of the
    customer's own language right after an answer: a goodbye, not a second misunderstanding that
    calls a person."""
    triage = tracker.latest_message.get("triage") or {}
    text = nfkc(common.latest_text(tracker))
    signs = ("cues", "anger", "grief", "goods_problem", "late_catalog", "exception", "emphatic", "person")
    # mercé plan, a lèu: their own words of thanks right after an answer (round 2026-12-07c)
    theirs = few_words_of_their_own(text) and after_an_answer(common.event_dicts(tracker))
    return (
        not tracker.active_loop_name
        and bool(CLOSING.search(text) or THANKS_IN_THEIR_WORDS.fullmatch(text) or theirs)
        and not any(triage.get(sign) for sign in signs)
        and not re.search(r"[?？]", text)
        and not verification.asks_for_person(text)
    )


OPENER_LENGTH = 45  # お忙しいところ恐れ入ります。先日お願いしたお歳暮のことで、ご相談がございまして。
# "Excuse me" alone, as one calls someone to the counter (すいません, あの、すみません…).
EXCUSE_ALONE = re.compile(r"\s*(?:あの[ーう〜]*[、,]?\s*)?(?:すいません|すみません|すんません|すんまへん|すまん)[。.!！…\s]*")
# Typing for someone else, said alone (本人に代わって入力しています; 母の代わりに打っています).
ON_BEHALF_ALONE = re.compile(
    r"\s*(?:[^\s、。]{1,8}(?:に|の))?(?:代わって|かわって|代わりに|かわりに|代理で|だいりで)\s*"
    r"(?:入力|にゅうりょく|打って|うって|書いて|かいて|連絡|れんらく)(?:して)?(?:います|いる|おります|る|ます|ん)?(?:です|よ|ね)?[。.!！…\s]*"
)


def types_for_someone(tracker: Tracker) -> bool:
    """The message only says the customer types for someone else (本人に代わって入力しています,
    read as a wish for a person at 0.91): the bot greets and asks what it is about."""
    return bool(ON_BEHALF_ALONE.fullmatch(nfkc(common.latest_text(tracker))))

# A wait that ends the message (…しゃあないな、ちょっと待って).
WAIT_LAST = re.compile(r"(?:待って|まって|待っとって|待ってて|まっとって|お待ちを)(?:ください|くれ|な|ね|や|てな)?[\s。.！!…〜ー]*$")
# A wait asked for anywhere in the message (電話番号…ちょっと待っててくださいね。電話を変えたばっかりで…).
WAIT_ASKED = re.compile(r"(?:ちょっと|少し|すこし|しばらく)(?:待って|まって|待ってて|まってて|待っとって)(?:ください|くださいね|くれ|ね|な)")


def resigned_wait(tracker: Tracker) -> bool:
    """A grumble read as a complaint that ends in a wait (なんでそんなもんいるんよ…しゃあないな、
    ちょっと待って): no anger beyond an irritated why, no goods problem, no person asked for.
    The customer goes to look; the bot waits."""
    text = common.latest_text(tracker)
    # inside a form, a wait asked anywhere while the detail is looked for (round 2026-12-05zzk setsuyo-ilze-20)
    waits = WAIT_LAST.search(nfkc(text)) or tracker.active_loop_name and WAIT_ASKED.search(nfkc(text))
    if common.latest_intent(tracker) != "complain" or not waits:
        return False
    rules = common.rules()
    return not (angry_beyond_asking_why(text) or common.reports_goods(tracker)
                or verification.asks_for_person(text))


# Why, as asked of a detail (電話番号？なんでそんなもんがいるんだい).
WHY = re.compile(r"なんで|何で|なぜ|何故|どうして|(?i:\bwhy\b)")


def phone_why_asked(tracker: Tracker) -> bool:
    """The catalog form asks the phone and the customer asks why it is needed, read as a
    complaint (電話番号？なんでそんなもんがいるんだい, round 2026-12-05zzd ginji-tanvir-18): no
    anger beyond the why, no number, no person asked for. The bot says why, once."""
    text = common.latest_text(tracker)
    return (
        tracker.active_loop_name == "catalog_form"
        and tracker.get_slot("requested_slot") == "phone"
        and common.latest_intent(tracker) in ("complain", "nlu_fallback", "express_distress")
        and WHY.search(nfkc(text)) is not None
        and not angry_beyond_asking_why(text)
        and not verification.asks_for_person(text)
        and not any(e.get("entity") == "phone" for e in tracker.latest_message.get("entities") or [])
        and "utter_catalog_phone_why" not in responses_given(tracker)
    )


# Sweets named: after a memorial was told, what to give those who come.
SWEETS = re.compile(r"菓子|おかし|お返し|おかえし|引き物|ひきもの|配る|くばる")
# A detail of the memorial gift asked after the memorial was told (round 2026-12-05zzd: きいろと しろの
# ほうが おおいがいね; うえには なんて かいてもらったら ええけ; something that can last like 2 weeks).
MEMORIAL_DETAIL = re.compile(
    memorial.NOSHI_DETAIL + r"|日持ち|ひもち|(?<!に)(?:持つ|もつ)"
    r"|(?i:lasts?\s+(?:for|like|long|until|about|\d)|keeps?\s+(?:for|long|fresh))"
)


NUMBER_WHERE = "order_id_where"


def answerable_topic(tracker: Tracker) -> str | None:
    """The question a message the classifier did not read still asks, when it names its
    subject: a gift (のし, 表書き, みずひき), shipping fees, a memorial (女房の一周忌が来月あんだ),
    sweets or a detail of the gift for one told of just before (来てくれた人さ菓子持たせて帰してえ;
    うえには なんて かいてもらったら ええけ), or an order number
    not at hand (電話で頼んだけん、そげんとはもらっとらん: `NUMBER_WHERE`); None with a
    distress cue in it but not knowing."""
    text = common.latest_text(tracker)
    triage = tracker.latest_message.get("triage") or {}
    if (verification.number_not_at_hand(text, (earlier_texts(tracker) or [""])[-1])
            and set(triage.get("cues") or []) <= NOT_KNOWING_CUES and not any(triage.get(s) for s in BEYOND_NOT_KNOWING)):
        return NUMBER_WHERE
    asking_how = only_cues_among(triage.get("cues") or [], ASKING_HOW_CUES, triage.get("intensity") or 0,
                                 bool(triage.get("emphatic")))
    # のしは どうすりゃ いいんだい; お供え. but I don't know Japanese custom: how the gift is done asked,
    # no distress (round 2026-12-05zzh; round 05zzd ginji-tanvir-06, replayed)
    if triage.get("cues") and not (asking_how and (topic_of(text) == "ask_gift" or memorial.is_memorial(text))):
        return None
    topic = topic_of(text)
    if topic:
        return topic
    told = memorial.memorial_context(text, earlier_texts(tracker))
    if memorial.is_memorial(text) or (told and (SWEETS.search(nfkc(text)) or MEMORIAL_DETAIL.search(nfkc(text)))):
        return None if trouble_with_an_order(tracker) else "ask_gift"
    return None


def trouble_with_an_order(tracker: Tracker) -> bool:
    """A memorial message that tells of an order gone wrong or late, with an order question or
    a complaint next in the ranking (三回忌なんだ…まんじゅうを たのんだのに まだ こねえ, round
    2026-12-05n): no gift question, whatever it names."""
    ranking = [r.get("name") for r in tracker.latest_message.get("intent_ranking") or []]
    next_reading = next((name for name in ranking if name != "nlu_fallback"), None)
    return memorial.tells_trouble(common.latest_text(tracker)) and next_reading in ("ask_delivery_status", "complain")


def answer_what_it_names(dispatcher: CollectingDispatcher, tracker: Tracker) -> bool:
    """Answers a message not understood, or read as beyond the shop, for what it still names
    (`answerable_topic`): thanks, where the order number is written, or the question (色は？
    書く言葉は？ after a のし answer). False when it names nothing the bot answers."""
    topic = answerable_topic(tracker)
    if topic == "thank":  # ok understood, terima kasih
        dispatcher.utter_message(response="utter_thank")
    elif topic == NUMBER_WHERE:  # and a person offered to find the order without it
        dispatcher.utter_message(response="utter_order_id_where")
    elif topic:
        answer_question(dispatcher, topic, tracker)
    return topic is not None


# Signs of more than not knowing a detail: any of them, and a person is right.
BEYOND_NOT_KNOWING = ("anger", "grief", "goods_problem", "emphatic", "exception")


def detail_not_known(tracker: Tracker) -> bool:
    """The catalog form's postal code answered with not knowing it, read as distress
    (ゆうびんばんごう？ちょっとまってよ　わからんなった): no distress word but not knowing, no
    other sign. The form takes the address instead, as it does for a calm わかりません."""
    triage = tracker.latest_message.get("triage") or {}
    return (
        tracker.active_loop_name == "catalog_form"
        and common.latest_intent(tracker) == "express_distress"
        and postal_code_not_known(tracker)
        and set(triage.get("cues") or []) <= NOT_KNOWING_CUES
        and not any(triage.get(sign) for sign in BEYOND_NOT_KNOWING)
        and (triage.get("intensity") or 0) < 2
    )


def grievance_as_context(tracker: Tracker) -> bool:
    """A complaint of something that went wrong before, told calmly first as the reason for what
    the customer wants now (前にも電話したんだけどさあ 二回): the bot asks what it can do now."""
    if common.latest_intent(tracker) != "complain" or tracker.active_loop_name or tracker.get_slot("person_offered"):
        return False
    text, rules = common.latest_text(tracker), common.rules()
    goods = common.reports_goods(tracker) or reports_arrival_calmly(rules, text)
    intents = [
        ((e.get("parse_data") or {}).get("intent") or {}).get("name") or ""
        for e in common.event_dicts(tracker) if e.get("event") == "user"
    ][:-1]
    return told_as_context(text, tracker.latest_message.get("triage") or {}, intents, goods)


def asked_something_else(tracker: Tracker) -> bool:
    """The customer says the bot answered another question (I didn't ask about のし!! I asked
    what's inside the sweets), read as a complaint: no word of anger beyond it, no goods problem,
    no person asked for. The bot says sorry for the mix-up, asks again and offers a person."""
    text = common.latest_text(tracker)
    return (
        common.latest_intent(tracker) == "complain" and answered_beside(text)
        and not (tracker.latest_message.get("triage") or {}).get("person")
        and not angry_beyond_asking_why(text)
        and not common.reports_goods(tracker)
    )
