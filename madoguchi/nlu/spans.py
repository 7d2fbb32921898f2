"""Whole names and addresses: spans that DIET finds cut short, made whole by rule.

DIET learns where a name or an address starts well enough, but stops at a space or a
digit it has not seen: 「山田 太郎です」 gives 山田, 「大阪市北区梅田1-2-3 梅田マンション502」 gives
大阪市北区梅田. A name the customer gave is never stored shorter than they wrote it.

- An address starts at a prefecture, or at a city or ward name, and runs over block numbers
  (1-2-3, 1丁目2番3号), then over a building and room written after a space (梅田マンション
  502, 芝ビル7階, 101号室), until punctuation, a particle or a polite ending. Kyoto's
  street directions (河原町通三条上る) are part of it; a building may be written in
  half-width katakana (芝NBFﾀﾜｰ8F).
- A family name found by DIET takes the given name written after it (with or without a
  space) when the name is followed by the end of the message or a name ending (です,
  と申します, 様...).
"""

from __future__ import annotations

import re

import jaconv

PREFECTURES = (
    "北海道|青森県|岩手県|宮城県|秋田県|山形県|福島県|茨城県|栃木県|群馬県|埼玉県|千葉県|東京都|神奈川県|"
    "新潟県|富山県|石川県|福井県|山梨県|長野県|岐阜県|静岡県|愛知県|三重県|滋賀県|京都府|大阪府|兵庫県|"
    "奈良県|和歌山県|鳥取県|島根県|岡山県|広島県|山口県|徳島県|香川県|愛媛県|高知県|福岡県|佐賀県|長崎県|"
    "熊本県|大分県|宮崎県|鹿児島県|沖縄県"
)
_KANJI = r"一-龥々〆ヶヵ"
_HALF_KANA = "ｦ-ﾟ"  # half-width katakana, its long vowel and (semi-)voiced marks
_PLACE = rf"[{_KANJI}ァ-ヴー{_HALF_KANA}]"
_DIRECTION = "上る|下る|東入る|西入る|入る|上ル|下ル|入ル"  # Kyoto: 河原町通三条上る
_NUM = r"[0-9０-９一二三四五六七八九十〇]"
_DASH = r"[-－‐ー−―の之ノ]"
_BLOCK = rf"{_NUM}+(?:丁目|番地?|号|{_DASH})?"
# Start: a prefecture, or a city / ward / town name (2+ letters before 市区町村郡).
_START = rf"(?:{PREFECTURES}|{_PLACE}{{1,6}}[市区郡])"
_WORD = rf"[{_KANJI}ァ-ヴー{_HALF_KANA}A-Za-zＡ-Ｚａ-ｚ・･]"
_HOUSES = ("ビル", "マンション", "ハイツ", "荘", "アパート", "コーポ", "レジデンス", "タワー", "棟", "館", "ハウス",
           "コート", "ヒルズ", "メゾン", "パレス", "プラザ", "団地", "寮", "住宅", "ハイム", "ヴィラ", "カーサ")
_HOUSE = "|".join(dict.fromkeys([*_HOUSES, *(jaconv.z2h(h, kana=True, ascii=False, digit=False) for h in _HOUSES)]))
_ROOM = rf"{_NUM}+(?:号室|号|階|Ｆ|F|ごうしつ|ごう)?"
_NAMED_ROOM = rf"{_NUM}+(?:号室|号|階|Ｆ|F|ごうしつ|ごう)"
# After a space, only a building (a name with a word of buildings in it) or a room: a name
# written after the address (〒… 東京都…1-2-3 高橋美和子) is no part of it.
# A building name may go on in hiragana after its word of buildings (ケアハウスせんごく), and a
# building without such a word counts when a room follows it (グランメール芝辻305号).
_BUILDING = (
    rf"(?:{_WORD}*(?:{_HOUSE})[{_WORD[1:-1]}ぁ-ゖ]*(?:[ 　]?{_ROOM})?|{_WORD}+{_NAMED_ROOM}|{_ROOM})"
)
ADDRESS = re.compile(
    rf"{_START}(?:{_PLACE}|{_BLOCK}|{_DIRECTION})*{_BLOCK}(?:[ 　]?{_BUILDING}(?:[ 　]{_ROOM})?)?"
)
_NAME_TAIL = re.compile(
    rf"[ 　]?([{_KANJI}ァ-ヴーぁ-ゖ]{{1,5}}?)(?=(?:です|でございます|と申します|といいます|と言います|様|さま|さん|に|宛|で|、|。|！|!|\s*[・･]|\s*$))"
)
# A name ending that leaves no doubt: a hiragana given name before it is part of the name
# (森本さゆりですけど).
_SURE_END = re.compile(r"です|でございます|と申します|といいます|と言います")
# The next word of a name written in katakana words (グエン ヴァン ミン).
_MORE_KATAKANA = re.compile(r"[ 　]([ァ-ヴー]{1,8})(?=[ 　]|です|と申します|、|。|・|\s*$)")
_NOT_A_GIVEN_NAME = re.compile(r"^(?:と|で|は|が|の|に|へ|を|も|から|まで|です|でございます|宛|あて|様|さま|さん|殿)")


def addresses(text: str) -> list[tuple[int, int]]:
    """Spans of the addresses written in `text`, building and room included."""
    spans = []
    for match in ADDRESS.finditer(text):
        end = match.end()
        while end > match.start() and text[end - 1] in " 　の":
            end -= 1
        spans.append((match.start(), end))
    return spans


def whole_name_end(text: str, start: int, end: int) -> int:
    """Where the name DIET found at [start, end) really ends (its given name included; a
    name in katakana words, グエン ヴァン ミン, every word of it)."""
    if end - start > 4:
        return end
    if re.fullmatch(r"[ァ-ヴー]+", text[start:end]):
        katakana_end = end
        for _ in range(3):
            more = _MORE_KATAKANA.match(text, katakana_end)
            if not more:
                break
            katakana_end = more.end()
        if katakana_end > end:
            return katakana_end
    tail = _NAME_TAIL.match(text, end)
    if not tail or _NOT_A_GIVEN_NAME.match(tail.group(1)):
        return end
    attached_kana = tail.group(0)[0] not in " 　" and re.fullmatch(r"[ぁ-ゖ]+", tail.group(1))
    if attached_kana and not _SURE_END.match(text, tail.end()):
        return end  # a hiragana run straight after the name is grammar, not a given name
    return tail.end()
