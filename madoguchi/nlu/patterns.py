"""Rule-based finding of order numbers, phone numbers, postal codes and dates.

Customers write these in many shapes (`ａ１２３４５６７`, `A-123-4567`, `090ー1234ー5678`,
`〒1234567`). Each finder works on the width-folded text, returns spans valid on the
original text, and the value in the contract's canonical form.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from madoguchi.nlu import spoken_digits
from madoguchi.text import fold_width

ORDER_ID = "order_id"
PHONE = "phone"
POSTAL_CODE = "postal_code"
DATE = "date"


@dataclass(frozen=True)
class Found:
    """One entity found in a message: character span, canonical value, entity name."""

    entity: str
    start: int
    end: int
    value: str


_SEP = r"[-\s]?"
# The A may be spelled as said (エー1234567: voice input between fares), after a particle or the
# end of a verb (あったあったエー一二三四五六七, round 2026-12-05zzy).
# Or の between its parts, as it is read aloud (Ａの２３４の５６７８, round 2026-12-05zzt).
_ORDER_SEP = r"(?:[-\s]|の)?"
_ORDER_RE = re.compile(
    r"(?:(?<![A-Za-z0-9])[Aa]|(?:(?<=[はがをもでにわたてとよねさ])|(?<![ァ-ヺぁ-ゖー]))(?:エー|エイ|えー|えい))\s?[-の]?\s?(\d(?:"
    + _ORDER_SEP + r"\d){6})(?![0-9])(?!-\d)"
)
# A run of digits with single separators, optionally with +81 in front.
# Groups apart by hyphens, spaces, brackets, dots, slashes or ・ (090.1234.5678, 080/5555/1212),
# or by の, as a number is read aloud and voice input writes it (088の844の1234).
_PHONE_RE = re.compile(
    r"(?<![0-9A-Za-z+])(\+81[-\s]?|0)(\d+(?:[-\s()./・の]{1,2}\d+){0,3})(?![0-9])"
)
# Digits written in kanji, one for one (〇九〇の一二三四…), for phone numbers.
_KANJI_DIGITS = str.maketrans("〇一二三四五六七八九", "0123456789")
# 〒123-4567, 郵便番号は123 4567, 郵便番号505の0041 (as said aloud), postal 7960010
_POSTAL_MARKED_RE = re.compile(
    r"(?:〒|(?:郵便番号|ゆうびんばんごう|郵便|ゆうびん)\s*(?:は|ハ|:|：)?"
    # postal 7960010, zip code: 796-0010 (round 2026-12-07m)
    r"|(?<![A-Za-z])(?i:postal|post|zip)(?i:\s?code)?(?i:\s+is|\s+no\.?)?\s*[:：]?)\s?(\d{3})(?:[-\s]|の)?(\d{4})(?![0-9])(?!-\d)"
)
_POSTAL_BARE_RE = re.compile(r"(?<![0-9-])(\d{3})-(\d{4})(?![0-9])(?!-\d)")
# Three digits and four with a space, alone in the message (014 0027, said by voice).
# 9496101 新潟県南魚沼郡…: seven digits without their hyphen, right before a prefecture.
# 890 0082 鹿児島市紫原…: the same with a space, or before a city of a prefecture's name.
_POSTAL_BEFORE_ADDRESS_RE = re.compile(
    r"(?<![0-9-])(\d{3})[ \u3000]?(\d{4})(?![0-9])[ \u3000、,]*(?=東京都|北海道|京都府|大阪府|[一-龥]{2,3}県|[一-龥]{2,4}市)"
)
_POSTAL_ALONE_RE = re.compile(
    r"^\s*(\d{3})[ \u3000の](\d{4})\s*(?:です|だす|でございます)?[。.]?\s*$"  # 780の8062です: by voice
    # 郵便局で 聞いだっけ 、 ９９８の０２８１ だど (round 2026-12-07n): three and four digits read with の,
    # inside a message too; not a phone's parts (088の844の1234)
    r"|(?<![0-9A-Za-z-])(?<!の)(\d{3})の(\d{4})(?![0-9])(?!の\d)"
)
# 12月20日, 12/20, 20日; not a duration (3日間, 2日以内, 5日後), nor a day no month has.
_MONTH = r"(?:0?[1-9]|1[0-2])"
_DAY = r"(?:0?[1-9]|[12][0-9]|3[01])"  # not 49日 (四十九日, a memorial)
# A year before the month and day: 令和8年, R8., 2026年, 2026/ (the era written out or not).
_YEAR = r"(?:(?:令和|平成|R)\s?(?:元|\d{1,2})\s?(?:年|\.)\s?|(?:20)?\d{2}\s?年\s?|20\d{2}/)"
_DATE_RE = re.compile(
    rf"(?<![0-9/.])(?:{_YEAR}?{_MONTH}\s?月\s?の?\s?{_DAY}\s?日|{_YEAR}?{_MONTH}/{_DAY}(?![0-9/])"
    # くれの 28にち: the day alone, in kanji or as spoken, the year's end before it or not
    rf"|(?:(?:(?<![てで])くれ|暮れ|年末|月末)の?\s?)?{_DAY}\s?(?:日|にち))"  # not 出してくれ　２８日には
    r"(?!間|以内|以上|後|前|ほど|程|くらい|ぐらい|分|目|かん|いない|ご[^ぁ-ゖ]|まえ)"
    # 24.12, 1.12に: a day and month (or month and day) with a dot, nothing of a quantity after it
    rf"|(?<![A-Za-z0-9/.,])(?:{_DAY}\.{_MONTH}|{_MONTH}\.{_DAY})(?=[にまでからのはをがと、。,\s)）]|$)"
)
# 十一月十日, 令和八年十二月二十日: a month and day in kanji numerals.
_KANJI_DATE_RE = re.compile(
    r"(?:(?:令和|平成)[元一二三四五六七八九十]{1,3}年)?"
    r"(?<![〇一二三四五六七八九十])[一二三四五六七八九十]{1,2}月の?[〇一二三四五六七八九十]{1,3}日"  # 十一月の三日 (zzp)
    r"(?!間|以内|以上|後|前|ほど|程|くらい|ぐらい|分|目)"
    # the day of the month alone, from the 10th on (式は十四日やがや), not ten days (十日も, 十四日間)
    r"|(?<![〇一二三四五六七八九十月])(?:二十|三十)?(?:[二三]?十[一二三四五六七八九]?)日"
    r"(?!間|以内|以上|後|前|ほど|程|くらい|ぐらい|分|目|も|ばかり|ばっか|余り|あまり|近く|にもなる|になる)"  # もう十日にもなる
)
# A day named by its distance from today or by its weekday (明日, あさって, 来週の土曜日,
# きんようび, ３日前, ３日まえ, 先月の半ば): a date as the customer wrote it. Not 今日は opening a message nor 今晩は (greetings),
# nor a word that holds one (とうきょう, 明日香, あしたば).
_WEEK = r"(?:(?:再来週|来週|今週|先週|今度|次|さらいしゅう|らいしゅう|こんしゅう|せんしゅう|こんど|つぎ)\s?の?\s?)?"
_RELATIVE_DATE_RE = re.compile(
    # in kanji: not inside a kanji word, nor 明日香 (a name); 今日中 a date as a whole, 大晦日 the 31st (round zzz)
    r"(?<![一-龥々])(?:(?:再来月|来月|今月|先月)の?(?:半ば|なかば|初め|はじめ|始め|頭|終わり|おわり|上旬|中旬|下旬|末)|"
    rf"(?:再来月|来月|今月)末|月末|{_WEEK}[月火水木金土日]曜(?:日)?|(?:今週|来週|再来週)末|(?:本日|今日|明日)(?:中(?![一-龥々])|じゅう)?|明後日|昨日|一昨日|今夜|今晩(?![はわ])|大晦日|(?:先週|先月|来月|今月|再来週|来週|今週)(?!号))(?!香)"
    # 誕生日明後日なのに: after a day's name
    r"|(?<=[^一-龥々]誕生日|[^一-龥々]記念日)(?:今日|明日|明後日)"
    # 社長の葬儀明日だって: after the day's occasion
    r"|(?<=[^一-龥々]葬儀|[^一-龥々]法事|[^一-龥々]法要|[^一-龥々]通夜|[^一-龥々]天気)(?:今日|明日|明後日)"
    # 葬式来週なのに: a week or month after the day's occasion too
    r"|(?<=[^一-龥々]葬儀|[^一-龥々]葬式|[^一-龥々]法事|[^一-龥々]法要|[^一-龥々]通夜)(?:再来週末|来週末|今週末|再来週|来週|今週|来月|今月)(?![一-龥々])"
    # １０日くらい前, 2週間ほど前: a day counted back from today
    r"|(?<![0-9０-９一二三四五六七八九十数月])(?!四十九日)(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3}|数)"
    r"\s?(?:日|週間|か月|ヶ月|カ月|ヵ月)(?:くらい|ぐらい|ほど|程)?(?:前|まえ)(?!後|半)"  # 5 日前: 5 days ago, read
    # in kana: not inside a kana word (とうきょう, あしたば, きょうだい), a particle or kanji after it
    rf"|(?<![ぁ-ゖ])(?:{_WEEK}(?:げつ|か|すい|もく|きん|ど|にち)ようび?|(?:こんしゅう|らいしゅう|さらいしゅう)まつ|きょう|あした|あさって|しあさって|きのう|"
    r"おととい|こんや|せんしゅう|せんげつ|らいげつ|こんげつ)(?![ぁ-ゖ](?<![はのにがもでまかなじや]))"
)
_GREETING_TODAY = re.compile(r"^\s*今日[はハわ](?:[。、!！\s]|$)")  # 今日ハ。大島ノ藤井ダ (round 2026-12-05zzu)
# Sunday, next Saturday, tonight: a day named in English.
# A month in English, whole or cut to three letters (December, Dec., Sept), and a day with its
# ordinal (22nd): the month and its day (January 17, the 22nd of December) are a date. A month
# in French counts too, as French-speaking customers write it among English (20 décembre).
FRENCH_MONTHS = {"janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6,
                 "juillet": 7, "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11,
                 "décembre": 12, "decembre": 12}
ENGLISH_MONTH = (
    r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t|tember)?|oct(?:ober)?"
    rf"|nov(?:ember)?|dec(?:ember)?|{'|'.join(FRENCH_MONTHS)})\.?(?![A-Za-zÀ-ÿ])"
)
ENGLISH_ORDINAL = r"(\d{1,2})(?:st|nd|rd|th)?(?![0-9])"
_LATIN_DATE_RE = re.compile(
    r"(?<![A-Za-z])(?:(?:next|this|coming|last)\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day(?![A-Za-z])"
    r"|(?<![A-Za-z])tonight(?![A-Za-z])"
    # this and its time of day (the wake is this evening: round 2026-12-05zzk); tomorrow morning is
    # tomorrow, as most writers mark it (and 明日の朝 as 明日)
    r"|(?<![A-Za-z])this\s+(?:morning|afternoon|evening)(?![A-Za-z])"
    r"|(?<![A-Za-z])(?:apr[eè]s-demain|aujourd'hui|demain)(?![A-Za-z])"  # in French (round 2026-12-05zzj)
    # in a sentence, may in lower case is a verb (I may 3 boxes)
    rf"|(?<![a-z])(?-i:(?!may))(?:{ENGLISH_MONTH}\s+(?:the\s+)?{ENGLISH_ORDINAL}"
    rf"|{ENGLISH_ORDINAL}\s+(?:of\s+)?{ENGLISH_MONTH})"
    # a day of the month alone, after its article (change delivery date to the 22nd, round 2026-12-05zzi)
    r"|(?<=the )(?:[12]?[1-9]|[123]0|31)(?:st|nd|rd|th)(?![0-9A-Za-z])"
    r"(?!\s+(?:floor|time|anniversary|birthday|box|year|grade|day))",  # not the 49th day, the 3rd floor
    re.IGNORECASE,
)
# 来月１４日の日曜, 12月20日(日): a day and its weekday, one date.
_WEEKDAY_AFTER = re.compile(r"[ 　]?(?:の|（|\()[ 　]?[月火水木金土日](?:曜日?)?[）)]?")

# じゅうにがつはつか, じゅういちがつにじゅうごにち: a month and day as spoken, in kana (voice input).
_KANA_ONES = "いち|に|さん|し|よん|ご|ろく|しち|なな|はち|く|きゅう"
_KANA_MONTH = f"(?:じゅういち|じゅうに|{_KANA_ONES}|じゅう)がつ"
_KANA_DAY = (
    "(?:ついたち|ふつか|みっか|いつか|むいか|なのか|ようか|ここのか|とおか|はつか|(?:(?:に|さん)?じゅう)?よっか"
    f"|(?:(?:に|さん)?じゅう(?:{_KANA_ONES})?|いち|さん|ご|ろく|しち|なな|はち|く|きゅう)に[ちぢ])"  # にぢ: Tohoku speech
)
_KANA_DATE_RE = re.compile(
    rf"(?:{_KANA_MONTH})[ 　]?(?:{_KANA_DAY})(?!かん|いない|いじょう|ご[^ぁ-ゖ]|まえ)"
    # はつかの ほうじ, にじゅうさんにちに: a day alone, in the readings no other word has
    rf"|(?<![ぁ-ゖ])(?:ついたち|はつか)"
    # ほうじは じゅうよっかやさ: a day of the tens after a particle too
    rf"|(?:(?<![ぁ-ゖ])|(?<=[はのにがもをで]))(?:(?:に|さん)?じゅう(?:{_KANA_ONES})?に[ちぢ]|(?:に|さん)?じゅうよっか)"
    r"(?!かん|いない|いじょう|ご[^ぁ-ゖ]|まえ|ほど)"
)
# 来月の十日, らいげつの とおか: a month named from today and a day of it, one date; the year's
# end's day (暮れの二十八日, round 2026-12-05zzy), the new year's (年明けの４日, round 2026-12-07m).
_MONTH_NAMED_DAY_RE = re.compile(
    rf"(?:再来月|来月|今月|先月|さらいげつ|らいげつ|こんげつ|せんげつ|暮れ|年末|年明け|としあけ)[ 　]?の?[ 　]?"
    rf"(?:{_DAY}\s?(?:日|にち)|[一二三四五六七八九十]{{1,3}}日|{_KANA_DAY})(?!間|以内|以上|後|前|かん|まえ)"
)


def find_order_ids(text: str) -> list[Found]:
    """Order numbers: an A and seven digits, any width, case, hyphens or spaces, digits in
    kanji or read out in kana too."""
    return _with_spoken(_order_ids, text)


def _order_ids(text: str) -> list[Found]:
    folded = fold_width(text).translate(_KANJI_DIGITS)  # Ａ二三四五六七八: one for one
    return [
        Found(ORDER_ID, m.start(), m.end(), "A" + re.sub(r"\D", "", m.group(1)))
        for m in _ORDER_RE.finditer(folded)
    ]


MOBILE_PREFIXES = ("050", "060", "070", "080", "090")


def normalize_phone(raw: str) -> str | None:
    """A Japanese phone number as digits only (`+81` becomes a leading 0), or None.

    Mobile and IP numbers (050, 070, 080, 090) have 11 digits, the others 10.
    """
    folded = fold_width(raw.translate(_KANJI_DIGITS)).strip()
    digits = re.sub(r"\D", "", folded)
    if folded.startswith("+81"):
        digits = "0" + digits[2:].lstrip("0")
    if not digits.startswith("0") or digits.startswith("00"):
        return None
    return digits if len(digits) == (11 if digits.startswith(MOBILE_PREFIXES) else 10) else None


def find_phones(text: str, taken: list[Found] = ()) -> list[Found]:
    """Japanese phone numbers (10 or 11 digits from a leading 0 or +81), digits in any
    width, in kanji or read out in kana."""
    return _with_spoken(_phones, text, taken)


def _phones(text: str, taken: list[Found] = ()) -> list[Found]:
    folded = fold_width(text.translate(_KANJI_DIGITS))
    found = []
    for m in _PHONE_RE.finditer(folded):
        # A run may join a phone and what follows it (`090-1234-5678 123-4567`):
        # try it whole, then without its last groups.
        run = m.group(0)
        cuts = [g.start() for g in re.finditer(r"[-\s()./・]+(?=\d)", run)][::-1]
        for end in (len(run), *cuts):
            start, stop = m.start(), m.start() + len(run[:end].rstrip("-( )./・"))
            value = normalize_phone(run[:end])
            if value and not _overlaps(start, stop, taken):
                found.append(Found(PHONE, start, stop, value))
                break
    return found


def normalize_postal_code(raw: str) -> str | None:
    """A postal code as `123-4567`, from any width and hyphen form, or None."""
    digits = re.sub(r"\D", "", fold_width(raw.translate(_KANJI_DIGITS)).replace("〒", ""))
    if len(digits) != 7:
        return None
    return f"{digits[:3]}-{digits[3:]}"


def find_postal_codes(text: str, taken: list[Found] = (), bare: bool = True) -> list[Found]:
    """Postal codes: `〒` or 郵便番号 before seven digits, or (with `bare`) a bare `123-4567`
    or `123 4567` alone in the message; digits in any width, in kanji (〒九二〇-〇八六五) or
    read out in kana."""
    return _with_spoken(_postal_codes, text, taken, bare=bare)


def _postal_codes(text: str, taken: list[Found] = (), bare: bool = True) -> list[Found]:
    folded = fold_width(text.translate(_KANJI_DIGITS))
    found: list[Found] = []
    every = (_POSTAL_MARKED_RE, _POSTAL_BARE_RE, _POSTAL_BEFORE_ADDRESS_RE, _POSTAL_ALONE_RE)
    for regex in every if bare else (_POSTAL_MARKED_RE,):
        for m in regex.finditer(folded):
            if _overlaps(m.start(), m.end(), [*taken, *found]):
                continue
            first, last = (1, 2) if m.group(1) else (3, 4)
            value = f"{m.group(first)}-{m.group(last)}"
            found.append(Found(POSTAL_CODE, m.start(first), m.end(last), value))
    return sorted(found, key=lambda f: f.start)


def find_all(text: str) -> list[Found]:
    """Order numbers, marked postal codes, phones, then bare postal codes; no overlaps.

    A phone comes before a bare `123-4567`, so `045 123-4567` stays a phone number.
    """
    orders = find_order_ids(text)
    marked = find_postal_codes(text, orders, bare=False)
    phones = find_phones(text, [*orders, *marked])
    postal = find_postal_codes(text, [*orders, *phones])
    return sorted([*orders, *postal, *phones], key=lambda f: f.start)


def find_dates(text: str) -> list[Found]:
    """Dates written with digits (`12月20日`, `令和8年12月20日`, `１２/２０`, `20日`), kanji
    numerals (`十二月二十日`), kana as spoken (`じゅうにがつはつか`), or named from today
    (`明日`, `来週の土曜日`), as the customer wrote them."""
    folded = fold_width(text)
    named = [(m.start(), m.end()) for m in _MONTH_NAMED_DAY_RE.finditer(folded)]
    spans = named + [
        (m.start(), m.end()) for m in (*_DATE_RE.finditer(folded), *_KANJI_DATE_RE.finditer(text), *_KANA_DATE_RE.finditer(text))
        if not _overlaps(m.start(), m.end(), named)
    ]
    greeting = _GREETING_TODAY.match(text)
    spans += [
        (m.start(), m.end()) for m in _RELATIVE_DATE_RE.finditer(text)
        if not (greeting and m.start() < greeting.end()) and not _overlaps(m.start(), m.end(), spans)
    ]
    spans += [(m.start(), m.end()) for m in _LATIN_DATE_RE.finditer(text) if not _overlaps(m.start(), m.end(), spans)]
    return [Found(DATE, a, b, text[a:b]) for a, b in _with_weekdays(text, sorted(spans))]


def _with_weekdays(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A day followed by its weekday (来月１４日の日曜, 12月20日(日)) as one span."""
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged:
            weekday = _WEEKDAY_AFTER.match(text, merged[-1][1])
            if weekday and weekday.end() >= end and start >= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(end, weekday.end()))
                continue
        merged.append((start, end))
    for i, (start, end) in enumerate(merged):  # 12月20日(日) where the weekday found no span of its own
        weekday = _WEEKDAY_AFTER.match(text, end)
        if weekday and re.search(r"[（(]", weekday.group()) and weekday.group().rstrip().endswith((")", "）")):
            merged[i] = (start, weekday.end())
    return merged


def _with_spoken(find, text: str, taken: list[Found] = (), **options) -> list[Found]:
    """What `find` finds in the text, then in its numbers read out in kana (spans on the text)."""
    found = find(text, taken, **options) if taken or options else find(text)
    read = spoken_digits.read(text)
    if read is None:
        return found
    for f in find(read.text, **options) if options else find(read.text):
        start, end = read.span(f.start, f.end)
        if not _overlaps(start, end, [*taken, *found]):
            found.append(Found(f.entity, start, end, f.value))
    return sorted(found, key=lambda f: f.start)


def _overlaps(start: int, end: int, others) -> bool:
    """Whether [start, end) meets any of `others` (Found, or (start, end) pairs)."""
    return any(start < b and a < end for a, b in (o if isinstance(o, tuple) else (o.start, o.end) for o in others))
