"""Whole names: spans that DIET finds cut short, made whole by rule (addresses: `address_spans`).

DIET learns where a name or an address starts well enough, but stops at a space or a
digit it has not seen: 「山田 太郎です」 gives 山田, 「大阪市北区梅田1-2-3 梅田マンション502」 gives
大阪市北区梅田. A name the customer gave is never stored shorter than they wrote it.

- A family name found by DIET takes the given name written after it (with or without a
  space) when the name is followed by the end of the message or a name ending (です,
  と申します, 様...).

Names a writer introduces themselves with are in `madoguchi.nlu.introduced_names`, names
after a label or in a name's shape alone in `madoguchi.nlu.labelled_names`; the words that are
no name (grammar, courtesy) are here, for both.
"""

from __future__ import annotations

import re

import jaconv

from madoguchi.nlu.address_spans import HALF_KANA as _HALF_KANA, KANJI as _KANJI


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
KATAKANA_COPULA = re.compile(r"ダ|ジャ|ヤ|デス|ダヨ|ダベ|ダラ|ズラ|ダケド")
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
    if copula and _CLAUSE_END.match(text, end):
        return end - 1  # 名前は木村 銀次だ (round 2026-12-05zzd)
    # イシイ デス, イシイ トヨジ ダヨオ, 鮫島 じゃっど: a copula in kana, written apart (rounds zzn, zzy)
    spoken = _KATAKANA_COPULA_LAST.search(text, start, end)
    if spoken and spoken.start() > start and _CLAUSE_END.match(text, end):
        return spoken.start()
    only = _ONLY_AFTER.search(text, start, end)  # したは　甲斐　だけで　いいと？ (round 2026-12-05zzz)
    return only.start() if only and only.start() > start else end


