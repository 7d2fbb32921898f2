"""Names written after a label (なまえ ラジ タパ, name: Raj Thapa, 名前は 金 智友です), or in a
shape that is a name by itself: a name in hiragana with a space before a polite ending or a
postal code (たかはし　ふさえ　です), after a greeting with a copula of dialect (もしもし
こんにちは たかはし とよかず だす), a name in katakana words or Latin letters written alone
(ヒガ ディエゴ, Marco Silva). The name is the words after the label, in one script; the rules
for a name's words (`madoguchi.nlu.spans`) tell it from grammar.
"""

from __future__ import annotations

import re

from madoguchi.nlu.address_spans import KANJI as _KANJI
from madoguchi.nlu.foreign_words import ENGLISH_GRAMMAR
from madoguchi.nlu.greeting import OPENING_WORDS
from madoguchi.nlu.spans import (
    CAPITALIZED, CAPITALS_AND_GIVEN, ENGLISH_COURTESY, GRAMMAR_WORD, NAME_LABEL_WORDS, NOT_A_NAME_WORD, NOT_FAMILY, VERB_END,
    is_katakana_name,
)

# A question after the label (名前 かけますか): no name.
_ASKED = re.compile(r"(?:ますか|ですか|ません)$")

# A name's label and a space or colon before it (なまえ ラジ タパ, name: Raj Thapa).
_NAME_LABEL = re.compile(
    rf"(?:^|(?<=[\s、。,.の]))(?:{NAME_LABEL_WORDS}|name(?:[ 　]+is)?)(?:[ 　]*[:：][ 　]*|[ 　]+(?P<wa>は[ 　]+)?)", re.I
)
# A family name in kanji before a name label (のしに濱田って名前入れてほしい, round zzf).
_NAME_BEFORE_LABEL = re.compile(
    rf"(?<![{_KANJI}])(?!何|誰|御)([{_KANJI}]{{1,4}})(?=(?:って|という|っていう)(?:名前|なまえ|お名前))"
)
_NAME_LABEL_WA = re.compile(rf"(?:{NAME_LABEL_WORDS})[ 　]*は[ 　]*")  # …ほしおすなまえは山科美千代どす: anywhere
# A particle of courtesy after a name in Latin letters (Dorji Wangmo la, Lisa Santos po, round
# 2026-12-05zzb).
_LATIN_PARTICLE_TAIL = re.compile(r"(?<=[A-Za-z])[ 　]+(?:la|po|desu|san)$")
# The words of a name in one script, a space between them (four in Latin: Ermelinda da Costa Soares,
# round 2026-12-06e).
_NAME_WORDS = (
    re.compile(r"[A-Za-z][A-Za-z'.-]*(?:[ 　][A-Za-z][A-Za-z'.-]*){0,3}"),
    re.compile(r"[ァ-ヴー]{2,}(?:[ 　・][ァ-ヴー]{2,}){0,2}"),
    re.compile(rf"[{_KANJI}ぁ-ゖ]{{1,6}}(?:[ 　][{_KANJI}ぁ-ゖ]{{1,6}})?"),
)
# English words after a name label: the sentence goes on (the name on it is, my name goes under it).
_ENGLISH_AFTER_LABEL = re.compile(
    rf"(?:^|(?<=[ 　]))(?:{'|'.join(sorted(ENGLISH_GRAMMAR | {'below', 'under', 'above', 'goes', 'should', 'like'}))})"
    r"(?=[ 　]|$)"
)
# A name in Latin letters written alone (Marco Silva, Jorge Fernández).
_LATIN_NAME_ALONE = re.compile(rf"\s*({CAPITALIZED}(?:[ 　]{CAPITALIZED}){{1,2}}|{CAPITALS_AND_GIVEN})\s*[.!。]?\s*")
# A name in Latin letters that opens a message, then po or a comma (Lisa Santos po, phone …).
_LATIN_NAME_FIRST = re.compile(
    rf"\s*({CAPITALIZED}(?:[ 　]{CAPITALIZED}){{1,3}})"  # Marisol Dela Cruz po
    r"(?=[ 　]+po\b|[ 　]*[,、]|[ 　]*で(?:お願い|おねがい|頼|たの|いい|ええ|登録))"
)
# A name in kanji written without a space, then a name's ending (なまえは山科美千代どす): after なまえ は.
_KANJI_NAME_UNSPACED = re.compile(
    rf"[{_KANJI}]{{2,6}}(?=(?:です|どす|だす|と申します|ともうします|でございます|といいます|や|じゃ)(?:[。、！!\s]|$))"
)
# A family name in kanji, a space, a given name, then a name's ending (金 智友です, 五十嵐 とし子、):
# after なまえ は, where a word of kanji alone may begin a question (名前 は 漢字で…).
_KANJI_FULL_NAME = re.compile(
    rf"[{_KANJI}]{{1,4}}[ 　][{_KANJI}ぁ-ゖ]{{1,4}}?"
    r"(?=[ 　]*(?:さん|様|さま)?(?:[ 　]*(?:です|でございます|と申します|ともうします|といいます)|[、。,.]|$"  # 恵子さんです
    # 名前は木村 銀次だ (round 2026-12-05zzd), 名前は西村 和美で (round 2026-12-07p)
    rf"|(?<=[{_KANJI}])(?:だ|じゃ|や|で)(?:[、。,.!！\s]|$)))"
)
# A name in katakana words and nothing else (ヒガ ディエゴ, グエン・ヴァン・ミン です).
# The 様 or さん a learner puts after their own name is no part of it (バトバヤル オユン様です, round zx).
_KATAKANA_NAME_ALONE = re.compile(
    r"\s*([ァ-ヴー]{2,14}(?:[ 　・][ァ-ヴー]{2,14}){1,3})[ 　]*(?:様|さま|さん)?[ 　]*(?:です|デス)?[ 　]*[。.!！]?\s*"
)


