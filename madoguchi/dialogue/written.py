"""Names and addresses as the customer wrote them, without what surrounds them.

- A list that answers everything at once (「①氏名：小林 結衣 ②郵便番号：〒980-0021 ③住所：…
  ④電話番号：…」, 「お名前: …」, 「名前→…」, ・ bullets, one item a line) is read item by
  item: each label's value runs to the next label.
- A name loses the polite tail around it (西川佐知子です〜, 山田花子でございます, 田中やで).
- An address is the part after 住所は / 住所: (the postal code before it is not part of
  it), without the tail (に御座います, です, になります, やで) and without a phone
  number written after it.
"""

from __future__ import annotations

import re

import jaconv

from madoguchi.nlu.spans import GRAMMAR_WORD, NOT_A_NAME_WORD, VERB_END
from madoguchi.text import nfkc
from madoguchi.values import house_alone

# Labels of a detail, in a list or a sentence (the value follows a colon, an arrow or は).
_LABELS = {
    "person_name": r"お届け先の?(?:お?名前|氏名)|お?名前|おなまえ|なまえ|氏名|宛名|あて名",
    "postal_code": r"郵便番号|ゆうびんばんごう",
    "address": r"お届け先の?ご?住所|ご?住所|じゅうしょ",
    "phone": r"(?:お?電話|でんわ)(?:番号)?|携帯(?:番号)?|tel",
}
# A list item begins at the start, after a line break, a space, a 、 or a bullet.
_LABEL = re.compile(
    r"(?:^|(?<=[\s、,。・*●○■□◆◇]))(?:"
    + "|".join(f"(?P<{k}>{v})" for k, v in _LABELS.items())
    + r")\s*(?:[:→⇒=]|は(?!\s*$))\s*",
    re.IGNORECASE,
)
# Numbered items (①, 1., 2)) are item starts like a line break.
_NUMBERED = re.compile(r"[①-⑳❶-❿⑴-⒇]|(?:^|(?<=\s))\d{1,2}[.)](?!\d)")
_ITEM_END = re.compile(r"[\s、,。・]+$")
# A value also ends with its sentence, or where a postal code begins (名前は…です。〒530-…).
_VALUE_END = re.compile(r"[。\n]|(?<=.)(?=〒)")

# Polite tails after a name or an address.
_TAILS = (
    "でございます", "で御座います", "にございます", "に御座います", "と申します", "ともうします", "といいます",
    "と言います", "になります", "ですよ", "です", "どす", "やで", "だよ", "やよ", "と申し候", "と申候", "に候", "で候", "でごわんど", "でごわす", "ごわんど", "ごわす", "じゃっど",
    "でやんす", "でがんす", "でござんす", "でがす",  # 北川 鶴代でやんす (Nagahama, round 2026-12-06c tsuruyo-aital-05)
    # 高橋 節子でお願いいたします; Arjun Thapa desu
    "でよろしくお願いいたします", "でよろしくお願いします", "でお願いいたします", "でお願い致します", "でお願いします",
    "でおねがいします", "でお願い", "でよろしく", "で頼みます", "desu", "Desu", "to moushimasu", "to iimasu",
)  # and po after a space (高橋 エレナ po: Tagalog's polite word)
# A tail written with spaces between its words (渡辺 つね子 で ございます) is one too; after a
# kanji or katakana, a plain or dialect copula (松本 勝たい, 佐藤 花子だべ) is a tail as well.
_TAIL = re.compile(
    r"(?:" + "|".join(r"\s*".join(map(re.escape, t)) for t in _TAILS) + r"|(?<=\s)(?:po|Po)"
    # a copula in katakana after a space (広江 キクエ ジャ, Hachijo: round 2026-12-07t kikue-thoibi-01)
    r"|(?<=\s)(?:ジャ|ダ|デス|ダベ|ダラ|ダヨ|ヤ)"
    # さー with its long mark taken as noise first (宮良 ツルさー, round 2026-12-05zzl)
    r"|(?<=[\u4e00-\u9fff々ァ-ヴ\s])(?:よ|じゃ|だ|や|で|たい|ばい|だべ|だす|だっぺ|だっちゃ|ちゃ|やけん|じゃけん|だがね|さー|さ|やねん|"
    r"やお|だお|やわ|だわ|やに|だじ|だに|ずら))$"  # やに: Ise (round 2026-12-05zzf); だじ, だに, ずら: Shinshu (zzp)
)
# Marks after the tail: です〜, ですー (a long vowel after a kana only: メアリー keeps it), emoji.
_NOISE = re.compile(r"(?:[\s〜~!。、.,♪☆★…]|(?<=[ぁ-ゖ])ー|[\U0001F000-\U0001FAFF\u2600-\u27BF\uFE0F])+$")
# The postal code written before the address under its label (住所は〒060-0042 北海道…).
_CODE_BEFORE = re.compile(r"^[\s、,。]*(?:(?:〒|郵便番号\s*[:は]?)\s*\d{3}[-\s]?\d{4})?[\s、,。]*")
_ASKING = re.compile(r"[?？]|(?:か|かな|かね)$")
_PHONE_AFTER = re.compile(r"[\s、,]*(?:(?:電話|tel|携帯)[^0-9]{0,6})?0\d{1,4}[-\s]?\d{1,4}[-\s]?\d{3,4}\s*$", re.I)


