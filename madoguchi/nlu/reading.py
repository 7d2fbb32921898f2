"""Messages in a script the classifier did not learn from, read in the one it did.

- Romaji (`souryou ikura desuka`): customers without a Japanese keyboard write it; the
  classifier has learned Japanese script and reads an unfamiliar Latin message as
  whatever intent holds Latin words (「AI」, 「bot」). Read as hiragana.
- Korean (`배송 언제 돼요?`) and Chinese (`請問 運費 多少?`), then Tagalog and Indonesian
  (`wala pa rin po`, `iya`): their phrases read in Japanese (`madoguchi.nlu.korean_words`,
  `madoguchi.nlu.chinese_words`, `madoguchi.nlu.english_words`), before romaji, which then
  leaves the message alone; English phrases are read last.
- Portuguese or Spanish among romaji (`oi, pedi o katarogu e nunca chegou`): read word by
  word in the Japanese of `madoguchi.nlu.foreign_words`, after the katakana.
- Half-width katakana (`ｶﾀﾛｸﾞｵﾈｶﾞｲｼﾏｽ`), from old phones and office systems: read as
  full-width katakana, a voiced mark joined to its kana; a message written in nothing else
  is read in hiragana (`かたろぐおねがいします`), as sentences are.
- Sentences in full-width katakana (`カタログ タノンダ。マダ コナイ デス`), as learners and
  old word processors write: read in hiragana too; a loanword or a name alone stays. So is
  katakana among kanji with no hiragana (`注文シタ 菓子 マダ 届カネ`), as in letters of old.

`reading` gives the text as read, with, for each character of it, the span of the
original it comes from, so spans found on the reading (names, addresses) can be taken
back from what the customer wrote.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import jaconv

from madoguchi.nlu.chinese_words import chinese_words
from madoguchi.nlu.english_words import (
    ROMAJI_NOUNS, alone_word, english_phrase_spans, english_word, english_words, other_latin_words, southeast_asian_words,
)
from madoguchi.nlu.english_dialects import english_dialect_words
from madoguchi.nlu.foreign_words import ENGLISH_GRAMMAR, FRENCH_GRAMMAR, foreign_words, their_phrases
from madoguchi.nlu.kana import JAPANESE_SCRIPT, KEEP, Reading, chained, replaced, to_kana
from madoguchi.nlu.korean_words import korean_words
from madoguchi.nlu.old_words import old_words
from madoguchi.text import folded


# Words of other languages a customer writes among romaji, read as the Japanese word.
_LOANWORDS = {
    "catalog": "カタログ", "catalogue": "カタログ", "catalogo": "カタログ", "katalog": "カタログ",
    # English words of the shop among romaji (my order mada kimasen): read as the Japanese word
    "order": "ちゅうもん", "my": "わたしの", "friend": "ともだち", "customer": "おきゃくさん", "customers": "おきゃくさん",
    "package": "にもつ", "parcel": "にもつ", "box": "はこ", "door": "ドア", "delivery": "はいたつ", "gift": "ギフト",
    "restaurant": "レストラン", "shop": "みせ", "store": "みせ", "cancel": "キャンセル", "change": "へんこう",
    "today": "きょう", "tomorrow": "あした", "wrong": "ちがう", "broken": "こわれた", "rude": "しつれい",
    "stupid": "ばか", "bot": "ボット", "robot": "ロボット", "human": "にんげん", "staff": "スタッフ", "person": "ひと",
    "address": "じゅうしょ", "phone": "でんわ", "number": "ばんごう", "name": "なまえ", "price": "ねだん",
    "bad": "わるい", "service": "サービス", "slow": "おそい", "late": "おそい", "reply": "へんじ", "angry": "おこってる",
    "popular": "にんき", "recommend": "おすすめ", "cheap": "やすい", "expensive": "たかい", "sweets": "おかし",
    "present": "プレゼント", "birthday": "たんじょうび", "wedding": "けっこんしき", "funeral": "そうしき",
    "shipping": "そうりょう", "free": "むりょう", "discount": "わりびき", "refund": "へんきん", "damaged": "こわれた",
    "missing": "たりない", "leaking": "もれてる",
    # ん before y written without its apostrophe (kinyoubi for kin'youbi)
    "kinyoubi": "きんようび", "kinyobi": "きんようび", "kinyou": "きんよう", "konya": "こんや", "honya": "ほんや",
}
# A Latin word not glued to digits (`A1234567` is an order number, not romaji), with its letters
# with a diacritic: no romaji (Doviđenja: Croatian, not どゔぃ and えんじゃ; até, só: Portuguese).
_WORD = re.compile(r"(?<![0-9A-Za-z\u00c0-\u024f])[A-Za-z\u00c0-\u024f][A-Za-z\u00c0-\u024f']*(?![0-9A-Za-z])")
# English words that romaji would read (me: め), counted as English with its words of grammar.
_ENGLISH_TOO = {"me", "send", "want", "get", "us", "him", "her", "them", "some", "any", "all", "who", "why", "when"}
# Japanese words of grammar in romaji: against English words of grammar, romaji written.
_ROMAJI_GRAMMAR = {
    "desu", "masu", "shimasu", "kudasai", "onegai", "onegaishimasu", "wa", "ga", "wo", "ni", "de", "ne", "yo", "ka",
    "kara", "made", "mo", "nai", "imasu", "arimasu", "shitai", "dekimasu", "deshou", "kedo", "node", "mada", "hai",
    "iie", "sumimasen", "arigatou", "arigato", "gozaimasu", "chotto", "nani", "doko", "itsu", "dou", "desuka",
    "masen", "kimasen", "dekiru", "iru", "aru", "kore", "sore", "watashi", "boku", "ore",
}
# Hindi and Urdu words of grammar no romaji Japanese holds (not hai, ko, ki, ka, ke, se): two of
# them, and the message is no romaji (staff ko bulao bhai, bot same answer de raha hai).
_HINDI_GRAMMAR = {
    "hain", "mein", "bhai", "kya", "nahi", "nahin", "aur", "bhi", "raha", "rahi", "rahe", "tha", "thi", "hoon", "karo",
    "karna", "kar", "yeh", "ye", "woh", "mera", "meri", "mujhe", "aap", "apna", "kuch", "bahut", "abhi", "kab",
    "kaise", "kyun", "chahiye", "wala", "wali", "gaya", "gayi", "diya", "kiya", "bhejo", "batao", "yaar", "accha",
    "acha", "theek", "hua", "hota", "sakta", "sakte", "dena", "lena", "kaha", "kahan",
}
# Words of romaji Japanese no Tagalog or Indonesian writer uses (not ka, ni, mo, made).
_ROMAJI_SURE = {w for w in _ROMAJI_GRAMMAR if len(w) >= 4 and w != "made"} | {"iidesu", "mou", "iie", "desu"}
_LATIN_WORD = re.compile(r"[A-Za-z]+")
# Words of Bislama and Tok Pisin that no Spanish, Portuguese or romaji writer uses: the message is
# English of the Pacific, read by the English lexicon alone (round 2026-12-07a).
_PACIFIC_CREOLE = {
    "blong", "bilong", "wetem", "stap", "olsem", "tumas", "wantem", "lolis", "wik", "taem", "tumoro", "toktok",
    "hamas", "bifo", "plante", "tangkyu", "tenkyu", "lukim", "nogat", "olgeta", "bagarap", "kisim", "bihain",
}


@lru_cache(maxsize=4096)  # a message is read by the normalizer, the triage, the cues and the actions
def reading(text: str) -> Reading | None:
    """The text as the classifier should read it, or None when it reads it as it is."""
    old = old_words(text)
    if old is not None:
        return chained(old, reading(old.text))
    korean = korean_words(text)  # 배송 언제 돼요?: 発送はいつですか?
    chinese = chinese_words(korean.text if korean else text)  # 請問 運費 多少?: 質問があります 送料はいくらですか?
    read = chained(korean, chinese)
    rest = _read_scripts(read.text if read else text)
    result = chained(read, rest)
    return None if result is not None and _name_half_read(text, result.text) else result


# A name in Latin letters and nothing else, each word capitalized (Rosalinda Gallardo).
_LATIN_FULL_NAME = re.compile(r"\s*[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+(?: [A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+){1,3}[\s.!]*")


def _name_half_read(text: str, read: str) -> bool:
    """A name alone read as romaji in part, a word left in Latin letters (ろさりんだ Gallardo,
    round 2026-12-07p): a name, no romaji; not a sentence read whole (Yoroshiku Onegaishimasu)."""
    return bool(_LATIN_FULL_NAME.fullmatch(text) and re.search(r"[ぁ-ゖ]", read)
                and set(text.split()) & set(read.split()))


def _read_scripts(text: str) -> Reading | None:
    """The text read for its scripts and languages written in Latin letters."""
    alone = alone_word(text)  # kao!: Māori's no, not 顔
    if alone is not None:
        return alone
    plain = english_dialect_words(text)  # Are ye even readin whit I write?: are you even reading what…
    if plain is not None:
        return chained(plain, _read_scripts(plain.text))
    wide = halfwidth_kana(text)
    # Tagalog and Indonesian before romaji (wala pa rin po, iya: not わら ぱ りん ぽ, いや), which
    # then leaves the message alone; not in romaji Japanese (mou iya desu).
    now = wide.text if wide else text
    latin = {w.lower() for w in _LATIN_WORD.findall(now)}
    romaji_sure = bool(_ROMAJI_SURE & latin)
    theirs = None if romaji_sure else southeast_asian_words(now)
    # Hindi, Urdu, Thai and Persian too; the rest may still be romaji (dhanyabad, totemo tasukarimashita)
    more = None if romaji_sure else other_latin_words(theirs.text if theirs else now)
    wide = chained(wide, chained(theirs, more))
    if _PACIFIC_CREOLE & latin:
        # halo, mi order lolis las wik, wea nao i stap?: Bislama, no Spanish mi and las, no romaji
        return chained(wide, english_words(wide.text if wide else text, others_read=True))
    # Portuguese or Spanish is read after the katakana, its Japanese being in kanji and kana.
    foreign = foreign_words(wide.text if wide else text)
    read = chained(wide, None if foreign or theirs else romaji(wide.text if wide else text))
    now = read.text if read else text
    kata = katakana_sentences(now) or kanji_katakana(now)
    if foreign is None:  # what of theirs stands in English or romaji (frete grátis pls)
        result = chained(read, kata)
        result = chained(result, their_phrases(result.text if result else text))
    else:
        result = chained(chained(read, kata), foreign_words(kata.text)) if kata else chained(read, foreign)
    # English phrases last, wherever they stand (do you ship to the US?, box was kinda wet)
    return chained(result, english_words(result.text if result else text, others_read=not romaji_sure))


def as_read(text: str) -> str:
    """The text as the classifier reads it (romaji and half-width kana in hiragana), for the
    cue words the actions look for (katarogu ... mada konai: a late catalog)."""
    read = reading(text or "")
    return read.text if read else text or ""


@lru_cache(maxsize=4096)  # asked for each list of cues a message is looked at for
def cue_places(text: str | None) -> str:
    """Every place a cue word may stand in a message, one per line: the text folded
    (`madoguchi.text.folded`), the same without spaces (宛名　ちがう), and the text as read
    with katakana as hiragana (chigau okashi, ハコ ツブレテル), without spaces too. Cue words
    are written folded. The lines end with 。, so that a pattern that stops at a sentence's
    end ([^。]) or a line's (.) does not run from one place into the next."""
    norm = folded(text)
    read = jaconv.kata2hira(folded(as_read(text or "")))
    places = (norm, re.sub(r"\s+", "", norm), read, re.sub(r"\s+", "", read))
    return PLACE_END.join(dict.fromkeys(places))


