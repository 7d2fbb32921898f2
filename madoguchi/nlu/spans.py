"""Whole names: spans that DIET finds cut short, made whole by rule (addresses: `address_spans`).

DIET learns where a name or an address starts well enough, but stops at a space or a
digit it has not seen: 「山田 太郎です」 gives 山田, 「大阪市北区梅田1-2-3 梅田マンション502」 gives
大阪市北区梅田. A name the customer gave is never stored shorter than they wrote it.

- A name after its label and a space (なまえ ラジ タパ, name Raj Thapa) is the words after
  the label, in one script; a name in hiragana with a space (たかはし　ふさえ) is one when a
  polite name ending or a postal code follows it.
- A family name found by DIET takes the given name written after it (with or without a
  space) when the name is followed by the end of the message or a name ending (です,
  と申します, 様...).

Names a writer introduces themselves with are in `madoguchi.nlu.introduced_names`.
"""

from __future__ import annotations

import re

import jaconv

from madoguchi.nlu.address_spans import HALF_KANA as _HALF_KANA, KANJI as _KANJI
from madoguchi.nlu.greeting import OPENING


_NAME_TAIL = re.compile(
    rf"[ 　]?([{_KANJI}ァ-ヴーぁ-ゖ]{{1,5}}?)(?=(?:です|でございます|と申します|といいます|と言います|様|さま|さん|に|宛|で|、|。|！|!|\s*[・･]|\s*$))"
)
# The rest of a kanji given name cut after its first letter, before an honorific (健 of 健一様).
_GIVEN_REST = re.compile(rf"([{_KANJI}]{{1,2}})(?=様|さま|さん|殿|です|でございます|と申)")
# A given name after a space, then a plain or dialect copula (なかむら　とくじだども, 田中 一郎や).
_SPACED_TAIL = re.compile(
    rf"[ 　]([{_KANJI}ァ-ヴーぁ-ゖ]{{1,5}}?)(?=(?:だ|じゃ|や|どす|だす|だべ|だっちゃ|たい|ばい)(?:ども|けど|よ|ね|べ|で|。|、|\s|$)|(?:だ|じゃ|や)$)"
)
# The rest of a hiragana word cut short, up to a space and a name's ending or the end.
_KANA_WORD_REST = re.compile(r"([ぁ-ゖ]{1,3})(?=[ 　]+(?:で|です|でございます|と申します|ともうします|といいます|や|じゃ|どす|だす)?[ 　。、.!！]*$)")
# A name ending that leaves no doubt: a hiragana given name before it is part of the name
# (森本さゆりですけど).
_SURE_END = re.compile(r"です|でございます|と申します|といいます|と言います")
# The next word of a name written in katakana words (グエン ヴァン ミン).
_DOTTED_KATAKANA = re.compile(r"[ァ-ヴー]+(?:[・･][ァ-ヴー]+)*")
_MORE_KATAKANA = re.compile(r"[ 　]([ァ-ヴー]{1,8})(?=[ 　]|です|と申します|、|。|・|\s*$)")
NOT_A_GIVEN_NAME = re.compile(r"^(?:と|で|は|が|の|に|へ|を|も|から|まで|です|でございます|宛|あて|様|さま|さん|殿)")


def name_end_before_digits(text: str, start: int, end: int) -> int:
    """Where a name found at [start, end) ends before a number (西田 明美 2 of 「1. 名前 西田
    明美 2. 〒…」): a name holds no digit."""
    digit = re.search(r"[0-9０-９]", text[start:end])
    if digit is None:
        return end
    end = start + digit.start()
    while end > start and text[end - 1] in " 　、,.・":
        end -= 1
    return end


def name_end_before_introduction(text: str, start: int, end: int) -> int:
    """Where a name found at [start, end) ends before the と of と申します (藤井 光子と申します),
    before いうもん, or before a copula that closes it (木村 銀次だ)."""
    if end - start > 1 and text[end - 1] == "と" and INTRODUCING.match(text, end - 1):
        return end - 1
    said = _SAID_NAME.search(text, start + 1, end)
    if said:
        return said.start()  # 田中いうもんですが: before いうもん
    copula = _COPULA_LAST.match(text, end - 1, end) if end - start > 2 else None
    return end - 1 if copula and _CLAUSE_END.match(text, end) else end  # 名前は木村 銀次だ (round 2026-12-05zzd)


_SAID_NAME = re.compile(r"(?:と|って)?[ 　]*(?:いう|言う)(?:もん|もの|者)")
# A copula after a name in kanji (木村 銀次だ), and where a clause ends after it.
_COPULA_LAST = re.compile(rf"(?<=[{_KANJI}])[だや]")
_CLAUSE_END = re.compile(r"[ 　。、,.!！?？]|$")


