"""A catalog customer's hurry, read from what they write: 宅配便 only when they are in one."""

from __future__ import annotations

import pytest

from madoguchi.dialogue.hurry import hurry_in, hurry_of
from madoguchi.shop.rules import shop_rules

CUES = shop_rules().cues
HURRY, NO_HURRY = CUES["hurry"], CUES["no_hurry"]


@pytest.mark.parametrize("text", [
    "There is no urgency, the ordinary post will do, but I should like it to arrive this time.",  # 05zzx
    "急ぎではありません",
    "別に急ぎまへんから、いつもの便でええです",
    "いそぎじゃないので大丈夫です",
    "急ぎはせんのですけど",
    "まだ こんがやちゃ。いそがんけど、もういっぺん おくってくれんけ",
    "急がないので普通ので",
    "急いでいませんよ",
    "通常の送り方でお願いします",
    "メール便で構いません",
    "左程急ぐ儀には御座いませぬ故、宜しく御取計らい下さい。",
    "そげん　いそぎは　しもはんで、よか",
    "急がへんし、のんびり待っとくわ",
    "急がんでええよ",
    "急がんでも間に合いますから",
    "急ぎじゃなかけん、ゆっくりでよかです",
    "べつに急ぎじゃにゃあで、いつもの送り方でええよ",  # Nagoya
    "いそがねさげ、 もいっかい おくってもらえねろか",  # Shonai
    "急がね。郵便受けさ入れでもらえればそれでいい",  # Tsugaru, and the mailbox: メール便
    "法要は年明けにて、急ぎは致さず候。",  # a letter of old (round zo)
    "急ぎではないけど、できれば早めに",  # a wish after the "but", no date to meet
    "いつでもいいけど、いつまでに頼めば年内に着きますか",  # a deadline asked after
    "会館の待合に置いときてぇんよ。急ぎじゃねぇけぇ",  # Okayama (round zx)
])
def test_no_hurry_is_read_as_no_hurry(text):
    assert hurry_of(text, HURRY, NO_HURRY) is False


@pytest.mark.parametrize("text", [
    "今週中に欲しいのですが",
    "できるだけ早めにお願いします",
    "至急送ってください",
    "来週の会議で使うので間に合わせたいです",
    "週末までに届くと助かります",
    "急ぎなんです",
    "急いで送ってくれませんか",
    "姪の結婚式が近うて、急いで送ってもらへんやろか。",  # old kana (round 2026-12-05r hamako-pavel-01)
    "急ぎでお願いできませんか",
    "急いでもらえないでしょうか",
    "急がんと間に合わんのです",
    "急がねばまいね",  # Tsugaru: must hurry
    "急がねえと間に合わねえ", "急がねぇと間に合わん",  # must hurry, not a hurry denied
    "ちょっと急いどるっちゃん",  # Hakata
    "姉ちゃんの結婚式の引き菓子選ぶのに要るねん、はよほしい",  # Kansai
    "今週中に決めなきゃなんだよね。急ぎで送れない？",  # a negated potential asks for it
    # a date to meet after a "but" outweighs the no hurry before it (round r michio-sunil-03)
    "まあ、こちらはのんびり待ってたらよろしいんやろけど、得意先へのお歳暮の締めが今週の金曜でしてなあ",
    "急ぎませんが、20日までに届けば助かります",
    # a mailbox too small is no word for the usual way (round 2026-12-05zzd misuzu-agnieszka-03)
    "かせつの　ゆうびんうけ　ちいさいさけ　はいらんかったんかもしれん。ちょっと　いそいどるげん",
    "こんどの 土曜に ワインの 会が あって…まにあわんと こまるじゃん。",  # in kana (Koshu, round 2026-12-05zze)
    "電話番號は機械には教へたくないが、急ぐで仕方がない。",  # it cannot be helped (round 2026-12-05zzm)
    "島やけん郵便遅いんかな思て待っとったんやけど 周年の会が近いきん はよ選ばないかんのよ",  # Sanuki (2026-12-07i)
])
def test_a_hurry_is_read_as_a_hurry(text):
    assert hurry_of(text, HURRY, NO_HURRY) is True


@pytest.mark.parametrize("text", [
    "カタログを送ってください", "山田花子です", "090-1234-5678", "おはようございます",
    "ちいと 待て。お歳暮は いつまでに 頼みゃ 年内に 着くんなら",  # a deadline asked after, no hurry
    "はい そいで たのんもす",  # a yes to the read-back (Kagoshima): いそいで only across two words
    "はいそいでよかです",  # はい、それでよかです, written as one (Osumi, round 2026-12-05zzu hisamitsu-rivo-01)
    # an age coming soon, a birthday (round 2026-12-05zzk masuji-ainhoa-02)
    "kaixo! my landlady is 87, soon 88!, she has no internet lol. can you send a paper katarogu?",
    # how long they keep, asked inside the catalog form (round 2026-12-06d matsuno-bilung-19)
    "そごの菓子は日持ちなんぼだべ？仏様さ上げっから、すぐ悪ぐなんのは困るのす",
])
def test_nothing_said_about_time_is_neither(text):
    assert hurry_of(text, HURRY, NO_HURRY) is None


def test_the_latest_message_that_says_anything_decides():
    assert hurry_in(["カタログください", "急ぎです", "山田です"], HURRY, NO_HURRY) is True
    assert hurry_in(["急ぎです", "やっぱり急がないのでいつもの便で", "はい"], HURRY, NO_HURRY) is False
    assert hurry_in(["カタログください", "山田です"], HURRY, NO_HURRY) is None


def test_a_hurry_written_in_kana_is_a_hurry():
    from madoguchi.shop.rules import load_rules
    from madoguchi.settings import ROOT

    cues = load_rules(ROOT / "shop" / "rules.yml").cues
    assert hurry_of("いそいでるから はやくほしい", cues["hurry"], cues["no_hurry"]) is True
    assert hurry_of("いそぎじゃないです", cues["hurry"], cues["no_hurry"]) is False


@pytest.mark.parametrize("text, hurry", [
    ("isogi janai", False), ("hayaku hoshii desu", True),  # romaji, read in kana
    ("義理の妹の結婚式の引き菓子、うちが選ぶことになってて、来週には決めなあかんのです…", True),
    ("お歳暮さ 間に合わせでえがら 早ぐ 欲しいのす", True),  # Akita: 早ぐ
    # in English (round 2026-12-05d), and its denial
    ("host mother's birthday is next week so I need to choose soon", True),
    ("no hurry, anytime is fine", False), ("not urgent, thanks", False),
    ("No big rush, regular mail is totally fine", False),  # round 2026-12-05i kazuha-kevin-04
    ("quiero el catálogo de papel para ver los dulces con calma, onegai. No hay prisa", False),  # (round 2026-12-05g)
])
def test_a_hurry_in_romaji_or_a_decision_due_soon(text, hurry):
    assert hurry_of(text, HURRY, NO_HURRY) is hurry


def test_a_hurry_in_bislama_and_no_hurry_in_yakushima_speech():
    """Rounds 2026-12-07a tamayo-kalo-04 (plis send fast one: 宅配便) and 07c yasaburo-nurul-02
    (いそがんどん もういっぺん おくってくいやんせ: the usual mail)."""
    assert hurry_of("boss birthday next week, mi need choose gift quick. plis send fast one", HURRY, NO_HURRY) is True
    assert hurry_of("いそがんどん　もういっぺん　おくってくいやんせ", HURRY, NO_HURRY) is False
