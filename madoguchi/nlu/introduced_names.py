"""Names a writer introduces themselves with, found by rule: a family name GiNZA found,
opening a clause (宮崎の黒木と申します, もしもし 大内だけど), a name in katakana introduced
(はじめまして、クワメといいます; hello 😊 ブルーナです), a family name in hiragana introduced
(はまぐちと いいます), a Chinese or Korean name introduced (陈宝仪です, 저는 박준입니다), a name
in Latin letters introduced in romaji or with an honorific (Kamal desu, Hayashi-san), and a
name to write on the のし (「あびる」と いれて). The spans of
names DIET found are made whole in `madoguchi.nlu.spans`."""

from __future__ import annotations

import re

from madoguchi.nlu.address_spans import KANJI as _KANJI
from madoguchi.nlu.greeting import OPENING
from madoguchi.nlu.spans import (
    CAPITALIZED, ENGLISH_COURTESY, GRAMMAR_WORD, INTRO, INTRODUCING, NOT_A_GIVEN_NAME, NOT_A_NAME_WORD, NOT_FAMILY,
    SHOP_KATAKANA, called_by_what, is_katakana_name,
)

_GIVEN_INTRODUCED = re.compile(rf"[ 　]([{_KANJI}ぁ-ゖァ-ヴー]{{1,4}}?)(?={INTRO})")