PLACE_END = "。\n"


def only_across_words(word: str, text: str | None) -> bool:
    """The cue word stands in the text only once its spaces are taken out, and begins inside
    a word there (いそいで in はい そいで): the words of two answers, no cue. A word set apart
    by spaces (いそがん けん) begins where a word begins."""
    for spaced in (folded(text), jaconv.kata2hira(folded(as_read(text or "")))):
        if word in spaced:
            return False
        joined, starts = "", set()
        for part in spaced.split():
            starts.add(len(joined))
            joined += part
        at = joined.find(word)
        while at >= 0:
            if at in starts:
                return False
            at = joined.find(word, at + 1)
    return True


def cue_at(word: str, places: str) -> bool:
    """The cue word stands at one of the `cue_places`; a word in Latin letters only where a
    word begins (torn is no cue in operatorno, the place without spaces of "operator no")."""
    if word[:1].isascii() and word[:1].isalpha():
        return _latin_cue(word).search(places) is not None
    return word in places


@lru_cache(maxsize=4096)
def _latin_cue(word: str) -> re.Pattern:
    return re.compile(r"(?<![a-z])" + re.escape(word))


# Words of grammar a learner writes in katakana (ノシ ドウスル？ ナニ カク？, オカシ オクリタイ デス).
_KATAKANA_GRAMMAR = re.compile(
    r"^(?:ノ|ハ|ガ|ヲ|ニ|デ|ト|モ|ネ|ヨ|カ|ナニ|ドウ|ドコ|イツ|マダ|モウ|ナンニチ|ナンボ|イクツ)$|"
    r"(?:デス|マス|マシタ|マセン|クダサイ|タイ|ナイ|スル|シタ|ダ|タ|テ|テル|デル|デスカ|マスカ)[カネヨ]?$|"
    # a particle glued to its word (テンキハ, モジヲ), and Kagoshima-ben's endings (ゴワスカ, ジャッド,
    # クイヤンセ: an old fisherman with poor eyesight, round zz)
    r"^[\u30a1-\u30fc]{2,}[ハヲ]$|(?:ゴワス|ゴワシタ|ゴザイモス|モス|モシタ|ジャッド|ヤッド|ジャロ|ジャロカイ|クイヤンセ|クイヤイ)[カネヨイ]?$"
)
# An answer, a greeting or a goodbye written alone in katakana (ソウダ, ソレジャ, イラン: round
# 2026-12-05zzu, an old fisherman on Izu Oshima; イイエ: 2026-12-07f): no loanword or name is one of these.
_KATAKANA_ANSWER = re.compile(
    r"(?:ソウ|ソウダ|ソウデス|ソウダヨ|ソウダナ|ソレジャ|ソレジャア|ソンジャ|ジャア|ジャ|イラン|イラネエ|イラナイ|ダメダ|"
    r"ウン|イヤ|チガウ|イイエ|イエ|イエイエ|ハイ|ハイハイ|ワカッタ|ヨロシク|アリガトウ|アリガトネ|ドウモ|サヨナラ|サヨウナラ|スマン|スミマセン|"
    r"オハヨウ|コンニチハ|コンバンハ)[。.!！]*"
)
_NOT_KATAKANA = re.compile(r"[\u3040-\u309f\u4e00-\u9fff]")  # hiragana or kanji
_SEPARATORS = re.compile(r"[\s、。,.!?！？・「」()（）]+")