def holds_words(kind: str, value: str) -> bool:
    """A name or an address holds at least one letter (kana, kanji or Latin)."""
    if kind not in ("person_name", "address"):
        return True
    return re.search(rf"[{_KANJI}ぁ-ゖァ-ヴー{_HALF_KANA}A-Za-zＡ-Ｚａ-ｚ]", value or "") is not None


def family_name_start(text: str, start: int, surnames: set[str] | frozenset[str]) -> int:
    """Where the name DIET found at `start` really starts: at the family name written before
    it with a space (越智 of 松山の越智 勇と申します, when DIET found only 勇), if GiNZA
    tags that word a family name (`surnames`); or at the first of two katakana names that open
    the message or follow its label (リサ of リサ サントス, when only サントス was found)."""
    before = re.search(rf"(?:^|(?<=[^{_KANJI}]))([{_KANJI}]{{1,3}})[ 　]$", text[:start])
    if before and before.group(1) in surnames:
        return before.start(1)
    if _KATAKANA_WORD.match(text, start):
        first = _KATAKANA_NAME_BEFORE.search(text[:start])
        if first and not SHOP_KATAKANA.fullmatch(first.group(1)):
            return first.start(1)
    return start


_KATAKANA_WORD = re.compile(r"[ァ-ヴー]{2,}")
# Katakana words of the shop or of greeting that open a message before a name (カタログ サントス).
SHOP_KATAKANA = re.compile(r"カタログ|カタロク|メール|チャット|ライン|ネット|スマホ|パソコン|ギフト|プレゼント|ケーキ|クッキー|"
                            r"サービス|オーケー|オッケー|ハロー|ハイ|サンキュー|ドーモ|コンニチハ|モシモシ")
# The message's start or a name label, then a katakana name and a space or a dot (ビラル アハメド).
_KATAKANA_NAME_BEFORE = re.compile(r"(?:^\s*|(?:名前|なまえ|氏名)(?:は|:|：)\s*)([ァ-ヴー]{2,})[ 　・]$")


def _not_a_given_name(text: str, tail: re.Match) -> bool:
    """A particle or an honorific after the family name, not a given name; one in hiragana that
    only begins like a particle (中村 ももかです, はるか, のぞみ) is a name when it stands after a
    space and before です or と申します (round zz)."""
    given = tail.group(1)
    if not NOT_A_GIVEN_NAME.match(given) or NOT_A_GIVEN_NAME.fullmatch(given):
        return NOT_A_GIVEN_NAME.fullmatch(given) is not None
    spaced = tail.group(0)[0] in " 　"
    return not (spaced and re.fullmatch(r"[ぁ-ゖ]{2,4}", given) and _SURE_END.match(text, tail.end()))


def whole_name_end(text: str, start: int, end: int) -> int:
    """Where the name DIET found at [start, end) really ends (its given name included; a
    name in katakana words, グエン ヴァン ミン or グエン・ティ・アイン・グエット, every word of it)."""
    if re.fullmatch(CAPITALIZED, text[start:end]):  # Olga (Olga Sasaki): every word in Latin letters
        latin = re.match(rf"(?:[ 　]{CAPITALIZED}){{1,2}}", text[end:])
        return end + latin.end() if latin else end
    if re.fullmatch(r"[ァ-ヴー・･]+", text[start:end]):
        dotted = _DOTTED_KATAKANA.match(text, start)
        if dotted and dotted.end() >= end - 1:  # found cut at a ・, or on it
            end = dotted.end()
    if re.fullmatch(r"[ぁ-ゖ]{2,4}", text[start:end]):  # かつ of なまえは かつべ で: the word to its space
        rest = _KANA_WORD_REST.match(text, end)
        if rest and end - start + len(rest.group(1)) <= 6:
            return rest.end(1)
    if re.search(r"[^ぁ-ゖ][ 　]?[ぁ-ゖ]{1,4}$", text[start:end]):  # 山下 ふみ of 山下 ふみの　です
        rest = _KANA_WORD_REST.match(text, end)
        if rest and len(rest.group(1)) <= 2:
            return rest.end(1)
    given = _GIVEN_REST.match(text, end)
    if given and re.search(rf"[ 　][{_KANJI}]$", text[start:end]):  # 佐々木 健 of 佐々木 健一様
        return given.end(1)
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
    tail = _SPACED_TAIL.match(text, end) or _NAME_TAIL.match(text, end)
    if not tail or _not_a_given_name(text, tail):
        return end
    attached_kana = tail.group(0)[0] not in " 　" and re.fullmatch(r"[ぁ-ゖ]+", tail.group(1))
    if attached_kana and not _SURE_END.match(text, tail.end()):
        return end  # a hiragana run straight after the name is grammar, not a given name
    return tail.end()


