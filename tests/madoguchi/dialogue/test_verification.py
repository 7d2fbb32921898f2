"""Reading a customer's answer to "your order number, please" that holds no number."""

from __future__ import annotations

import pytest

from madoguchi.dialogue.verification import (
    REFUSED,
    STOPPED,
    UNKNOWN,
    ask_response,
    asks_for_person,
    gives_up,
    number_not_at_hand,
    only_not_knowing,
    reading,
)


@pytest.mark.parametrize(
    "text",
    ["注文番号がわかりません", "ばんごう わからない", "メールを消してしまいました", "納品書をなくしました",
     "どこに書いてあるの？", "覚えていないです", "登録した電話番号を忘れました", "ばんごうは　どごさ　かいでらんだが　わがね",
     "番号なんて知らへんわ",
     "bangou... mail keshita. gomi-bako mo kara ni shita 🙃", "bangou... wakannai 😅",  # romaji, read as kana
     "めーるは みとらんし、かみも どこに やったやら", "order number? I don't know... I can't find 😅",
     "注文番号なるものは控えておらぬ。電話で注文した際にも、そのようなものは聞かされなかったと記憶しておる。",
     "何回も聞かんでええて。仕事中でメール探しとる暇ないんだわ",  # no time to look (round zza)
     "注文の番号どすか…どこへ やってしもたんやろ。ちょっと わからしまへんのどす。",  # kyō-kotoba (round zzg)
     "住所は……あら、郵便番号を書いた手帳が見当たりません。", "メールが見つかりません",  # replay of 01g haruko-leo-15
     "i check my email already, wala gyud. maybe i used my Mam email? ambot",  # round 2026-12-05zzv
     "ah... the number is in my email, but I am at work now",  # not at hand (round 2026-12-07b)
     "ayo... I'm in service. where is this number??",  # where it is written (round 2026-12-07g)
     "はがきやら　めーるやら　なんも　ないんよ、でんわで　たのんだもんで",  # ordered by phone (round 2026-12-07s)
     # the mail not read, the paper burnt (Awa, round 2026-12-07u shigeko-raju-16)
     "孫がスマホでやってくれたけんメールいうのんもよう見れんし紙も焚きもんと一緒に燃やしてしもたかもしれん",
     "はがきも なんも かみ きてねぇ"],  # no paper with it came (Nanbu, round 2026-12-07z hiroshi-rukmini-14)
)
def test_not_knowing_the_number(text):
    assert reading(text) == UNKNOWN


