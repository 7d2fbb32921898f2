"""Where an address stands in a message, building and room included.

- An address starts at a prefecture, or at a city or ward name, and runs over block numbers
  (1-2-3, 1丁目2番3号, ななじゅうさんばんち), then over a building and room written after a
  space (梅田マンション 502, 芝ビル7階, 101号室), until punctuation, a particle or a polite
  ending. Kyoto's street directions (河原町通三条上る) are part of it; a building may be
  written in half-width katakana (芝NBFﾀﾜｰ8F).
- Written in kana (かがわけん　たかまつし　ばんちょう　1-2-3), an address starts at a prefecture
  written in kana, at a city and its ward or town, or after its label (じゅうしょは …), and
  runs over spaced words to its block numbers (1ちょうめ　2-3); a city named in hiragana
  (さいたま市) starts one too.
"""

from __future__ import annotations

import re

import jaconv

PREFECTURES = (
    "北海道|青森県|岩手県|宮城県|秋田県|山形県|福島県|茨城県|栃木県|群馬県|埼玉県|千葉県|東京都|神奈川県|"
    "新潟県|富山県|石川県|福井県|山梨県|長野県|岐阜県|静岡県|愛知県|三重県|滋賀県|京都府|大阪府|兵庫県|"
    "奈良県|和歌山県|鳥取県|島根県|岡山県|広島県|山口県|徳島県|香川県|愛媛県|高知県|福岡県|佐賀県|長崎県|"
    "熊本県|大分県|宮崎県|鹿児島県|沖縄県"
)
# Prefectures in kana, as a customer who writes without kanji does (かがわけん, ｶｶﾞﾜｹﾝ).
_PREFECTURE_READINGS = (
    "ほっかいどう あおもりけん いわてけん みやぎけん あきたけん やまがたけん ふくしまけん いばらきけん "
    "とちぎけん ぐんまけん さいたまけん ちばけん とうきょうと かながわけん にいがたけん とやまけん いしかわけん "
    "ふくいけん やまなしけん ながのけん ぎふけん しずおかけん あいちけん みえけん しがけん きょうとふ おおさかふ "
    "ひょうごけん ならけん わかやまけん とっとりけん しまねけん おかやまけん ひろしまけん やまぐちけん とくしまけん "
    "かがわけん えひめけん こうちけん ふくおかけん さがけん ながさきけん くまもとけん おおいたけん みやざきけん "
    "かごしまけん おきなわけん"
).split()
_KATA_PREFECTURES = [jaconv.hira2kata(p) for p in _PREFECTURE_READINGS]
# しまね県, おおさか府: the name in kana, the word of a prefecture in kanji
_HALF_KANJI_PREFECTURES = [
    p[: -len(kana)] + kanji for p in _PREFECTURE_READINGS
    for kana, kanji in (("けん", "県"), ("ふ", "府"), ("と", "都")) if p.endswith(kana) and p != "ほっかいどう"
]
KANA_PREFECTURES = "|".join(
    [*_PREFECTURE_READINGS, *_KATA_PREFECTURES, *(jaconv.z2h(p, kana=True) for p in _KATA_PREFECTURES),
     *_HALF_KANJI_PREFECTURES]
)
# Cities whose own name is written in hiragana (さいたま市 is the city's spelling).
_KANA_CITIES = (
    "さいたま|つくばみらい|つくば|ひたちなか|かすみがうら|いわき|ふじみ野|あきる野|さくら|うるま|えびの|むつ|"
    "かほく|みどり|みよし|たつの|いすみ|みやま|うきは|あわら|にかほ|つがる|南あわじ|いちき串木野|せたな"
)
KANJI = r"一-龥々〆ヶヵ"
HALF_KANA = "ｦ-ﾟ"  # half-width katakana, its long vowel and (semi-)voiced marks
_PLACE = rf"[{KANJI}ァ-ヴー{HALF_KANA}]"
_DIRECTION = "上る|下る|東入る|西入る|入る|上ル|下ル|入ル"  # Kyoto: 河原町通三条上る
_NUM = r"[0-9０-９一二三四五六七八九十〇]"
_DASH = r"[-－‐ー−―の之ノ]"
# Numbers read out in kana, as voice input writes a block (ななじゅうさんばんち).
_KANA_NUM = "(?:ひゃく|じゅう|いち|に|さん|よん|ご|ろく|なな|しち|はち|きゅう)"
_BLOCK = (
    rf"(?:{_NUM}+(?:丁目|番地の(?={_NUM})|番地?|号室|号|ちょうめ|ばんち|ばん|{_DASH}"  # 十二番地の五: one block
    # a kanji numeral with a place's kanji after it begins the place's name (三宅島三宅村坪田, round
    # 2026-12-07j): no block
    rf"|(?<![一二三四五六七八九十〇])|(?![{KANJI}]))"
    rf"|{_KANA_NUM}+(?:ちょうめ|ばんち|ばん|ごう)(?=[ 　、。,.]|です|で|の|$))"
)
# In romaji, written from the building to the prefecture, commas between (Kaigan Heights 203, 5-12-3,
# Nakatsuma-cho, Kamaishi-shi, Iwate, round 2026-12-05zzs); a city's, ward's or town's word in it.
# The building before it, in parts (Wakaba Dormitory, Building B, Room 214, 45 Teramachi, Tsutsumi-cho,
# Toyota-shi, Aichi, round 2026-12-06a): each ends with its number or is a building's word; not a name.
# A university's parts too (Marine Ecology Lab, Faculty of Science Bldg. 2, Room 415, University of the
# Ryukyus, 1 Senbaru, Nishihara-cho, …, round 2026-12-07r): of and the between its words.
_ROMAJI_WORDS = r"[A-Z][A-Za-z.'-]*(?: (?:of |the |of the |and )?[A-Z][A-Za-z.'-]*){0,3}"
_ROMAJI_HOUSE = (
    r"(?:Dormitory|Dorm|Building|Bldg|Room|Apartment|Apt|Heights|House|Mansion|Residence|Hall|Tower|Court|Floor"
    r"|Lab|Laboratory|Office|Center|Centre|Campus)"
)
_ROMAJI_HOUSE_FIRST = r"(?:University|Faculty|Graduate School|School|Institute|Department|College|Hospital)"
_ROMAJI_PART = (
    rf"(?:{_ROMAJI_WORDS} \d{{1,4}}[A-Za-z]?|(?:{_ROMAJI_WORDS} )?{_ROMAJI_HOUSE}\.?(?: [A-Z0-9]{{1,4}})?"
    rf"|{_ROMAJI_HOUSE_FIRST} of (?:the )?{_ROMAJI_WORDS})"
)
ROMAJI_ADDRESS = re.compile(
    rf"(?:{_ROMAJI_PART}, ){{0,4}}"
    r"(?:\d{1,4}(?:-\d{1,4}){1,2},? |\d{1,4} (?=[A-Z][a-z]+-(?:cho|machi|dori)\b)"  # 112 Yamate-cho (zzx)
    r"|\d{1,4} (?=[A-Z][a-z]+, [A-Z][a-z]+-(?:cho|machi)\b))"  # 45 Teramachi, Tsutsumi-cho
    r"(?:[A-Z][A-Za-z]*(?:-[a-z]+)?, ){1,3}[A-Z][a-z]+(?:-(?:ken|to|fu|shi|ku|gun))?\b(?! [A-Z])"
    # or from the number on, the building and its floor last (3-12-5 Kitanagasadori, Chuo-ku, Kobe, Toa
    # West Bldg 2F, round 2026-12-05zzv)
    r"(?:, [A-Z][A-Za-z.'-]*(?: [A-Z][A-Za-z.'-]*){0,3} #?\d{1,4}F?\b)?"
)
_ROMAJI_CITY = re.compile(r"-(?:shi|ku|gun|cho|machi|mura)\b")
# In romaji from the city on, the building after the block (Chiba-shi Chuo-ku Shinmachi 2-8-14, Sakura
# Bldg 4F; Nagoya-shi Chikusa-ku Suemoridori 2-8 Maison Suemori 304, rounds 2026-12-05i, zzn, 06a): each
# part of the building ends with its number, its floor or a building's word, and its words begin in
# capitals but for a room's or a floor's (…24-3, Residence Eizan room 205 pls).
# A building's words in lower case count too (…Maana 2-41 Hyodo farm dormitory room 3, round 2026-12-07m).
_ROMAJI_TOKEN = (
    r"(?:[A-Z][A-Za-z.'-]*|room|flat|floor|apt|bldg|danchi|dormitory|dorm|building|farm|house|hall|apartment"
    r"|\d{1,4}(?:F|th|st|nd|rd)?)"
)
_ROMAJI_END = rf"(?:\d{{1,4}}(?:-\d{{1,4}})?[A-Za-z]?(?![\w-])|(?:{_ROMAJI_HOUSE}|floor|flat)\b)"
# The prefecture before the city without its -ken (Ehime Yawatahama-shi Maana 2-41, round 2026-12-07m).
_ROMAJI_PREFECTURES = (
    "hokkaido|aomori|iwate|miyagi|akita|yamagata|fukushima|ibaraki|tochigi|gunma|saitama|chiba|tokyo|kanagawa|"
    "niigata|toyama|ishikawa|fukui|yamanashi|nagano|gifu|shizuoka|aichi|mie|shiga|kyoto|osaka|hyogo|nara|"
    "wakayama|tottori|shimane|okayama|hiroshima|yamaguchi|tokushima|kagawa|ehime|kochi|fukuoka|saga|nagasaki|"
    "kumamoto|oita|miyazaki|kagoshima|okinawa"
)
ROMAJI_CITY_FIRST = re.compile(
    rf"(?<![A-Za-z-])(?i:(?:[a-z]+-(?:ken|to|fu|do),? |(?:{_ROMAJI_PREFECTURES}),? )?[a-z]+-(?:shi|gun|ku)(?:,? [a-z]+-(?:ku|cho|machi|mura))?,?"
    r"(?: [a-z][a-z'-]*){1,4},? \d{1,4}(?:-\d{1,4}){0,2}(?![\d-]))"
    rf"(?:,? (?:{_ROMAJI_TOKEN} ){{0,4}}{_ROMAJI_END}){{0,3}}"
)
# Start: a prefecture, or a city / ward / town name (2+ letters before 市区町村郡).
_START = rf"(?:(?:{PREFECTURES})(?:(?:{_KANA_CITIES})市)?|(?:{_KANA_CITIES})市|{_PLACE}{{1,6}}[市区郡])"
_WORD = rf"[{KANJI}ァ-ヴーㇰ-ㇿ{HALF_KANA}A-Za-zＡ-Ｚａ-ｚ・･]"  # ㇼ: Ainu's small katakana (工房シㇼカ, 07n)
_HOUSES = ("ビル", "ホーム", "苑", "マンション", "ハイツ", "荘", "アパート", "コーポ", "レジデンス", "タワー", "棟", "館", "ハウス",
           "コート", "ヒルズ", "メゾン", "パレス", "プラザ", "団地", "寮", "住宅", "ハイム", "ヴィラ", "カーサ",
           "旅館", "ホテル", "会館", "病院", "医院", "事務所", "工場", "センター", "スクエア", "テラス", "ガーデン",
           "製作所", "商店", "工業", "工務店", "株式会社", "有限会社", "営業所", "支店", "本店", "民宿", "ペンション",
           "アトリエ", "スタジオ", "ギャラリー", "工房",  # 益子町益子3021-6 アトリエ・ハーロム (round 2026-12-05zzb)
           "教室", "大学", "研究科", "研究所",  # …本町５－２１　藤原きもの教室, …青葉6-3 東北大学 理学研究科 化学棟 405号室 (zzh)
           "酒店", "酒造", "商会", "書店", "薬局",  # 益田市駅前町１２－３ 岩本酒店 (round 2026-12-05zzk)
           "学校",  # 串本町串本1800 串本中学校 職員室 (round 2026-12-05zzn)
           "寺", "院", "神社", "教会",  # 高畑町１１８８番地 東光院 寺務所 (round 2026-12-05zzr)
           # 天王台1-1-1 平砂学生宿舎 3号棟 110号室, 河井町２部４７番地 蔵谷漆器店 (round 2026-12-05zzu)
           "宿舎", "漆器店", "雑貨店", "呉服店", "菓子店", "文具店", "家具店", "生花店", "鮮魚店", "精肉店", "青果店",
           "食料品店", "電器店", "金物店", "陶器店", "洋品店",
           "農園", "果樹園", "茶園", "わさび園", "保育園", "幼稚園",  # 湖南4321-1 小口わさび園 出荷小屋 (round 2026-12-05zzv)
           "木工所", "鉄工所", "工作所", "工業所",  # …福島字上の段５１２３番地 古畑木工所 (round 2026-12-05zzw)
           "漁業", "漁協", "水産",  # 気仙沼市魚市場前7-2 海栄漁業 事務所 (round 2026-12-05zzw)
           "倉庫", "別館", "本館", "新館",  # 平林南1-3-22 南港第二倉庫 B棟 305, 北本町９０５－３ 松屋別館 (zzz)
           "染工", "染物店", "窯元", "陶房",  # 備前市伊部１６５８－３ 藤原染工 (round 2026-12-06e)
           "川宿", "宿屋",  # 四万十市西土佐江川崎2468 川宿ごんた (round 2026-12-07b)
           "みかん園", "ミカン園", "蜜柑園", "りんご園", "リンゴ園", "ぶどう園", "葡萄園", "梨園", "柑橘園",  # 三崎１２３３−２ 二宮みかん園 (07m)
           "牧場", "造船所")  # 別海町中西別123-4 佐々木牧場 (round 2026-12-07c), 笛吹郷1789-3 浦造船所 事務所 (06d)
