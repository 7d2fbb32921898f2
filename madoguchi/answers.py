"""Answers to shipping, gift and product questions, composed from the shop's files.

Each function picks the parts of the answer a question asks for (by its words) and
falls back to a short overview.
"""

from __future__ import annotations

import re
from datetime import datetime

from madoguchi import countries
from madoguchi.nlu.reading import as_read
from madoguchi.shop import calendar
from madoguchi.shop.rules import Rules
from madoguchi.products import Catalog
from madoguchi.text import nfkc

ALLERGENS = ("卵", "小麦", "乳", "落花生", "ピーナッツ", "そば", "えび", "かに", "くるみ", "アーモンド", "大豆", "ごま")


def _has(text: str, pattern: str) -> bool:
    return re.search(pattern, nfkc(text)) is not None


def yen(amount: int) -> str:
    """880 -> 880円, 10800 -> 10,800円."""
    return f"{amount:,}円"


# Countries and continents a parcel is asked to be sent to (to New Zealand, モンゴルの実家に).
_COUNTRIES = (
    "uk|england|scotland|wales|ireland|canada|australia|new zealand|europe|asia|africa|brazil|peru|argentina|chile|"
    "bolivia|colombia|mexico|china|korea|south korea|taiwan|hong kong|mongolia|russia|ukraine|france|germany|italy|"
    "spain|portugal|netherlands|holland|belgium|switzerland|austria|sweden|norway|denmark|finland|iceland|poland|"
    "czechia|czech republic|hungary|romania|slovenia|croatia|serbia|greece|turkey|iran|israel|egypt|kenya|nigeria|"
    "ghana|south africa|india|nepal|sri lanka|bangladesh|pakistan|myanmar|thailand|vietnam|cambodia|laos|malaysia|"
    "singapore|indonesia|philippines|fiji|samoa|tonga|tuvalu|kiribati|vanuatu|palau|guam|hawaii|micronesia|"
    "marshall islands|solomon islands|cook islands|"
    "my country|my home country|back home|"
    + countries.alternation(countries.ENGLISH)  # How much is shipping to Guatemala? (round 2026-12-07s tomas-14)
)
_COUNTRIES_KANA = (
    "ニュージーランド|オーストラリア|イギリス|アイルランド|カナダ|ヨーロッパ|フランス|ドイツ|イタリア|スペイン|ポルトガル|"
    "オランダ|スイス|ロシア|ウクライナ|モンゴル|中国|香港|ベトナム|フィリピン|インドネシア|マレーシア|シンガポール|"
    "ネパール|スリランカ|バングラデシュ|ミャンマー|カンボジア|メキシコ|アルゼンチン|チリ|ハワイ|グアム|母国|本国|国の(?:家族|実家|母|父)|"
    + countries.alternation(countries.JAPANESE)
)
# Abroad named: the US, overseas, another country (not 海外在住 alone: who asks may live abroad
# and send within Japan).
ABROAD = re.compile(
    r"海外(?:へ|に|まで|発送|配送|への|でも|\s*[?？])|外国(?:へ|に|まで)|国外|アメリカ|米国|ブラジル|ペルー|台湾|韓国|"
    rf"(?:{_COUNTRIES_KANA})(?:へ|に|まで|の(?:実家|家族|母|父|友))|"
    r"(?i:\b(?:abroad|overseas|internationally|international\s+shipping|outside\s+(?:of\s+)?japan|in\s+the\s+states)\b|"
    rf"\bto\s+(?:the\s+)?(?:[A-Za-z-]+(?:,\s*|\s+in\s+))?(?:us|usa|u\.s\.?|states|america|{_COUNTRIES})\b)"
)


