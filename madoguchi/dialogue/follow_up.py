"""A message the classifier did not read that still names what the bot answers: a follow-up
to a gift answer (おもてがきは なんと かいたらえい？, こっちは きいろと しろの みずひきを
つかうけんど) or a shipping question. The bot answers it rather than ask to rephrase, and it
does not count towards handing the chat over for being misunderstood. Thanks in another
language are thanks, and so are thanks that end the message."""

from __future__ import annotations

import re

from madoguchi.answers import ABROAD, asks_unlisted
from madoguchi.nlu.reading import cue_places

GIFT = re.compile(
    r"のし|熨斗|表書|おもてがき|水引|みずひき|掛け紙|かけがみ|noshi|omotegaki|mizuhiki|"
    r"黄白|黒白|白黒|結び切り|結びきり|むすびきり|"  # こっちは黄白を使うことが多いだけど、それでもいいかね
    r"内祝|うちいわい|"  # 内祝 は なん ですか？ (round 2026-12-05zz)
    r"書く言葉|かくことば|書く文字|なんて書|何て書|なんと書|何と書|(?m:^(?:色|いろ)は[?？])|"  # 色は？ 書く言葉は？
    r"written on|write on|what (?:words|to write)|wrapping paper"  # And what words should be written on it?
)
SHIPPING = re.compile(r"送料|そうりょう|配送料|shipping fee|shipping cost")
# Thanks in the words of a customer who writes in another language (ok understood, terima kasih);
# not a thank-you gift (I sent a thank-you gift to my landlady, round 2026-12-05zzh).
THANKS = re.compile(
    r"\bthank(?![- ]?you ?(?:gift|present|box|card|sweets|note|ギフト|ぎふと|プレゼント|ぷれぜんと))|"
    r"\bthx\b|terima kasih|obrigad|gracias|merci|danke|cảm ơn|cam on|salamat|dhanyavad|shukriya|謝謝|谢谢|감사"
)
# Thanks that end the message (ほうかね、ほいじゃ志で頼むわ。ありがとね): whatever came before, the
# customer is content.
THANKS_LAST = re.compile(
    r"(?:ありがと|有難う|有り難う|有難とう|おおきに|助かりま|たすかりま)(?:う|ー|ね|な|ねー|さん|ございます|ございました|ございま|した|す)*[。.!！…〜ー♪\s]*$"
)


def topic_of(text: str) -> str | None:
    """`ask_gift`, `ask_shipping` or `ask_product` (an ingredient the product data does not
    hold: halal, gelatin) when the message names their subject, `thank` for thanks in another
    language, else None."""
    read = cue_places(text)
    if GIFT.search(read):
        return "ask_gift"
    if SHIPPING.search(read) or ABROAD.search(read):
        return "ask_shipping"  # can you send sweets to New Zealand? (round 2026-12-07d, in the final model)
    if asks_unlisted(text):
        return "ask_product"  # Hi, I have question about the halal status of your products
    if THANKS.search(read) or THANKS_LAST.search(text.strip()):
        return "thank"
    return None
