"""English phrases of shop talk, and those of other languages written in Latin letters, read
as the Japanese the classifier learned.

Customers write English too (do you ship to the US? the box was kinda wet), alone or among
romaji and Japanese, Filipino customers Taglish (wala pa rin po dumating), Indonesian ones
Indonesian (paketnya belum sampai), Vietnamese ones Vietnamese, with or without its diacritics
(em chưa nhận được hàng ạ, cam on ban), Indian and Pakistani ones Hindi and Urdu (abhi tak
nahi aaya), Thai ones Thai (khob khun ka) and Iranian ones Persian (kheili mamnoon). The
classifier learned Japanese and a thousand English examples do not teach it the language, so
the phrases of the lexicons (`madoguchi/nlu/lexicons/`) are read as their Japanese wherever
they stand, the longest first, the other languages before English (wala po akong order
number: 注文番号がありません, not "order number"); every other word stays as written. The
other languages are read before romaji too: iya is a yes, not いや.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property, lru_cache

from madoguchi.nlu.kana import Reading, chained, lexicon, lexicon_entries, replaced


@dataclass(frozen=True)
class _Lexicon:
    """A lexicon's phrases (as tuples of words) with their Japanese, and how a word is cut."""

    words_of: dict[tuple[str, ...], str]
    word: re.Pattern[str]

    @cached_property
    def longest(self) -> int:
        """The number of words of the longest phrase."""
        return max(map(len, self.words_of))


# A word of Latin letters, with its apostrophe (don't, it's), not glued to digits (A1234567), but
# for Arabic's letters written as digits between letters (ma3a salama: good-bye).
# A word may open with an apostrophe (Tongan's 'ikai: no), not go on after one (don't: no word t).
_WORD = re.compile(r"(?<![0-9A-Za-z])(?<![0-9A-Za-z]['’])[A-Za-z][A-Za-z'’]*(?:[2357][A-Za-z]+)*(?![0-9A-Za-z])")
# The same with its hyphens (nag-order, i-check, pang-regalo).
_HYPHENED = re.compile(r"(?<![0-9A-Za-z'’-])[A-Za-z][A-Za-z'’-]*(?<!-)(?![0-9A-Za-z])")

_ENGLISH = _Lexicon(lexicon_entries(lexicon("english")), _WORD)
_TAGALOG = _Lexicon(lexicon_entries(lexicon("tagalog")), _HYPHENED)
_INDONESIAN = _Lexicon(lexicon_entries(lexicon("indonesian")), _HYPHENED)  # oleh-oleh, kue-kue


def without_diacritics(text: str) -> str:
    """Latin letters without their diacritics (chưa nhận được: chua nhan duoc; đ as d), one
    character for one; every other character as it is."""
    return "".join(_bare(c) for c in text)


# Letters of their own that stand for a plain one, one for one.
_OWN_LETTERS = {"đ": "d", "Đ": "D", "ı": "i", "ð": "d", "Ð": "D", "æ": "a", "Æ": "A", "ø": "o", "Ø": "O",
                "þ": "t", "Þ": "T", "ħ": "h", "Ħ": "H",
                "ə": "e", "Ə": "E",  # Azerbaijani's schwa (çox sağ olun, zəhmət olmasa)
                "ɛ": "e", "Ɛ": "E", "ɔ": "o", "Ɔ": "O",  # Bambara's open vowels (hakɛto, k'an bɛn)
                "ʻ": " "}  # Hawaiian's ʻokina parts the words of a phrase (ʻaʻole: a ole)


@lru_cache(maxsize=512)
def _bare(char: str) -> str:
    if char in _OWN_LETTERS:  # Turkish ı (hayır), Icelandic ð and æ (góðan dag, takk kærlega), Maltese ħ
        return _OWN_LETTERS[char]
    if not "\u00c0" <= char <= "\u1ef9":
        return char
    base = unicodedata.normalize("NFD", char)[0]
    return base if base.isascii() and base.isalpha() else char


_VIETNAMESE = _Lexicon(
    {tuple(without_diacritics(w) for w in words): japanese
     for words, japanese in lexicon_entries(lexicon("vietnamese")).items()},
    _WORD,
)


_HINDI_URDU = _Lexicon(lexicon_entries(lexicon("hindi_urdu")), _WORD)
_THAI = _Lexicon(lexicon_entries(lexicon("thai")), _WORD)
_PERSIAN = _Lexicon(lexicon_entries(lexicon("persian")), _WORD)
_OTHER_LATIN = (_HINDI_URDU, _THAI, _PERSIAN)