def shipping_answer(rules: Rules, text: str, now: datetime) -> str:
    """Fees, cutoff, lead times and regions, with the dates an order placed now would get;
    a parcel abroad, that the shop sends within Japan only."""
    if ABROAD.search(nfkc(text)) or ABROAD.search(as_read(text)):
        return ("申し訳ございません。お届けは日本国内のみで、海外への発送は承っておりません。"
                "日本国内のご住所（ご家族やお知り合いのお宅など）へは、全国どこへでもお送りできます。")
    remote = calendar.is_remote(rules, text)
    estimate = calendar.estimate_delivery(rules, now, remote=remote)
    fees = rules.fees
    parts: list[str] = []
    asks_fee = _has(text, r"送料|料金|いくら|無料|タダ|値段|費用")
    asks_time = _has(text, r"いつ|何日|なんにち|届く|とどく|着く|つく|到着|当日|今日|何時まで|締め|間に合")
    asks_slot = _has(text, r"時間(帯)?(指定)?|午前|午後|夜|日時指定|日付指定|指定")
    asks_cool = _has(text, r"クール|冷蔵|冷凍|保冷")
    # can you deliver on Sunday? (round 2026-12-05zzm): the days a parcel is brought
    asks_day = _has(f"{text}\n{as_read(text)}", r"[土日]曜|土日|週末|祝日|休日|(?i:sunday|saturday|weekend)")
    if asks_day:
        parts.append(delivery_days_text(rules))
    # メール便っていうのは、郵便受けさ入るもんだべか。昼間はいねぇことが多いもんで
    asks_receipt = _has(text, r"郵便受|ゆうびんうけ|ポスト|ぽすと|不在|留守|るす|手渡し|てわたし|受け取|うけと|置き配|サイン|はんこ|判子|印鑑")
    if asks_receipt:
        parts.append(
            "カタログのメール便は郵便受け（ポスト）へのお届けですので、ご不在でも受け取れます。"
            "ご注文の品や宅配便は手渡しでのお届けで、ご不在のときは不在票が入り、再配達をご依頼いただけます。"
        )
    # メール便 トハ 何カ。郵便 ト 違フ ノカ。: the catalog's way of coming, not the order's fees
    asks_method = _has(text, r"メール便|めーる便|メールびん|めーるびん|メイル便") and not asks_receipt
    if asks_method:
        parts.append(catalog_methods_text(rules))
    # the order's fees and days, when they are asked or nothing else is (not with メール便 asked)
    other_asked = asks_slot or asks_cool or asks_receipt or asks_day
    if not asks_method and (asks_fee or not (asks_time or other_asked)):
        parts.append(
            f"送料は全国一律{yen(fees['standard'])}（北海道・沖縄・離島は{yen(fees['remote'])}）です。"
            f"{yen(fees['free_over'])}以上のご注文で送料無料になります。"
        )
    if not asks_method and (asks_time or not (asks_fee or other_asked) or remote):
        cutoff = calendar.ja_time(rules.cutoff)
        when = "本日" if estimate.same_day else calendar.ja_date(estimate.ships) + "に"
        region = "北海道・沖縄・離島へは" if remote else ""
        parts.append(
            f"営業日の{cutoff}までにご注文が確定すると当日に発送し、それ以降は翌営業日の発送です。"
            f"今ご注文いただくと{when}発送し、{region}"
            f"{calendar.ja_date(estimate.earliest)}から{calendar.ja_date(estimate.latest)}ごろのお届けです。"
        )
    if asks_slot:
        low, high = rules.delivery_date_window_days
        parts.append(
            f"お届け日はご注文日の{low}日後から{high}日後まで、時間帯は"
            f"{'・'.join(rules.time_slots)}からお選びいただけます。"
        )
    if asks_cool:
        parts.append(f"生菓子など要冷蔵の品はクール便（追加{yen(fees['cool'])}）でお届けします。")
    return "".join(parts)


_DAY_NAMES = "月火水木金土日"


def delivery_days_text(rules: Rules) -> str:
    """The days a parcel is delivered and the days the shop ships (土曜・日曜・祝日も…)."""
    shipped = "・".join(_DAY_NAMES[d] for d in sorted(rules.shipping_days))
    if rules.delivery_weekdays >= {5, 6}:
        return f"お届けは土曜・日曜・祝日も承ります（発送は{shipped}曜日です）。お届け日はご注文時にご指定いただけます。"
    days = "・".join(_DAY_NAMES[d] for d in sorted(rules.delivery_weekdays))
    return f"お届けは{days}曜日です（発送は{shipped}曜日です）。"