# A family name in hiragana closing the message after なまえは (なまえは えぐちで), not a script.
_KANA_NAME_LAST = re.compile(
    r"(?!(?:かんじ|ひらがな|かたかな|ろーまじ|ふりがな|なし|ない|いらん|いらない|いれ|ぬき|おなじ))"
    r"[ぁ-ゖ]{2,6}?(?=[ 　]*(?:で|です|でございます|でおねがいします|で おねがいします)?[ 　。.!！]*$)"
)
# Endings and particles that close a name written in words (ふさえ です, ふさえで, Thapa でいい).
_WORD_TAIL = re.compile(
    rf"(?:です|でございます|と申します|といいます|さん|様|(?<=[{_KANJI}ァ-ヴ])(?:で|や|だ|じゃ|よ))$"
)
# A name written in hiragana with a space, then a polite ending or a postal code.
_KANA_NAME = re.compile(
    r"(?:^|(?<=[。、,.!！\s]))([ぁ-ゖ]{2,5}[ 　][ぁ-ゖ]{2,4})"
    r"(?=[ 　]*(?:です|でございます|と申します|ともうします|といいます|で[ 　]*ごわす)|[、,]?[ 　]*〒)"  # ありむら きぬよ で ごわす
)
# A name in hiragana with a space, after a greeting, then an ending of dialect and nothing
# else (もしもし　こんにちは　たかはし　とよかず　だす, round 2026-12-05zzb): だす ends
# sentences too (あたま まっしろだす), so only a message of the name alone.
_KANA_NAME_GREETED = re.compile(
    rf"(?:{OPENING_WORDS})[ 　]*([ぁ-ゖ]{{2,5}}[ 　][ぁ-ゖ]{{2,4}})[ 　]*(?:だす|どす|っす)[ 　。.!！]*", re.IGNORECASE
)
# What closes a name in hiragana written alone: a polite ending, or one of dialect (たかはし
# ひさよ だす, ささき いわおっす).
_KANA_NAME_END = "です|でございます|と申します|だす|どす|っす|じゃ"  # なまえは こうの とくま じゃ (round 2026-12-05zzs)
# A foreign name, in katakana words or Latin letters, then a polite name ending or a postal
# code (デイビッド・ミラーと申します, David Miller、〒600-…).
_FOREIGN_NAME = re.compile(
    rf"(?:^|(?<=[\s、。,.]))([ァ-ヺー]{{2,10}}[・･ 　][ァ-ヺー]{{2,10}}|{CAPITALIZED}[ 　]{CAPITALIZED})"
    r"(?=[ 　]*(?:です|でございます|と申します|ともうします|といいます)|[、,][ 　]*〒)"
)
# A name in Latin letters, or in katakana words, after a label in Portuguese, Spanish or English
# (meu nome é Bruna Oliveira, a nombre de mi esposa Rosa Huaman, registered as カーター エミリー).
_LATIN_LABELLED = re.compile(
    r"(?i:\b(?:meu nome (?:é|e)|mi nombre es|me llamo|me chamo|em nome d[aeo]"
    r"|a nombre de(?: mi (?:esposa|esposo|marido|"
    r"mujer|mamá|mama|madre|papá|papa|padre|hija|hijo))?|(?:registered|registrad[ao]) (?:as|como|under)|under the name)"
    rf"[ 　]*:?[ 　]*)({CAPITALIZED}(?:[ 　]{CAPITALIZED}){{0,3}}|[ァ-ヴー]{{2,}}(?:[ 　・][ァ-ヴー]{{2,}}){{0,2}})"
)
# A name in Latin letters introduced in Japanese (こんにちは！Bilalです, Olga と申します).
_LATIN_INTRODUCED = re.compile(
    r"(?:^|(?<=[\s、。,.!！]))([A-Z][a-z]{2,}(?:[ 　][A-Z][a-z]{2,}){0,2})"
    r"(?=[ 　]*(?:です|でございます|と申します|ともうします|といいます)(?!か))"
)