@pytest.mark.parametrize(
    "text",
    ["そっちで調べてよ、教える必要ないでしょ", "電話番号は教えたくない", "なんで電話番号がいるの",
     "個人情報なので言いたくないです", "そちらで調べればわかるでしょう", "番号？ そったもん わがね。そっちで しらべれ",
     "でんわ いわない。そっちに データあるでしょ", "住所も電話も前に言ったべ、なんでまた言わねばなんねえ",
     "電話番号をここに書くのは控えたいのですが。登録情報がおありのはずですよね",
     "名前言うたら分かるやろ。電話番号まで言わなあかんの？",
     "電話番号もっすか？いや、なんで教えなきゃいけないんすか。注文したときに入れてるじゃん",
     "電話番号も言わなかんの？ 登録しとるがね",  # Nagoya
     "番号だの電話だの、そっちの帳面に全部書いてあるだろう。名前は松岡だよ、それで調べりゃいいじゃないか",
     "電話番号もそっちが持っとるがや", "電話番号まで言わんといかんと？なんでそげん面倒かと",
     "電話番号も、このチャットには書きたくありません。", "Why do you need my phone? You have it already",
     "番号とか今見れんよ、運転中じゃけえ。藤井で調べてや",
     "注文番号と電話番号をもう一度入力する必要性が理解できません。毎回探すのは非効率です。",
     "bangou iranai deshou. anata tachi wa watashi no data zenbu motte iru. jibun de shirabete",
     "なんでそんなのいるの　疲れてるんだけど",  # after 名前で調べてよ (round zp)
     "電話番号も いわねぇど。なして そったに 聞くだ",  # Tsugaru, after そっちで しらべれ (round i)
     "メンドクサイ ナー ナマエ ト ジュウショ デ イイ ジャン ナンデ ダメ ナノ",  # a learner in katakana (round zg)
     "電話番号も言わん、客の情報くらい持っとるやろが", "番号は教えへんで",  # Osaka (round zzb)
     "機械ニ 電話番号 ナド 教ヘラレン。詐欺 ノ 多イ 世ノ中 ダ。",  # old kana へ (round zzh)
     "電話番号まで言わんならんがけ。こっちは忙しいがや",  # Kanazawa (round zzh)
     "電話番号も？なんでそこまで言わにゃおえんの、めんどいわ",  # Okayama (round 2026-12-05c)
     # in Portuguese and Spanish, read in Japanese (round 2026-12-05e)
     "nao tenho numero nenhum. vcs tem meus dados, procura ai pelo meu nome",
     "no tengo el numero, busquen ustedes con mi nombre",
     "電話番号はチャットには書かんよ。番号言うたんじゃけぇそれで調べられるじゃろ",  # Hiroshima (round 2026-12-05f)
     "会社名か電話で検索できないのか。手間をかけさせる。", "telefone tb nao vou passar nao, pra que isso",  # (round 2026-12-05g)
     # the phone too, grudged (round 2026-12-05z; round 2026-12-01p in Fukui speech)
     "ugh, and the phone too?? wallahi this is so complicated", "電話番号も いるんけ  ほっちで 調べたら ええがの",
     "でんわ？ そっちで わがってんべした。なして いぢいぢ きぐんだ",  # Okitama speech (round 2026-12-05zzk)
     "電話番號は、機械には教へん事にしとるで、勘辨しとくれ。",  # Ina speech, old kana (round 2026-12-05zzm)
     "Ne, I cannot give the phone number. I am not allowed to share that number.",  # round 2026-12-05zzj
     "でんわばんごう なんか おしえらんねえ",  # Joshu (round 2026-12-05zzh)
     "Digarezit but really, my phone is also in your system, why should I type everything again",  # zzq
     "phone te, LINE only 🙏 ごめんな", "LINEしか使ってへんねん",  # round 2026-12-05zzr
     "電話番号も言わにゃいけんの？ なんでね",  # Iwami (round 2026-12-05zzt)
     "no mobile number sorry, too many spam calls. tsia",  # round 2026-12-05zzu
     "ledu, not giving my phone no to a chatbot. u already have my data",  # round 2026-12-05zzx
     "phone I not give. never. this is private", "my mobile I not give",  # round 2026-12-06d
     "なんで いちいち番号がいるがぞ",  # Hata (round 2026-12-07k kenzaburo-rajani-16)
     # round 2026-12-07h kiyoe-lesedi-02: no phone of her own, the university's not hers to give
     "nnyaa, maitsholelo, I don't have my own phone. only the university one and I can't give that out. the "
     "catalog can come by post without it, right?"],
)
def test_refusing_the_number(text):
    assert reading(text) == REFUSED


@pytest.mark.parametrize("text", ["やめます", "またにします", "もういいです", "やっぱり結構です",
                                  # not found, and leaving until it is (round 2026-12-06d kesae-orsu-05)
                                  "眼鏡がどこさ行ったやら、一向に見当たらねぇす。探してから、また改めて伺います。今日はやめておきます"])
def test_stopping(text):
    assert reading(text) == STOPPED


@pytest.mark.parametrize("text", ["前に言わんかったっけ", "何回も言わんでええ", "たいわん に こづつみ おくる の、いくら かかる？",
                                  "電話番号も必要ですか", "I can't find my order number anywhere", "LINEで注文できますか"])
def test_not_said_is_no_refusal_by_itself(text):
    assert reading(text) != REFUSED


def test_a_person_asked_to_look_by_phone_is_no_refusal():
    assert reading("だれか　ひとに　でんわで　さがしてもらえやんかな") != REFUSED


@pytest.mark.parametrize("text", ["A1234567", "山田です", ""])
def test_anything_else_is_no_reading(text):
    assert reading(text) is None


def test_not_knowing_is_no_distress_but_a_fright_is():
    assert only_not_knowing({"cues": ["わかりませ"], "intensity": 0})
    assert not only_not_knowing({"cues": ["わかりませ", "どうしよう"], "intensity": 0})
    assert only_not_knowing({"cues": ["わからん"], "intensity": 1})  # もらったかもわからんって…
    assert only_not_knowing({"cues": ["😥"], "intensity": 0})  # i cannot find it 😥 (round 2026-12-05zzv)
    assert not only_not_knowing({"cues": ["わからな"], "intensity": 1, "emphatic": True})
    assert not only_not_knowing({"cues": ["わからな"], "intensity": 2})


def test_no_question_is_asked_twice_in_the_same_words():
    for slot in ("order_id", "phone"):
        asked = [ask_response(slot, n, None) for n in range(3)]
        assert len(set(asked)) == 3, asked
        assert ask_response(slot, 3, None) is None  # then a person, not a fourth time