def katakana_sentences(text: str) -> Reading | None:
    """A message written all in full-width katakana (カタログ タノンダ。マダ コナイ デス),
    read in hiragana as sentences are, or None: a loanword or a name alone stays as written."""
    if _NOT_KATAKANA.search(text):
        return None
    words = [w for w in _SEPARATORS.split(text) if re.search(r"[\u30a1-\u30fa]", w)]
    alone = len(words) == 1 and _KATAKANA_ANSWER.fullmatch(words[0]) is not None  # ソウダ, ソレジャ
    if not alone and (len(words) < 2 or not any(_KATAKANA_GRAMMAR.search(w) for w in words)):
        return None
    read = long_vowels(jaconv.kata2hira(text))
    if len(read) != len(text):
        return None
    return Reading(read, tuple(range(len(text))), tuple(range(1, len(text) + 1)))


# A long vowel of the o and u rows, as a sentence in katakana writes it (チューモン ドーナッテル):
# う in hiragana (ちゅうもん どうなってる), as the classifier learned the words; one kana for one.
_LONG_OU = re.compile(r"(?<=[おこごそぞとどのほぼぽもよょろをうくぐすずつづぬふぶぷむゆゅる])ー")


def long_vowels(read: str) -> str:
    """The long vowels of o and u in a sentence read from katakana, written う."""
    return _LONG_OU.sub("う", read)


