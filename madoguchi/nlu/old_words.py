"""Words written in an older way or by voice input (型録, 片ログ: カタログ), the small っ written full
size (言つて), and greetings in kana of Ainu and the islands (イランカラプテ, たんでぃがーたんでぃ): read
as customers write them today, before anything else of the reading."""

from __future__ import annotations

import re

import jaconv

from madoguchi.nlu.kana import Reading, replaced


# Words of the shop in an older writing, read as customers write them today (型録, 品書き: カタログ).
# And as voice input writes カタログ (片ログ頼んだんだけど, round 2026-12-05r) and a call back
# (織り返し電話暮れるって言っとった, round 2026-12-05zzc).
_OLD_WORDS = {  # 貴店の品書きを御願ひ申し上げ候
    "型録": "カタログ", "品書き": "カタログ", "片ログ": "カタログ", "織り返し": "折り返し", "電話暮れ": "電話くれ",
    "用感": "羊羹",  # 用感は何日もつんで？ (voice input, round 2026-12-07r masako)
    "送量": "送料",  # 島やけど、送量って本土と一緒なん？ (round 2026-12-05zze)
    "型ログ": "カタログ", "かたろく": "カタログ",  # かたろく　うちにも頼むわ (a slip of the finger, round 2026-12-05zzi)
    "放送": "包装",  # 贈り物用の放送してもらえんの, お歳暮で送るけぇ放送紙で (rounds 05zzg and before)
    "野師": "のし",  # 野師が紅白の御祝になっとった (voice input, round 2026-12-05zzq otoyo-gwenael-10)
    "お貸し": "お菓子",  # お貸しもみなさん喜んでくれて (voice input, round 2026-12-07u shigeko)
    # 葉が わるうなって 洋館は よう かまんとよ (a few wrong kanji, round 2026-12-07x fumi): teeth, 羊羹
    "洋館": "羊羹", "葉が": "歯が",
}
# 放送 of a broadcast is no wrapping (テレビで放送されてた羊羹); お貸し before a particle, not the verb
# (お貸しください, お貸しします).
_OLD_WORD = re.compile(
    "|".join(map(re.escape, _OLD_WORDS))
    .replace("放送", "(?<!テレビで)(?<!ラジオで)(?<!番組で)放送(?!され|中|局|で見)")
    .replace("お貸し", "お貸し(?=[とものがはを、。\\s　]|$)")
    # the teeth, not the leaves: 歯が悪い, 歯が弱い (not 葉が落ちる, 葉が色づく)
    .replace("葉が", "(?<![の木])葉が(?=[\\s　]*(?:わる|悪|弱|よわ|いた|痛|ない|無))")
)


# Ainu's greetings, thanks and goodbye in katakana among Japanese (イランカラプテ！, イヤイライケレ,
# アプンノ オカ: round 2026-12-07n), and Tarama's and Okinawa's in hiragana (たんでぃがーたんでぃ,
# ちゅーがなびら: round 2026-12-07o), and Okinawa's and Kagoshima's below, read as their Japanese.
_KATAKANA_ONLY = {
    "イランカラプテ": "こんにちは", "イヤイライケレ": "ありがとうございます", "アプンノ オカ": "さようなら",
    "アプンノオカ": "さようなら", "アプンノ パイェ": "さようなら", "ヒオーイオイ": "ありがとうございます",
}
# Written in either kana: each in hiragana here, in katakana too below.
_IN_EITHER_KANA = {
    "たんでぃがーたんでぃ": "ありがとうございます", "たんでぃがー たんでぃ": "ありがとうございます",
    "たんでぃがー": "ありがとうございます", "ちゅーがなびら": "こんにちは",
    # Okinawa's thanks and "what shall I do" (にふぇーでーびる, ちゃーすが: Iheya, round 2026-12-07q), Kagoshima's
    # おやっとさあ (a greeting to one at work) and thanks (オヤットサアゴワス, アイガトサゲモシタ: Mishima)
    "にふぇーでーびる": "ありがとうございます", "にふぇーでーびたん": "ありがとうございました", "ちゃーすが": "どうしよう",
    "おやっとさあごわす": "こんにちは", "おやっとさあ": "こんにちは", "おやっとさー": "こんにちは",
    "あいがとさげもした": "ありがとうございました", "あいがとさげもす": "ありがとうございます",
    # Shinshu's thanks (ごっそうさまでした🍎🍎: Otari, round 2026-12-07v)
    "ごっそうさまでした": "ありがとうございました", "ごっそうさまです": "ありがとうございます", "ごっそうさま": "ありがとうございます",
    # Akita's thanks (おぎに、、ほんとに、おぎに、だス: Kamikoani, round 2026-12-07w)
    "おぎに": "ありがとう",
    # Nanbu's thanks (ありがとがんした へば: Ichinohe, round 2026-12-07z) and thanks of old, as a telegram
    # writes it (ゴカイトウ　カタジケナシ)
    "ありがとがんした": "ありがとうございました", "ありがとがんす": "ありがとうございます",
    "かたじけなし": "ありがとうございます", "かたじけない": "ありがとうございます",
}
_GREETINGS_IN_KANA = {
    **_KATAKANA_ONLY, **_IN_EITHER_KANA, **{jaconv.hira2kata(word): meant for word, meant in _IN_EITHER_KANA.items()}
}
_GREETING_IN_KANA = re.compile("|".join(map(re.escape, sorted(_GREETINGS_IN_KANA, key=len, reverse=True))))
# The small っ written full size, as in the older writing or by a slip (持つてくつて言つてしまつた, 頭真つ白,
# 来ねがつた, 間に合つてる: round 2026-12-07n): before て or た after a kanji that is no numeral (二つ
# たのんだ stays), after が, な, だ, ま, や, なか, てく and the like, and in 真つ before a colour.
_BIG_TSU = re.compile(
    r"(?:(?<=[一-龥々])(?<![一二三四五六七八九十幾何])|(?<=[がなだまや])|(?<=なか|しか|よか|たか|てく))つ(?=[てた])"
    r"|(?<=真)つ(?=[白赤青黒暗])|(?<=[」』])つ(?=て)"  # 「千葉」つて
)


def old_words(text: str) -> Reading | None:
    """The text with the shop's words in their older writing, or as voice input writes them,
    read as today's (型録をお願いしたがです: カタログ; 言つて: 言って), greetings of Ainu and the
    islands read in Japanese, or None when it holds none."""
    found = [(m.start(), m.end(), _OLD_WORDS[m.group()]) for m in _OLD_WORD.finditer(text)]
    found += [(m.start(), m.end(), "っ") for m in _BIG_TSU.finditer(text)]
    found += [(m.start(), m.end(), _GREETINGS_IN_KANA[m.group()]) for m in _GREETING_IN_KANA.finditer(text)]
    return replaced(text, sorted(found)) if found else None
