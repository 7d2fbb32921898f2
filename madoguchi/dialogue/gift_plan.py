"""A gift being planned, misread as a change to an order.

「一周忌の引き物を40名分手配予定です」 or 「三回忌に来てくれた人に菓子を配りたい」 is a customer who
has not ordered yet; read as change_order, it would be asked for an order number. Such a
message names no order number and no change, and tells of a memorial, of handing sweets
out, of arranging them, or of a number of people: it is answered as a gift question.
"""

from __future__ import annotations

import re

from madoguchi.memorial import is_memorial
from madoguchi.nlu.kanji_forms import OLD_FORMS
from madoguchi.nlu.patterns import find_order_ids
from madoguchi.text import nfkc

PLANNING = re.compile(
    r"配りたい|くばりたい|配ろう|お渡ししたい|渡したい|手配(予定|したい|を考え)|用意(したい|しよう|する予定)|"
    r"(に|で)したい|を考えて|検討して|予定して|\d+\s*(名|人|家族|軒)(分|様|ほど|くらい|ぐらい)"
)
# Words of an order placed already or of a change to it: such a message stays a change_order.
CHANGING = re.compile(
    r"(注文|発注|購入)し(た(?!い)|まし)|頼んだ|頼みまし|変更|へんこう|変え|かえて|かえたい|替え|キャンセル|きゃんせる|取り?消|とりけし|取りやめ|やめ|止め|"
    r"住所|届け先|送り先|宛先|日にち|日付|お?届け日|配達日|配送日|到着日|増や|減ら|追加"
)


def plans_a_gift(text: str) -> bool:
    """The message plans a gift (a memorial, handing out, arranging, a number of people)
    and says nothing of an order number or of changing an order."""
    norm = nfkc(text or "").translate(OLD_FORMS)  # 御屆けの日を…變更いたしたく候
    if find_order_ids(norm) or CHANGING.search(norm):
        return False
    return is_memorial(norm) or PLANNING.search(norm) is not None
