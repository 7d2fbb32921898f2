"""Chinese phrases of shop talk read as the Japanese the classifier learned.

Chinese-speaking customers write Chinese, in traditional or simplified characters, often among
the Japanese words of the shop (今天 收到 了 お歳暮 的 商品; 請問 運費 多少?). Most of its
characters are Japanese too, so the phrases of the lexicon `chinese` (`madoguchi/nlu/lexicons/`)
are read as their Japanese only in a message that holds a character Japanese writing does not
use (這, 們, 嗎, 您, 说…), two phrases of it (請問，今天 送來 的 荷物，不是 我的) or one of
three characters or more (カタログ 一冊 請 寄給我); then wherever they stand, the longest
first, with or without spaces between their characters. Every other word stays as written.
"""

from __future__ import annotations

from madoguchi.nlu.kana import Reading, lexicon, lexicon_entries, replaced

# Characters of written Chinese that Japanese does not use: traditional forms (這, 說, 錢)
# and simplified ones (这, 说, 钱), and particles of speech (嗎, 呢, 吧, 喔).
CHINESE_ONLY = frozenset(
    "這們嗎您喔呢吧啊嗯怎麼說沒對錢讓號碼點幫從發收經與裡嘛囉唷她妳來"
    "这们吗说谢请订还错对钱让码帮给问见东现时过运费货发经从为个么办样"
)
_PHRASES = {"".join(words): japanese for words, japanese in lexicon_entries(lexicon("chinese")).items() if words}
_LONGEST = max(map(len, _PHRASES))
_FIRST = frozenset(phrase[0] for phrase in _PHRASES)


def chinese_words(text: str) -> Reading | None:
    """The text with its Chinese phrases read in Japanese, or None when it holds none, or
    holds a single phrase of two characters or fewer and no character only Chinese uses."""
    if not _FIRST.intersection(text):
        return None
    kept = [(i, c) for i, c in enumerate(text) if not c.isspace()]  # 今天 收到 了: spaces between
    joined = "".join(c for _, c in kept)
    spans: list[tuple[int, int, str]] = []
    longest = 0
    i = 0
    while i < len(joined):
        for size in range(min(_LONGEST, len(joined) - i), 0, -1):
            japanese = _PHRASES.get(joined[i : i + size])
            if japanese is not None:
                spans.append((kept[i][0], kept[i + size - 1][0] + 1, japanese))
                longest = max(longest, size)
                i += size
                break
        else:
            i += 1
    if not spans or (len(spans) < 2 and longest < 3 and not CHINESE_ONLY.intersection(text)):
        return None
    return replaced(text, spans)