_HOUSE = "|".join(dict.fromkeys([*_HOUSES, *(jaconv.z2h(h, kana=True, ascii=False, digit=False) for h in _HOUSES)]))
# A sumo stable after a name (両国２−１４−７ 東雲部屋, round zx); not 部屋番号, nor 部屋 alone.
_HOUSE += rf"|(?<=[{KANJI}ァ-ヴー])部屋(?!番)"
# In care of the front desk or a household after the building (…ホテル・ラ・ルミエール銀座 フロント気付).
_CARE_OF = rf"(?:[ 　]?{_WORD}{{0,6}}(?:気付|きづけ))?"
# A room, or a block of flats and its room (3号棟204, 2棟の105).
# At most five digits: a longer number after an address is a phone.
# A kanji numeral alone that begins a word is no room (ビル8階 三和ロジテック).
_ROOM = (
    # not the first part of a postal code written after the room (…203号室 980-0813, round 2026-12-05zzq)
    rf"{_NUM}{{1,5}}(?!{_NUM}|[-－‐][0-9０-９]{{4}})(?:号?棟[ 　の-]?{_NUM}+(?:号室|号)?|号室|号|階(?:病棟)?|Ｆ|F|ごうしつ|ごう)?"
    rf"(?:(?<=[0-9０-９号室階ＦF棟う])|(?![{KANJI}]))"
)
_NAMED_ROOM = rf"{_NUM}{{1,5}}(?:号室|号館|号|階(?:病棟)?|Ｆ|F|ごうしつ|ごう)"  # ウエスト2号館, …病院 東5階病棟
# After a space, only a building (a name with a word of buildings in it) or a room: a name
# written after the address (〒… 東京都…1-2-3 高橋美和子) is no part of it.
# A building name may go on in hiragana after its word of buildings (ケアハウスせんごく), and a
# building without such a word counts when a room follows it (グランメール芝辻305号, 兜町ベイ1804).
# A building's name may hold a kana or two of grammar before its word (サービス付き高齢者住宅),
# and begin in hiragana (こまつ屋旅館).
_LATIN_WORD = "[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ'&.]*"  # …小町2-11-9 Crêperie Ti Gwenn 2F (round 2026-12-05zzq)
_BUILDING = (
    rf"(?:(?:[ぁ-ゖ]{{1,6}}(?={_WORD}))?(?:{_WORD}+[ぁ-ゖ]{{1,3}}(?={_WORD}))*{_WORD}*(?:{_HOUSE})[{_WORD[1:-1]}ぁ-ゖ]*"
    rf"(?:{_NUM}{{1,2}}(?:条|番街|番館)[{_WORD[1:-1]}]*)?(?:[ 　]?{_ROOM})?"  # ノースパレス南3条1105号室 (Sapporo)
    # not a phone after the address (…志文町383-12　電話0126-22-4817, round 2026-12-07l)
    rf"|{_WORD}+[ 　]?{_NAMED_ROOM}|(?!電話|でんわ|携帯|ケータイ|TEL|Tel|tel|ＴＥＬ|FAX|Fax){_WORD}{{2,}}{_NUM}{{3,4}}(?!{_NUM})|{_ROOM}"
    rf"|{_LATIN_WORD}(?: {_LATIN_WORD}){{1,3}} {_NAMED_ROOM}(?![A-Za-z]))"  # …新井2-8-15 Izu Blue Divers 2F (zzo)
)
# A room of a school or an office named by what it is (串本中学校 職員室).
_OFFICE = "職員室|事務室|研究室|寺務所|社務所|庫裏|事務所"  # a room; not 総務課, whom it is for
_OFFICE += "|医局|医務室|ナースステーション"  # 青葉中央病院 本館4階 医局: the doctors' room, after its floor too (zzx)
_OFFICE += rf"|[{KANJI}]{{0,3}}(?:小屋|倉庫|作業場|加工場|出荷場)"  # 小口わさび園 出荷小屋: a shed of the farm
# The name of a home or a block after its building's word, when a room follows (特別養護老人ホーム
# ひだまりの郷 2階 201号室, round 2026-12-05zzt).
_HOME_NAME = rf"[ぁ-ゖァ-ヴー{KANJI}]{{2,8}}"
# A building in hiragana, as a kana address has it (つるはしはいつ２０３).
_KANA_BUILDING = rf"[ぁ-ゖー]{{0,8}}(?:はいつ|まんしょん|あぱーと|こーぽ|だんち|めぞん)[ 　]?(?:{_ROOM})?"
# A town named in hiragana after its district (日高郡みなべ町, round 2026-12-05zzd).
_KANA_TOWN = r"(?<=郡)[ぁ-ゖ]{2,6}(?=[町村])"
# A space between the town and its number (郡上市八幡町島谷 ５１５, round 2026-12-05zzv): a number of
# two figures or more, or with a dash, and no count after it (港区 12個).
# The の inside a town's name (福島字上の段５１２３番地, round 2026-12-05zzw; 丸の内): kanji on both
# sides, not after a prefecture's or a city's word (北海道の取引先2件, 新潟市の五十嵐です).
_PLACE_NO = rf"(?<=[{KANJI}])(?<![都道府県市区町村郡])の(?=[{KANJI}])"
_SPACED_BLOCK = rf"(?:[ 　](?={_NUM}+{_DASH}|{_NUM}{{2,}}(?![0-9０-９]*[ 　]?(?:個|こ|箱|つ|セット|冊|本|人|円|時|日|月|年|件|回|分|kg|g))))?"
ADDRESS = re.compile(
    rf"{_START}(?:{_PLACE}|{_KANA_TOWN}|{_BLOCK}|{_DIRECTION}|{_PLACE_NO})*{_SPACED_BLOCK}{_BLOCK}"
    # a company before its building (…富士町1-8 ハリマ精工 事務所棟2階, round 2026-12-05zzj)
    rf"(?:[ 　]?(?:{_WORD}{{2,12}}[ 　](?={_WORD}*(?:{_HOUSE})[{_WORD[1:-1]}]*[ 　]?{_NUM}))?"
    rf"{_BUILDING}(?:(?:[ 　]{_BUILDING}){{1,2}}(?=[ 　]{_ROOM})|(?:[ 　](?:{_BUILDING}|{_HOME_NAME})){{1,2}}(?=[ 　]{_NAMED_ROOM})"
    # a home and its name last (特別養護老人ホーム はまなす荘, round 2026-12-07n); not a company after its
    # building (芝パークビル８階 株式会社ミナト: whom it is for); 特別養護老人ホーム なぎの杜 (round 2026-12-07r)
    rf"|[ 　]{_HOME_NAME}(?:荘|苑|寮|の郷|の杜|の森|の里|の家|ハイツ|コーポ)(?=[ 　]*(?:[。、,.!！?？]|$)))?"
    rf"(?:[ 　](?:(?:{_ROOM}(?:[ 　]{_NAMED_ROOM})?|{_WORD}{{1,4}}{_NAMED_ROOM})(?:[ 　](?:{_OFFICE}))?|{_OFFICE}))?"
    rf"{_CARE_OF})?"  # …中央病院 東5階病棟: a ward named by its wing and floor
)  # 特別養護老人ホーム すずらん苑 ２０５号室: a home, its name, its room (not 芝パークビル８階 株式会社ミナト)
# No block number, a building and its room after the town (輪島市河井町 河井第２仮設団地 ３号棟１０５).
HOUSING_ADDRESS = re.compile(
    rf"{_START}{_PLACE}*[ 　]?(?:{_PLACE}|{_NUM}){{0,12}}?(?:{_HOUSE})[ 　]?{_NUM}{{1,5}}(?:号?棟[ 　の-]?{_NUM}+(?:号室|号)?|号室|号)"
)
# Written in kana: the prefecture (or a city and its ward), then words and spaces up to the block numbers.
KANA_ADDRESS = re.compile(
    rf"(?:{KANA_PREFECTURES}|[ぁ-ゖ]{{2,5}}し[ 　]?[ぁ-ゖ]{{2,6}}(?:く|ちょう|まち|むら)(?=[ 　]))[ 　]?[ぁ-ゖァ-ヴー{KANJI}{HALF_KANA} 　]{{0,30}}?{_BLOCK}(?:[ 　]?{_BLOCK})*"
    rf"(?:[ 　](?:{_KANA_BUILDING}|{_BUILDING})(?:[ 　]{_ROOM})?)?"
)
# Written in kana after its label, from a city on (じゅうしょは おおさかし いくのく つるはし２ー１５ー７).
LABELLED_KANA_ADDRESS = re.compile(
    rf"(?:じゅうしょ|住所)(?:は|わ|:|：)?[ 　]?(?![をにへがのもでと])(?P<address>[ぁ-ゖァ-ヴー{KANJI}{HALF_KANA} 　]{{2,30}}?{_BLOCK}"
    rf"(?:[ 　]?{_BLOCK})*(?:[ 　](?:{_KANA_BUILDING}|{_BUILDING})(?:[ 　]{_ROOM})?)?)"
)
# A copula or a particle after a building's word (…宮本会館や, …ハイツです, …コミュニティセンターね):
# no part of the name.
# …旅館みなと荘やっど, …みなと荘まで (round 2026-12-06a): Kagoshima's copula, and "to" it.
# …与論町茶花２３４５−１ ゆんぬ別館さ。 (round 2026-12-07d): Yoron's. …正木公民館じょ (07r): Awa's.
_COPULA_AFTER_HOUSE = re.compile(
    rf"(?:{_HOUSE})(?P<copula>や|じゃ|だ|です|でございます|で|よ|ね|よね|だね|やね|ですね|やっど|じゃっど|でごわす|ごわす|だべ|まで|さ|さー|だー|じょ|じょー)$"
)
# The request or copula after a building's name in kana (民宿つぼかわでお願いしますわ, 民宿しおさいやで):
# no part of it.
# …グループホームひだまりの方にも一冊お願いしたかです: to that place, no part of it (round zzd).
_REQUEST_AFTER = re.compile(
    rf"(?<=[ぁ-ゖァ-ヴー{KANJI}])(?:で|に|へ|まで)(?:お願い|おねがい|よろしく|頼|たの|送|おく|届|とど)|(?<=[ぁ-ゖ])(?:やで|だよ|やよ)$"
    rf"|(?<=[ぁ-ゖァ-ヴー{KANJI}])に(?:して|変え|かえ|替え|直し|なおし)"  # …松屋別館にしてくれんね (zzz), …川宿ごんたに直して (07b)
    rf"|(?<=[ァ-ヴー{KANJI}])さ(?:送|おく|届|とど)"  # …佐々木鮮魚店さ送ってもらえるかい: to it (round 2026-12-06a)
    # …ホテル・ル・ソレイユ京都宛てに, …ソレイユ京都です (round 2026-12-05x): whatever stands before
    r"|(?:です|でした)(?:ばい|たい|よ|ね|わ|やお)?$|宛|あて(?:に|で|へ|です|$)"  # …旅館くまがわですばい (round 2026-12-05zzv)
    r"|の(?:方|ほう)(?:に|へ|まで)"
    # …旅館まつかぜまで冬のカタログ送ってもらえんだらか (round 2026-12-05zzs): to that place, and what is sent
    r"|まで(?=[^。、 　]{0,12}?(?:送|おく|届|とど|お願い|おねがい))"
)
# Block numbers that are an address's: with a dash or a block word, not 3 of 3個.
_HAS_BLOCK = re.compile(rf"{_NUM}[ 　]?(?:[-－‐−―ー]|丁目|番|号|ちょうめ|ばんち|ばん)")