# What follows a family name the writer introduces themselves with (黒木と申します, 大内だけど,
# 坪田と いうもんやけど, 関口です♪), and a given name written after it with a space.
INTRO = (
    # 檜垣いうもんじゃ: Hiroshima speech leaves out the と (round 2026-12-05zzb)
    r"[ 　]*(?:と[ 　]*(?:申|もうし|言い|いい|いう|言う)|(?:いう|言う)(?:もん|もの|者)|でございます|です|だけど|だけんど|だけども|やけど|やけんど|"
    r"じゃけど|じゃけん|どす|だす|ですけど|っす(?![ぁ-ゖ]))"
)
INTRODUCING = re.compile(INTRO)
# The words that label a name (お名前, なまえ, 氏名), for every reading of a labelled name.
NAME_LABEL_WORDS = "お?名前|おなまえ|なまえ|オナマエ|ナマエ|氏名"
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
# The words of a name in one script, a space between them.
_NAME_WORDS = (
    re.compile(r"[A-Za-z][A-Za-z'.-]*(?:[ 　][A-Za-z][A-Za-z'.-]*){0,2}"),
    re.compile(r"[ァ-ヴー]{2,}(?:[ 　・][ァ-ヴー]{2,}){0,2}"),
    re.compile(rf"[{_KANJI}ぁ-ゖ]{{1,6}}(?:[ 　][{_KANJI}ぁ-ゖ]{{1,6}})?"),
)
# Words of courtesy in English, capitalised or not (Thank You, Good Morning): no name.
ENGLISH_COURTESY = re.compile(
    r"(?:thank|thanks|hello|hi|good|bye|see|ok|yes|no|sorry|please|dear|merry|happy|excuse)\b", re.IGNORECASE
)
# A word in Latin letters with a capital, accents too (Fernández, Ángel).
CAPITALIZED = "[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+"
# A name in Latin letters written alone (Marco Silva, Jorge Fernández).
_LATIN_NAME_ALONE = re.compile(rf"\s*({CAPITALIZED}(?:[ 　]{CAPITALIZED}){{1,2}})\s*[.!。]?\s*")
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
    rf"|(?<=[{_KANJI}])(?:だ|じゃ|や)(?:[、。,.!！\s]|$)))"  # 名前は木村 銀次だ (round 2026-12-05zzd)
)
# A name in katakana words and nothing else (ヒガ ディエゴ, グエン・ヴァン・ミン です).
# The 様 or さん a learner puts after their own name is no part of it (バトバヤル オユン様です, round zx).
_KATAKANA_NAME_ALONE = re.compile(
    r"\s*([ァ-ヴー]{2,14}(?:[ 　・][ァ-ヴー]{2,14}){1,3})[ 　]*(?:様|さま|さん)?[ 　]*(?:です|デス)?[ 　]*[。.!！]?\s*"
)
# Katakana words that are a sentence, not a name (カタログ オネガイ, マダ コナイ, ハイ ソウデス).
_KATAKANA_NOT_A_NAME = re.compile(
    r"^(?:かたろぐ|おかし|おねがい|ありがと|こんにち|こんばん|おはよ|はい|いいえ|そうりょう|ちゅうもん|にもつ|でんわ|"
    r"なまえ|じゅうしょ|まだ|もう|いつ|どこ|なに|なん|すみませ|ごめん|よろしく|ほしい|だめ|おくっ|とどい|きょう|あした)"
)


# A word ending like a verb (コナイ, デキマス), or a short one like a particle (マダ, ワカル): a
# sentence. A word with a long vowel or a small vowel is a foreign name (トーマス, ディエゴ),
# and so is a longer one (イスマイル).
_KATAKANA_VERB_END = re.compile(r"(?:ない|たい|しい|ます)$|^.{1,3}(?:た|て|で|だ|す|ね|よ|か|る)$")
_FOREIGN_SOUND = re.compile(r"[ーぁぃぅぇぉゃゅょゎゔ]")