# Kana after a kanji that end a word (届カネ, 弘前ノ, 付ケラレルガ): katakana doing the work of
# hiragana. Not a loanword after kanji, which goes on (梅田ハイツ502, 上ル玉屋町, 名駅ビル12F).
_KATAKANA_OKURIGANA = re.compile(r"[\u4e00-\u9fff々〆][\u30a1-\u30f6]{1,6}(?=[\s、。,.!?！？…]|$)")
_HIRAGANA = re.compile(r"[\u3040-\u309f]")
# One word of kanji then katakana, alone: a name (新井ルシア) unless its kana are grammar (届カネ).
_ONE_WORD = re.compile(r"\s*[\u4e00-\u9fff々]{1,4}[\u30a1-\u30fc]{2,10}[\s。.!！]*")
_DETAILS = re.compile(r"[0-9０-９A-Za-zＡ-Ｚａ-ｚ]")
# A run of katakana that is a loanword whatever the script around it (バザー, ウィーン, ヴァイオリン).
_LOANWORD = re.compile(r"[\u30a1-\u30fa]*[ーァィゥェォヴ][\u30a1-\u30fc]*")


def kanji_katakana(text: str) -> Reading | None:
    """A message in kanji and katakana with no hiragana, as letters of old and some older men
    write (注文シタ 菓子 マダ 届カネ。ドウナッテラ。), read with its katakana in hiragana, or
    None: two signs of katakana grammar are needed (one, when the message holds no number or
    Latin letter), and a loanword (バザー) stays as written."""
    if _HIRAGANA.search(text) or not _NOT_KATAKANA.search(text):
        return None
    words = [w for w in re.split(r"[\s、。,.!?！？・「」()（）\u4e00-\u9fff々〆]+", text) if w]
    if _ONE_WORD.fullmatch(text) and not any(_KATAKANA_GRAMMAR.search(w) or w.endswith(("ネ", "ネェ", "ラン")) for w in words):
        return None  # 新井ルシア: a family name and a given name, written alone (not 要ラン)
    signs = len(_KATAKANA_OKURIGANA.findall(text)) + sum(1 for w in words if _KATAKANA_GRAMMAR.search(w))
    if signs < (1 if not _DETAILS.search(text) else 2):
        return None
    kept = [m.span() for m in _LOANWORD.finditer(text)]
    read = "".join(
        ch if any(a <= i < b for a, b in kept) else jaconv.kata2hira(ch) for i, ch in enumerate(text)
    )
    if len(read) != len(text) or read == text:
        return None
    return Reading(read, tuple(range(len(text))), tuple(range(1, len(text) + 1)))