# A particle and a space before an address read from kana on (は 埼玉県…): no part of it.
_PARTICLE_LEAD = re.compile(r"[はがをもへ][ 　]+(?=\S)")


_PREFECTURE = re.compile(PREFECTURES)
_KANA_PREFECTURE = re.compile(KANA_PREFECTURES)
_COUNTER = re.compile(r"[ 　]?(?:こ|個|箱|はこ|つ|セット|冊|さつ|本|ほん|人|にん)")  # 3こ: a count, no block
_KANA_CITY = re.compile(r"[ぁ-ゖ]{2,}(?:し|く|まち|ちょう|むら|ぐん|そん)(?=[ 　])")  # くにさきし, not に 3こ
# A house whose name in hiragana ends in の (…相差町1234 民宿はまの, round 2026-12-05zzf).
_NAME_ENDING_IN_NO = re.compile(rf".*(?:{_HOUSE})[ 　]?[ぁ-ゖ]{{1,6}}の")


# A comma after a place's word, as an address read out in parts has it (島根県、隠岐郡、隠岐の島町、西町の、
# 八尾の一の21番地, round 2026-12-07p): read without the commas, the town's の before one too.
_SPOKEN_COMMA = re.compile(rf"(?<=[{KANJI}])(?<=[都道府県市区郡町村])の?[、,][ 　]?(?=[{KANJI}])")