def catalog_methods_text(rules: Rules) -> str:
    """メール便 explained in plain words (the post box, the days), with 宅配便 for a hurry."""
    usual = rules.catalog_methods[rules.catalog_default_method]
    text = (
        f"{usual.label}は、カタログを郵便と同じようにご自宅の郵便受け（ポスト）へお入れする送り方です。"
        f"料金は{_fee_text(usual.fee)}で、{days_text(usual.days)}ほどで届きます。"
    )
    for method in rules.catalog_methods.values():
        if method.key != usual.key:
            text += (
                f"お急ぎでしたら{method.label}（{_fee_text(method.fee)}）で、"
                f"配達の人が{days_text(method.days)}ほどで手渡しでお届けします。"
            )
    return text


def _fee_text(fee: int) -> str:
    return "無料" if not fee else yen(fee)


def days_text(days: tuple[int, int]) -> str:
    """(3, 7) -> 3〜7日, (2, 2) -> 2日."""
    low, high = days
    return f"{high}日" if low == high else f"{low}〜{high}日"


# An age said as one (88歳, 88 years old, turns 88, soon 88, cumple 88), in the reading too.
_AGE = re.compile(
    r"([0-9]{2,3})\s*(?:歳|才|さい|th\s+birthday|(?:years?|yrs?)[ -]old|yo\b|años)"
    r"|(?:turns?|turning|soon|cumple|cumplirá|cumplira)\s*([0-9]{2,3})(?![0-9])",
    re.IGNORECASE,
)


def longevity_answer(gift: dict, text: str) -> str:
    """The name of a birthday of long life asked about (88: 米寿), with its のし and card; empty
    when the message names no such age nor the name."""
    names = {int(age): name for age, name in (gift.get("longevity") or {}).items()}
    read = nfkc(f"{text}\n{as_read(text)}")
    ages = [int(a or b) for a, b in _AGE.findall(read)]
    age = next((a for a in ages if a in names), None)
    if age is None:
        age = next((a for a, name in names.items() if name in read), None)
    return gift.get("longevity_note", "").format(age=age, name=names[age]) if age else ""


def gift_answer(catalog: Catalog, text: str) -> str:
    """のし (by occasion; a birthday of long life by its name), wrapping, bags and cards."""
    gift = catalog.gift
    noshi = gift.get("noshi", {})
    longevity = longevity_answer(gift, text)
    parts: list[str] = [longevity] if longevity else []
    asks_noshi = _has(text, r"のし|熨斗|ノシ|表書き|水引|名入れ|内のし|外のし|志|御供|お供")
    asks_wrap = _has(text, r"包装|ラッピング|包み|つつみ|箱")
    asks_bag = _has(text, r"袋|ふくろ|手提げ|紙袋")
    asks_card = _has(text, r"カード|メッセージ|手紙")
    # no receipt in the box, it is a gift (round 2026-12-05zzl): what goes in the parcel
    asks_slip = _has(f"{text}\n{as_read(text)}", r"領収書|納品書|明細|値札|(?:値段|金額|価格)[^。?？]{0,8}(?:入れ|入って|同封|見え|わか|分か)")
    if _has(text, r"法事|法要|仏|供|葬|香典|四十九日|忌|志|お盆|盆|彼岸|弔"):
        parts.append(f"仏事には、{noshi.get('仏事', '')}")
    elif _has(text, r"結婚|婚礼|引き菓子|引出物|ウェディング"):
        parts.append(f"ご結婚には、{noshi.get('婚礼', '')}")
    elif (asks_noshi or _has(text, r"祝|歳暮|中元|内祝|出産|入学|快気")) and not longevity:
        parts.append(f"お祝いやご挨拶には、{noshi.get('慶事', '')}")
    if parts or asks_noshi:
        parts.append(gift.get("noshi_note", ""))
    if asks_wrap:
        parts.append(gift.get("wrapping", ""))
    if asks_bag:
        parts.append(gift.get("bag", ""))
    if asks_card:
        parts.append(gift.get("card", ""))
    if asks_slip:
        parts.append(gift.get("price_slip", ""))
    if not parts:
        parts = [gift.get("noshi_note", ""), gift.get("wrapping", ""), gift.get("bag", ""), gift.get("card", "")]
    return "".join(p for p in parts if p)