def is_katakana_name(words: str) -> bool:
    """Katakana words that read as a name rather than as a sentence (ヒガ ディエゴ)."""
    return not any(
        _KATAKANA_NOT_A_NAME.search(read) or (_KATAKANA_VERB_END.search(read) and not _FOREIGN_SOUND.search(read))
        for read in (jaconv.kata2hira(w) for w in re.split(r"[ 　・]+", words))
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
    rf"(?:{OPENING.pattern[1:]})[ 　]*([ぁ-ゖ]{{2,5}}[ 　][ぁ-ゖ]{{2,4}})[ 　]*(?:だす|どす|っす)[ 　。.!！]*", re.IGNORECASE
)
# What closes a name in hiragana written alone: a polite ending, or one of dialect (たかはし
# ひさよ だす, ささき いわおっす).
_KANA_NAME_END = "です|でございます|と申します|だす|どす|っす"
# A foreign name, in katakana words or Latin letters, then a polite name ending or a postal
# code (デイビッド・ミラーと申します, David Miller、〒600-…).
_FOREIGN_NAME = re.compile(
    rf"(?:^|(?<=[\s、。,.]))([ァ-ヺー]{{2,10}}[・･ 　][ァ-ヺー]{{2,10}}|{CAPITALIZED}[ 　]{CAPITALIZED})"
    r"(?=[ 　]*(?:です|でございます|と申します|ともうします|といいます)|[、,][ 　]*〒)"
)
# A name in Latin letters, or in katakana words, after a label in Portuguese, Spanish or English
# (meu nome é Bruna Oliveira, a nombre de mi esposa Rosa Huaman, registered as カーター エミリー).
_LATIN_LABELLED = re.compile(
    r"(?i:\b(?:meu nome (?:é|e)|mi nombre es|me llamo|me chamo|em nome d[aeo]|a nombre de(?: mi (?:esposa|esposo|marido|"
    r"mujer|mamá|mama|madre|papá|papa|padre|hija|hijo))?|(?:registered|registrad[ao]) (?:as|como|under)|under the name)"
    rf"[ 　]*:?[ 　]*)({CAPITALIZED}(?:[ 　]{CAPITALIZED}){{0,3}}|[ァ-ヴー]{{2,}}(?:[ 　・][ァ-ヴー]{{2,}}){{0,2}})"
)
# A name in Latin letters introduced in Japanese (こんにちは！Bilalです, Olga と申します).
_LATIN_INTRODUCED = re.compile(
    r"(?:^|(?<=[\s、。,.!！]))([A-Z][a-z]{2,}(?:[ 　][A-Z][a-z]{2,}){0,2})"
    r"(?=[ 　]*(?:です|でございます|と申します|ともうします|といいます)(?!か))"
)
# Words that are grammar, not a name (それは そう です, やっぱり いい です, いや いいです).
# A particle at the end of the first word, or a word of grammar for a whole (not the どう of
# くどう, the と of やまもと).
NOT_FAMILY = re.compile(
    r"(?:[はをにへもでねよ]|^(?:それ|これ|あれ|そう|どう|ちがう|だめ|いい|わたし|うち|いや|いいえ|はい|うん|ええ|あの|えっと|まあ|"
    r"いんにゃ|いんや|んだ|んだんだ|んでね|だども|へば|ほんなら|ほんだら|そいじゃ|ほな|よかよか|"
    # words that open a sentence (いま いそがしい, いつ とどく)
    r"いま|いつ|どこ|なに|なん|だれ|まだ|もう|また|すぐ|はやく|ぜんぶ|ちょっと|すこし|とても|ほんと|きょう|あした|きのう|"
    r"こんど|さっき|あとで|ここ|そこ|あそこ|なんで|どれ|じゃあ|では))$"
)
# Words that are no name, a particle alone among them (なまえ で わかる でしょ).
NOT_A_NAME_WORD = re.compile(
    r"^(?:で|は|が|を|に|も|と|の|へ|や|やっぱり|やっぱ|やはり|もう|まだ|また|とても|ちょっと|ちいと|すこし|だいじょうぶ|おねがい|よろしく|ありがとう|"
    r"すみません|ございます|いい|よい|ない|いらない|けっこう|そう|だめ|むり|ほしい|おいしい|うれしい|たのしい|かなしい|"
    r"こまる|こまった|わからない|しらない|おおきに|どうも|ほんと|ほんとう|ほんま|よか|ええ|よかです|そうだす|だす|"
    # a yes or thanks in a chat (おけ ありがと, おけ それで)
    r"おけ|おっけ|おっけー|おけまる|りょ|りょうかい|ありがと|あざす|あざっす|さんきゅ|それで|それでいい|はい|うん)$"
)


