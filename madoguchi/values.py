"""Slot values from free Japanese text: names, shipping method, change kind, dates."""

from __future__ import annotations

import re
from datetime import date, timedelta

from madoguchi.dialogue.leaving import STOP_WORD
from madoguchi.nlu.cues import CHANGE_NAMED
from madoguchi.nlu.patterns import ENGLISH_MONTH, ENGLISH_ORDINAL, FRENCH_MONTHS
from madoguchi.nlu.reading import as_read
from madoguchi.text import nfkc

_NAME_FRAME = re.compile(
    r"^(?:(?:お?名前|おなまえ|なまえ|氏名|宛名|あて名|名義|わたし|私|わたくし|僕|ぼく)(?:は|の名前は|:)?\s*)|"
    r"\s*(?:と(?:申します|もうします|いいます|言います|申し候|申候)|です|でございます|でごわんど|でごわす|ごわんど|ごわす|じゃっど|どす|だよ|やで|さん|様|さま|デス|ト(?:モウ|申)シマス|"
    r"宛てで|宛てに|宛て|宛で|宛に|宛|あてで|あてに|"  # 守安 久美子さん宛てで (round zx)
    r"でがんす|でがす|でやんす|でござんす|だす|"  # くどう みつこ でがんす (Nanbu, round 2026-12-05v)
    # 佐々木 清枝っす, 佐々木 勝男でお願いしやんす (Iwate, round 2026-12-05y); Wang Xiaoling でお願いします
    r"っす|で(?:お願い|おねがい|御願い)(?:します|いたします|致します|しやんす|しやす|しまーす)?|で(?:頼みます|たのみます|頼んます))+"
    r"[。.!！]*$|"
    r"\s+po[。.!！]*$"  # 高橋 エレナ po: Tagalog's polite word, after a space
)
# Plain copulas (山田哲夫だ, 西村房子や, 岡田じゃ; Shinshu 丸山 健一 だじ, round 2026-12-05zzp) end a
# name only after a kanji or a space: the や of あや or the だ of まさだ belong to the name.
_PLAIN_COPULA = re.compile(
    r"(?<=[\u4e00-\u9fff々\s])(?:だ|や|じゃ|だじ|だに|ずら|だら|だべ|だっぺ)(?:お|わ|よ|ね|ぞ)?[。.!！]*$"  # 加藤正やお
)
_NOT_A_NAME = re.compile(r"[0-9@<>{}\[\]/\\?？]")
# English words no name holds (not do, so, an, on, can: Do Van An and Can Yılmaz are names).
_SENTENCE_WORDS = {
    "i", "i'm", "im", "me", "my", "need", "want", "please", "pls", "the", "is", "are", "it", "it's", "you", "your",
    "what", "how", "this", "that", "have", "not", "was", "will", "would", "could", "don't", "dont", "thank",
    "thanks", "hello", "sorry", "ok", "okay", "yes", "no",
    # They wrote my name in katakana for me (round 2026-12-05y): of the name, not the name
    "for", "of", "katakana", "hiragana", "romaji", "name", "wrote", "write", "written", "letters",
}
# Where the name ends when more follows in the same message (大島あかねです、電話は…;
# 佐々木とみ子です ばあちゃんの名前: a polite ending and a space; 西川 ふみ子 おかんの名前な:
# whose name it is, after a space).
# Not the point of a middle initial (Nurhaida S. Abdulla, round 2026-12-07t yukio-nurhaida-19); a note
# in brackets after the name is none of it (ABDULLA NURHAIDA (same like my zairyu card)).
_BREAK = re.compile(
    r"(?:(?<![ 　][A-Z])(?<!^[A-Z])[.．]|[、。,，!！?？\n])+|(?<=です)\s+|(?<=ございます)\s+|(?<=します)\s+|\s+(?=\S*の\s*(?:名前|なまえ|お名前))"
    r"|\s*[(（][^)）]*[)）]\s*$"
)
# Words before the answer, no part of it (分かりました。郵便番号は…: no name, round zzd), or an
# answer that is no name at all.
_FILLER = re.compile(
    r"^(?:はい|ええ|えっと|ええと|あの|あのう|あ|すみません|失礼しました|"
    r"(?:分か|わか)りました|わかった|了解(?:です|しました)?|承知(?:しました|いたしました)|なるほど|ok|オッケー|"
    # a yes or thanks in another language (opo, yes po, salamat! sana umabot po: round 2026-12-05m)
    r"yes|yeah|yep|opo|oo|sim|si|sí|claro|thanks|thank you|salamat|ありがとう(?:ございます)?|どうも)(?:\s+po)?$",
    re.IGNORECASE,
)
# A word that leads into the answer (じゃあ Wang Xiaoling でお願いします, round zzg): no name.
_LEAD = re.compile(r"^(?:じゃあ|じゃ|それじゃあ|それじゃ|それでは|では|ほんなら|ほな|えっと|ええと)[\s、,]+")
# The label of another detail, before its number (電話は０８８４ ２２ １２３４): no name.
_DETAIL_LABEL = re.compile(
    r"^(?:(?:shop|store|office|home|company|work|my|our)\s+)?(?:phone|number|デンワ(?:バンゴウ)?|お?電話(?:番号)?|でんわ(?:ばんごう)?|携帯(?:番号)?|けいたい|連絡先|tel|ご?住所|ご?じゅうしょ|郵便番号|"
    r"ゆうびんばんごう|〒|番号|ばんごう)\s*(?:は|:)?$",
    re.IGNORECASE,
)


