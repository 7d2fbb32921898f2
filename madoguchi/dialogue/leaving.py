"""Whether the customer is leaving the question at hand: やめます, またにします, 今度にします,
やっぱりいいや (やっぱよか), 結構です, 親に聞いてから, 住所録を探してから…. One reading for every form that asks for details
(the catalog request, the late catalog, the order verification)."""

from __future__ import annotations

import re
from functools import lru_cache

import jaconv

from madoguchi.nlu.kana import JAPANESE_SCRIPT
from madoguchi.nlu.reading import as_read
from madoguchi.text import nfkc

# A message in katakana (and marks) only, no kanji or hiragana.
KATAKANA_ONLY = re.compile(r"[ァ-ヺー\s、。,.!?！？…〜~]*[ァ-ヺ][ァ-ヺー\s、。,.!?！？…〜~]*")

# やめ, but not はやめに (早めに: お歳暮はやめに決めたい, それで！はやめにおねがい), nor someone quitting
# their work (杉山部長が 3月で 会社を やめます, round 2026-12-05zzf).
_QUITTING_WORK = "".join(f"(?<!{w})" for w in ("会社を", "会社", "仕事を", "仕事", "職場を", "学校を", "バイトを", "パートを"))
STOP_WORD = _QUITTING_WORK + r"(?:(?<!は)やめ|(?<=は)やめ(?![にので]))"
LEAVING = re.compile(
    STOP_WORD + r"|止め|もういい|もう結構|(?<![でば])結構です|(?<![でば])けっこうです|"
    r"またにし|またにす|またにいた|またにさせ|またにさし|今度にいた|こんどにいた|今度にす|こんどにす|また今度|またこんど|また後で|また改めて|"
    r"(?:今|いま)は(?:いい|結構|けっこう)(?:です(?![かの])|(?!です|か|の))|あとにし|後にし|後ほど|のちほど|今度にし|こんどにし|次にし|やっぱ(?:り|い)?(?:いい|よか|ええわ)|やっぱ(?:り)?結構|"
    # 孫が 来てからに しもんで 今日は よかです (Kagoshima: after the grandson comes; not today)
    r"(?:て|で)からに(?:しま|する|しよ|しもん|しとく|しとき|すっ)|(?:今日|きょう)は(?:もう)?(?:いい|よか|ええ)(?:です|で|わ|よ|ばい|けん)?[。.!！]?$|"
    r"やっぱ(?:り)?(?:いら|要ら)|(?:聞|き)いてから|(?:相談|確認|探|さが)してから|"
    r"(?:帰|かえ)って(?:から|きてから)|(?:戻|もど)ってから|から(?:調べ|しらべ|探し|さがし)ま|"  # へや に かえって から しらべます
    # もう一回ゆっくり探してみますけん、見つかったらまた聞きますわ (round 2026-12-05j): later, once found
    r"(?:見つか|みつか)ったら(?:また)?(?:聞き|きき|連絡|れんらく|書き|かき|来ま|きま)|"
    # 玄関で呼び鈴が鳴ったすけ…又後で書かせて貰いますて (round 2026-12-06b): again later, in kanji too
    r"又(?:後|あと)で|(?:後|あと)で(?:書か|かか|書き|かき)(?:せて|ます|ま)|"
    # ヨメニ キイテ マタ クルヨオ (round 2026-12-05zzn toyoji-xoan-13, in the replay): asked at home, back later
    r"(?:聞|き)いて(?:また|から)(?:来|く|き)|また(?:来|く)るよ|また(?:来|き)ますね?[。.!！]?$|"
    # よく考えたらWebで見れば十分かもです: not needed after all
    # (not メール見ればいいんだね、ちょっと待って: a look, then the answer)
    r"(?:見れば|見たら|みれば|みたら|見るので|みるので)(?:十分|じゅうぶん|足り|たり)|(?:いら|要ら)(?:ない|なかった)かも|必要(?:ない|なかった)かも|"
    # 送ってもらえればいいです, いつもの送り方で結構です, 普通の郵便で送っていただければ結構です
    # (round 2026-12-05zzc): what is wanted, not leaving
    r"(?<!で)(?<!れば)(?<!たら)(?:いいです|大丈夫です)$|"
    # in English, read without spaces (Actually, scratch that. … no need to send anything)
    r"(?i:nevermind|scratchthat|forgetit|maybelater|noneedtosend|don'?tsend|donotsend|noneedanymore|don'?tneeditanymore"
    # Leave it, I will check your website only (round 2026-12-05o)
    r"|leaveit(?!to|with|at|in|outside)|(?:i'?ll|iwill)(?:just)?check(?:your|the)(?:website|site|webpage|homepage)"
    # maybe next time; i ask her first (round 2026-12-05zzc); I don't need the paper catalog anymore (05zze)
    r"|maybenexttime|(?:i'?ll|iwill|i)(?:just)?ask(?:her|him|them|my[a-z]{2,8})(?:first|later)"
    r"|(?:don'?t|donot)need(?:the|a|your|any)?(?:paper)?catalog"
    # my classmate has one she can lend me. dont worry about it (round 2026-12-07e sumie-tevita-20)
    r"|(?:don'?t|donot)worryaboutit|(?:has|have)one(?:s?he|they|i)canlendme"
    # my friend say she has the catalog and she will give me hers. so i dont need (round 2026-12-07j)
    r"|(?:give|lend)(?:s)?me(?:hers|his|theirs)|(?<![a-z])(?:so|then)i(?:don'?t|donot)need(?![a-z])"
    # postal code I dont know. I ask my husband. later I come back (round 2026-12-07f chiharu-naw-20)
    r"|later(?:i|i'?ll|iwill)comeback|(?:i|i'?ll|iwill)comebacklater"
    # sorry my manager call me, i must go. later i ask again (round 2026-12-07q tetsuo-pasang-20)
    r"|later(?:i|i'?ll|iwill)askagain|(?:i|i'?ll|iwill)askagainlater|(?:imust|ihaveto|ineedto|igotta)go(?:now)?(?![a-z])"
    # i dont know dorm postal code… later i ask my friend (round 2026-12-07u shigeko-raju-20)
    r"|later(?:i|i'?ll|iwill)ask(?:her|him|them|my[a-z]{2,8})"
    # oh my grandson come home from school now. I go, later I write again (round 2026-12-07y yasuji-kamla-20)
    r"|later(?:i|i'?ll|iwill)(?:write|message|chat|try)again|(?:i|i'?ll|iwill)(?:write|message|try)againlater"
    # no wait, cancel that, i just remembered im moving; I will ask again when I have my new address (07v)
    r"|wait,?cancelthat|cancelthat,?(?:i|i'?m|im)(?![a-z])|(?:i|i'?ll|iwill)askagain(?:when|after|once)"
    # my manager says we already have your catalog from last year. no need now (round 2026-12-05zzx)
    # …the office already have the new catalog. no need, danga (round 2026-12-07l tokuji-bi-20)
    r"|noneednow|noneedforitnow|alreadyhave(?:your|the|a)(?:new|paper|latest)?catalog|(?:don'?t|donot)needit(?:now|anymore)?(?![a-z])"

    # my colleague says she already has one on her desk 😅 I'll use that one (round 2026-12-05zze)
    r"|(?:i'?ll|iwill)(?:just)?use(?:that|hers|his|theirs|herone|hisone)(?:one)?(?![^\W\d_])"
    # the lesson starts. I will finish later, sorry!! (round 2026-12-05zzh)
    r"|(?:i'?ll|iwill)(?:finish|continue|complete|doit|dothis|comeback)(?:it|this)?later"
    # my friend is calling… I do this later, ok? mata ne! (round 2026-12-05zzk)
    r"|i(?:'?ll)?(?:do|finish)(?:this|it)(?:later|anotherday)"  # I do it another day (round 2026-12-05zzz)
    # I have to go, I will do it another time; I changed my mind. I will look at the website instead
    # (round 2026-12-05zzo)
    r"|(?:i'?ll|iwill)(?:do|finish)(?:this|it|the[a-z]{3,10})(?:another|some|next)time"
    # let's stop here, I will do the catalog another time (round 2026-12-05zzq)
    r"|let'?sstop(?:here|now|fornow)|(?:i'?ll|iwill|i)stophere"
    # I move to another dormitory next month. I will request the catalog after moving (round 2026-12-06a)
    r"|(?:i'?ll|iwill)(?:request|ask(?:for)?|order|do)(?:it|this|the[a-z]{3,10})?(?:after(?:moving|imove|my(?:move|moving))|later|another(?:day|time))"
    r"|(?:i'?ll|iwill)(?:just)?(?:look|check)(?:at)?(?:your|the)(?:website|site|webpage|homepage))"
)

# A message is asked about several times a turn (the triage, the forms); its reading is made once.
_read = lru_cache(maxsize=1024)(as_read)


def is_leaving(text: str) -> bool:
    """The message says the customer does not want to go on now, as written or, written
    without Japanese, as read (mamaya na lang po ulit: 今はいいです)."""
    norm = nfkc(text or "").strip()
    said = (norm,) if JAPANESE_SCRIPT.search(norm) else (norm, _read(norm))
    # マタニ スルヨオ, アリガトネ: katakana only, as a customer with weak eyes types (round 2026-12-05zzn)
    said += (jaconv.kata2hira(norm),) if KATAKANA_ONLY.fullmatch(norm) else ()
    # やっぱり いい です; ふつうので いいです is no leaving: the words read without their spaces
    return any(LEAVING.search(re.sub(r"\s+", "", t)) is not None for t in said)