def english_phrase_spans(text: str) -> list[tuple[int, int]]:
    """Where the text holds a phrase of two words or more of the English lexicon (assalamu
    alaikum, thank you): words romaji leaves for English."""
    found = _found(text, _ENGLISH, without_diacritics(text), smallest=2, overlapping=True)
    return [(start, end) for start, end, _ in found]  # please help me: please help, help me


def english_word(word: str) -> bool:
    """The word is a phrase of the English lexicon by itself (nope, sure, rain; doviđenja as
    dovidenja): no romaji."""
    plain = without_diacritics(_plain(word))
    return (plain,) in _ENGLISH.words_of and plain not in ROMAJI_NOUNS


# Romaji words of the shop: no English word alone, though the English lexicon has noshi (noshi wa
# nan desu ka), and romaji still inside an English phrase (no noshi: のしは不要です).
ROMAJI_NOUNS = frozenset({"noshi", "noshigami", "okashi", "nimotsu", "chumon", "chuumon"})


@lru_cache(maxsize=4096)
def _plain(word: str) -> str:
    return word.lower().replace("’", "'")


def english_words(text: str, others_read: bool = False) -> Reading | None:
    """The text with its phrases of other languages in Latin letters (`southeast_asian_words`,
    `other_latin_words`; unless `others_read`), then its English phrases, read in Japanese, or
    None when it holds none."""
    theirs = None
    if not others_read:
        theirs = chained(read := southeast_asian_words(text), other_latin_words(read.text if read else text))
    now = theirs.text if theirs else text
    english = _phrases(now, _ENGLISH, without_diacritics(now))  # teşekkürler: tesekkurler
    return chained(theirs, english)


# Words that are a yes or a no only as a whole message (io!!: Tuvaluan's yes; na: Rohingya's and
# Hindi's no, round 2026-12-07c; kao: Māori's no), which inside a sentence are other languages'
# (Italian's io) or romaji's (会え, 顔).
_ALONE = {"io": "はい", "na": "いいえ", "ae": "はい", "kao": "いいえ",  # Māori's āe and kāo (round 2026-12-07d)
          "ii": "はい", "nakai": "いいえ",  # Inuktitut's yes, Niuean's no (round 2026-12-07e)
          "aca": "いいえ", "azul": "こんにちは", "ih": "はい", "ala": "いいえ",  # Kikuyu, Kabyle (2026-12-07f)
          "ewan": "分かりません",  # Tagalog's "I don't know", a Scottish given name too (Ewan Fraser)
          "wi": "はい", "yee": "はい", "ewer": "はい",  # Mauritian Creole, Luganda, Chuukese (2026-12-07g)
          "ee": "はい", "ina": "いいえ", "vv": "はい", "tla": "いいえ",  # Setswana, Rapa Nui, Cherokee (2026-12-07h)
          "alla": "いいえ", "athe": "はい",  # Malayalam's no (Italian's "to the" in a sentence) and yes (2026-12-07i)
          "soh": "いいえ",  # Pohnpeian's no (oh soh sorry: so) (2026-12-07j)
          "kha": "はい", "re": "はい",  # Newar's and Jinghpaw's yes (Vietnamese's khá, English's re:) (2026-12-07k)
          "alaa": "いいえ", "ua": "いいえ", "ayo": "さようなら",  # Pulaar's no (a name), Garifuna's (2026-12-07l)
          "he": "はい", "ban": "いいえ", "mo": "いいえ",  # Santali's hẽ and ban, Kosraean's no (2026-12-07m)
          "ehe": "はい", "eko": "いいえ", "wa": "はい",  # Nauruan's yes and no, Kapampangan's yes (2026-12-07n)
          "ego": "はい", "oya": "いいえ", "em": "いいえ", "lase": "はい", "min": "いいえ",  # Kirundi, Khasi, Sherpa (07o)
          "huo": "はい", "indi": "いいえ", "hoi": "はい", "aale": "いいえ", "hani": "いいえ",  # Hiligaynon, Gurung, Mandinka (07p)
          "diri": "いいえ", "ahin": "いいえ",  # Waray's and Tamang's no (07q)
          "iyo": "はい", "dai": "いいえ", "andu": "はい", "att": "いいえ",  # Bikol's and Tulu's yes and no (07r)
          "oway": "はい", "je": "はい",  # Maranao's and K'iche''s yes (07s)
          "natte": "いいえ", "iye": "はい", "chok": "いいえ", "huun": "はい", "di": "いいえ",  # Meitei, Tuvan, Tausug (07t)
          "hajur": "はい", "aama": "はい", "jaan": "はい", "na'a": "いいえ",  # Nepali, Tamil, Mixtec (07u)
          "ho": "はい", "nei": "いいえ", "uga": "いいえ",  # Nepali's yes, Norwegian's and Kalmyk's no (07v)
          "kasa": "はい",  # Ladakhi's yes, romaji's 傘 (07w)
          "aa": "はい",  # Kashmiri's yes (aa ji), a sigh in romaji (07x)
          "sewa": "こんにちは",  # Garhwali's greeting (sewa lagaun), a Nepali word of service (07y)
          "hoy": "はい"}  # Dogri's yes, Spanish's today (07z)