def labelled(text: str) -> dict[str, str]:
    """The details a message gives under labels (氏名：…, 住所は…), by slot name; a value
    runs to the next label. Empty when the message has no labelled detail."""
    norm = nfkc(_NUMBERED.sub("\n", text or ""))
    found = [(m, next(k for k in _LABELS if m.group(k))) for m in _LABEL.finditer(norm)]
    values: dict[str, str] = {}
    for i, (match, slot) in enumerate(found):
        end = found[i + 1][0].start() if i + 1 < len(found) else len(norm)
        value = _ITEM_END.sub("", _VALUE_END.split(norm[match.end():end])[0]).strip()
        if value and slot not in values:
            values[slot] = value
    return values


def strip_tail(text: str) -> str:
    """Text without the polite tail and the marks after it (です〜, と申します。, やで😊)."""
    value = text.strip()
    for _ in range(4):
        before = value
        value = _TAIL.sub("", _NOISE.sub("", value)).strip()
        if value == before:
            break
    return value


# Fillers and a label before a name said by voice (えーと名前は森本さゆりです, name Raj Thapa).
_BEFORE_NAME = re.compile(
    r"^(?:(?:えーっと|えーと|えっと|ええと|あのー|うーん|んー)[、,\s]*|(?:あの|まあ)[、,\s]+)*"
    r"(?:お?名前は|なまえは|(?:お?名前|なまえ|name)(?:\s*[:：]\s*|\s+))?\s*",
    re.IGNORECASE,
)


# What follows a name given (ささきつやこ です, 佐藤と申します): the name ends before it.
COPULAS = ("です", "ですよ", "でした", "でございます", "と申します", "ともうします", "といいます", "でーす")
_COPULA = re.compile(r"\s*(?:" + "|".join(COPULAS) + ")")
_HONORIFIC_END = re.compile(r"[ 　]*(?:さん|様|さま|殿)$")