def phone_with_its_label(text: str, phones: list[tuple[int, int]]) -> bool:
    """The message is a phone number and its label only (デンワは　０２５−７６５−４３２１): no other detail."""
    rest = "".join(c for i, c in enumerate(text) if not any(start <= i < end for start, end in phones))
    return bool(phones) and (not rest.strip(" 　、,。") or bool(_DETAIL_LABEL.match(nfkc(rest).strip(" 　、,。"))))


def _name_of(part: str) -> str | None:
    name = part.strip()
    for _ in range(3):
        name = _PLAIN_COPULA.sub("", _NAME_FRAME.sub("", name)).strip(" 、,。")
    name = re.sub(r"\s+", " ", name)
    if not re.search(r"[(（]", name):
        name = name.rstrip(")）").strip()  # ダヤナラ・ケインチェ) of (katakana ダヤナラ・ケインチェ): no bracket
    # 40: Yuldashev Rustam Abdurakhmonovich is 33 letters
    if not name or len(name) > 40 or _NOT_A_NAME.search(name) or _DETAIL_LABEL.match(name):
        return None
    if _SENTENCE_WORDS & set(re.findall(r"[a-z']+", name.lower())):
        return None  # I need it fast bhai (round 2026-12-05u): a sentence, no name
    return name


# An inn, a shop or a firm named before the person, a space between (ほたる庵 中西すみ子).
# And a hall, an office or a school a group receives its post at (鬼籠野集会所, round 2026-12-07u shigeko-raju-01).
_HOUSE_WORDS = (
    r"(?:庵|旅館|民宿|ホテル|ペンション|荘|亭|商店|店|会社|工房|農園|茶園|寺|宿|処"
    r"|集会所|集会場|公民館|会館|公会堂|事務所|事務局|同窓会|自治会|町内会|老人会|婦人会|組合|協会|学校|保育園|幼稚園|寮|教会|神社)"
)
# 民宿はらしま 原島貞江 (round 2026-12-07z sadae-tenzing-01): the kind of house first, its name after it
HOUSE_BEFORE = re.compile(rf"\s*(?:\S{{1,12}}{_HOUSE_WORDS}|(?:民宿|旅館|ホテル|ペンション|株式会社|有限会社)\S{{1,12}})[ 　]+")
# The inn, shop or firm alone as the addressee (ゆきのした和紙工房, round 2026-12-07r yoshie-denise-01:
# 工房の名前で カタログ一冊おくってもらえんけ; 民宿かわせみ); not 近所の店.
HOUSE_ALONE = re.compile(
    r"\s*(?:\S{0,6}(?:名前|なまえ|名義)で\S{0,6}\s+)?"  # 店の名前で頼むべ そば処もりた (round 2026-12-07t sadao-dolgar-01)
    r"(?:(?:あて名|宛名|あてな|宛て名|宛先|あて先)(?:は|を|ですが|、)\s*)?"  # あて名は鬼籠野集会所で (round 2026-12-07u)
    rf"(\S{{1,11}}[^\sの]{_HOUSE_WORDS}|(?:民宿|旅館|ホテル|ペンション|株式会社|有限会社)[ 　]?\S{{1,12}}?"
    r"|[^\s　]{1,6}処[^\s　]{1,8}?)"  # そば処もりた, 甘味処みやび
    r"\s*(?:です|で(?:お願い|おねがい|頼|たの)\S{0,6}|で)?[。.]?\s*"  # 民宿燧荘 で頼みやす (round 2026-12-07s tsune-tomas-01)
    # …わたしの名前やのうて: not the customer's own name
    r"(?:[、,]?\s*\S{0,8}(?:名前|なまえ)(?:や|じゃ|では|で)?(?:のうて|なくて|なく|ない|のう)\S{0,6})?"
)