# The name as it is to be written in katakana, after one in Latin letters (name is Mbuyi Kalala!
# カタカナやったらカララ ムブイでいいよ, round 2026-12-05zzr): the one to write on the parcel.
_IN_KATAKANA = re.compile(
    r"(?:(?:カタカナ|かたかな|片仮名)(?:やったら|だったら|なら|だと|では|で(?:は|書くと|書いたら|言うと)?)[、,は]?"
    r"|(?i:\bin katakana\b)[,:]?)[ 　]*"  # my name is Dayanara Cijntje, in katakana ダヤナラ・ケインチェ (05zzv)
    r"([ァ-ヺー]{2,10}[・･ 　][ァ-ヺー]{2,10})"
)


def in_katakana(text: str) -> tuple[int, int] | None:
    """The span of a name spelled out in katakana (カタカナなら カララ ムブイ), if one is."""
    match = _IN_KATAKANA.search(text)
    return match.span(1) if match else None


def labelled_names(text: str) -> list[tuple[int, int]]:
    """Spans of names written after a name label (なまえ ラジ タパ) or in hiragana with a
    space before a polite ending (たかはし　ふさえ　です)."""
    found = []
    for label in _NAME_LABEL.finditer(text):
        # After なまえ は, a name in kanji or hiragana may be a question (名前 は 漢字で…): Latin or katakana only.
        for words in _NAME_WORDS[:2] if label.group("wa") else _NAME_WORDS:
            match = words.match(text, label.end())
            if match:
                start, end = match.span()
                tail = _WORD_TAIL.search(text, start, end)
                if tail and tail.start() > start:
                    end = tail.start()
                while end > start and text[end - 1] in " 　・":
                    end -= 1
                particle = _LATIN_PARTICLE_TAIL.search(text, start, end)
                if particle:  # My name is Dorji Wangmo la: la is courtesy, no part of the name
                    end = particle.start()
                stop = re.search(r"[.!?][ 　]", text[start:end])
                if stop:  # my full name TWICE. Why do…: the sentence ends (round 2026-12-05zze)
                    end = start + stop.start()
                end = start + len(text[start:end].rstrip(".!?"))  # My name is Ivana Horvat. (zzh)
                if re.fullmatch(r"[A-Z]{3,}", text[start:end]):
                    break  # a word shouted, no name
                second = re.search(rf"[ 　]([{_KANJI}]+[はがをにでもへ])$", text[start:end])
                if second:  # 名前 村井俊介 配達は12/10で: the next words of the sentence
                    end = start + second.start()
                english = _ENGLISH_AFTER_LABEL.search(text, start, end)
                if english:  # the name on it is not mine; my name Pavel Sokolov and my email (not Do Van An)
                    end = start + len(text[start : english.start()].rstrip(" 　"))
                grammar = any(NOT_A_NAME_WORD.match(w) or GRAMMAR_WORD.search(w) or _ASKED.search(w)  # 名前 かけますか
                              or re.fullmatch(r"[ぁ-ゖ]+", w) and VERB_END.search(w)  # なまえ いれてもらえるべか
                              for w in re.split(r"[ 　・]+", text[start:end]))
                if end > start and not grammar:
                    found.append((start, end))
                break
    if is_kana_full_name(text):  # きむ よんすん, written alone
        words = re.match(rf"\s*([ぁ-ゖ]+[ 　]+[ぁ-ゖ]+?)(?=[ 　]*(?:{_KANA_NAME_END})?[ 　。.!！]*$)", text)
        if words:
            found.append(words.span(1))
    katakana = _KATAKANA_NAME_ALONE.fullmatch(text)  # ヒガ ディエゴ, written alone
    if katakana and is_katakana_name(katakana.group(1)):
        found.append(katakana.span(1))
    alone = _LATIN_NAME_ALONE.fullmatch(text) or _LATIN_NAME_FIRST.match(text)
    if alone and not ENGLISH_COURTESY.match(alone.group(1)):  # Marco Silva, written alone or first
        found.append(alone.span(1))
    for label in _NAME_LABEL_WA.finditer(text):  # なまえは くどう　とくじ, 名前は David Miller です
        # 名前は 金 智友です, なまえは えぐちで (a name in hiragana closing the message)
        for words in (*_NAME_WORDS[:2], _KANJI_FULL_NAME, _KANJI_NAME_UNSPACED, _KANA_NAME_LAST):
            match = words.match(text, label.end())
            if match and match.span() not in found:
                found.append(match.span())
                break
        # …なまえは こうの とくま じゅうしょは おおいたけん…: the name ends where the next label begins
        rest = re.match(r"(?:(?!じゅうしょ|住所|でんわ|電話)[^、。,.!！?？\n])+", text[label.end():])
        if rest and is_kana_full_name(rest.group()):
            words = re.match(r"[ぁ-ゖ]+[ 　]+[ぁ-ゖ]+", rest.group())
            span = (label.end(), label.end() + words.end())
            if span not in found:
                found.append(span)
    for match in (*_FOREIGN_NAME.finditer(text), *_LATIN_INTRODUCED.finditer(text), *_NAME_BEFORE_LABEL.finditer(text),
                  *_LATIN_LABELLED.finditer(text)):
        if match.span(1) not in found and not ENGLISH_COURTESY.match(match.group(1)):
            found.append(match.span(1))
    greeted = _KANA_NAME_GREETED.fullmatch(text)
    words = greeted.group(1).split() if greeted else []
    if words and not (NOT_FAMILY.search(words[0]) or any(NOT_A_NAME_WORD.match(w) for w in words)):
        found.append(greeted.span(1))  # もしもし　こんにちは　たかはし　とよかず　だす
    for match in _KANA_NAME.finditer(text):
        words = match.group(1).split()
        grammar = NOT_FAMILY.search(words[0]) or any(NOT_A_NAME_WORD.match(w) for w in words)
        grammar = grammar or any(VERB_END.search(w) for w in words[1:])  # ケーキ の はこ こない です (round 05zzt)
        if not grammar and match.span(1) not in found:
            found.append(match.span(1))
    return found


