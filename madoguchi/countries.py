"""The world's countries by name, in English and Japanese, from the Unicode CLDR data Babel
ships (offline): a parcel asked to be sent to one is asked to go abroad (`answers.ABROAD`).
Japan is left out, and so are the names that are also given names (Chad, Jordan, マリ)."""

from __future__ import annotations

import re

from babel import Locale

# Names a customer writes for a friend or a family member as often as for a country.
_GIVEN_NAMES = frozenset({"chad", "jordan", "マリ", "チャド", "ジョージア"})
# Parts of longer names that name no country (Cocos (Keeling) Islands, ココス（キーリング）諸島).
_NO_COUNTRY = frozenset({"islands", "island", "keeling", "malvinas", "諸島", "島", "キーリング", "マルビナス"})


def _variants(name: str) -> set[str]:
    """A CLDR name and the shorter ways it is written (Congo - Brazzaville: Congo; Myanmar
    (Burma): Myanmar, Burma; Bosnia & Herzegovina: Bosnia and Herzegovina; St. Lucia: Saint Lucia)."""
    found = {name, name.replace("&", "and"), name.replace("St. ", "Saint ")}
    found |= {part.strip() for part in re.split(r" - |\(|\)|、|（|）", name) if part.strip()}
    found |= {n.replace(" SAR China", "").replace("SAR", "").strip() for n in list(found)}
    return {n for n in found if len(n) >= 2}


def _names(locale: str) -> frozenset[str]:
    territories = Locale(locale).territories
    names: set[str] = set()
    for code, name in territories.items():
        if len(code) == 2 and code.isalpha() and code not in ("JP", "ZZ", "EU", "EZ", "UN", "QO", "XA", "XB", "XK"):
            names |= _variants(name)
    words = {n.lower() if locale == "en" else n for n in names}
    return frozenset(w for w in words if w not in _GIVEN_NAMES | _NO_COUNTRY and (locale != "en" or len(w) >= 4))


ENGLISH = _names("en")
JAPANESE = _names("ja")


def alternation(names: frozenset[str]) -> str:
    """The names as a regular expression's alternatives, the longest first."""
    return "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