def test_what_the_customer_said_chooses_the_words():
    assert ask_response("order_id", 1, UNKNOWN) == "utter_order_id_where"
    assert ask_response("phone", 1, REFUSED) == "utter_verification_why"
    assert ask_response("order_id", 1, "invalid") == "utter_order_id_invalid"
    assert ask_response("order_id", 2, "invalid") == "utter_order_id_or_person"


def test_giving_up_after_told_once_or_refused_twice():
    assert not gives_up(1, 0, 1) and gives_up(2, 0, 1)
    assert not gives_up(0, 1, 1) and gives_up(0, 2, 1)
    assert not gives_up(0, 0, 2) and gives_up(0, 0, 3)


def test_a_misread_side_question_that_asks_nothing_is_a_reply():
    from madoguchi.dialogue.verification import side_question_reading

    assert side_question_reading("探したけど見つからないです") == UNKNOWN
    assert side_question_reading("のしの書き方がわからないのですが") is None  # a real gift question
    assert side_question_reading("送料はいくらですか") is None


def test_the_phone_passed_over_is_a_refusal():
    """でんわ は いい です、no gracias at the catalog's phone question (round 2026-12-05j
    gabriela-mamoru-01: the catalog was dropped), おしえません, でんわ なし で; a question is none."""
    for text in ("でんわ は いい です、 no gracias 🙏", "でんわ ばんごう は おしえません。 ごめんなさい",
                 "ほんと に ごめんなさい、 でんわ なし で おくって ください", "電話は結構です"):
        assert reading(text) == REFUSED, text
    for text in ("電話はいいですか", "電話はいいんですか", "電話でいいです"):
        assert reading(text) != REFUSED, text


def test_look_it_up_yourself_in_many_words_is_a_refusal():
    for text in (
        "屋号で登録してあるはずです。そっちで見てください",
        "住所で検索すればすぐ出るでしょう",
        "名前から探してよ",
        "お宅で確認してくれ",
    ):
        assert reading(text) == REFUSED, text
    assert reading("番号なんて知らん") == UNKNOWN and reading("ようわからんです") == UNKNOWN


def test_a_person_named_to_look_it_up_is_asked_for():
    for text in ("お店の方に探してもらえませんか", "人間に代わって", "オペレーターさんお願い", "誰か人に調べてもらえる？",
                 "ボットじゃなくて人いないの？", "もうええわ人出してちょう", "ひとを よんで", "じゃあいい、人に回して",
                 "can I talk to a human?", "may tao po ba na pwede ko makausap?",  # English, Tagalog (round zp)
                 "調べられる方からお電話いただきたい。", "分かる人から電話ください",  # round zzf
                 "just get me someone who can find it, hito onegai",  # round 2026-12-05h ikuko-jorge-18
                 "nem. then let somebody from the shop look it up for me please",  # round 2026-12-05zzb
                 "Fine. Then please let a staff member look it up by my name.",  # round 2026-12-05zzz
                 "Can a person look it up instead and drop me an email?",  # round 2026-12-05m
                 "I really don't feel comfortable typing it here. can a person just find it?",  # round 2026-12-05zzn
                 "sorry I cannot find. can staff person help me? please person",  # round 2026-12-07f
                 "ほな　おたくの　ひとに　なまえと　ひにちで　さがして　もらえやんやろか"):  # the shop's person (2026-12-07s)
        assert asks_for_person(text), text
    for text in ("来てくれた人に配りたい", "40人分お願いしたい", "そこが見つからないんです", "夜は人がいない時間ですか",
                 "3人出してくれる？", "本人に代わって入力しています", "店のスタッフ全員にお歳暮配りたいねん",
                 "表書きの下は「スタッフ一同」で大丈夫でしょうか",  # the senders (round 2026-12-05x)
                 "I want to send sweets to the staff", "主人から電話がありました", "友人から電話をもらいました",
                 "someone who can eat nuts", "hito ga ooi", "I will let you know", "can a person look after a dog and eat sweets?"):
        assert not asks_for_person(text), text


@pytest.mark.parametrize("text", [
    "どうしたらよかか　わからんで　胸が　苦しいとです",  # round o fumiko-rahul-17: the number was asked again
    "どんだばいいんだが、わ、もうわがらね。かがいれば、こんたごどねがったのに",  # round s tomio-kotone-07
    "どうすれば ええがの。。 ほんてん わがらねぐ なって",  # round n toshiko-jiwoo-17
])
def test_not_knowing_what_to_do_is_no_number_not_known(text):
    assert reading(text) is None
    assert reading("どうしたらいいか分からない、注文番号が見つからない") == UNKNOWN  # the number named


