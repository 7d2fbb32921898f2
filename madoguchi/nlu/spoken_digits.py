"""Numbers read out in kana, as voice input and some older customers write them.

`ぜろにいよんにいの にいろくの いちにいさんよん` is a phone number, `えーさんよんごろくななはちきゅう`
an order number, `きゅうろくごの ぜろはちななさん` a postal code. `read` gives the text with each
such run in digits (`0242-26-1234`), with the original span of every character, so the
finders of `patterns` find them as they find written digits and keep the spans the customer
wrote.

Only runs of at least seven digits are read: one digit word alone (に, ご, く, し) is far
more often a particle or part of a word than a number.
"""

from __future__ import annotations

import re

import jaconv

from madoguchi.nlu.kana import Reading

_DIGIT_WORDS = {
    "ぜろ": "0", "れい": "0", "まる": "0", "いち": "1", "にい": "2", "にー": "2", "に": "2",
    "さん": "3", "よん": "4", "し": "4", "ごお": "5", "ごう": "5", "ごー": "5", "ご": "5",
    "ろく": "6", "なな": "7", "しち": "7", "はち": "8", "きゅう": "9", "きゅー": "9", "く": "9",
}
_WORD = "|".join(sorted(_DIGIT_WORDS, key=len, reverse=True))
# A group: digit words one after another; groups apart by a space, の, a hyphen or a comma.
_GROUP = rf"(?:{_WORD})+"
_RUN_RE = re.compile(
    r"(?P<zero>ぜろ|まる)(?=[0-9０-９])"  # ゼロ88の844の1234: the first 0 said, the rest in digits
    rf"|(?:(?P<a>えー|えい|Ａ|A)[\s　]?)?(?P<run>{_GROUP}(?:(?:[\s　]|の|-|ー|－|、)+{_GROUP})*)"
)
_WORD_RE = re.compile(_WORD)
MIN_DIGITS = 7


def read(text: str) -> Reading | None:
    """The text with numbers read out in kana as digits, or None when it holds none."""
    hira = jaconv.kata2hira(text)  # one character for one: spans stay valid
    parts: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    done = 0
    for m in _RUN_RE.finditer(hira):
        if m.group("zero"):
            _keep(text, done, m.start(), parts, starts, ends)
            parts.append("0")
            starts.append(m.start())
            ends.append(m.end())
            done = m.end()
            continue
        digits = _digits(m.group("run"), m.start("run"))
        if sum(len(d) for d, _, _ in digits) < MIN_DIGITS:
            continue
        _keep(text, done, m.start(), parts, starts, ends)
        if m.group("a"):
            parts.append("A")
            starts.append(m.start("a"))
            ends.append(m.end("a"))
        previous_end = None
        for value, start, end in digits:
            if previous_end is not None and start > previous_end:
                parts.append("-")  # the customer's pause between groups
                starts.append(previous_end)
                ends.append(start)
            parts.append(value)
            starts.append(start)
            ends.append(end)
            previous_end = end
        done = m.end()
    if not parts:
        return None
    _keep(text, done, len(text), parts, starts, ends)
    return Reading("".join(parts), tuple(starts), tuple(ends))


def _digits(run: str, offset: int) -> list[tuple[str, int, int]]:
    """Each digit word of `run` as (digit, start, end) on the text."""
    return [(_DIGIT_WORDS[w.group(0)], offset + w.start(), offset + w.end()) for w in _WORD_RE.finditer(run)]


def _keep(text: str, start: int, end: int, parts: list[str], starts: list[int], ends: list[int]) -> None:
    """Copy `text[start:end]` unchanged into the reading."""
    for i in range(start, end):
        parts.append(text[i])
        starts.append(i)
        ends.append(i + 1)
