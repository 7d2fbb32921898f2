"""Whether a catalog customer is in a hurry: 宅配便 at no charge when they are, メール便 when
they say they are not (急ぎではありません, いつもの便で) or say nothing about it."""

from __future__ import annotations

import re
from collections.abc import Iterable

from madoguchi.nlu.reading import cue_places, only_across_words
from madoguchi.text import folded

# A hurry word negated a few characters on: 急ぎではありません, 急ぎまへん, いそぎじゃない,
# 急ぎはせんのですけど, 急がない, 急いでいません, 急ぐ儀には御座いませぬ, いそぎはしもはんで
# (Kagoshima), 急ぎじゃなかけん (Kyushu), 急ぎじゃにゃあで (Nagoya), 急がんでええ, 急がね (Tsugaru),
# 急ぎじゃねぇけぇ (Okayama, round zx); not 急がねえと (must hurry).
_NEGATED = re.compile(
    r"(?:急|いそ)(?:ぎ|が|い|ぐ)(?P<gap>[^。、,.!?！？\n]{0,6}?)"
    r"(?:ない|なく|ね[えぇー](?![とば])|ません|まへん|へん|せん|ませぬ|もはん|もさん|あらず|及ばず|致さず|いたさず|せず|(?:じゃ|では|で|や)(?:なか|にゃ))"
    r"|(?:急|いそ)がん(?:でも?|たって)"
    r"|(?:急|いそ)がね(?![ばぇえと])"  # 急がね。(Tsugaru: no hurry); not 急がねば, 急がねえと (must hurry)
)
# 急いで送ってくれませんか, 急ぎでお願いできませんか: a negated request asks for the hurry.
# 急ぎで送れない？: a potential verb (送れ, 出せ) asks for it too.
# 急いで送ってもらへんやろか: もらへ in the old kana spelling.
_ASKING = re.compile(r"くれ|もらえ|貰え|もらへ|貰へ|いただけ|頂け|でき|出来|願え|送れ|おくれ|出せ|だせ|届けられ|とどけられ")
_QUESTION = re.compile(r"\s*(?:でしょうか|ですか|か(?![らりも])|[?？])")
# A deadline asked after (お歳暮は いつまでに 頼みゃ 年内に 着くんなら): a question, no hurry.
_DEADLINE_ASKED = re.compile(r"(?:いつ|何日|なんにち|何時|なんじ)(?:まで|ごろまで)に")


# 〜のんびり待ってたらよろしいんやろけど、お歳暮の締めが今週の金曜でしてなあ: a date that
# must be met, said after a "but", outweighs the no hurry before it.
_CONCESSION = re.compile(r"けれど|けど|が[、,]|しかし|でも[、,]|ただ[、,]")
_DEADLINE = re.compile(r"締め|〆|しめきり|までに|間に合|まにあ|間にあ")


def _deadline_after_but(text: str, no_hurry: Iterable[str]) -> bool:
    """A deadline told after the last "but" of a message that says no hurry before it."""
    parts = _CONCESSION.split(folded(text))
    tail = parts[-1]
    return (
        len(parts) > 1 and _DEADLINE.search(tail) is not None and not _DEADLINE_ASKED.search(tail)
        and not _negated(tail) and not any(folded(w) in tail for w in no_hurry)
    )


def _negated(norm: str) -> bool:
    """A hurry word said not to hold (not a polite request put as a question)."""
    for match in _NEGATED.finditer(norm):
        # the gap with the negation after it (もら + へん: もらへ, asked in the old kana)
        gap = norm[match.start("gap") : match.end()] if match.group("gap") is not None else ""
        if _ASKING.search(gap) or (_QUESTION.match(norm, match.end()) and "ありません" not in match.group(0)):
            continue
        return True
    return False


def _no_hurry_at(word: str, places: str) -> bool:
    """A word of no hurry stands in the text, not as the start of "must" (急がねえと, 急がねば)."""
    return re.search(re.escape(word) + r"(?![とば])", places) is not None


# A mailbox too small for what came by post (かせつの ゆうびんうけ ちいさいさけ はいらんかったんかも,
# round 2026-12-05zzd): no word for the usual way.
MAILBOX_TOO_SMALL = re.compile(
    r"(?:郵便受け?|ゆうびんうけ|ポスト|ぽすと)[^。\n]{0,8}(?:小さ|ちいさ|ちっさ|入らな|入らん|はいらな|はいらん|入りきら|はいりきら)"
)

# An age coming soon (my landlady is 87, soon 88!, round 2026-12-05zzk): a birthday, no hurry.
AGE_SOON = re.compile(r"(?i)soon\s*[0-9０-９]{1,3}(?![0-9０-９])")
# Sweets that spoil soon (すぐ悪ぐなんのは困るのす, round 2026-12-06d matsuno-bilung-19): how long
# they keep, no hurry.
SPOIL_SOON = re.compile(r"すぐ(?:に)?\s*(?:悪|わる|傷|いた|腐|くさ|かび|カビ|固|かた|溶|と[けろ]|だめ|ダメ)")
# "It cannot be helped" after a hurry (急ぐで仕方がない, round 2026-12-05zzm): no hurry denied.
NO_CHOICE = re.compile(r"(?:仕方|しかた|しょう|仕様)が?(?:ない|な[いく]|ね[えぇ]|無い)")


# はいそいでよかです (Osumi: はい、それでよかです, round 2026-12-05zzu hisamitsu-rivo-01): no いそいで.
YES_SO = re.compile(r"はいそいで(?=よか|よい|よろし|いい|ええ|お願|おねが|頼|たの)")


def hurry_of(text: str, hurry: Iterable[str], no_hurry: Iterable[str]) -> bool | None:
    """True when the message says the customer is in a hurry, False when it says they are
    not (or asks for the usual way), None when it says neither."""
    # isogi janai: read in kana, its negation too; いそがん けん: words set apart by spaces
    places = NO_CHOICE.sub("", AGE_SOON.sub("", SPOIL_SOON.sub("", MAILBOX_TOO_SMALL.sub("", cue_places(text)))))
    places = YES_SO.sub("はい それで", places)
    if _negated(places) or any(_no_hurry_at(folded(w), places) for w in no_hurry):
        return _deadline_after_but(text, no_hurry) or False
    told = _DEADLINE_ASKED.sub("", places)
    # はい そいで たのんもす: いそいで only across two words, no hurry
    if any(folded(w) in told and not only_across_words(folded(w), text) for w in hurry):
        return True
    return None


def hurry_in(texts: Iterable[str], hurry: Iterable[str], no_hurry: Iterable[str]) -> bool | None:
    """The latest of the messages that says anything about a hurry decides."""
    hurry, no_hurry = list(hurry), list(no_hurry)
    found = None
    for text in texts:
        reading = hurry_of(text, hurry, no_hurry)
        if reading is not None:
            found = reading
    return found
