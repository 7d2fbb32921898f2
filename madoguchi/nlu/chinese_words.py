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

from madoguchi.nlu.kana import Reading, replaced
from madoguchi.nlu.phrasebook import Phrasebook

# Characters of written Chinese that Japanese does not use: traditional forms (這, 說, 錢)
# and simplified ones (这, 说, 钱), and particles of speech (嗎, 呢, 吧, 喔).
CHINESE_ONLY = frozenset(
    "這們嗎您喔呢吧啊嗯怎麼說沒對錢讓號碼點幫從發收經與裡嘛囉唷她妳來"
    "这们吗说谢请订还错对钱让码帮给问见东现时过运费货发经从为个么办样"
)
_BOOK = Phrasebook("chinese")


def chinese_words(text: str) -> Reading | None:
    """The text with its Chinese phrases read in Japanese, or None when it holds none, or
    holds a single phrase of two characters or fewer and no character only Chinese uses."""
    spans = _BOOK.found(text)
    alone = len(spans) == 1 and len("".join(text[spans[0][0] : spans[0][1]].split())) < 3
    if not spans or (alone and not CHINESE_ONLY.intersection(text)):
        return None
    return replaced(text, spans)