# With the Philippines' po of respect after it (iyo po, dai po: Bikol, round 2026-12-07r); not iyo in a
# sentence (salamat sa iyo po: Tagalog's to you).
_ALONE_MESSAGE = re.compile(rf"[^\w]*(({'|'.join(_ALONE)})(?:[\s,、]+\2)*(?:[\s,、]+po)?)[^\w]*", re.IGNORECASE)


def alone_word(text: str) -> Reading | None:
    """A whole message of one such word, once or more (io io!!), read as its Japanese."""
    whole = _ALONE_MESSAGE.fullmatch(without_diacritics(text))  # ayó, uá: one letter for one
    if whole is None:
        return None
    return replaced(text, [(whole.start(1), whole.end(1), _ALONE[whole.group(2).lower()])])


def southeast_asian_words(text: str) -> Reading | None:
    """The text with its Tagalog, Indonesian, then Vietnamese phrases read in Japanese (wala pa
    rin po: まだ届いていません; saya bayar dua kali: 二回払ってしまいました; cam on ban:
    ありがとうございます), or None when it holds none. Their words look like romaji: a message
    that holds them is not read as romaji."""
    return _read_with(text, (_TAGALOG, _INDONESIAN, _VIETNAMESE))


def other_latin_words(text: str) -> Reading | None:
    """The text with its Hindi and Urdu, Thai, then Persian phrases read in Japanese (abhi tak
    nahi aaya: まだ届いていません), or None when it holds none."""
    return _read_with(text, _OTHER_LATIN)


def _read_with(text: str, books: tuple[_Lexicon, ...]) -> Reading | None:
    read = None
    for book in books:
        now = read.text if read else text
        read = chained(read, _phrases(now, book, without_diacritics(now) if book is _VIETNAMESE else None))
    return read


def _phrases(text: str, lexicon_read: _Lexicon, matched: str | None = None) -> Reading | None:
    """The text with the phrases of a lexicon read in Japanese, the longest first; found in
    `matched` when given (the text without its diacritics, one character for one)."""
    spans = _found(text, lexicon_read, matched if matched is not None else text)
    return replaced(text, spans) if spans else None


def _found(
    text: str, lexicon_read: _Lexicon, matched: str, smallest: int = 1, overlapping: bool = False
) -> list[tuple[int, int, str]]:
    """The lexicon's phrases of `smallest` words or more in `matched`, the longest first, each
    with its Japanese; with `overlapping`, a phrase may begin inside the one before."""
    found = list(lexicon_read.word.finditer(matched))
    words = [_plain(m.group()) for m in found]
    words_of, longest = lexicon_read.words_of, lexicon_read.longest
    spans: list[tuple[int, int, str]] = []
    i = 0
    while i < len(words):
        for size in range(min(longest, len(words) - i), smallest - 1, -1):
            key = tuple(words[i : i + size])
            if key in words_of and _adjacent(text, found, i, size):
                spans.append((found[i].start(), found[i + size - 1].end(), words_of[key]))
                i += 1 if overlapping else size
                break
        else:
            i += 1
    return spans


def _adjacent(text: str, found: list[re.Match[str]], i: int, size: int) -> bool:
    """The phrase's words stand next to each other, spaces between, no punctuation but a comma
    between a word and itself (ari, ari)."""
    return all(_joined(text, found[j - 1], found[j]) for j in range(i + 1, i + size))


def _joined(text: str, before: re.Match[str], word: re.Match[str]) -> bool:
    """Spaces only between the two words, or a hyphen (ba-bay, gab-i: round 2026-12-07q), or a
    comma between a word and itself."""
    between = text[before.end() : word.start()].strip().replace("ʻ", "")
    return not between or between == "-" or (between in (",", "、") and before.group().lower() == word.group().lower())