_HALFWIDTH_KANA = re.compile(r"[\uff61-\uff9f]")
_HALFWIDTH_RUN = re.compile(r"[\uff66-\uff9f]+")  # a word in half-width katakana


def halfwidth_kana(text: str) -> Reading | None:
    """Half-width katakana and punctuation as full-width, or None when there is none."""
    if not _HALFWIDTH_KANA.search(text):
        return None
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    i = 0
    while i < len(text):
        size = 1
        if _HALFWIDTH_KANA.match(text[i]):
            pair = unicodedata.normalize("NFKC", text[i : i + 2])
            size = 2 if i + 1 < len(text) and text[i + 1] in "\uff9e\uff9f" and len(pair) == 1 else 1
            char = pair if size == 2 else unicodedata.normalize("NFKC", text[i])
        else:
            char = text[i]
        out.append(char)
        starts.append(i)
        ends.append(i + size)
        i += size
    read = "".join(out)
    if not JAPANESE_SCRIPT.search(text) and not _WORD.search(text):
        # A whole message in half-width katakana (ｿｳﾘｮｳ ｲｸﾗ ｶｶﾙﾉ) is sentences, not loanwords:
        # read in hiragana, as the classifier learned sentences (one kana for one).
        read = long_vowels(jaconv.kata2hira(read))
    elif _halfwidth_sentence(text):
        # ﾁｭｰﾓﾝ ﾄﾞｰﾅｯﾃﾙ。おふくろの分 (round 2026-12-06c): a sentence in half-width katakana beside kana
        read = "".join(long_vowels(jaconv.kata2hira(part)) if wide else part for part, wide in _parts(read, text, starts))
    return Reading(read, tuple(starts), tuple(ends))