def name_as_written(name: str | None, text: str = "") -> str | None:
    """The name without the fillers before it and its polite tail; from a labelled list,
    the name item."""
    listed = labelled(text).get("person_name") if text else None
    if listed and _ASKING.search(listed):
        listed = None  # お名前は漢字で書きますか: a question, not the name
    if listed and (house := house_alone(listed)):
        return house  # あて名は鬼籠野集会所でお願いしますでぇ　わたしの名前やのうて: the hall
    # 名前は、畠山 勇三、だス (Akita, round 2026-12-07w kiyo-tsering-01): the comma after the label is none of the name's
    listed = listed.lstrip("、,，。 　") if listed else listed
    value = re.split(r"[、,]|(?=[0-9])", listed)[0] if listed else name
    if not value:
        return value
    value = strip_tail(_BEFORE_NAME.sub("", value.strip()))
    # なまえは ささきつやこ です よろしく おねがいします: a name ends where its copula begins
    value = _COPULA.split(value)[0].strip() or value
    value = _HONORIFIC_END.sub("", value) or value  # 名前は佐々木 恵子さんです: the bot says 様 itself
    found = strip_tail(name.strip()) if name else ""
    found = _HONORIFIC_END.sub("", found) or found
    if found and value != found and value.endswith(found) and value[: -len(found)].rstrip().endswith("の"):
        return found  # 名前は娘の西村 彩花で: whose name it is, before the name
    squeezed = found.replace(" ", "")
    if listed and found and squeezed not in value.replace(" ", "") and squeezed in listed.replace(" ", ""):
        return found  # 名前は母ので、森田 真由美: whose name it is, then the name found after it
    return value or None


def address_as_written(text: str) -> str:
    """The address part of a message: after 住所は / 住所: when it says so, without the
    tail and without a phone written after it."""
    listed = labelled(text).get("address")
    value = listed if listed is not None else nfkc(text or "").strip()
    value = _PHONE_AFTER.sub("", value)
    value = _CODE_BEFORE.sub("", value)
    return strip_tail(_TALK_AFTER.split(value, maxsplit=1)[0])


# A copula that ends the address, then talk after a 、 or 。 (…コーポ三軒茶屋２０３号室 です、部屋の
# 番号まで ちゃんと書かんと届かねえって…: round 2026-12-05zzp shozo-liesel-01).
_TALK_AFTER = re.compile(r"(?<=[0-9号室階F])\s*(?:です|でございます|だ|や|やで|じゃ|だに|ずら)\s*[、。,.!！]\s*(?=\S)")


# A name in Latin letters with its reading in katakana after it, in brackets (Dayanara Cijntje
# (katakana ダヤナラ・ケインチェ), round 2026-12-05zzv sumiyo-dayanara-11): the name is the first.
_LATIN_WITH_READING = re.compile(
    r"^\s*(?P<latin>[A-Z][A-Za-z'-]+(?: [A-Z][A-Za-z'-]+){1,3})\s*[(（]\s*"
    r"(?:(?:in )?(?:katakana|カタカナ|かたかな|reading|yomi|読み|よみ)\s*[:：]?\s*)?[ァ-ヺー・･ 　]+[)）]"
)


def latin_name_with_reading(text: str) -> str | None:
    """The Latin name of a message that gives it with its katakana reading in brackets."""
    match = _LATIN_WITH_READING.match(text or "")
    return match.group("latin") if match else None


# Two words of katakana written alone: a whole name (ソアレス エルメリンダ), unless a word is one of
# answer or grammar (ハイ ソウデス, マダ コナイ, カタログ オクッテ), as the NLU tells them in kana.
KATAKANA_FULL_NAME = re.compile(r"^[ァ-ヺー]{2,8}[ 　・][ァ-ヺー]{2,8}$")


def katakana_full_name(text: str) -> bool:
    """The message is a whole name in katakana, family and given (read as a yes by the classifier)."""
    text = nfkc(text or "").strip()
    words = re.split(r"[ 　・]", jaconv.kata2hira(text))
    return bool(KATAKANA_FULL_NAME.match(text)) and not any(
        NOT_A_NAME_WORD.match(w) or GRAMMAR_WORD.search(w) or VERB_END.search(w) or w.startswith("かたろ") for w in words
    )


def sentence_written(text: str) -> bool:
    """The message is a sentence, not a name: three words or more, one of them a word of grammar
    or a verb's ending (ふねが おそいから はやい ほうで おくって ちょうだい, round 2026-12-07b natsu-teraka-01)."""
    words = [w for w in re.split(r"[ 　、。,.!！?？]+", nfkc(text or "")) if w]
    return len(words) >= 3 and any(GRAMMAR_WORD.search(w) or VERB_END.search(w) for w in words)
