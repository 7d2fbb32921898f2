"""Why a conversation goes to a person, from what the customer wrote and the shop rules."""

from __future__ import annotations

import re
import unicodedata

from madoguchi.policy.rules import Rules

REASON_LABELS = {
    "distress": "お困り・ご不安",
    "complaint": "苦情・ご不満",
    "customer_request": "担当者をご希望",
    "out_of_policy": "規定外のご要望",
    "verification_failed": "本人確認できず",
    "needs_operator": "担当者の対応が必要",
    "bot_failure": "ボットが理解できず",
}

INTENT_REASONS = {
    "request_human": "customer_request",
    "complain": "complaint",
    "express_distress": "distress",
    "request_exception": "out_of_policy",
}

GRIEF_WORDS = ("亡くな", "他界", "葬儀", "葬式", "通夜", "告別式", "法事", "法要", "四十九日", "初盆", "新盆", "香典", "仏前", "供養")
"""Words of death and memorials: a handoff in distress with these opens with condolences."""


def _norm(text: str) -> str:
    return unicodedata.normalize("NFKC", text or "").lower()


def has_cue(text: str, words, lemmas: frozenset[str] = frozenset()) -> bool:
    """A cue word appears in the text, or as a lemma of its tokens."""
    norm = _norm(text)
    return any(_norm(w) in norm or w in lemmas for w in words)


# What the sweets are made of: 卵の入っていないお菓子 asks about ingredients, no item missing.
INGREDIENTS = re.compile(
    r"アレルギ|あれるぎ|小麦|卵|たまご|玉子|乳|そば|蕎麦|落花生|ピーナッツ|ナッツ|くるみ|胡桃|えび|かに|"
    r"添加物|保存料|着色料|洋酒|アルコール|ゼラチン|原材料|グルテン"
)
RECEIVED = re.compile(r"届い|とどい|頼んだ|たのんだ|注文した|箱|開けたら|あけたら")


def asks_for_ingredients(text: str) -> bool:
    """A question about what the sweets hold (小麦入ってないやつある？), not a parcel told of."""
    norm = _norm(text)
    return INGREDIENTS.search(norm) is not None and RECEIVED.search(norm) is None


def goods_problem(rules: Rules, text: str, lemmas: frozenset[str] = frozenset()) -> bool:
    """The customer reports damaged or wrong goods (always an operator's case)."""
    cues = rules.cues
    return (
        has_cue(text, cues.get("damaged", []), lemmas)
        or (has_cue(text, cues.get("wrong_item", []), lemmas) and not asks_for_ingredients(text))
        or every_group(_norm(text), cue_groups(cues.get("wrong_noshi", {})))
    )


def wrong_noshi_told_before(rules: Rules, text: str, earlier: list[str]) -> bool:
    """A celebration のし reported in this message about a memorial gift the customer told of
    in an earlier one (一周忌のお供えを送ってもらった…, then のしが紅白の蝶結びやった)."""
    groups = rules.cues.get("wrong_noshi", {})
    memorial = cue_groups({"memorial": groups.get("memorial", [])})
    report = cue_groups({k: v for k, v in groups.items() if k != "memorial"})
    return every_group(_norm(text), report) and any(every_group(_norm(t), memorial) for t in earlier)


def cue_groups(groups: dict[str, list[str]]) -> tuple[tuple[str, ...], ...]:
    """Cue groups (all must be met), their words normalized."""
    return tuple(tuple(_norm(w) for w in words) for words in groups.values())


def every_group(norm: str, groups: tuple[tuple[str, ...], ...]) -> bool:
    """A word of every group stands in the (normalized) text."""
    return bool(groups) and all(any(w in norm for w in group) for group in groups)


def exception_kind(rules: Rules, text: str, lemmas: frozenset[str] = frozenset()) -> str | None:
    """Which exception to the shop rules a message asks for, if any."""
    for kind, words in rules.cues.get("exceptions", {}).items():
        if has_cue(text, words, lemmas):
            return kind
    return None


def is_grief(text: str) -> bool:
    """The message speaks of a death or a memorial."""
    return has_cue(text, GRIEF_WORDS)


def reason_for_intent(
    rules: Rules, intent: str, text: str, lemmas: frozenset[str] = frozenset()
) -> str | None:
    """The handoff reason a message calls for by its intent and content, or None."""
    reason = INTENT_REASONS.get(intent)
    if reason in ("complaint", "out_of_policy") or intent in ("change_order", "ask_delivery_status"):
        if goods_problem(rules, text, lemmas):
            return "needs_operator"
    return reason