def introduced_names(text: str, surnames: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans of the family names (`surnames`: GiNZA's 人名-姓 tokens) a writer introduces
    themselves with, opening a clause (宮崎の黒木と申します, もしもし 大内だけど), with the
    given name written after one (山田 太郎です)."""
    found = []
    for start, end in surnames:
        if start > 0 and text[start - 1] not in " 　、。,.!！?？♪〜~の\n":
            continue
        given = _GIVEN_INTRODUCED.match(text, end)
        if given and not NOT_A_GIVEN_NAME.match(given.group(1)):
            end = given.end()
        if INTRODUCING.match(text, end) or (_ASKED_FOR_BY_NAME.match(text, end) and _NAME_ASKED.search(text, 0, start)):
            found.append((start, end))
    return found


# A person named with an honorific or a title (杉山部長が 3月で やめます, 杉山さんが, round
# 2026-12-05zzf): a family name GiNZA found, not what someone is (醤油屋さん, 大社さん, 仲居さん).
# An honorific after a name: someone the writer speaks of (佐藤さん), not the writer.
HONORIFIC = re.compile(r"[ 　]?(?:さん|様|さま|部長|課長|係長|先生|社長|ちゃん|くん)")
_ROLE = re.compile(r"(?:屋|社|店|館|寺|院|所|局|会)$|^仲居$")


def honoured_names(text: str, surnames: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans of the family names GiNZA found (`surnames`) written with an honorific or a title
    after them (杉山さんが), not inside a longer word of kanji nor what someone is."""
    return [
        (start, end) for start, end in surnames
        if (start == 0 or not re.match(rf"[{_KANJI}]", text[start - 1])) and HONORIFIC.match(text, end)
        and not _ROLE.search(text[start:end]) and not called_by_what(text, start, end)
    ]


# A name in kanji said with いうもん, the と left out (もしもし。檜垣いうもんじゃ): GiNZA does not
# know every family name.
_SAID_WITHOUT_TO = re.compile(
    rf"(?:^|(?<=[ 　、。,.!！]))([{_KANJI}]{{1,4}})(?=(?:いう|言う)(?:もん|もの|者)(?:じゃ|です|だ|や|どす|だす)(?![かが]))"
)
# A family name asked for after the name was talked of (のしの下に名前を入れてもらえるんか。檜垣で
# 頼みたい, round 2026-12-05zzb).
# Or closing the message (のし に 名前 も 入れてもらえるけ  河合 で, round 2026-12-05zzg).
_ASKED_FOR_BY_NAME = re.compile(r"[ 　]*で[ 　]*(?:頼|たの|お願い|おねがい|[。.!！]*$)")
_NAME_ASKED = re.compile(r"名前|なまえ|名入れ|お名前")


# A name in katakana a writer introduces themselves with (はじめまして、クワメといいます).
_KATAKANA_INTRODUCED = re.compile(
    # パティスリーをしているデュボワと申します: after hiragana too
    r"(?:^|(?<=[ 　、。,.!！?？♪〜~ぁ-ゖ]))([ァ-ヴー]{2,10}(?:[・･ 　][ァ-ヴー]{2,10})?)[ 　]*と[ 　]*"
    r"(?:申し(?:上げ)?|もうし(?:あげ)?|言い|いい)ます"  # イルゼと申し上げます (round 2026-12-05zzk)
)
# A name in katakana after where the writer works (ケバブやの メフメット です).
_KATAKANA_OF_A_PLACE = re.compile(
    r"(?:屋|や|店|てん|会社|かいしゃ|社|工房|教室|病院|学校)の[ 　]*([ァ-ヴー]{2,10}(?:[・･ 　][ァ-ヴー]{2,10})?)"
    r"[ 　]*(?:です|と申します|ともうします)(?![かが])"
)
# A family name in hiragana after a greeting and the writer's place (こんにちわ 八丈の
# あさぬまだっちゃ, round 2026-12-05zzf), then a copula and nothing else.
# Or the place in hiragana, a space between the words (こんちわ ひたちの おおぬま だけど, round 2026-12-05zzo).
_KANA_OF_A_PLACE = re.compile(
    rf"(?:[{_KANJI}]{{1,4}}の[ 　]*|[ぁ-ゖ]{{2,5}}の[ 　]+)([ぁ-ゖ]{{2,6}}?)[ 　]*"
    r"(?:です|だっちゃ|だけんじょ|だけんど|だけど|やけど|じゃけど|どす|だす)[ 　。.!！]*"
)
# A name to write on the のし, in 「」 (のしの したには 「あびる」と いれて): not a 表書き.
# カタカナで「ヒナタ」ってしてほしい (round 2026-12-05zzw): with って too.
_NOSHI_NAME = re.compile(r"「([^」「]{1,10})」[ 　]*(?:と|って)[ 　]*(?:いれ|入れ|書い|かい|書き|かき|名入れ|ないれ|して)")
# A name quoted after 名前が (のしに書いてもらった名前が「越知」になっとりました): the name as written;
# not a place's or a group's (宿の名前は「にしかわ」, 「職員一同」, 「陈记菜馆」).
_QUOTED_AFTER_NAME = re.compile(
    r"(?<!宿の|店の|社の|屋の)(?:名前|なまえ|名字|苗字|名入れ)[ 　]*[がはを][ 　]*「([^」「]{1,10}?)(?:様|さま|さん)?」"
)
# A name quoted a few words after the のし's name was talked of (のしの名入れはローマ字でも大丈夫
# ですか？「Horáková」のように; のしの名前…「鈴木 栄」の「栄」を, round 2026-12-05zzc): the first quote
# only, and only a name's shape (a capitalised Latin word, or family and given name in kanji).
_QUOTED_NAME_TALKED_OF = re.compile(
    rf"(?:名入れ|名前|なまえ)[^「」。]{{0,16}}(?:[。？?、][^「」]{{0,20}})?"
    # 「代表取締役 渡部 一郎」: the title before the name is no part of it (round 2026-12-05zzf)
    rf"「(?:(?:代表取締役|代表|取締役|社長|会長|店主|院長|園長|校長|専務|常務)[ 　]*)?"
    rf"({CAPITALIZED}|[{_KANJI}]{{1,4}}[ 　][{_KANJI}]{{1,4}}?)(?:様|さま|さん)?」"
)
_GROUP = re.compile(  # not 渡部 of 渡部 一郎; 「北村総合法律事務所」 (a firm's name for the のし)
    r"(?:一同|店|館|屋|会|社|部|課|病棟|组|馆)$|会社|商店|事務所|事務局|研究所|病院|医院|クリニック|学校|学園|協会|組合|法人"
)
_OMOTEGAKI = re.compile(
    r"御|志|寿|粗品|内祝|お祝|お供|おそなえ|お礼|おれい|歳暮|中元|年賀|偲|感謝|謹呈|松の葉|快気|ごあいさつ|ご挨拶|心ばかり"
)


# A name in katakana after わたしは, then です (わたしは アマラ です; ワタシ ハ カディアトゥ デス, all in
# katakana, round 2026-12-07p).
_KATAKANA_SELF = re.compile(
    r"(?:わたし|私|あたし|ぼく|僕|ワタシ|アタシ|ボク)[ 　]*[はわハワ][ 　]*"
    r"(?:[^。！!？?]{0,20}?[ 　](?=[ァ-ヴー]))?"  # わたし は ミャンマー から きた ザウ です
    r"([ァ-ヴー]{2,10}(?:[・･ 　][ァ-ヴー]{2,10})?)[ 　]*(?:です|でーす|だよ|デス)(?![かがカガ])"
)
# A name in katakana right after a greeting, then です (hello 😊 ブルーナです、はじめまして).
_KATAKANA_GREETED = re.compile(
    r"(?i:hello|hi|hola|oi|olá|ola|こんにちは|こんばんは|はじめまして|どうも)[^ァ-ヴ。？?]{0,6}?"
    r"([ァ-ヴー]{2,10}(?:[・･ 　][ァ-ヴー]{2,10})?)[ 　]*です(?![かが])"
)
# A family name in hiragana introduced (はまぐちと いいます).
_KANA_INTRODUCED = re.compile(r"(?:^|(?<=[ 　、。,.!！]))([ぁ-ゖ]{2,6})[ 　]*と[ 　]*(?:いいます|言います|申します|もうします)")


# A Chinese name introduced, its family name in a form Japanese does not write (陈宝仪です,
# 劉 志明と申します): 陳 only before a character 陳列 and 陳謝 do not hold.
_CHINESE_INTRODUCED = re.compile(
    r"(?:^|(?<=[ 　、。,.!！?？，]))((?:[陈张刘杨赵吴孙郑谢罗许韩冯邓萧苏庄吕蒋钟卢贾劉楊趙吳鄭黃蕭莊蔣鍾盧鄧馮]|陳(?![列謝情]))"
    r"[ 　]?[\u4e00-\u9fff]{1,2})[ 　]*(?:です|と申します|ともうします|といいます)"
)


def chinese_introduced(text: str) -> list[tuple[int, int]]:
    """Spans of Chinese names introduced, their family name in a Chinese form (陈宝仪です)."""
    return [m.span(1) for m in _CHINESE_INTRODUCED.finditer(text)]


# A Korean name introduced: after 저는, 제 이름은 or a greeting (저는 박준입니다), before 라고 합니다 or
# と申します, or in Hangul in brackets after the same name in katakana (パク ジュンです（박준）).
_HANGUL_NAME = r"([가-힣]{2,4}?)"
_KOREAN_INTRODUCED = (
    re.compile(r"(?:저는|제 ?이름은|이름은|わたしは|私は|안녕하세요|こんにちは|はじめまして)[ 　、,]*" + _HANGUL_NAME + r"[ 　]*(?:입니다|이에요|예요|이예요|です)"),
    re.compile(r"(?:^|(?<=[ 　、。,.!！?？]))" + _HANGUL_NAME + r"[ 　]*(?:이?라고[ 　]*(?:합니다|해요|하는데요)|と申します|といいます)"),
    re.compile(r"[ァ-ヴー]{1,8}[ 　・]?[ァ-ヴー]{0,8}[ 　]*(?:です|と申します)?[ 　]*[（(]" + _HANGUL_NAME + r"[）)]"),
)


def korean_introduced(text: str) -> list[tuple[int, int]]:
    """Spans of Korean names introduced in Hangul (저는 박준입니다, 김민지라고 합니다)."""
    return [m.span(1) for regex in _KOREAN_INTRODUCED for m in regex.finditer(text)]


# A name in Latin letters introduced in romaji (hajimemashite. Kamal desu), or named with an
# honorific (the gift for Hayashi-san, round 2026-12-05u); not a job (Operator-san) nor a word
# of romaji after any opening (Kikai desu ka?, Tokyo desu).
_LATIN_INTRODUCED = re.compile(
    r"(?i:hajimemashite|namae wa|namae|watashi wa|boku wa)[ 　,.、。!！]*([A-Z][a-z]{1,15}(?: [A-Z][a-z]{1,15})?)[ 　]+desu\b"
)
# Or as "Eleni here" opening or closing a clause (こんにちは！Eleni here, yia sas; round 2026-12-05zzg).
_LATIN_HERE = re.compile(r"(?:^|(?<=[ 　、。,.!！?？]))([A-Z][a-z]{2,15}(?: [A-Z][a-z]{2,15})?) here(?=[ 　,.!！。、]|$)")
_NOT_SOMEONE = re.compile(
    r"(?i)(?:any|some|every|no)(?:one|body)|nothing|something|who|it|this|that|me|we|they|he|she"
    r"|and|but|so|or|also|now|then|over|right|just|still|from|out|up|in|come|get|stay|live|work|back|all|life|weather"
)
# Or named as who is writing, before where from or a comma (it is Boyana from the pâtisserie;
# I am Uwase, nursing student: round 2026-12-05zzo); not a day, a month or where the writer is from.
_LATIN_WRITING = re.compile(
    r"(?i:this is|it is|it's|i am|i'm)\s+([A-Z][a-z]{2,15}(?: [A-Z][a-z]{2,15})?)(?=\s+from\b|\s*,)"
)
_NOT_A_WRITER = re.compile(
    r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|January|February|March|April|May|June|July|August|September"
    r"|October|November|December|Christmas|New|Japan|Japanese|English|Here|Back|Home|Again|Me|Done|Fine|Busy"
)
# Or with the title the writer goes by (This is Dr. Musa from the university hospital, round 2026-12-05zzk).
_LATIN_TITLED = re.compile(
    r"(?i:this is|my name is|i am|i'm|it's)\s+(?:Dr|Mr|Mrs|Ms|Miss|Prof)\.?\s+([A-Z][a-z]{1,15}(?: [A-Z][a-z]{1,15})?)"
    # or whom a parcel is for (send catalog to hotel, attention Chef Dragan Petrovski: round 2026-12-05zzm)
    r"|(?i:attention|attn\.?|c/o)\s+(?:(?:Chef|Dr|Mr|Mrs|Ms|Miss|Prof)\.?\s+)?([A-Z][a-z]{1,15}(?: [A-Z][a-z]{1,15})?)"
    r"(?![A-Za-z])"
)
_LATIN_HONORIFIC = re.compile(r"(?<![A-Za-z])([A-Z][a-z]{2,15})-(?:san|sama|sensei)\b")
_NOT_NAMED = {"Operator", "Operetaa", "Staff", "Tenin", "Tantou", "Tantousha", "Okyaku", "Oisha", "Onee", "Obaa", "Ojii"}


def latin_introduced(text: str) -> list[tuple[int, int]]:
    """Spans of names in Latin letters introduced in romaji (Kamal desu after hajimemashite) or
    named with an honorific (Hayashi-san)."""
    found = [m.span(1) for m in _LATIN_INTRODUCED.finditer(text)]
    found += [m.span(m.lastindex or 1) for m in _LATIN_TITLED.finditer(text)]
    found += [m.span(1) for m in _LATIN_WRITING.finditer(text)
              if not (_NOT_A_WRITER.match(m.group(1)) or ENGLISH_COURTESY.match(m.group(1)))]
    found += [m.span(1) for m in _LATIN_HERE.finditer(text)
              if not (_NOT_SOMEONE.fullmatch(m.group(1)) or ENGLISH_COURTESY.match(m.group(1)))]
    return found + [m.span(1) for m in _LATIN_HONORIFIC.finditer(text) if m.group(1) not in _NOT_NAMED]


def katakana_introduced(text: str) -> list[tuple[int, int]]:
    """Spans of names in katakana introduced with と申します / といいます, after わたしは or
    after a workplace (ケバブやの メフメット です), of family names in hiragana introduced
    (はまぐちと いいます) or in kanji said with いうもん (檜垣いうもんじゃ), and of a name to
    write on the のし (「あびる」と いれて) or quoted after 名前が."""
    regexes = (_KATAKANA_INTRODUCED, _KATAKANA_SELF, _KATAKANA_OF_A_PLACE, _KATAKANA_GREETED)
    found = [m.span(1) for regex in regexes for m in regex.finditer(text)
             if is_katakana_name(m.group(1)) and not SHOP_KATAKANA.match(m.group(1))]
    found += [m.span(1) for m in _NOSHI_NAME.finditer(text) if not _OMOTEGAKI.search(m.group(1))]
    quoted = dict.fromkeys(
        m.span(1) for regex in (_QUOTED_AFTER_NAME, _QUOTED_NAME_TALKED_OF) for m in regex.finditer(text)
        if not (_OMOTEGAKI.search(m.group(1)) or _GROUP.search(m.group(1)))
    )
    found += list(quoted)
    found += [m.span(1) for m in _SAID_WITHOUT_TO.finditer(text) if not NOT_FAMILY.search(m.group(1))]
    greeted = OPENING.match(text)
    of_a_place = _KANA_OF_A_PLACE.fullmatch(text, greeted.end()) if greeted else None
    if of_a_place and not _not_a_kana_name(of_a_place.group(1)):
        found.append(of_a_place.span(1))
    return found + [m.span(1) for m in _KANA_INTRODUCED.finditer(text) if not _not_a_kana_name(m.group(1))]


def _not_a_kana_name(words: str) -> bool:
    """Words in hiragana that are grammar or a word, no family name (もんだけど)."""
    return bool(NOT_FAMILY.search(words) or NOT_A_NAME_WORD.match(words) or GRAMMAR_WORD.search(words))
