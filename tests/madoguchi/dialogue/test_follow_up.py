"""What a message the classifier did not read still names: a gift or shipping subject, or
thanks in another language."""

from __future__ import annotations

import pytest

from madoguchi.dialogue.follow_up import topic_of


@pytest.mark.parametrize("text, topic", [
    ("おもてがきは　なんと　かいたらえい？", "ask_gift"),
    ("こっちは　きいろと　しろの　みずひきを　つかうけんど　それでも　えいかね", "ask_gift"),
    ("noshi wa nani iro?", "ask_gift"),
    ("そうりょう なんぼ", "ask_shipping"),
    ("And what words should be written on it?", "ask_gift"),
    ("ok understood, terima kasih", "thank"),
    ("Thanks a lot!", "thank"),
    ("Hi, I have question about the halal status of your products", "ask_product"),  # round zc
    ("こっちは黄白を使うことが多いだけど、それでもいいかね", "ask_gift"),  # round zy
    ("ほうかね、ほいじゃ志で頼むわ。ありがとね", "thank"),  # thanks that end the message
    ("助かりました！", "thank"),
    ("ありがとうって言われても困る", None),
    ("ok understood", None),
    ("Bok. I sent a thank-you gift to my landlady because I'm moving out.", None),  # a gift, no thanks (05zzh)
    ("ほんまありえへん", None),
    ("can you send sweets to New Zealand?", "ask_shipping"),  # a parcel abroad (round 2026-12-07d), read as nothing
])
def test_the_subject_a_message_names(text, topic):
    assert topic_of(text) == topic
