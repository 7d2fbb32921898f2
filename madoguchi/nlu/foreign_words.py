"""Portuguese and Spanish among romaji, read as the Japanese the classifier learned.

Brazilian and Peruvian customers (Aichi, Shizuoka, Gunma) write their own language mixed
with the romaji Japanese of their workplace: `oi, pedi o katarogu e nunca chegou`,
`quiero hablar con una persona, onegai`. The classifier learned Japanese; a few dozen such
examples do not teach it two more languages. So a message with enough words of the
lexicon (`madoguchi/nlu/lexicons/portuguese_spanish.txt`) is read word by word: a phrase or word of the
lexicon as its Japanese, a romaji word in hiragana (`madoguchi.nlu.kana.to_kana`), any
other word as written.
Words that are also romaji particles (o, a, de, no, e, se) are not in the lexicon alone.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from madoguchi.nlu.kana import KEEP, Reading, lexicon, lexicon_entries, replaced, to_kana

_WORDS = lexicon_entries(lexicon("portuguese_spanish"))
# Words of the lexicon an English sentence holds too: no sign of Portuguese or Spanish.
_ALSO_ENGLISH = {"catalog", "catalogue", "robot", "chocolate", "popular", "memorial", "funeral",
                 "terrible", "horrible", "gratis", "diabetes", "persona", "email", "alcohol", "chatbot"}
# Japanese of the lexicon that says nothing of Portuguese or Spanish: grammar.
_GRAMMAR = {"", "の", "と", "私の"}
# Words of grammar that are Portuguese or Spanish, not romaji nor English (not yo, mi, la, en, un).
_THEIR_GRAMMAR = {
    "que", "pra", "pro", "para", "um", "uma", "uns", "umas", "una", "unos", "unas", "em", "os", "las", "los",
    "el", "del", "eu", "vc", "vcs", "voce", "tem", "tengo", "tiene", "aqui", "aca", "entao", "pois", "bem",
    "muito", "mucho", "muy", "mas", "pero", "porque", "pq", "como", "tb", "tbm", "tambem", "tambien", "esse",
    "essa", "este", "esta", "por", "es", "estoy", "soy", "son", "estan", "sou", "estou", "bueno", "pues",
    "meu", "minha", "mis", "seu", "sua", "nao", "agora", "ahora", "ahorita", "ustedes", "usted",
}
# English words of grammar: a message with as many of them is English (please send the catalogo).
ENGLISH_GRAMMAR = _ENGLISH = {
    "the", "is", "are", "i", "you", "my", "it", "to", "and", "of", "please", "what", "how", "can", "do", "this",
    "that", "have", "not", "was", "for", "with", "on", "in", "at", "be", "will", "we", "our", "your", "an",
    "if", "there", "they", "would", "could", "want", "need", "thank", "thanks", "hi", "hello", "from", "did",
    "does", "has", "am", "i'm", "it's", "don't", "dont", "just", "about", "so", "but", "or",
}
_LONGEST = max(len(key) for key in _WORDS)
# French words of grammar that romaji does not write alone (Si je commande aujourd'hui avant 14h
# ça part le jour même ?, round 2026-12-05zzj): two of them, and the message is neither romaji nor Spanish.
FRENCH_GRAMMAR = {  # not que, le, les, tu, mes, son or sur, which Spanish writes too
    "je", "j'ai", "est", "et", "pour", "pas", "vous", "il", "elle", "avec", "une", "qui", "mon", "c'est", "avant",
    "dans", "du", "des", "quoi", "votre", "nous", "d'un", "d'une", "aujourd'hui", "même", "ça", "très", "faut", "peux",
    "pouvez", "suis", "quel", "quelle",
}
# No, as the first word of a message: an answer.
_NO = {"nao", "naum", "nop", "no"}
# A word of Latin letters, accented too, not glued to digits (A1234567 is an order number).
_LETTER = r"A-Za-z\u00c0-\u024f"
_WORD = re.compile(rf"(?<![0-9{_LETTER}])[{_LETTER}][{_LETTER}']*(?![0-9{_LETTER}])")


@lru_cache(maxsize=8192)
def _plain(word: str) -> str:
    """The word lower-case without accents, a letter typed three times once (muitooo)."""
    bare = "".join(c for c in unicodedata.normalize("NFKD", word.lower()) if not unicodedata.combining(c))
    return re.sub(r"(.)\1{2,}", r"\1", bare)


def _looked_up(words: list[str], i: int) -> tuple[str, int] | None:
    """The Japanese of the longest phrase of the lexicon at `words[i]`, and its length."""
    for size in range(min(_LONGEST, len(words) - i), 0, -1):
        key = tuple(words[i : i + size])
        if key in _WORDS:
            return _WORDS[key], size
        if size == 1 and key[0].endswith(("oo", "aa", "ee")):
            squeezed = (key[0][:-1],)  # muitoo, diaa
            if squeezed in _WORDS:
                return _WORDS[squeezed], 1
    return None


def foreign_words(text: str) -> Reading | None:
    """The message read in Japanese when Portuguese or Spanish words stand in it, else None.

    It counts when words of the lexicon that English does not share, or Portuguese and
    Spanish words of grammar (que, pra, los), outnumber English words of grammar in it:
    `please send me a catalogo` stays English. A message that mixes the languages clause by
    clause (no te voy a dar el número. you have my data) is read clause by clause: its
    English clauses stay as written, its Portuguese and Spanish ones are read.
    """
    found = list(_WORD.finditer(text))
    if not found or len(FRENCH_GRAMMAR.intersection(m.group().lower() for m in found)) >= 2:
        return None  # French (si je commande…: not the Spanish si), read by the English lexicon
    words = [_plain(m.group()) for m in found]
    clauses = [_read(found, words, lo, hi) for lo, hi in _clauses(text, found)]
    known, english = sum(c.known for c in clauses), sum(c.english for c in clauses)
    if known > english:  # the message is theirs: every clause read but an English one
        read = [c for c in clauses if not c.english_only]
    else:  # the message is English: only a clause plainly theirs is read (not Tagalog's pero),
        # and in the others their unmistakable phrases (so this time frete grátis pls)
        read = [c for c in clauses if c.known > c.english and c.words_known >= 2 or c.romaji_sentence]
        read += [_Clause(c.plain, 1, 2, 0, 0) for c in clauses if read and c not in read and c.plain]
        if not read and words[0] in _NO - {"no"}:  # nao, no thanks: their no before English
            return replaced(text, [(*found[0].span(), "いいえ")])
    spans = sorted(span for clause in read for span in clause.spans)
    if not spans or not any(c.known for c in read):
        return None
    dates = [(m.start(), m.end(), _date_read(m)) for m in _DATE.finditer(text)]  # 3 de dezembro: 12月3日
    spans = sorted([*dates, *(s for s in spans if not any(s[0] < b and a < s[1] for a, b, _ in dates))])
    if words[0] in _NO and spans[0][:2] == found[0].span():
        spans[0] = (*spans[0][:2], "いいえ")  # não, ... : an answer, not a verb's negation
    return replaced(text, spans)


def their_phrases(text: str) -> Reading | None:
    """Their unmistakable phrases read in a message otherwise English or romaji (so this
    time frete grátis pls, and 10% desconto): a phrase of several words, or a long word, that
    English does not share. None when it holds none."""
    found = list(_WORD.finditer(text))
    if not found:
        return None
    words = [_plain(m.group()) for m in found]
    spans = [span for lo, hi in _clauses(text, found) for span in _read(found, words, lo, hi).plain]
    return replaced(text, spans) if spans else None


_MONTHS = (
    ("janeiro", "enero"), ("fevereiro", "febrero"), ("marco", "marzo"), ("abril",), ("maio", "mayo"),
    ("junho", "junio"),
    ("julho", "julio"), ("agosto",), ("setembro", "septiembre", "setiembre"), ("outubro", "octubre"),
    ("novembro", "noviembre"), ("dezembro", "diciembre"),
)
_MONTH_OF = {name: number for number, names in enumerate(_MONTHS, 1) for name in names}
# A day and its month (3 de dezembro, el 24 de diciembre), or a day alone after dia (dia 20).
_DATE = re.compile(
    r"(?i)(?:(?<![a-z])dia\s+)?(?<![0-9])([0-9]{1,2})\s*(?:de\s+)?("
    + "|".join(sorted(_MONTH_OF, key=len, reverse=True)).replace("marco", "mar[cç]o")
    + r")(?![a-z])|(?<![a-z])dia\s+([0-9]{1,2})(?![0-9])"
)


def _date_read(match: re.Match[str]) -> str:
    """A date of `_DATE` as Japanese writes it (12月3日, 20日)."""
    if match.group(3):
        return f"{match.group(3)}日"
    return f"{_MONTH_OF[_plain(match.group(2))]}月{match.group(1)}日"


# Where one clause ends and the next begins, between two words.
_CLAUSE_END = re.compile(r"[.!?;,。！？、，\n]")


def _clauses(text: str, found: list[re.Match[str]]) -> list[tuple[int, int]]:
    """The message's words cut into clauses at punctuation: (first, last + 1) of each; a no
    alone stays with what follows it (no, gracias: いいえ、大丈夫です)."""
    no_first = _plain(found[0].group()) in _NO
    cuts = [
        i for i in range(1, len(found))
        if _CLAUSE_END.search(text, found[i - 1].end(), found[i].start()) and not (i == 1 and no_first)
    ]
    return list(zip([0, *cuts], [*cuts, len(found)]))


@dataclass
class _Clause:
    """A clause's words read: the spans to replace, the evidence of Portuguese or Spanish in
    it, and its English words of grammar."""

    spans: list[tuple[int, int, str]]
    known: int
    words_known: int  # the words of the lexicon's phrases that say so, a phrase's every word
    english: int
    romaji: int  # the words read in kana
    plain: list[tuple[int, int, str]] = field(default_factory=list)  # phrases no English writer uses
    romaji_sentence: bool = False  # a Japanese verb's ending in romaji, more romaji than English


    @property
    def english_only(self) -> bool:
        """English words of grammar, nothing of theirs, and few words romaji (look it up
        yourself; not hito to hanashitai desu)."""
        return bool(self.english) and not self.known and 2 * self.romaji <= self.english + self.romaji + 1


def _read(found: list[re.Match[str]], words: list[str], lo: int, hi: int) -> _Clause:
    """The words `lo` to `hi` read: a phrase of the lexicon as its Japanese, a romaji word in kana."""
    spans: list[tuple[int, int, str]] = []
    plain: list[tuple[int, int, str]] = []
    known, words_known, romaji, i = 0, 0, 0, lo
    while i < hi:
        hit = _looked_up(words[:hi], i)
        if hit is not None:
            japanese, size = hit
            spans.append((found[i].start(), found[i + size - 1].end(), japanese))
            theirs = (japanese not in _GRAMMAR and not (size == 1 and words[i] in _ALSO_ENGLISH)
                      or (size == 1 and words[i] in _THEIR_GRAMMAR))
            known, words_known = known + theirs, words_known + theirs * size
            if theirs and words[i] not in _THEIR_GRAMMAR and (size > 1 or len(words[i]) >= 6):
                plain.append(spans[-1])
            i += size
            continue
        kana = to_kana(words[i]) if words[i].isascii() and words[i] not in KEEP else None
        if kana:
            spans.append((found[i].start(), found[i].end(), kana))
            romaji += 1
        i += 1
    english = sum(w in _ENGLISH for w in words[lo:hi])
    sentence = romaji > english and any(_ROMAJI_VERB.search(w) for w in words[lo:hi])
    return _Clause(spans, known, words_known, english, romaji, plain, sentence)


# The ending of a Japanese verb in romaji (hanashitai, okurimasu): a clause holding one among
# English words of grammar (hito to hanashitai, ningen, por favor; round 2026-12-07u) is romaji.
_ROMAJI_VERB = re.compile(r"^[a-z]{2,}(?:tai|masu|masen|mashita|desu|kudasai)$")