# The same in English (put the shop name not mine - Chinar Carpets Kobe, round 2026-12-07x
# fumi-bilal-11): the name after a dash, colon or "is" that follows the shop's name asked for.
HOUSE_LATIN = re.compile(
    r"(?i:[^-–:]{0,40}\b(?:shop|store|company|office|business|firm|restaurant|hotel|school|home)(?:'s)?\s+name\b[^-–:]{0,30}?)"
    r"\s*(?:[-–:]|\bis\b)\s*([A-Z][\w&.'’]*(?:\s+[\w&.'’]+){0,5})\s*[.!]?\s*"
)


def house_alone(text: str | None) -> str | None:
    """The inn, shop, hall or firm a message names alone as the addressee, without the
    request or the remark around it (あて名は鬼籠野集会所でお願いしますでぇ: 鬼籠野集会所), or None."""
    house = HOUSE_ALONE.fullmatch(text or "") or HOUSE_LATIN.fullmatch(text or "")
    return house.group(1) if house else None


def clean_person_name(text: str) -> str | None:
    """A person's name from what the customer wrote, or None if it does not look like one.

    The name is the first part of the message that reads as one: a はい before it is
    skipped, a phone number or anything after a 、 or 。 is left out."""
    norm = _NAME_FRAME.sub("", _LEAD.sub("", nfkc(text).strip())).strip(" 、,。")
    for part in _BREAK.split(norm):
        if part.strip() and not _FILLER.match(part.strip()):
            return _name_of(part)
    return None


def shipping_method_from_text(text: str) -> str | None:
    """`parcel` for 宅配便 and the like, `mail` for メール便, else None."""
    t = nfkc(text) + "\n" + as_read(text)  # takkyubin onegai: read in kana
    if re.search(r"宅配|たっきゅ|宅急便|急ぎ|早い方|takk?yu|takuhai", t, re.IGNORECASE):
        return "parcel"
    if re.search(r"メール便|めーる|ポスト|普通|通常", t):
        return "mail"
    return None


def change_kind_from_text(text: str) -> str | None:
    """`cancel`, `address` or `date` from what the customer wants to change, in Japanese,
    English or as read (cancelar: キャンセル)."""
    t = nfkc(text) + "\n" + as_read(text)
    # not はやめに (early), but わしの分はやめにしたい: a part called off
    if re.search(r"キャンセル|きゃんせる|取り?消|とりけし|止め|解約|(?:分|ぶん|方|ほう)はやめに|(?i:\bcancel)|" + STOP_WORD, t):
        return "cancel"
    if re.search(r"住所|届け先|送り先|宛先|あて先|届先|配送先|(?i:\baddress)", t):
        return "address"
    if re.search(r"日付|日にち|お?届け日|日時|到着日|配達日|配送日|発送日|着日|日を|延期|早め|はやめ|(?:届く|とどく|着く|つく)日|"
                 r"(?i:\b(?:delivery\s+)?date\b)", t):
        return "date"
    return None


