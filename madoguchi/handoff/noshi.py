"""A wrong のし told by the customer: a celebration のし on a memorial gift, or a mourning one on
a gift of thanks, reported in one message or across the latest few, in either order. Goods that
came wrong: an operator's case (`reasons.goods_problem` reads one message alone)."""

from __future__ import annotations

from typing import NamedTuple

from madoguchi.handoff.reasons import cue_groups, every_group, per_rules, spaceless
from madoguchi.shop.rules import Rules
from madoguchi.text import folded

Groups = tuple[tuple[str, ...], ...]


class NoshiCues(NamedTuple):
    """The のし cues of a rules file, normalized: a celebration のし reported, the memorial it was
    for, a mourning のし reported and the occasion of thanks it came on."""

    report: Groups
    memorial: Groups
    mourning: Groups
    occasion: Groups

    @classmethod
    def from_rules(cls, rules: Rules) -> "NoshiCues":
        wrong, mourning = rules.cues.get("wrong_noshi", {}), rules.cues.get("wrong_noshi_mourning", {})
        return cls(
            report=cue_groups({k: v for k, v in wrong.items() if k != "memorial"}),
            memorial=cue_groups({"memorial": wrong.get("memorial", [])}),
            mourning=cue_groups({k: v for k, v in mourning.items() if k != "occasion"}),
            occasion=cue_groups({"occasion": mourning.get("occasion", [])}),
        )


def _cues(rules: Rules) -> NoshiCues:
    """`NoshiCues` of the rules, normalized once per rules read: every message passes here (the
    escalation policy), and the cues run to hundreds of words."""
    return per_rules(NoshiCues.from_rules, rules)


def wrong_noshi_told_before(rules: Rules, text: str, earlier: list[str]) -> bool:
    """A celebration のし reported in this message about a memorial gift the customer told of
    in an earlier one (一周忌のお供えを送ってもらった…, then のしが紅白の蝶結びやった)."""
    return noshi_reported(rules, text) and any(memorial_named(rules, t) for t in earlier)


def wrong_noshi_told_across(rules: Rules, text: str, earlier: list[str]) -> bool:
    """A celebration のし on what came and the memorial it was for, told in this message and
    one of the three before it, in either order; or a mourning のし on a gift of thanks."""
    return (
        wrong_noshi_told_before(rules, text, earlier[-3:]) or wrong_noshi_told_after(rules, text, earlier)
        or mourning_noshi_reported(rules, text, earlier[-3:])
    )


def mourning_noshi_reported(rules: Rules, text: str, earlier: list[str]) -> bool:
    """A mourning のし reported on a gift of thanks or celebration, the occasion told in this
    message or an earlier one (お礼の おかし おくったがです, then のしが 「志」に なっとったって)."""
    occasion = _cues(rules).occasion
    return mourning_noshi_named(rules, text) and any(every_group(spaceless(t), occasion) for t in (text, *earlier))


def mourning_noshi_named(rules: Rules, text: str) -> bool:
    """A mourning のし reported on what came (のしが 「志」に なっとった), whatever the gift was for."""
    return every_group(spaceless(text), _cues(rules).mourning)


def noshi_reported(rules: Rules, text: str) -> bool:
    """A celebration のし reported on what came (のしが紅白で 御祝 ってなってました)."""
    return every_group(spaceless(text), _cues(rules).report)


def memorial_named(rules: Rules, text: str) -> bool:
    """A word of a memorial of the のし cues stands in the text (方事, お供え)."""
    return every_group(spaceless(text), _cues(rules).memorial)


# How the customer says the memorial was told to the shop (…ちゃんと おそなえ って かきました, round zw).
REPROACHED = ("のに", "言った", "いった", "頼んだ", "たのんだ", "出せ", "使えな", "使え", "書きました", "かきました", "書いた", "かいた",
              "伝えた", "つたえた", "伝えま", "つたえま",
              # 主人の法事に使うがやと、ちゃんと言うたがに (Kanazawa, round 2026-12-02t kinu-hayato-09 replayed)
              "言うた", "いうた", "ゆうた",
              # お願いの時に 書いといたはずなんどすけど… (round zzg, kyō-kotoba)
              "書いといた", "かいといた", "書いておいた", "かいておいた", "言うといた", "いうといた", "伝えといた", "はずな", "はずで", "はずや")
_REPROACHED = tuple(folded(w) for w in REPROACHED)


def wrong_noshi_told_after(rules: Rules, text: str, earlier: list[str]) -> bool:
    """A memorial told in this message, with a reproach (方事さ使うって 言ったったのに), after
    the customer reported a celebration のし on what came (のし紙 紅白だった)."""
    report = _cues(rules).report
    reproached = any(w in spaceless(text) for w in _REPROACHED)
    return memorial_named(rules, text) and reproached and any(every_group(spaceless(t), report) for t in earlier[-3:])