def _allergen_asked(text: str) -> list[str]:
    t = nfkc(text)
    asked = [a for a in ALLERGENS if a in t]
    return ["乳成分" if a == "乳" else ("落花生" if a == "ピーナッツ" else a) for a in asked]


# Ingredients the product data does not hold (only the allergens are there): a person checks.
UNLISTED = re.compile(
    r"ハラール|halal|豚|ポーク|pork|ラード|lard|ゼラチン|gelatin|アルコール|洋酒|お酒|alcohol|álcool|alcool|"
    r"ビーガン|ヴィーガン|vegan|動物性|製造ライン|production line",
    re.I,
)
UNLISTED_NOTE = (
    "アレルギー物質のほかの原材料（洋酒・ゼラチン・豚由来のものなど）やハラールへの対応は、担当者が商品ごとに"
    "確認してお答えします。ご希望でしたら、下の「担当者に相談する」からおつなぎします。"
)


def asks_unlisted(text: str) -> bool:
    """The question names an ingredient the product data does not hold (ゼラチンは豚ですか)."""
    return UNLISTED.search(nfkc(text or "")) is not None


def product_answer(catalog: Catalog, text: str) -> str:
    """Shelf life, storage, allergens and ingredients of named products, or suggestions; what
    the data does not hold (halal, gelatin, alcohol) is left to a person, said so."""
    answer = _product_facts(catalog, text)
    if not asks_unlisted(text):
        return answer
    return UNLISTED_NOTE if answer.startswith(GENERAL) else f"{answer}\n{UNLISTED_NOTE}"


GENERAL = "当店の主な商品は"


def _product_facts(catalog: Catalog, text: str) -> str:
    named = catalog.mentioned(text)
    allergens = _allergen_asked(text)
    if named:
        lines = []
        for p in named[:3]:
            allergy = "、".join(p.allergens) if p.allergens else "なし"
            lines.append(
                f"【{p.name}】{yen(p.price)}（税込）／日持ち：{p.shelf_life}／保存：{p.storage}"
                f"／アレルギー物質：{allergy}。{p.note}"
            )
        return "\n".join(lines)
    if allergens:
        free = [p.name for p in catalog.products if not any(a in "".join(p.allergens) for a in allergens)]
        asked = "・".join(allergens)
        if not free:
            return f"申し訳ございません。{asked}を使っていない商品はございません。"
        return f"{asked}を使っていない商品は、{'、'.join(free)}です。詳しくは商品名でお尋ねください。"
    if _has(text, r"日持ち|長持ち|賞味期限|消費期限|もつ|持つ"):
        keep = [p for p in catalog.products if "日持ち" in p.tags]
        return "日持ちのする品では、" + "、".join(f"{p.name}（{p.shelf_life}）" for p in keep) + "がおすすめです。"
    if _has(text, r"法事|法要|仏|供|お盆|彼岸"):
        chosen = [p.name for p in catalog.products if "仏事" in p.tags]
        return "お供えや法事には、" + "、".join(chosen) + "がよく選ばれています。"
    if _has(text, r"歳暮|中元|お祝い|内祝|結婚|引き菓子"):
        chosen = [p.name for p in catalog.products if {"慶事", "御歳暮", "御中元", "内祝", "引き菓子"} & set(p.tags)]
        return "ご贈答には、" + "、".join(chosen) + "が人気です。"
    names = "、".join(p.name for p in catalog.products)
    return f"{GENERAL}、{names}です。気になる商品の名前を添えてお尋ねいただくと、日持ちやアレルギー物質をお答えします。"