def asks_to_change(text: str) -> bool:
    """The message asks to change an order's date or address, whatever the classifier read
    (届く日かえたいんだわ, ask_delivery_status 0.67, round 2026-12-05zzy yaichi-firuza-18)."""
    return change_kind_from_text(text) in ("date", "address") and CHANGE_NAMED.search(re.sub(r"\s+", "", nfkc(text))) is not None


_WEEKDAYS = "月火水木金土日"
_KANJI_DIGITS = {"〇": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def kanji_digits(text: str) -> str:
    """十二 -> 12, 二十三 -> 23 (up to 99), digits left alone."""

    def convert(m: re.Match) -> str:
        s = m.group(0)
        if "十" not in s:
            return "".join(str(_KANJI_DIGITS[c]) for c in s)
        tens, _, ones = s.partition("十")
        return str((_KANJI_DIGITS.get(tens, 1) if tens else 1) * 10 + (_KANJI_DIGITS.get(ones, 0) if ones else 0))

    return re.sub(r"[〇一二三四五六七八九十]+", convert, text)


def parse_ja_date(text: str, today: date) -> date | None:
    """A date a customer wrote (12月3日, 12/3, 3日, 明日, 来週の金曜日), else None.

    A month and day without a year is the next such day from today on.
    """
    found = _parsed_date(text, today)
    if found is None and (read := as_read(text)) != text:  # 3 de dezembro, el viernes: read in Japanese
        found = _parsed_date(read, today)
    return found


# Days and weeks written in hiragana (こんど の どようび), read in kanji.
_KANA_DAYS = {
    "さらいしゅう": "再来週", "らいしゅう": "来週", "こんしゅう": "今週", "げつようび": "月曜日", "かようび": "火曜日",
    "すいようび": "水曜日", "もくようび": "木曜日", "きんようび": "金曜日", "どようび": "土曜日", "にちようび": "日曜日",
}
_KANA_DAY = re.compile("|".join(_KANA_DAYS))


def _parsed_date(text: str, today: date) -> date | None:
    t = _english_month(_english_weekday(kanji_digits(nfkc(text)).lower()))
    t = _KANA_DAY.sub(lambda m: _KANA_DAYS[m.group()], re.sub(r"(?<=[ぁ-ゖ])\s+(?=[ぁ-ゖ])", "", t))
    m = re.search(r"(再来月|来月|今月)末|月末", t)
    if m:  # 月末, 来月末: the month's last day
        index = today.month - 1 + {"再来月": 2, "来月": 1}.get(m.group(1) or "", 0)
        return date(today.year + (index + 1) // 12, (index + 1) % 12 + 1, 1) - timedelta(days=1)
    relative = {"今日": 0, "本日": 0, "明日": 1, "あした": 1, "明後日": 2, "あさって": 2, "しあさって": 3,
                "今夜": 0, "今晩": 0, "today": 0, "tonight": 0, "tomorrow": 1, "day after tomorrow": 2,
                "this morning": 0, "this afternoon": 0, "this evening": 0,
                "aujourd'hui": 0, "demain": 1, "après-demain": 2, "apres-demain": 2}
    for word, days in sorted(relative.items(), key=lambda kv: -len(kv[0])):
        if word in t:
            return today + timedelta(days=days)
    m = re.search(r"(再来月|来月|今月|さらいげつ|らいげつ|こんげつ)\s*の?\s*(\d{1,2})\s*(?:日|にち)", t)
    if m:  # 来月14日: the 14th of next month, not of this one
        index = today.month - 1 + {"再来月": 2, "さらいげつ": 2, "来月": 1, "らいげつ": 1}.get(m.group(1), 0)
        return _make_date(today.year + index // 12, index % 12 + 1, int(m.group(2)), today)
    m = re.search(r"(?:(\d{4})\s*[年/-]\s*)?(\d{1,2})\s*[月/]\s*(\d{1,2})\s*日?", t)
    if m:
        year, month, day = m.group(1), int(m.group(2)), int(m.group(3))
        return _make_date(int(year) if year else None, month, day, today)
    if "大晦日" in t or "おおみそか" in t:  # the year's last day (round 2026-12-05zzz)
        return _make_date(None, 12, 31, today)
    m = re.search(r"(?:暮れ|くれ|年末|歳末)\s*の?\s*(\d{1,2})\s*(?:日|にち)", t)
    if m:  # 暮れの二十八日 (round 2026-12-05zzy): December's, not this month's
        return _make_date(None, 12, int(m.group(1)), today)
    m = re.search(r"(\d{1,2})\s*日|(?<![0-9])(\d{1,2})(?:st|nd|rd|th)(?![a-z])", t)  # 20日, the 20th
    if m:
        day = int(m.group(1) or m.group(2))
        candidate = _make_date(None, today.month, day, today, roll_month=True)
        if candidate:
            return candidate
    m = re.search(r"(来週|再来週|今週|先週|この前)?の?\s*([月火水木金土日])曜", t)
    if m:
        week, weekday = m.group(1), _WEEKDAYS.index(m.group(2))
        monday = today - timedelta(days=today.weekday())
        if week == "先週":  # the week before this one's
            return monday - timedelta(days=7 - weekday)
        if week == "この前":  # I ordered last Monday (round 2026-12-05zzm): the latest such day past
            return today - timedelta(days=(today.weekday() - weekday) % 7 or 7)
        if week == "来週":
            return monday + timedelta(days=7 + weekday)
        if week == "再来週":
            return monday + timedelta(days=14 + weekday)
        ahead = (weekday - today.weekday()) % 7
        return today + timedelta(days=ahead or (0 if week == "今週" else 7))
    return None


# Sunday, next Saturday: the weekday in English, read as its kanji (日曜, 来週の土曜).
_ENGLISH_WEEKDAYS = {
    "monday": "月", "tuesday": "火", "wednesday": "水", "thursday": "木", "friday": "金", "saturday": "土", "sunday": "日",
}


def _english_weekday(text: str) -> str:
    text = re.sub(r"(?<![a-z])next\s+(?=(?:mon|tues|wednes|thurs|fri|satur|sun)day)", "来週の", text)
    text = re.sub(r"(?<![a-z])last\s+(?=(?:mon|tues|wednes|thurs|fri|satur|sun)day)", "この前の", text)
    return re.sub(r"(?<![a-z])(?:this\s+|coming\s+)?((?:mon|tues|wednes|thurs|fri|satur|sun)day)(?![a-z])",
                  lambda m: _ENGLISH_WEEKDAYS[m.group(1)] + "曜", text)


_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def _english_month(text: str) -> str:
    """December 22nd, Dec 22, 22nd of December (or 22 décembre): the month and day in English
    or French, as 12月22日."""
    def as_japanese(month: str, day: str) -> str:
        number = FRENCH_MONTHS.get(month) or _MONTHS.index(month[:3]) + 1
        return f"{number}月{int(day)}日"

    month_first = rf"(?<![a-z]){ENGLISH_MONTH}\s+(?:the\s+)?{ENGLISH_ORDINAL}"
    text = re.sub(month_first, lambda m: as_japanese(m.group(1), m.group(2)), text)
    return re.sub(
        rf"(?<![0-9]){ENGLISH_ORDINAL}\s+(?:of\s+)?{ENGLISH_MONTH}", lambda m: as_japanese(m.group(2), m.group(1)), text
    )


def _make_date(year: int | None, month: int, day: int, today: date, roll_month: bool = False) -> date | None:
    try:
        if year:
            return date(year, month, day)
        candidate = date(today.year, month, day)
    except ValueError:
        candidate = None
    if candidate is None or candidate < today:
        if roll_month:
            next_month = date(today.year + (today.month == 12), today.month % 12 + 1, 1)
            try:
                return next_month.replace(day=day)
            except ValueError:
                return None
        return candidate.replace(year=today.year + 1) if candidate else None
    return candidate