def _halfwidth_sentence(text: str) -> bool:
    """The message's half-width katakana are words of a sentence: two or more, one of grammar."""
    words = [unicodedata.normalize("NFKC", w) for w in _HALFWIDTH_RUN.findall(text)]
    # a sign of two kana or a word alone, not a last ダ or タ, as names end (ﾔﾏﾀﾞ ﾀﾛｳです)
    signs = (_KATAKANA_GRAMMAR.search(w) for w in words)
    return len(words) >= 2 and any(m and (len(m.group()) >= 2 or m.group() == w) for m, w in zip(signs, words))


def _parts(read: str, text: str, starts: list[int]) -> list[tuple[str, bool]]:
    """The read in runs, each marked whether it came from half-width katakana."""
    runs: list[tuple[str, bool]] = []
    for char, start in zip(read, starts):
        wide = _HALFWIDTH_KANA.match(text[start]) is not None
        if runs and runs[-1][1] == wide:
            runs[-1] = (runs[-1][0] + char, wide)
        else:
            runs.append((char, wide))
    return runs


def romaji(text: str) -> Reading | None:
    """The message in hiragana when it is written in romaji, else None.

    A message counts as romaji when it has at least one romaji word of three letters or
    more and at most one Latin word that is not romaji (`por favor`, a name), or one in four
    romaji words, kept as written; mixed with Japanese script, when it has two romaji words and no other, or four
    and one other. A few foreign words for what the shop sells are read as the Japanese
    word (catalogo: カタログ, order: ちゅうもん).
    """
    words = list(_WORD.finditer(text))
    lower = [m.group().lower() for m in words]
    english = sum(w in ENGLISH_GRAMMAR or w in _ENGLISH_TOO for w in lower)
    if english >= 2 and english > 2 * sum(w in _ROMAJI_GRAMMAR for w in lower):
        return None  # English (i want to cancel my order please), read by `english_words`
    if len(_HINDI_GRAMMAR.intersection(lower)) >= 2:
        return None  # Hindi or Urdu (bot same answer de raha hai), read by `other_latin_words`
    if len(FRENCH_GRAMMAR.intersection(lower)) >= 2:
        return None  # French (le colis il est où ?), read by `english_words`
    kana = {m.start(): _LOANWORDS.get(m.group().lower()) or to_kana(m.group())
            for m in words if m.group().lower() not in KEEP}
    romaji = [m for m in words if kana.get(m.start())]
    others = [m for m in words if m.group().lower() not in KEEP and not kana.get(m.start())]
    # Other Latin words (a name, English the writer mixes in): one, or one in four romaji words.
    if not romaji or len(others) > max(1, len(romaji) // 4) or max(len(m.group()) for m in romaji) < 3:
        return None
    # Mixed with Japanese script: two romaji words and no other, or many and one other.
    if JAPANESE_SCRIPT.search(text) and (len(romaji) < 2 or (others and len(romaji) < 4)):
        return None
    # The kana of a word share its letters out in order; the last one ends the word. A word of
    # the English lexicon stays for `english_words` (nope: いいえ, not のぺ; gelatin: ゼラチン).
    # assalamu alaikum: not あっさらむ; but oseibo no noshi, order no status stay romaji
    english = [(a, b) for a, b in english_phrase_spans(text)
               if not any(w.lower() in _LOANWORDS or w.lower() in ROMAJI_NOUNS
                          for w in _LATIN_WORD.findall(text[a:b]))]
    left = [m for m in romaji if m.group().lower() not in _LOANWORDS
            and (english_word(m.group()) or any(a <= m.start() < b for a, b in english))]
    read = [(m.start(), m.end(), kana[m.start()]) for m in romaji if m not in left]
    return replaced(text, read) if read else None