# A word that opens or ends like grammar, in any dialect (ほんなもん いらんでの, 名前 言うたら
# わかるやろ): no name.
GRAMMAR_WORD = re.compile(
    r"^(?:いら|要ら|いう|言う|言っ|ゆう)|(?:での|やの|だの|もん|っぺ|だべ|やん|けど|やろ|じゃろ|たら|から|って|ので|のに|なら)$"
)


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
                second = re.search(rf"[ 　]([{_KANJI}]+[はがをにでもへ])$", text[start:end])
                if second:  # 名前 村井俊介 配達は12/10で: the next words of the sentence
                    end = start + second.start()
                grammar = any(NOT_A_NAME_WORD.match(w) or GRAMMAR_WORD.search(w) for w in re.split(r"[ 　・]+", text[start:end]))
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
        rest = re.match(r"[^、。,.!！?？\n]+", text[label.end():])
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
        if not grammar and match.span(1) not in found:
            found.append(match.span(1))
    return found


_VERB_END = re.compile(r"(?:って|んで|ます|ません|もらえ|もらえん|ください|ですか|たい|ない)$")


def grammar_as_a_name(value: str) -> bool:
    """A name the classifier found in hiragana that is words of grammar (おくって もらえん), or
    in Latin letters that holds an English one (the name on it is: on it is; maybe)."""
    words = value.split()
    if words and all(re.fullmatch(r"[A-Za-z']+", w) for w in words):
        return any(w.lower() in _ENGLISH_NOT_A_NAME for w in words)
    return bool(words) and all(re.fullmatch(r"[ぁ-ゖー]+", w) for w in words) and any(
        _VERB_END.search(w) or GRAMMAR_WORD.search(w) or NOT_A_NAME_WORD.match(w) for w in words
    )


_ENGLISH_NOT_A_NAME = {
    "on", "it", "is", "in", "at", "the", "a", "an", "my", "your", "our", "us", "we", "i", "you", "he", "she",
    "they", "not", "maybe", "and", "or", "but", "to", "for", "of", "with", "this", "that", "name", "please",
    "thanks", "sorry", "hello", "hi", "yes", "no", "ok", "order", "phone", "box", "was", "are", "be", "under",
}


# People and places called by what they are, with さん (式場さん, 大家さん, 八百屋さん): no name.
_CALLED_BY_WHAT = re.compile(
    r"(?:お|ご)?(?:式場|会場|大家|八百屋|魚屋|酒屋|花屋|本屋|米屋|郵便屋|運送屋|宅配屋|業者|配達員|配達|お医者|医者|看護師|"
    r"先生|店員|店長|お店|店|お隣|隣|先方|相手|お客|客|運転手|管理人|役場|病院|お寺|住職|坊|和尚)"
)
_HONORIFIC_AFTER = re.compile(r"[ 　]*(?:さん|様|さま|はん|どん)")


def called_by_what(text: str, start: int, end: int) -> bool:
    """The name found at [start, end) is what someone is, with さん after it (式場さんに伝えんと)."""
    return _CALLED_BY_WHAT.fullmatch(text[start:end]) is not None and _HONORIFIC_AFTER.match(text, end) is not None


def is_kana_full_name(text: str) -> bool:
    """The whole text is a name in hiragana, family and given name with a space (くどう　とくじ),
    a polite ending or one of dialect at most (たかはし ひさよ だす)."""
    match = re.fullmatch(rf"([ぁ-ゖ]{{2,5}})[ 　]+([ぁ-ゖ]{{2,5}}?)[ 　]*(?:{_KANA_NAME_END})?[。.!！]?", text.strip())
    if match is None or match.group(2) in ("です", "どす", "だす", "でした", "ござる"):  # たなか です: a family name alone
        return False
    family, given = match.groups()
    if _VERB_END.search(given) or given.endswith("しい"):  # ひとと はなしたいっす, かたろぐ ほしいっす
        return False
    return not NOT_FAMILY.search(family) and not any(
        (NOT_A_NAME_WORD.match(w) and w not in _WORD_AND_FAMILY_NAME) or GRAMMAR_WORD.search(w) for w in (family, given)
    ) and not (family in _WORD_AND_FAMILY_NAME and _said_after_a_word(given))


# Family names that are words too, a name before a given name (ほんま はつよ: 本間, round 2026-12-05f).
_WORD_AND_FAMILY_NAME = frozenset({"ほんま", "ほんだ"})


def _said_after_a_word(given: str) -> bool:
    """What follows ほんま is what one says after "really" (よかった, すごい, だいすき), no given name."""
    return bool(NOT_A_NAME_WORD.match(given) or _VERB_END.search(given)) or given.endswith(("た", "い", "ね", "な", "わ", "る", "く", "す", "き"))
