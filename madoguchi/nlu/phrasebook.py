"""Phrases of a lexicon found in a message with or without spaces between their characters
(今天 收到 了, 안 왔어요 and 안왔어요), the longest first: what `madoguchi.nlu.chinese_words` and
`madoguchi.nlu.korean_words` read."""

from __future__ import annotations

from collections.abc import Callable

from madoguchi.nlu.kana import lexicon, lexicon_entries


# A phrase this long is found inside a word too (주문한거아직안왔어요, written without spaces):
# none that long stands by chance inside another word.
LONG_ENOUGH = 3


class Phrasebook:
    """The phrases of the lexicon `name` (`madoguchi/nlu/lexicons/`), written without spaces.
    With `in_script`, the test of a character of its script, a phrase shorter than
    `LONG_ENOUGH` is found only where a word starts, or right after a phrase found (not the
    안 inside 편안)."""

    def __init__(self, name: str, in_script: Callable[[str], bool] | None = None) -> None:
        self.phrases = {"".join(words): japanese for words, japanese in lexicon_entries(lexicon(name)).items() if words}
        self.longest = max(map(len, self.phrases))
        self.first = frozenset(phrase[0] for phrase in self.phrases)
        self.in_script = in_script

    def found(self, text: str) -> list[tuple[int, int, str]]:
        """Spans of `text` holding a phrase, with its Japanese, in order."""
        if not self.first.intersection(text):
            return []
        kept = [(i, c) for i, c in enumerate(text) if not c.isspace()]
        joined = "".join(c for _, c in kept)
        spans: list[tuple[int, int, str]] = []
        i = 0
        while i < len(joined):
            shortest = 1 if self._starts_word(text, kept[i][0], spans) else LONG_ENOUGH
            for size in range(min(self.longest, len(joined) - i), shortest - 1, -1):
                japanese = self.phrases.get(joined[i : i + size])
                if japanese is not None:
                    spans.append((kept[i][0], kept[i + size - 1][0] + 1, japanese))
                    i += size
                    break
            else:
                i += 1
        return spans

    def _starts_word(self, text: str, at: int, spans: list[tuple[int, int, str]]) -> bool:
        if self.in_script is None or at == 0 or (spans and spans[-1][1] == at):
            return True
        return not self.in_script(text[at - 1])