# "Only" after a name, written apart (甲斐　だけで): no given name.
_ONLY_AFTER = re.compile(r"[ 　]+(?:だけ|のみ|など|なんか)$")
_SAID_NAME = re.compile(r"(?:と|って)?[ 　]*(?:いう|言う)(?:もん|もの|者)")
# A copula after a name in kanji (木村 銀次だ), and where a clause ends after it.
_COPULA_LAST = re.compile(rf"(?<=[{_KANJI}])[だや]")
_CLAUSE_END = re.compile(r"[ 　。、,.!！?？]|$")
_KATAKANA_COPULA_LAST = re.compile(
    r"[ 　]+(?:デス|ダヨオ?|ダヨー|ダッペ|デゴザイマス|ダ"
    r"|です|でございます|だ|じゃ|じゃっど|じゃっで|でごわす|だよ|だべ|だけど|やけど|じゃけど"  # 鮫島 じゃっど (zzy)
    r"|だども|だけんども|やっさ)$"  # 本間 だども (Shonai, round 2026-12-07n tsuneo-arnel-14)
)


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
    if KATAKANA_COPULA.fullmatch(given):  # 大島ノ藤井ダ, in katakana as an old word processor wrote
        return True
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
    r"じゃけど|じゃけん|どす|だす|ですけど|だけんじょ|だっちゃ|っす(?![ぁ-ゖ])|"  # 会津の渡部だけんじょ (round zzf)
    r"じゃっど|じゃっで|でごわす|ごわす|"  # たねがしまの 鮫島 じゃっど (round 2026-12-05zzy)
    r"だども|だけんども|やっさ|ち[ 　]*(?:いい|言い)(?:もす|もうす|ます)|"  # 本間 だども; 比嘉やっさ; 肥後ち いいもす (07l, n)
    r"だよ(?:ぉ|お|ー)?(?=[ 　。.!！]|$))"  # 銚子の石毛だよぉ！ (round 2026-12-05zzo)
)
INTRODUCING = re.compile(INTRO)
# The words that label a name (お名前, なまえ, 氏名), for every reading of a labelled name.
NAME_LABEL_WORDS = "お?名前|おなまえ|なまえ|オナマエ|ナマエ|氏名"
# Words of courtesy in English, capitalised or not (Thank You, Good Morning): no name.
ENGLISH_COURTESY = re.compile(
    r"(?:thank|thanks|hello|hi|good|bye|see|ok|yes|no|sorry|please|dear|merry|happy|excuse)\b", re.IGNORECASE
)
# A word in Latin letters with a capital, accents too (Fernández, Ángel).
CAPITALIZED = "[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+"
# A family name in capitals beside a given name (NDAYISHIMIYE Fabrice, round 2026-12-07o), as passports
# and forms write it; three letters or more (not OK Thanks).
CAPITALS_AND_GIVEN = rf"(?:[A-Z]{{3,}}[ 　]{CAPITALIZED}|{CAPITALIZED}[ 　][A-Z]{{3,}}(?![A-Za-z]))"
# Katakana words that are a sentence, not a name (カタログ オネガイ, マダ コナイ, ハイ ソウデス).
_KATAKANA_NOT_A_NAME = re.compile(
    r"^(?:かたろぐ|おかし|おねがい|ありがと|こんにち|こんばん|おはよ|はい|いいえ|そうりょう|ちゅうもん|にもつ|でんわ|"
    r"なまえ|じゅうしょ|まだ|もう|いつ|どこ|なに|なん|すみませ|ごめん|よろしく|ほしい|だめ|おくっ|とどい|きょう|あした|"
    # what a learner is, written in katakana (ワタシ ハ カンゴシ デス): no name
    r"がくせい|りゅうがくせい|かんごし|かいごし|かいご|こっく|けんしゅうせい|じっしゅうせい|かいしゃいん|しゅふ|せんせい|"
    r"にほんご|にほんじん|がいこくじん)"
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


# Words that are grammar, not a name (それは そう です, やっぱり いい です, いや いいです).
# A particle at the end of the first word, or a word of grammar for a whole (not the どう of
# くどう, the と of やまもと).
NOT_FAMILY = re.compile(
    r"(?:[はをにへもでねよ]|^(?:それ|これ|あれ|そう|どう|ちがう|だめ|いい|わたし|うち|いや|いいえ|はい|うん|ええ|あの|えっと|まあ|"
    r"いんにゃ|いんや|んだ|んだんだ|んでね|だども|へば|ほんなら|ほんだら|そいじゃ|ほな|よかよか|"
    # words that open a sentence (いま いそがしい, いつ とどく)
    r"いま|いつ|どこ|なに|なん|だれ|まだ|もう|また|すぐ|はやく|ぜんぶ|ちょっと|すこし|とても|ほんと|きょう|あした|きのう|"
    # せんだいの ものだっちゃ: one of Sendai, no name
    r"こんど|さっき|あとで|ここ|そこ|あそこ|なんで|どれ|じゃあ|では|もの))$"
)
# Words that are no name, a particle alone among them (なまえ で わかる でしょ).
NOT_A_NAME_WORD = re.compile(
    r"^(?:で|は|が|を|に|も|と|の|へ|や|やっぱり|やっぱ|やはり|もう|まだ|また|とても|ちょっと|ちいと|すこし|だいじょうぶ|おねがい|よろしく|ありがとう|"
    r"すみません|ございます|いい|よい|ない|いらない|けっこう|そう|だめ|むり|ほしい|おいしい|うれしい|たのしい|かなしい|"
    r"こまる|こまった|わからない|しらない|おおきに|どうも|ほんと|ほんとう|ほんま|よか|ええ|よかです|そうだす|だす|"
    # a yes or thanks in a chat (おけ ありがと, おけ それで)
    r"おけ|おっけ|おっけー|おけまる|りょ|りょうかい|ありがと|あざす|あざっす|さんきゅ|それで|それでいい|はい|うん|"
    r"そうそう|そのとおり|そのとーり|そのまま)$"  # そうそう　そのとおりじゃ: a yes in dialect
)


# A word that opens or ends like grammar, in any dialect (ほんなもん いらんでの, 名前 言うたら
# わかるやろ): no name.
GRAMMAR_WORD = re.compile(
    r"^(?:いら|要ら|いう|言う|言っ|ゆう)|(?:での|やの|だの|もん|っぺ|だべ|やん|けど|やろ|じゃろ|たら|から|って|ので|のに|なら)$"
)


VERB_END = re.compile(r"(?:って|んで|ます|ません|もらえ|もらえん|ください|ですか|たい|ない)$")


def grammar_as_a_name(value: str) -> bool:
    """A name the classifier found in hiragana that is words of grammar (おくって もらえん), or
    in Latin letters that holds an English one (the name on it is: on it is; maybe)."""
    words = value.split()
    if words and all(re.fullmatch(r"[A-Za-z']+", w) for w in words):
        return any(w.lower() in _ENGLISH_NOT_A_NAME for w in words)
    return bool(words) and all(re.fullmatch(r"[ぁ-ゖー]+", w) for w in words) and any(
        VERB_END.search(w) or GRAMMAR_WORD.search(w) or NOT_A_NAME_WORD.match(w) for w in words
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
