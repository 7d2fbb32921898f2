"""Answers to memorial gift questions (法事, 七回忌, お供え, 香典返し): a normal, calm request.

The answer gives what such a customer needs in one message: the Buddhist のし, products
that keep, how many to order, and, when a death is mentioned, one sentence of condolence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence


from madoguchi.nlu.reading import as_read, cue_places
from madoguchi.products import Catalog
from madoguchi.text import nfkc, with_hiragana
from madoguchi.values import kanji_digits

MEMORIAL = re.compile(
    r"法事|法要|回忌|一周忌|三回忌|七回忌|四十九日|しじゅうくにち|忌明け|満中陰|お供え|おそなえ|御供|供物|"
    r"香典返し|こうでんがえし|仏事|仏前|仏壇|初盆|新盆|お彼岸|命日|供養|偲|葬儀|葬式|通夜|告別式|御霊前|弔|"
    r"ほうじ(?!ちゃ|茶)|ほうよう|ぶつじ|ぶっじ|そうしき|こくべつしき|おつや|ごれいぜん|おくやみ|お悔やみ|"
    r"(いっしゅう|さん|なな|しち|じゅうさん|じゅうしち|にじゅうさん|さんじゅうさん|[0-9０-９]{1,2})かいき|"  # ３かいき (round zzh)
    r"いっしゅうき|はつぼん|にいぼん|めいにち|くよう|(?<![0-9])49(?:日|にち)|"
    # As voice input misconverts them (七回期, 一周期, 三回記)
    # 家内の十三回器 (round 2026-12-05x)
    r"[一二三七十]+回[期記機器](?!念|具)|(?<![0-9])(?:1|3|7|13|17|23|33)回[期記機忌器](?!念|具)|一周期|四十九にち|"
    r"方事(?!情)|法時"  # 法事 as voice input misconverts it (方事さ使う)
    r"|buddhist ?(?:ceremony|service|rite|memorial)|memorial|funeral|condolence|death anniversary"  # in English
    r"|いっしゅき|いっしゅうき"  # isshuki: one year after, in romaji read as kana
    r"|初七日|しょなのか|しょなぬか|はつなのか"  # the seventh day (しょなのかに きてくれた ひとたち, round 2026-12-07f)
    r"|いつしゆうき|いつしゅうき|いっしゆうき|しじゆうくにち|さんかいき|ななかいき|しちかいき"  # small kana typed big (round 2026-12-05f)
)
# Occasions that are no memorial: a question naming one is answered for it, whatever came before.
OTHER_OCCASION = re.compile(r"歳暮|中元|結婚|婚礼|出産|入学|卒業|快気|内祝|お祝|御祝|誕生|年賀|ウェディング|引出物")
DEATH = re.compile(
    r"亡くな|亡くし|なくなった母|なくなった父|他界|逝去|永眠|亡き|亡父|亡母|亡夫|亡妻|故人|先立た|旅立|"
    # in kana, after whom (オトウサン ナクナリマシタ): not the なくなった of a thing run out
    r"(?:父|母|さん|さま|様|親|主人|夫|妻|祖父|祖母|ちゃん)[がはも、\s]*"
    # おとうさん が せんしゅう なくなりました: when, between whom and the death
    r"(?:(?:先週|せんしゅう|先月|せんげつ|昨日|きのう|おととい|一昨日|今朝|けさ|去年|きょねん|最近|さいきん|この前|このまえ)[にも、\s]*)?"
    r"なくな(?:り|っ|ら)"
    r"|passed ?away"
    # my friend at factory, her father die last week (round 2026-12-07f chiharu-naw-06)
    r"|(?i:\b(?:father|mother|dad|mum|mom|husband|wife|grandfather|grandmother|grandma|grandpa|son|daughter|brother|sister"
    r"|uncle|aunt|friend)\b[^.?!。]{0,12}?\b(?:die|died|dead|is\s+gone|was\s+gone)\b)"
    # A friend from my lab lost her grandfather last week (round 2026-12-07h kiyoe-lesedi-06)
    r"|(?i:\blost\s+(?:my|her|his|their|our|a)\s+(?:father|mother|dad|mum|mom|husband|wife|grandfather|grandmother"
    r"|grandma|grandpa|granny|son|daughter|brother|sister|uncle|aunt|baby|child|parents?)\b)"
    # うっかたが こないだ のうなって (Koshiki, round 2026-12-07f genzo-wanjiru-05): Kyushu's のうなる
    r"|(?:うっかた|かかあ|家内|かない|女房|にょうぼう|じいさん|ばあさん|じいちゃん|ばあちゃん|おやじ|おふくろ|主人|しゅじん|父|母|さん|さま)"
    r"[がはも、\s]*(?:(?:こないだ|このあいだ|先週|せんしゅう|先月|せんげつ|去年|きょねん)[にも、\s]*)?の[うー]な(?:っ|り|ら)"
    # せんしゅう てんごく に いきました (round zn); not 天国に行ったみたいに美味しい
    r"|(?:天国|てんごく)(?:に|へ)(?:行|い)(?:き|っ)(?!た(?:みたい|よう|気分|心地|かのよう))|天国に旅立|天に召さ"
)
TROUBLE = re.compile(r"届かな|届いてな|届きませ|来な|こな|間に合|遅れ|まだ|違う|違い|壊|割れ|潰れ|漏れ|急")
GIFT_WORDS = re.compile(
    r"のし|熨斗|ノシ|表書き|水引|包装|引き物|引物|お返し|おかえし|菓子|おかし|品物|贈り物|おくりもの|贈りたい|送りたい|おくりたい|"
    r"sweets|noshi|gift"
)
QUANTITY = re.compile(r"(\d+)\s*(?:人|名|軒|家族|世帯|個|箱|つ)")

NOSHI_WORDS = re.compile(r"のし(?!かた|方)|熨斗|ノシ|伸し(?!て|た|ま|す)|表書き|おもてがき|水引")  # not 注文のしかた (の仕方)
# The custom itself asked about (日本のやり方 わからない, 法事のマナー): a gift question where a
# death or a memorial is told.
CUSTOM_WORDS = re.compile(
    r"やり方|やりかた|作法|さほう|マナー|まなー|しきたり|仕来り|習わし|ならわし|風習|慣習|習慣|決まりごと|決まり事|きまりごと|"
    r"礼儀|れいぎ|常識|じょうしき|manners?|customs?|etiquette"
)
# A detail of the のし asked without naming it, after the memorial answer (きいろと しろの ほうが
# おおいがいね; うえには なんて かいてもらったら ええけ; the colour and what to write, round 2026-12-05zzd).
NOSHI_DETAIL = (
    r"色|いろ|黄色|きいろ|黒|くろ|白|しろ|書い|かい|書く|かく|書き|上に|うえに|下に|したに|名前|なまえ|名入れ|表書|"
    r"(?i:colou?r|write|written|name on)"  # 何と書きますか? (round 2026-12-02zd kaoru-nattapong-06)
)
PLACEMENT_WORDS = re.compile(r"内のし|外のし|うちのし|そとのし|内熨斗|外熨斗")

CONDOLENCE = "心よりお悔やみ申し上げます。"
ANSWER_MARK = "仏事ののしは"  # how every memorial answer begins its のし part
OFFER = "ご不明な点があれば、担当者にもおつなぎできます。"
PERSON_BUTTON = {"title": "担当者に相談する", "payload": "担当者と話したいです"}
# A death told, nothing asked yet: the help the shop can give, in the customer's time.
DEATH_TOLD = (
    "心よりお悔やみ申し上げます。お供えやご法事のお菓子、のしの選び方などのご相談も承ります。"
    "どうぞごゆっくり、ご用件をお聞かせください。"
)


def is_memorial(text: str) -> bool:
    """The message is about a Buddhist memorial or an offering, or a gift or the custom for a
    house where someone died (オトウサン ナクナリマシタ。ソノ イエ ニ オカシ オクリタイ; 日本のやり方)."""
    read = cue_places(text)
    return MEMORIAL.search(read) is not None or (
        mentions_death(text) and (GIFT_WORDS.search(read) is not None or CUSTOM_WORDS.search(read) is not None)
    )


def asks_about_gift(text: str) -> bool:
    """The message asks about the gift itself (のし, 表書き, the sweets, wrapping)."""
    return GIFT_WORDS.search(cue_places(text)) is not None


def asks_noshi(text: str) -> bool:
    """The message asks about the のし (its kind, colour, 表書き, inside or outside), as
    written or read as kana (noshi wa dou sureba ii desu ka), its spaces kept: みせの しんよう
    holds no のし."""
    return NOSHI_WORDS.search(nfkc(text or "")) is not None or NOSHI_WORDS.search(as_read(text or "")) is not None


def asks_noshi_detail(text: str) -> bool:
    """The message asks about the のし, or a detail of it without naming it (色, 書く言葉, 名前)."""
    return asks_noshi(text) or re.search(NOSHI_DETAIL, nfkc(text or "")) is not None


def asks_the_custom(text: str) -> bool:
    """The message asks how such a gift is done: the のし, or the custom where a death or a
    memorial is told (うちの staff のお父さん 亡くなった。日本のやり方 わからない)."""
    if asks_noshi(text):
        return True
    read = cue_places(text)
    return CUSTOM_WORDS.search(read) is not None and (DEATH.search(read) is not None or MEMORIAL.search(read) is not None)


def _noshi_parts(gift: dict, text: str) -> list[str]:
    parts = [f"{ANSWER_MARK}、{gift.get('noshi', {}).get('仏事', '')}"]
    if PLACEMENT_WORDS.search(nfkc(text or "")):
        parts.append(gift.get("noshi_placement", ""))
    return parts


def noshi_answer(catalog: Catalog, text: str) -> str:
    """The のし alone, for a customer who was given the whole memorial answer already."""
    gift = catalog.gift
    return "".join(p for p in [*_noshi_parts(gift, text), gift.get("noshi_note", "")] if p)


def mentions_death(text: str) -> bool:
    """The customer speaks of someone who died."""
    return DEATH.search(cue_places(text)) is not None


def tells_trouble(text: str) -> bool:
    """The customer tells of something gone wrong or late, not only asks."""
    return TROUBLE.search(with_hiragana(nfkc(text or ""))) is not None  # 未ダ 来ナイ, in katakana (round zzh)


def quantity(text: str) -> int | None:
    """How many people or boxes the customer mentions (30人分, 三十名 -> 30), if more than one."""
    match = QUANTITY.search(kanji_digits(nfkc(text or "")))  # 十人ほど as well as 10人
    return int(match.group(1)) if match and 1 < int(match.group(1)) < 10000 else None


def memorial_context(text: str, earlier: Sequence[str]) -> str | None:
    """What a memorial answer to `text` is composed from, or None for no memorial: `text`
    and the conversation's `earlier` messages about a memorial, when `text` is about one
    or, naming no other occasion, follows one (一周忌の引き物を40名分, then のしはどうすれば):
    a quantity told before is kept."""
    # …おとうさん が なくなりました, then のし は なに を つかいます か: a death told before counts
    before = [t for t in earlier if is_memorial(t) or mentions_death(t)]
    other = OTHER_OCCASION.search(nfkc(text or ""))
    # せんしゅう てんごく に いきました: a death told now is a memorial's talk too (round 2026-12-03zn)
    if not (is_memorial(text) or mentions_death(text) and not other) and (not before or other):
        return None
    return "\n".join([text, *reversed(before)])  # the latest first: its own quantity wins


def memorial_answer(catalog: Catalog, text: str, condole: bool | None = None) -> str:
    """のし, products that keep, quantities, and condolences when a death is mentioned
    (`condole` False: they were offered already, in an earlier answer)."""
    gift = catalog.gift
    parts: list[str] = []
    if mentions_death(text) if condole is None else condole:
        parts.append(CONDOLENCE)
    parts.append("".join(_noshi_parts(gift, text)))
    keep = [p for p in catalog.products if "仏事" in p.tags]
    if keep:
        listed = "、".join(f"{p.name}（{p.shelf_life}）" for p in keep)
        parts.append(f"日持ちがしてお供えや法事によく選ばれるのは、{listed}です。")
    count = quantity(text)
    if count:
        parts.append(
            f"{count}名様分でしたら、同じお品を{count}個ご注文いただけます。"
            "のしはおひとつずつにお付けし、手提げ袋（1枚55円）もご注文の数だけご用意できます。"
        )
    else:
        parts.append("お配りになる場合は、1家族に1箱を目安に人数分をご注文ください。のしはおひとつずつにお付けします。")
    parts.append(gift.get("noshi_note", ""))
    parts.append(OFFER)
    return "\n".join(p for p in parts if p)
