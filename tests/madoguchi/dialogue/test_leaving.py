"""Leaving a form: one reading for the catalog forms and the order verification."""

from __future__ import annotations

import pytest

from madoguchi.dialogue import verification
from madoguchi.dialogue.leaving import is_leaving


@pytest.mark.parametrize("text", [
    "やめます",
    "またにします",
    "孫が　來たときに　聞いて　またに　いたします。ありがとうございました",  # old-style courtesy
    "郵便番号は 孫に 聞かんと わからん やっぱい 孫が 来てからに しもんで 今日は よかです",  # Kagoshima (round 2026-12-05a)
    "いや、それは今日はええわ",
    "すんまへん、今日のところは、またにさしてもらいます。おおきに。",  # Kyoto
    "やっぱり またにするちゃ。むすこが きたときに たのむわ",
    "今度にします",
    "あ やっぱいいや 親に聞いてからにする",
    "やっぱりいいです",
    "結構です",
    "主人に相談してからにします",
    "今回はやめておきます",
    "あ、ちょっと待って… やっぱり いい です、またね",  # words set apart by spaces
    "やっぱよか、手帳ば探してからにするけん",  # Hakata: よか for いい
    "あ、ごめんなさい、よく考えたらWebで見れば十分かもです",  # not needed after all (round s)
    "Actually, scratch that. I just found the PDF on your website, no need to send anything. Thanks.",  # (round 2026-12-05e)
    "Never mind, maybe later",
    "hmm actually nakai, my classmate has one she can lend me. dont worry about it",  # (round 2026-12-07e)
    "sorry postal code I dont know. I ask my husband. later I come back",  # (round 2026-12-07f)
    "sorry my manager call me, i must go. later i ask again. jyaba jyaba",  # (round 2026-12-07q)
    "oh soh sorry, my friend say she has the catalog and she will give me hers. so i dont need. kalahngan!",  # (07j)
    "ah sorry!! my leader say the office already have the new catalog. no need, danga",  # (round 2026-12-07l)
    "ほんなら、もう一回ゆっくり探してみますけん、見つかったらまた聞きますわ、",  # once found (round 2026-12-05j)
    # round 2026-12-05zzc: asked at home first, another time
    "hmm wait, actually my host mum maybe got one already, i ask her first", "leai, its ok, maybe next time!!",
    "Nein, danke. I don't need the paper catalog anymore. Tschüss.",  # round 2026-12-05zze
    "hmm, actually ara, my colleague says she already has one on her desk 😅 I'll use that one, madloba!",
    "ヤッパ イイヤ、ヨメガ カエッテカラ ヤッテモラウ。マタニ スルヨオ、アリガトネ",  # katakana only (round 2026-12-05zzn)
    # another time; the website instead (round 2026-12-05zzo)
    "ahh mbabarira, my shift starts now 🏥 I have to go, I will do it another time. murabeho!",
    "Izvinete, I changed my mind. I will look at the website instead. Blagodarya, dovizhdane.",
    # let's stop here, the catalog another time (round 2026-12-05zzq)
    "ahh ndo, my experiment timer just rang 😅 let's stop here, I will do the catalog another time. ka omesia",
    # the office has the catalog already (round 2026-12-05zzx)
    "wait, bakhena ghwaram. my manager says we already have your catalog from last year. no need now",
    "sega, I don't need it now, vinaka! moce 👋",  # round 2026-12-05zzs sunao-litia-20, in the replay
    # after a move; another day (rounds 2026-12-06a, 2026-12-05zzz)
    "Dhiifama, wait. I just remembered that I move to another dormitory next month. I will request the catalog after moving.",
    "ay ma xinechtlapopolhui, my manager is calling me, I do it another day. timoittaske!",
    "あら、玄関で呼び鈴が鳴ったすけ、御免なさい、又後で書かせて貰いますて",  # round 2026-12-06b fusano-kanesuke-20
    "ワカッタ、ヨメニ キイテ マタ クルヨオ。アリガトウネ",  # round 2026-12-05zzn toyoji-xoan-13, in the replay
    "wait, i dont know dorm postal code and phone is company one. later i ask my friend",  # round 2026-12-07u
    "oh my grandson come home from school now. I go, later I write again. ram ram 🙏",  # round 2026-12-07y
])
def test_leaving_words(text):
    assert is_leaving(text)


@pytest.mark.parametrize("text", ["150-0001", "山田花子です", "住所は東京都渋谷区神宮前1-2-3です", "送料はいくらですか",
                                  "I must go to the post office first, is the shop open?",  # a going told, no leave
                                  "急ぎじゃないので、ふつうに送ってもらえればいいです", "届けてくれたら大丈夫です",
                                  "急ぎませんけえ、いつもの送り方で結構です", "メール便で十分です", "届いてからにしてください",
                                  "メール見ればいいんだね、ちょっと待ってくんなせ",
                                  "杉山部長が 3月で 会社を やめます",  # someone quitting work (round 2026-12-05zzf)
                                  # a space before いいです is no leaving either
                                  "いそぎは　せんけん、ふつうので　いいです",
                                  "お歳暮はやめに決めたいらしいんで急ぎで送ってもらえたりします？",  # はやめに: 早めに
                                  "No no, I don't need the message card", "いいえ、大丈夫です。no need",
                                  "Do I need the catalog number?", "I'll use that address for the catalog",
                                  "見つかったら教えてください",
                                  # round 2026-12-05zzc: if it is sent that way, fine
                                  "急ぐもんでもねぇんで、また普通の郵便で送っていただければ結構ですよぉ。",
                                  "I changed my mind, can I order the yokan instead?",
                                  "荷物はまた来るの？"])  # a parcel coming again, asked
def test_answers_are_not_leaving(text):
    assert not is_leaving(text)


def test_the_verification_reads_leaving_the_same_way():
    assert verification.reading("あ、やっぱりいいや、親に聞いてからにします") == verification.STOPPED


def test_a_detail_with_iidesu_is_no_leaving():
    assert not is_leaving("山田でいいです") and not is_leaving("それで大丈夫です")
    assert is_leaving("いいです") and is_leaving("確認はいいです")


def test_looking_it_up_back_home_is_leaving_for_now():
    assert is_leaving("ゆうびん ばんごう… いま わからない です。 へや に かえって から しらべます")
    assert not is_leaving("ちょっと調べます")  # a wait, not leaving


@pytest.mark.parametrize("text, leaving", [
    ("ay wait lang po, tinatawag ako ni lola 😅 mamaya na lang po ulit, salamat po!", True),  # round 2026-12-05m
    ("今は結構です。", True),
    ("住所は今はいいですか", False),
    ("my friend is calling, the waves are perfect right now I do this later, ok? mata ne!", True),  # round zzk
    ("can you do this later?", False), ("I do this every year", False),
])
def test_not_now_is_leaving_in_any_language(text, leaving):
    assert is_leaving(text) is leaving


@pytest.mark.parametrize("text", [
    "no wait, cancel that, i just remembered im moving next month lol",
    "Actually, wait. I just realised I move out of this apartment at the end of the month, so it may arrive after "
    "I leave. I will ask again when I have my new address. Giitu!",
])
def test_a_catalog_given_up_till_a_move_is_leaving(text):
    """Round 2026-12-07v: a form given up till the customer has moved."""
    assert is_leaving(text)


def test_cancel_that_of_an_order_is_no_leaving():
    assert not is_leaving("cancel that order please")