def addresses(text: str) -> list[tuple[int, int]]:
    """Spans of the addresses written in `text`, building and room included; an address read
    out in parts, a comma after each place, whole."""
    spans = _addresses(text)
    joined, where, at = "", [], 0
    for comma in _SPOKEN_COMMA.finditer(text):
        joined += text[at:comma.start()]
        where += range(at, comma.start())
        at = comma.end()
    if at == 0:
        return spans
    joined += text[at:]
    where += list(range(at, len(text)))
    found = [(where[s], where[e - 1] + 1) for s, e in _addresses(joined)]
    return sorted(span for span in {*spans, *found} if not any(o != span and o[0] <= span[0] and span[1] <= o[1] for o in found))


def _addresses(text: str) -> list[tuple[int, int]]:
    """Spans of the addresses written in `text` as it stands."""
    spans: list[tuple[int, int]] = []
    found = [*ADDRESS.finditer(text), *KANA_ADDRESS.finditer(text), *LABELLED_KANA_ADDRESS.finditer(text),
             *HOUSING_ADDRESS.finditer(text), *(m for m in ROMAJI_ADDRESS.finditer(text) if _ROMAJI_CITY.search(m.group())),
             *ROMAJI_CITY_FIRST.finditer(text)]
    for match in found:
        start, end = match.span("address") if match.re is LABELLED_KANA_ADDRESS else match.span()
        lead = _PARTICLE_LEAD.match(text, start, end)  # 新しい 住所 は 埼玉県… (round 2026-12-05v)
        start = lead.end() if lead else start
        prefecture = _PREFECTURE.search(text, start + 1, end)  # 十所大阪府…: the words before the prefecture are none
        start = prefecture.start() if prefecture and not _PREFECTURE.match(text, start) else start
        while end > start and text[end - 1] in " 　の" and not _NAME_ENDING_IN_NO.fullmatch(text, start, end):
            end -= 1
        copula = _COPULA_AFTER_HOUSE.search(text, start, end)
        end = copula.start("copula") if copula else end
        request = _REQUEST_AFTER.search(text, start, end)
        end = request.start() if request else end
        # おおいたけん くにさきし くにさきまち つるかわ １２３ (round 2026-12-05zzs): a prefecture in kana
        # begins it, so a number alone ends it
        prefecture_kana = _KANA_PREFECTURE.match(text, start) if match.re is KANA_ADDRESS else None
        prefectured = (prefecture_kana is not None and _KANA_CITY.search(text, prefecture_kana.end(), end) is not None
                       and not _COUNTER.match(text, end))
        has_block = prefectured or _HAS_BLOCK.search(text, start, end) is not None
        if match.re not in (ADDRESS, HOUSING_ADDRESS, ROMAJI_ADDRESS, ROMAJI_CITY_FIRST) and not has_block:
            continue
        if match.re is ROMAJI_ADDRESS and text[max(0, start - 2):start] == ", ":
            continue  # Tōen House room 12, 6-583 Gojobashi-higashi…: what stands before may be its building
        if any(s <= start and end <= e for s, e in spans):
            continue
        spans = [(s, e) for s, e in spans if not (start <= s and e <= end)] + [(start, end)]
    return sorted(spans)