def test_the_name_offered_instead_of_the_number_is_a_refusal():
    """なんで名前じゃだめなのさ (round zs chieko-genji-17) went to a person as a complaint."""
    assert reading("なんで名前じゃだめなのさ") == REFUSED and reading("名前だけではダメですか？") == REFUSED


def test_a_matter_settled_by_phone_is_no_person_asked_for():
    assert not asks_for_person("こないだの足んなかった件は電話で話ついたんだけどさ、ひとつ頼みがあんだよ")  # round 2026-12-05b
    assert asks_for_person("電話で話したほうが早いわ　誰かおらんの")


def test_one_of_the_shop_s_people_asked_after_by_name_is_a_person_asked_for():
    """去年お世話になった菊池さんおってです？ (Hida speech, round 2026-12-07m) was read as a greeting."""
    for text in ("去年お世話になった菊池さんおってです？", "担当の佐藤様はいらっしゃいますか", "田中さんいますか"):
        assert asks_for_person(text), text
    for text in ("娘さんいますか？", "山田さんにお世話になりました", "鈴木さんは元気ですか？", "お客さんいますか"):
        assert not asks_for_person(text), text


def test_the_customer_s_own_staff_they_will_ask_is_no_person_asked_for():
    """Perfecto、おおきに！スタッフに聞いてみるわ (round 2026-12-05k haruka-andres-16)."""
    assert not asks_for_person("Perfecto、おおきに！スタッフに聞いてみるわ")
    assert asks_for_person("お店のスタッフに調べてほしい")


def test_an_order_number_not_at_hand_outside_the_check():
    assert number_not_at_hand("注文番号ですか… 電話で頼んだけん、そげんとはもらっとらんと思います")
    assert number_not_at_hand("それは どこに書いてあるとですか", before="注文番号ですか… もらっとらんと思います")
    assert number_not_at_hand("where is the order number?")
    assert not number_not_at_hand("注文番号は教えたくない") and not number_not_at_hand("注文番号を変えたい")
    assert not number_not_at_hand("それは どこに書いてあるとですか")  # no number named


def test_you_know_it_already_is_a_refusal():
    """Round 2026-12-05m takako-joao-15: explained once and a person offered, not a complaint."""
    assert reading("電話番号もいるんですか。前から頼んどるで、そちらでわかっとると思っとりましたけど…") == REFUSED
    assert reading("I'd rather not give out a phone number over chat, if it's all the same.") == REFUSED
    assert reading("Lamentablemente no encuentro el número de pedido.") == UNKNOWN


def test_a_phone_refused_in_hiragana_is_a_refusal():
    """Round 2026-12-05n akio-fernanda-04: the catalog goes without it, not asked for again."""
    assert reading("でんわばんごうは かかねえよ。ゆうびんで とどきゃ それでいいんだ") == REFUSED
    assert reading("でんわばんごうは かかないと だめですか") != REFUSED
    assert reading("電話番号なんか教えねえよ。注文番号言ったっぺ それで調べろや") == REFUSED  # round 2026-12-05p


@pytest.mark.parametrize("text, meant", [
    ("キャンセルはA2345678の方で。A2345679はそのまま残しといてくりょう", "A2345678"),  # round 2026-12-05zzs sunao-litia-18
    ("keep A1234567 but cancel A7654321", "A7654321"), ("A1234567 と A7654321 です", "A1234567"), ("hello", None),
])
def test_of_two_order_numbers_the_one_not_kept_as_it_is_is_meant(text, meant):
    from madoguchi.dialogue.verification import order_meant

    assert order_meant(text) == meant


def test_at_a_loss_in_tono_speech_is_no_number_not_known():
    """Round 2026-12-06d matsuno-bilung-07: なじょすべ、おら、わがんねぐなって (what shall I do, I am
    lost) while the number was asked was read as the number not known, and her distress unheard."""
    assert reading("お客さんがた、もう向がってるってのに…なじょすべ、おら、わがんねぐなって") is None
    assert reading("注文番号、わがんね") == UNKNOWN


def test_a_number_not_remembered_in_awa_speech_is_not_known():
    """Round 2026-12-07g sadae-nakato-17: 覚えとらんわ…名前も住所もあるやろ was handed off as a complaint."""
    assert reading("番号 番号て、そんなん いちいち 覚えとらんわ。あんたとこに 名前も 住所も あるやろ、ほれで 調べてつか") == UNKNOWN
    assert reading("覚えてねえ") == UNKNOWN and reading("覚えてね！") is None