def is_kana_full_name(text: str) -> bool:
    """The whole text is a name in hiragana, family and given name with a space (くどう　とくじ),
    a polite ending or one of dialect at most (たかはし ひさよ だす)."""
    match = re.fullmatch(rf"([ぁ-ゖ]{{2,5}})[ 　]+([ぁ-ゖ]{{2,5}}?)[ 　]*(?:{_KANA_NAME_END})?[。.!！]?", text.strip())
    if match is None or match.group(2) in ("です", "どす", "だす", "でした", "ござる", "じゃ"):  # たなか です: a family name alone
        return False
    family, given = match.groups()
    if VERB_END.search(given) or given.endswith("しい"):  # ひとと はなしたいっす, かたろぐ ほしいっす
        return False
    return not NOT_FAMILY.search(family) and not any(
        (NOT_A_NAME_WORD.match(w) and w not in _WORD_AND_FAMILY_NAME) or GRAMMAR_WORD.search(w) for w in (family, given)
    ) and not (family in _WORD_AND_FAMILY_NAME and _said_after_a_word(given))


# Family names that are words too, a name before a given name (ほんま はつよ: 本間, round 2026-12-05f).
_WORD_AND_FAMILY_NAME = frozenset({"ほんま", "ほんだ"})


def _said_after_a_word(given: str) -> bool:
    """What follows ほんま is what one says after "really" (よかった, すごい, だいすき), no given name."""
    endings = ("た", "い", "ね", "な", "わ", "る", "く", "す", "き")
    return bool(NOT_A_NAME_WORD.match(given) or VERB_END.search(given)) or given.endswith(endings)
