"""Why a conversation goes to a person: intents, goods problems and exceptions, by the rules file."""

from __future__ import annotations

import re

import pytest

from madoguchi.handoff.noshi import mourning_noshi_reported, noshi_reported, wrong_noshi_told_across
from madoguchi.handoff.reasons import (
    INTENT_REASONS,
    exception_kind,
    goods_problem,
    has_cue,
    is_grief,
    reason_for_intent,
    reports_arrival_calmly,
)
from tests.madoguchi.edited_rules import edited_rules

# What GiNZA gives as lemmas for 「届いた箱が潰れていました」 (the NLU pipeline passes them on).
CRUSHED = "届いた箱が潰れていました"
CRUSHED_LEMMAS = frozenset({"届く", "た", "箱", "が", "潰れる", "て", "いる", "ます"})


# The contract's reasons (docs of the product contract, "Handoff").
CONTRACT_REASONS = {"customer_request", "distress", "complaint", "out_of_policy",
                    "verification_failed", "needs_operator", "bot_failure"}


def test_the_rules_file_lists_the_contract_s_reasons_each_with_a_japanese_label(rules):
    assert set(rules.handoff_reasons) == CONTRACT_REASONS
    for reason in rules.handoff_reasons.values():
        assert reason.label and not reason.label.isascii(), reason.key


def test_every_reason_an_intent_calls_for_is_in_the_rules_file(rules):
    assert set(INTENT_REASONS.values()) <= set(rules.handoff_reasons)


@pytest.mark.parametrize(
    "intent, reason",
    [
        ("request_human", "customer_request"),
        ("complain", "complaint"),
        ("express_distress", "distress"),
        ("request_exception", "out_of_policy"),
        ("greet", None),
        ("ask_shipping", None),
    ],
)
def test_reason_by_intent(rules, intent, reason):
    assert reason_for_intent(rules, intent, "なんでもない文") == reason


def test_a_complaint_about_crushed_goods_needs_an_operator(rules):
    assert reason_for_intent(rules, "complain", CRUSHED, CRUSHED_LEMMAS) == "needs_operator"


@pytest.mark.parametrize("text", [
    "おい 箱つぶれて届いたって前にも言ったずら",  # round 2026-12-05zzv yasuhei-hetal-12
    "もう一回言わしてもらいますけど、先月も箱が潰れて届いて、お電話で謝ってもらったばっかりながいね。",  # zzu
    "先週 ゼリーが 漏れとった件で 電話しただが。。。",  # zzw kiyotsugu-joselito-12
    # round 2026-12-07o masae-banri-12: lateness twice, the crushed box of the last order told in passing
    "I have been ordering every month since April and every time some problem. Last time the box was crushed",
])
def test_damaged_goods_told_again_in_anger_are_a_complaint(rules, text):
    """Six blind writers asked for a complaint: the shop failed twice, or left the report unanswered."""
    assert reason_for_intent(rules, "complain", text) == "complaint"
    assert reason_for_intent(rules, "complain", "箱つぶれて届いたんだけど") == "needs_operator"  # the first time
    # a new one asked for is nothing told again
    assert reason_for_intent(rules, "complain", "The box came crushed, please send it again") == "needs_operator"
    assert reason_for_intent(rules, "complain", "The box came crushed again, second time this year") == "complaint"
    assert reason_for_intent(rules, "express_distress", text) == "needs_operator"  # no anger read


@pytest.mark.parametrize("text", [
    "届いたgiftのラッピングがぐちゃぐちゃでした。ひどいです",  # round 2026-12-01e chiyo-priya-19
    "I AM FURIOUS. the sweets for the anniversary of my restaurant arrive completely crushed.",  # 06d kesae-orsu-16
    "また　まちがって　きたじゃ",  # 05k jessica-tsugiko-17
    "お歳暮 の 箱 つぶれた 件, 3日 前 問い合わせ フォーム で 送った",  # 04zzc kayoko-hung-17
])
def test_goods_told_in_words_of_anger_or_reported_before_are_a_complaint(rules, text):
    """Their writers asked for a complaint; the state of the box told plainly stays the operator's case."""
    assert reason_for_intent(rules, "complain", text) == "complaint"
    assert reason_for_intent(rules, "complain", "箱がひどい状態で届きました。中のお菓子も割れています") == "needs_operator"


@pytest.mark.parametrize("text", [
    "六本 入りの はず やのに　一本 たらんのやさ　なんべん かぞえても 五本 しか ないんやお",  # round 2026-12-05zzv
    "the paper on the box is black and white, my Mam said it is for funeral!! it is her birthday gift 😣",
    "あけて みたら なまえが ちがうの わたし じゃなくて たなか さん あてに なってるの",  # round 2026-12-05zzw
    # round 2026-12-07a: no のし in English, other sweets inside, a name left off the のし, someone else's box in Bislama
    "hello, my order came today but there is no のし. I asked 寿 のし for my coworker wedding when I ordered 😞",
    "bona sera. I recieved my box today but inside there are matcha cookies, I ordered the chestnut yokan",
    "のしに父さんとあたしの名前並べてってちゃんと頼んだのに父さんの名前しかなかったって親戚から電話きたのさ",
    "but name on box not mi. name is Tanaka Hanako and address is Utsunomiya, not our farm",
    # round 2026-12-07r masako-maricel-11: told in a second message, after the parcel came
    "but the name on the label is not our resident and not our facility. it is for a Mr. Kobayashi in Tsuyama",
    # round 2026-12-05zzx: past its date in hiragana, someone else's parcel in Tottori speech, other sweets in English
    "きのう とどいた ようかん あけてみたら　しょうみきげんが もう すぎちょったがよ",
    "今朝 組合の事務所にお宅から荷物が届いたですが、宛名を見たら うちじゃのうて、米子の松田さんいう人のだがな",
    "I ordered 栗ようかん 2 boxes, because it has no gelatin. But today fruit jelly came, not yokan",
    "I cannot eat gelatin, maybe it is from pig. bakhena ghwaram, but this is wrong item",
    "でも、宛名 (recipient name) が私ではありません。「高橋 誠様」と書いてあります。",  # 2026-12-03zn, replay
    # round 2026-12-07n: a mourning のし on a birthday gift in Yaeyama speech; a celebration のし on a memorial
    # gift, told as asked for in Shonai speech; a ribbon and のし paid for and missing
    "ひまごの　たんじょうびの　おかし　きたけど　のしが　くろと　しろさ",
    "のし が 紅白 で 、 お祝い の だ 。 仏事 だ って 言った はず だ の",
    "but no ribbon and no のし 😞 i paid for both, it's on the receipt",
    # round 2026-12-07o yoshi-pasang-09: a celebration のし on a funeral gift, in English
    "I send okashi to my boss family because his mother died. today boss tell me the noshi paper is red and white "
    "with happy knot 😞",
])
def test_goods_short_by_one_or_with_a_mourning_paper_on_a_birthday_gift_are_reported(rules, text):
    assert goods_problem(rules, text)


@pytest.mark.parametrize("text", ["no ribbon and no のし please", "its a gift but no ribbon needed",
                                  "I paid for both already? the box and the card",
                                  "my boss mother passed away, which noshi is good? red and white is wrong?"])
def test_a_ribbon_not_wanted_is_no_goods_problem(rules, text):
    assert not goods_problem(rules, text)


def test_no_english_cue_of_wrong_goods_is_a_word_alone():
    """A cue with a comma must be quoted in the rules file, or YAML splits it: "came, not" once
    made not and came cues of their own, and a refusal to give a phone a goods problem."""
    from madoguchi.shop.rules import shop_rules

    cues = shop_rules().cues["wrong_item"]
    assert not [w for w in cues if re.fullmatch(r"[a-z']+", w)]
    assert not goods_problem(shop_rules(), "ledu, not giving my phone no to a chatbot. u already have my data")


def test_delivery_today_to_sapporo_is_an_exception(rules):
    """Round 2026-12-05zzv sumiyo-dayanara-06: Hokkaido takes 2 to 4 days."""
    assert exception_kind(rules, "今日中に札幌に届けてもらえんですか？") == "same_day_remote"


def test_a_cue_in_dictionary_form_is_found_through_the_lemmas():
    # A rules file that lists only the dictionary form 潰れる: the text alone (潰れていました)
    # does not contain it, the lemmas do.
    strict = edited_rules(cues__damaged=["潰れる"], cues__wrong_item=[])
    crushed, lemmas = "箱が潰れていました", frozenset({"箱", "が", "潰れる", "て", "いる", "ます"})
    assert reason_for_intent(strict, "complain", crushed) == "complaint"
    assert reason_for_intent(strict, "complain", crushed, lemmas) == "needs_operator"


@pytest.mark.parametrize("text", [
    "きのう　とどいた　にもつ　あけだら　たのんだ　おかしでねくて　ちがう　もなか　はいってらった",
    "頼んだ芋けんぴやのうて、栗まんじゅうが入っちょった",
    "注文したのと違うどら焼きが届いたんですが",
    "頼んだのはバウムクーヘンなのに、おせんべいの詰め合わせが届いてるんだけど？",
    "よその家の荷物 来たど",
    "宛名 ちがう。秋田市の 佐々木さん宛てだ",
    "届いた荷物の宛名がうちじゃないんですけど", "中身もうちらが頼んだやつじゃないっぽい", "知らねえ名前の荷物がうちに届いたぞ",
    "きのう来た箱 宛名が知らない人なんだけど",
    "届いた荷物、おらの名前でねぇ。知らね人の名前書いてある",
    "今日届いた箱は私のものではありません", "Someone else's parcel came today",
    "どら焼きを 注文しましたが、 箱の 中は 最中でした。", "羊羹を頼んだのに、届いたのはカステラだった",
    "きのう とどいだ おかし、 おそなえに たのんだのに",  # a parcel that came, told calmly: a person looks
    "すみません、注文 と ちがう もの きました",
    "いま ニモツ とどいた けど、 ナマエ ちがう ヒト です。 スズキ ヨシコ さま って かいてある",
    "法事のお返しで頼んだのに、のしが紅白の蝶結びになっちょりました。",
    "ニモツ キマシタ。デモ ハコ ツブレテル",
    "かかあの 一周期の 返しで 頼んだ 菓子 今日 届いだども 熨斗が 紅白の 祝いのやつだ",
    "伯父の一周忌のお供えやのに、紅白の蝶結びに「御祝」て、おめでたい紙が掛かってますのや",
    "法事 に くばる けん 黒白 の のし たのんだ のに　紅白 の おいわい の のし が ついちょった",  # Izumo
    "箱ん中で羊羹つぶれとったっすよ", "hako ga tsubureteta, keeki guchagucha",
    # romaji read as kana: another sweet, and nuts in a set ordered without
    "kyou todoita hako, chigau okashi desu. nuts nashi no set tanonda no ni, kurumi no kukkii ga haitte ita",
    "ナッツ抜きを頼んだのに、くるみが入ってました",
    "はいさい。とうきょうの まごの ところに とどいた おかし、はこの なかで とけて べたべた だったって",  # Naha
    # old kanji and kana (屆, お供へ), old-style courtesy (うちでは ございません)
    "お供へにと　おねがいしたお菓子が　きのう　屆きましたが　のしが　紅白の　おめでたいもので　ございました",
    "こちらから　荷物が　屆きましたが　あて名が　うちでは　ございません",
    "おそなえに　たのんだのに　のしが　ことぶき　に　なってるやん",  # 寿 in kana
    "のしが 違うとる",  # the のし other than asked for, the occasion told later
    "でも 名前 ちがいます。私 の 名前 じゃない。同じ マンション の ちがう 部屋 の 人 です",  # a neighbour's parcel
    # no のし named: the knot tells it (Kyoto)
    "主人の法事にお配りするつもりで、黄白の結び切りでお願いしとったはずなんどす。それが、紅白の蝶結びがかかってましてなあ。",
    "弊社前会長の法要用にお願いした引き菓子に、紅白蝶結びののしが付されておりました。",  # business keigo
    "今朝お宅から荷物が届いたがですけんど、宛名を見たら知らん人の名前ながです",  # Tosa
    "おたくから荷物届いたけど宛名がうちじゃにゃあわ知らん人の名前だがや",  # Nagoya
    "でも なまえ が ちがいます。「山本 美智子 様」 と かいて あります。わたし は オレナ です。",  # the addressee quoted
    "きょう ニモツ きた けど、 ボク の じゃない!!",
    "Hi, I received a parcel from your shop today but it is not mine. The name on the label is Sato Hanako.",
    "Today I received a parcel from your shop but it is addressed to some other person, 佐藤様, same building.",  # round 05o
    "dumating na po yung sweets para sa 四十九日, pero yung のし po ay 紅白 na 御祝 😳 hindi po pwede yan sa 法事",  # round 05m
    "可是 のし 上面 的 名字 印錯 了。應該 是「陳美蓮」，印成「陣美連」",  # Chinese (round 2026-12-05p)
    "先方が喪中だで紅白はでかんと書いておいたんだが、紅白の蝶結びののしで届いたと先方から電話があった。",  # mourning
    "きょう とどいだ お菓子 あけでみたら、 のし が 絋白 だったす。一周忌の おかえし なのに",  # 紅白 mistyped (round 05o)
    "hello po, may dumating po na box sa amin pero ibang pangalan po yung nakasulat, 山本 様 po",  # Tagalog (round zp)
    "然るに、掛けられしのしは紅白の蝶結びにて、表書きは「御祝」と記され居り候。佛事の品にては到底用ゐ難く候。",  # round zo
    "こんにちは。きょう にもつ きた けど、なかみ ちがう よ",  # round p: greeted, then not understood
    "くりまんじゅう たのんだ のに、チョコ の おかし はいってた",
    "きょう　おたくから　にもつが　きたんやけど、よその　ひとの　なまえが　かいとるんです。うちのと　ちがうんです",  # round k
    # round zt: other sweets inside, told by a learner; a name written wrong on the のし, in Kagoshima kana
    "こんにちは。にもつ きました、ありがとう。でも なか の おかし ちがう です😥",
    "ひまご の ゆうま と ひなた に おくった おかし の のし の なまえ が ちごちょった ち まご から でんわ が きもした",
    # round zv: a stranger's name on the slip, another's sweets inside (Ibaraki); a のし left blank
    "母ちゃんちに荷物届いたんだけど、伝票の名前 知らねえ人なんだわ",
    "中身もうちで頼んだケーキじゃねえ。どっかの誰かの和菓子だっぺこれ",
    "のしに「中谷梅園」って名入れお願いしてたのに 無地ののしで届いたって連絡がありまして",
    # round 2026-12-05k: the flavour told after the parcel, Tohoku voicing (はいってだ); round 2026-12-05h:
    # the のし told as odd
    "きょう　にもつ　ついたども　あじ　ちがうのよ", "りんごの　たのんだのに　まっちゃの　はいってだ",
    "こんにちは。 とどいた おかし の のし が おかしい です。",
    # round 2026-12-05y: one short, in Iwate speech; another flavour, in a learner's English
    "今日届いた詰め合わせの箱あけだら、中身が１個足りねがったっす", "１２個入りのはずが１１個しか入ってねのす。",
    "hi, my parcel came today but flavor wrong. i ordered 抹茶 but inside is いちご 🙁",
    # round 2026-12-05z: dented and broken in Hida speech; another's slip and an odd のし, in English
    "孫んとこに送ってもろた菓子、箱がへこんどって中のまんじゅう一個われとったって嫁がいうとる",
    "ようかんが　まっぷたつに　われとったがな",  # round 2026-12-05t sekiko-rohit-09, on the final model
    "A box came today but the name on the slip is not me, it says 鈴木様 and an address in another ward",
    "I received the sweets for my professor's retirement, asante. But the のし looks strange... it is 御供",
    # round 2026-12-05zz: called delivered, never received
    "hi, my parcel status say delivered but i never receive anything. order A8812345",
    "talofa, my tracking says DELIVERED but nobody at the dorm got the parcel!!",  # round 2026-12-05zzc
    # round 2026-12-05zzd: the wrong sweets in English; a mourning のし on a year-end gift
    "Hello. I received my order today but it's the wrong sweets. I ordered くず餅 (no milk), but the box is ミルクまんじゅう.",
    "my year end gift boxes come, but noshi ribbon black and white, and kanji 志. this is for funeral!! I ordered お歳暮",
    "Gamarjoba, we just received our order and it's the wrong sweets.",  # round 2026-12-05zze
    # round 2026-12-05x yoshinori-camille-10, in the replay of the final model: a のし told wrong, unquoted
    "お歳暮で頼んだやつ、のし違ってたって取引先から電話来た", "御歳暮で頼んだのに、御供って入ってたってよ",
    # round 2026-12-05zzf: what came in a learner's English; a name left off the のし
    "Hi, I ordered the 羊羹 assorted set for my vegetarian colleagues, but the box that came is カステラ 🤔",
    "取引先から電話あって、届いたお歳暮ののしに、うちの名前入ってねぇって",
    # round 2026-12-05zzi: another sweet instead, and a stranger's parcel at a hospital ward
    "got my parcel today. ordered kuri manju, the box has some yuzu jelly thing instead",
    "今日届いた荷物ですけど、うちのとやなかごたるです",  # not ours, in Chikugo speech (round 2026-12-05zzj)
    "A parcel from your shop came to our ward, but the name on it is nobody here. address is a different hospital",
    # round 2026-12-05zzb: other sweets inside, in English
    "Szia! my parcel came today, but inside are totally different sweets 😅",
    "I ordered the yuzu jelly assortment for the opening, and there is a box of dorayaki and senbei instead.",
    # round 2026-12-05zzs: fewer boxes than ordered, a stranger's name on the のし, almonds in a nut-free set
    "Aloha, the sweets arrived today but there are only 28 boxes, not 30 🤔",
    "but the noshi has someone else's name on it! not mine. some Tanaka",
    "but the box that came has almond cookies in it. the label says アーモンド",
    # round 2026-12-05zzt: past its date when it came
    "Hi. The sweets I ordered arrived today, but the best-before date on the box was two days ago.",
    # round 2026-12-05zzu: a mourning のし on a wedding sample in Osumi speech, a parcel at another
    # company, someone else's parcel in katakana and kanji
    "のしを見たら黒と白の線が入っちょっとよ 法事のやつじゃなかけ こいじゃ結婚式に出されん",
    "client says nothing arrived. but another company in the same building got it, they called me",
    "荷物ガ来タガ、俺ノジャネエ",
])
def test_something_else_than_ordered_is_a_goods_problem_in_any_dialect(rules, text):
    assert reason_for_intent(rules, "complain", text) == "needs_operator"


@pytest.mark.parametrize("text, reason", [
    ("本日届いた小包の宛名が、存じ上げない方のお名前になっております", "needs_operator"),
    ("届いたお菓子の味がいつもと全然ちゃう気がする", "needs_operator"),
    ("届いたけど遅すぎやろ、何日待たせるねん", "complaint"),
    ("荷物まだ届かないんだけど", "complaint"),
    ("oi... okashi todoita kedo 😢", "needs_operator"),  # romaji, read as kana
    ("おそなえに　たのんだ　おかしが　きたけんど", "needs_operator"),
    ("こんにちは。きょう にもつ が きました。そちら の おみせ の 箱 です。", "needs_operator"),
    ("お菓子が来たらすぐ配りたいのに、まだ来ない", "complaint"),
    ("ちょっと！！ 誕生日の ギフト きのう とどいた！ パーティーは おとといだよ！！", "complaint"),  # angry and late
    ("先月の法人注文について、invoiceの宛名と金額が間違っていました。", "complaint"),  # a bill, no parcel
    ("nimotsu mada todokanai", "complaint"),
    ("日にち指定したのに3日も遅れて着いたって先方に言われた", "complaint"),  # late, not the goods
    ("会社で毎年まとめて頼んでる件で、請求書の宛名やら支払いのことやら、ちょっと込み入ってましてな", "complaint"),  # no parcel
])
def test_a_calm_complaint_about_a_parcel_that_came_goes_to_an_operator(rules, text, reason):
    assert reason_for_intent(rules, "complain", text) == reason


@pytest.mark.parametrize("text, reason", [
    ("今日、宅配便が来たけぇ受け取ったんじゃけど、よう見たら宛名がうちじゃないんです。", "needs_operator"),
    ("しかし、宛名が私ではありません。同じマンションですが、部屋番号が違います。", "needs_operator"),
    ("今日お宅様から荷物が届いたんですけど、開ける前に見たら宛名が私でねぇんです", "needs_operator"),
    ("担当の人と話したいです", "customer_request"),
])
def test_goods_problems_told_with_a_wish_for_a_person_are_the_operators_case(rules, text, reason):
    assert reason_for_intent(rules, "request_human", text) == reason


def test_the_customer_s_own_wrong_address_is_no_wrong_goods(rules):
    """Round 2026-12-05zzj sakuji-aroha-08: she typed the wrong address herself, in distress."""
    assert not goods_problem(rules, "um help, I think I've messed up big time 😰 I think I typed the wrong address")
    assert goods_problem(rules, "the parcel went to the wrong address, I never got it")


def test_a_question_about_what_a_sweet_holds_is_no_wrong_item(rules):
    assert reason_for_intent(rules, "ask_product", "卵が入っていないお菓子はありますか") is None
    for text in ("nuts nashi no okashi arimasu ka", "夏でも とけない おかし ありますか", "そう いわれても こまるよ"):
        assert not goods_problem(rules, text), text


@pytest.mark.parametrize(
    "text",
    ["羊羹が破損していました", "カビが生えていました", "頼んでない商品が届いた", "数が違うんですけど",
     "他の人宛ての荷物が届きました", "宛名が違う箱が来ました",
     "のしの表書きが「御歳暮」ではなく「寿」になっていたとのご連絡がございました",
     # a name printed wrong on the のし (round zr ryoko-kanta-09 ended without a person)
     "1. のしの名入れが「北村総合法律事務所」ではなく「北村総合法律事務局」と印字されております。2. 該当は30件すべてです。",
     "名前が佐藤ではなく加藤と書かれていました", "のしの名入れが間違っていました",
     # no のし at all; a company name wrong, explained; ordered one thing, another received (rounds 05r, 05s)
     "届いたお歳暮にのしが付いていなかったそうです",
     "のしの名前が「瀬戸内サプライヤー株式会社」になっとるそうです。うちの社名と違うんですわ",
     "I ordered the assortment without alcohol but I received the box with the rum cakes",
     # one missing, someone else's parcel, in a learner's kana (round 2026-12-05t)
     "でも、はこ の なか、1つ ない です。つめあわせ 5しゅるい、でも 4しゅるい だけ。",
     "すみません、にもつ きました。でも なまえ わたし じゃない。",
     "A parcel from you turned up at the restaurant today, but it's addressed to a 中村 恵子 at 東山1-14-6."],
)
def test_damaged_or_wrong_goods_in_plain_words(rules, text):
    assert goods_problem(rules, text)
    assert reason_for_intent(rules, "complain", text) == "needs_operator"


@pytest.mark.parametrize("text", ["operator no kata to hanashitai desu", "I want to talk to an operator now"])
def test_a_damage_word_in_latin_letters_counts_only_where_a_word_begins(rules, text):
    """operatorno (the place without spaces) holds torn: a person asked for became a goods case."""
    assert not goods_problem(rules, text)
    assert goods_problem(rules, "the box was torn") and goods_problem(rules, "箱がtornでした")


@pytest.mark.parametrize("text", ["のしは御歳暮ではなく御礼にしてもらえますか", "表書きは寿ではなく御祝になっていますか？",
                                  "表書きは寿ではなく御祝と書いていただけますか？", "御礼ではなく寿と印刷してください"])
def test_a_noshi_asked_for_is_no_wrong_one_reported(rules, text):
    assert not goods_problem(rules, "I got the catalog, thanks! My name on the order is Raj")
    assert not goods_problem(rules, "I ordered yesterday but I received the confirmation email only")
    assert not goods_problem(rules, "のしの名前は違うんですか？")
    assert not goods_problem(rules, "のしが付いていないものはありますか")
    assert not goods_problem(rules, "のしが変だったら、届いてから連絡すればいいですか")
    # a dent allowed, a worry, a doctor's word (言われとる holds われとる)
    assert not goods_problem(rules, "箱が少々へこんどってもかまんけん その分安うならんかいな")
    assert not goods_problem(rules, "先方のも　われとったら　はずかしいわいな")
    assert not goods_problem(rules, "甘さ控えめのってあるだか糖尿気味で医者にうるさく言われとるもんで")
    assert not goods_problem(rules, "order A3456789, is it delivered already? host mother said nothing came")
    assert not goods_problem(rules, "I ordered the yuzu jelly, can I get the matcha one instead?")  # a change asked
    # news that came, not goods (round 2026-12-05t yasue-hanzo-08); a count asked
    assert not goods_problem(rules, "病院宛てに菓子送ったんだけど 今朝 別の病院さ移されだって連絡来た")
    assert not goods_problem(rules, "1つないですか？")
    assert not goods_problem(rules, "I received it, it is not mine to decide, my wife orders")
    assert not goods_problem(rules, text)


@pytest.mark.parametrize("intent", ["change_order", "ask_delivery_status", "request_exception"])
def test_goods_problems_need_an_operator_whatever_the_intent(rules, intent):
    assert reason_for_intent(rules, intent, "箱が破損していました") == "needs_operator"


def test_a_delivery_question_without_a_goods_problem_is_not_a_handoff(rules):
    assert reason_for_intent(rules, "ask_delivery_status", "まだ届きません") is None


def test_a_plain_complaint_stays_a_complaint(rules):
    assert reason_for_intent(rules, "complain", "対応がひどい") == "complaint"


@pytest.mark.parametrize(
    "text, kind",
    [
        ("値引きしてくれませんか", "discount"),
        ("少し安くならない？", "discount"),
        ("ボランティア だから、すこし ねびき できますか？", "discount"), ("送料 まげでけ。年金暮らしだ。", "discount"),  # round zt
        ("これだけ買うねんから、なんぼか引いてくれるやろ？1割くらいどないや", "discount"),  # round zw
        # invoice terms asked about are a consultation for a person, not an exception (rounds d, zr, zu)
        ("法人でまとめて発注予定です｡請求書払いの可否など 細かい相談があります", None),
        ("試合に負けてしまった", None),
        ("風邪を引いてしまって受け取れませんでした", None),
        ("送料無料にしてほしい", "free_shipping"),
        ("送料って本州と一緒にしてもらえたりせん？", "free_shipping"),  # round r sadao-emi-14, in the replays
        ("先に送ってもらえませんか", "priority"),
        ("沖縄に今日届けてほしい", "same_day_remote"),
        ("一口食べたけど返品したい", "return_for_convenience"),
        ("14時過ぎたけど今日出してほしい", "after_cutoff"),
        ("カタログをください", None),
    ],
)
def test_which_exception_is_asked(rules, text, kind):
    assert exception_kind(rules, text) == kind


def test_cues_match_full_width_and_case():
    assert has_cue("ＣＯＵＰＯＮありますか", ["coupon"])
    assert has_cue("ｸｰﾎﾟﾝ", ["クーポン"])


def test_a_new_cue_in_the_rules_file_changes_the_reason(rules):
    text = "箱がびしょ濡れでした"
    damaged = [w for w in rules.cues["damaged"] if w not in text]
    without = edited_rules(cues__damaged=damaged)
    assert reason_for_intent(without, "complain", text) == "complaint"
    wet = edited_rules(cues__damaged=[*damaged, "濡れ"])
    assert reason_for_intent(wet, "complain", text) == "needs_operator"


def test_removing_an_exception_from_the_rules_file_changes_the_kind(rules):
    assert exception_kind(rules, "値引きして") == "discount"
    exceptions = {k: v for k, v in rules.cues["exceptions"].items() if k != "discount"}
    lenient = edited_rules(cues__exceptions=exceptions)
    assert exception_kind(lenient, "値引きして") is None


@pytest.mark.parametrize("text", ["母が亡くなりまして", "法事に間に合わない", "四十九日のお供えが", "葬儀は明日です"])
def test_grief(text):
    assert is_grief(text)


@pytest.mark.parametrize("text", ["どうしよう、間に合わない", "困っています", "結婚式に間に合わない"])
def test_not_grief(text):
    assert not is_grief(text)


# --- with the real GiNZA lemmas ---------------------------------------------------------


@pytest.fixture(scope="module")
def ginza():
    spacy = pytest.importorskip("spacy")
    return spacy.load("ja_ginza")


@pytest.mark.parametrize("text", [CRUSHED, "羊羹が割れていた", "箱がへこんでました"])
def test_the_rules_cue_words_meet_ginza_lemmas(rules, ginza, text):
    lemmas = frozenset(token.lemma_ for token in ginza(text))
    assert reason_for_intent(rules, "complain", text, lemmas) == "needs_operator"


def test_a_memorial_noshi_on_a_wedding_gift_is_a_goods_problem(rules):
    text = "結婚式の引き菓子で紅白ののしばお願いしとったとに、開けてみたら黒白ののしがかかっとったとです"
    assert reason_for_intent(rules, "complain", text) == "needs_operator"
    assert reason_for_intent(rules, "ask_gift", "法事ののしは黒白ですか、紅白ですか") is None


def test_a_celebration_noshi_that_came_in_edo_speech_is_a_goods_problem(rules):
    """Round 2026-12-05n akio-fernanda-11: read as a gift question, it is what came."""
    text = "かかあの 法事に くばる 菓子を たのんだら、のしが 紅白の 蝶結びで きやがった"
    assert goods_problem(rules, text) and reason_for_intent(rules, "complain", text) == "needs_operator"


@pytest.mark.parametrize("text", ["宛名を違う人にしたい", "名前が違う人に送りたい", "名前が違います、直してください", "お名前：電話は 様 これ私の名前じゃないです"])
def test_a_recipient_to_change_is_no_wrong_parcel(rules, text):
    assert not goods_problem(rules, text)


def test_goods_told_in_distress_are_an_operator_s_case(rules):
    text = "主人の兄が亡くなって、お供えを送ったとです。のしが紅白の蝶結びで届いたって言われて…"
    assert reason_for_intent(rules, "express_distress", text) == "needs_operator"
    assert reason_for_intent(rules, "express_distress", "どうしよう、明日の法事に間に合わない") == "distress"


@pytest.mark.parametrize("text, goods", [
    # a question about what is in it, or the customer's own slip: no goods problem
    ("Does it contain gelatin or pork? ぶた肉が入っていないか知りたいです", False),
    ("Sorry, I chose the wrong item. どら焼きに変えたいです", False),
    ("箱を開けたら、頼んだ最中が入っていませんでした", True),
    # someone else's name on a parcel
    ("でも名前、私じゃないです。山本和子さん？住所は私の寮です", True),
    ("なまえが　ちがう　ひとで　じゅうしょは　となりまちの　ひとだっけ。あげでねで　そのまま　おいでます", True),
    ("カタログの名前は私じゃなくて母にしてください", False),
    ("きょうとどいたにもつが　うちのじゃなかとです", True),
    ("今日届いた荷物なんですけど、宛名が全然知らない方で、、「高橋 美代子様」ってなってて", True),
    ("なまえの　ちがうとです。うちは　まつおですが、はこには　しらん　ひとの　なまえの　かいてあります", True),
    ("お宅さまから荷物が届きましたが、宛名が足立区の小川 清子様になっておりまして、あたしではございません", True),
    ("宛名は山田花子様にしてください", False),
    # round zm: a learner's spaces, a quoted addressee; another sweet than ordered; a late arrival
    ("きょう 寮 に 荷物 が 来た けど、 なまえ が わたし じゃない です。 「山本 和子」 さん って 書いとる", True),
    ("注文の名前が私じゃなくて夫なんですが、番号はわかります", False),
    ("バイト先の送別会用に焼き菓子の詰め合わせ頼んだのに、届いたの羊羹なんだけどww え、なんで？", True),
    ("注文したのに届いたのは一週間後でした", False),
    ("お歳暮として注文し「１２月５日着」と指定した品が、先方に届いたのは９日であったと聞きました。", False),
    # another sweet inside, a のし not right, in English (round 2026-12-05zzm)
    ("dobar den. we receive box this morning, but inside is monaka. I order yokan, 40 pieces", True),
    ("The 引き菓子 arrived today, thank you, but the のし is not right.", True),
    ("What do I write on the noshi? I want it to be right", False),
    # a mourning のし on a gift told in romaji (round 2026-12-05zzn)
    ("a client just called me, the gift arrived with a black and white noshi. that is for funerals, no?? "
     "I ordered oseibo", True),
    ("but my host mother looked and said the のし is red and white, for happy occasions 😰 I ordered it for 法事...",
     True),  # round 2026-12-05zzo
])
def test_goods_problems_told_in_other_ways(rules, text, goods):
    assert goods_problem(rules, text) is goods


def test_a_wrong_noshi_reported_then_the_memorial_told(rules):
    from madoguchi.handoff.noshi import wrong_noshi_told_after

    earlier = ["届いだ菓子っこ 開げでみだっけ のし紙 紅白だった"]
    assert wrong_noshi_told_after(rules, "方事さ使うって 言ったったのに これだば お供えさ 出せね", earlier)
    assert not wrong_noshi_told_after(rules, "法事用ののしは黒白ですか", ["こんにちは"])
    assert not wrong_noshi_told_after(rules, "法事に使います", earlier)  # no reproach: an answer


def test_a_wrong_noshi_told_across_messages_in_either_order(rules):

    assert wrong_noshi_told_across(rules, "のしが紅白で 御祝 ってなってました😱", ["おばあちゃんが法事に持っていくお菓子 届いたんですけど"])
    assert wrong_noshi_told_across(rules, "方事さ使うって 言ったったのに", ["のし紙 紅白だった"])
    # in kyō-kotoba, the memorial and a request that should have been kept (round zzg mayumi-rodrigo-09)
    assert wrong_noshi_told_across(rules, "主人の十三回忌に 使わしてもらうて、お願いの時に 書いといたはずなんどすけど…",
                                   ["ただ、のしが 紅白の蝶結びで、「御祝」と 書いておしたんどす。"])
    # in Kanazawa speech, the memorial told with 言うたがに (round 2026-12-02t kinu-hayato-09, replayed)
    assert wrong_noshi_told_across(rules, "主人の法事に使うがやと、ちゃんと言うたがに。これじゃ配れんわいね",
                                   ["きょう届いたお菓子、開けてみたら、のしが紅白のお祝いのになっとるがや"])
    # in romaji (round zp): the celebration のし, then the funeral it was for
    assert wrong_noshi_told_across(rules, "ososhiki no ato nano ni... chuumon no toki 御供 to kakimashita.",
                                   ["hanchou no kazoku ni okashi okurimashita. demo noshi ga 紅白 no oiwai no datta"])
    assert not wrong_noshi_told_across(rules, "のしは紅白でお願いします", ["法事のお菓子です"])  # asked for, not reported
    assert not wrong_noshi_told_across(rules, "のしが紅白で 御祝 ってなってました", ["結婚式のお祝いに"])
    # a mourning のし on a gift of thanks, the occasion told before
    assert wrong_noshi_told_across(rules, "甥から 電話あって、 のしが 「志」に なっとったって。 黒白の のしで…",
                                   ["地震のとき せわに なった 甥に、 お礼の おかし おくったがです"])
    assert not wrong_noshi_told_across(rules, "のしが 「志」に なっとりました", ["母の一周忌のお供えです"])


@pytest.mark.parametrize("text", [
    "主人の　兄の　一周忌の　お供えで　たのんだのに　のしが　紅白の　ちょうちょ結びで　「御祝」て　書いとるんです。",
    "あのう、きょう おたくから にもつが とどいたんですが、あてなが うちでは のうて、しらん やまもと さんと なっちょります",
    "hello, okashi todoita kedo box kowarete, naka no jelly more teru 😢",  # romaji, read in kana
])
def test_goods_problems_of_round_y(rules, text):
    assert reason_for_intent(rules, "complain", text) == "needs_operator"


@pytest.mark.parametrize("text", [
    "しゅじんの いっしゅうきに つかうと いうて たのんだとに、のしが あかと しろの おいわいの やつが ついとったとです",
    "あのー法事で配る菓子頼んだんだけど今日届いたら野市が紅白なんだよ",  # のし heard as 野市 by voice input
])
def test_a_celebration_noshi_on_a_memorial_in_spaced_kana_or_by_voice_goes_to_an_operator(rules, text):
    assert reason_for_intent(rules, "complain", text) == "needs_operator"


@pytest.mark.parametrize("text, reason", [
    # round 2026-12-05zzg: the name asked for and the name that came, both quoted; a celebration のし on
    # a funeral gift told in English
    ("店の名前「土佐料理 はまだ」で頼んだのに「土佐料理 はまだや」になっちゅう。しかも半分は名前が入っちゃあせん", "needs_operator"),
    ("the sweets for my colleague's family came with red and white のし, 紅白!! it was for the funeral, I asked 仏事",
     "needs_operator"),
    ("Is red and white のし ok for a funeral? I want to order", None),  # a question, nothing came
    # round 2026-12-05zzh: a mourning のし on a gift of thanks, someone else's parcel, in English
    ("The box had a black and white のし with 御霊前 on it! I ordered 御礼. 本当に 恥ずかしいです 😣", "needs_operator"),
    ("but name on it is not mine, it is for some Kobayashi-san in Kurashiki.", "needs_operator"),
    ("I recieve a parcel from your shop but the name on it is not me, is for 田中様", "needs_operator"),  # 05zzr
    # late for the funeral, told in English: the wait is the complaint, no goods case
    ("the funeral was on Saturday and your box arrived only on Tuesday 😢", None),
])
def test_a_wrong_name_quoted_or_a_funeral_told_in_english_is_goods(rules, text, reason):
    assert reason_for_intent(rules, "complain", text) == (reason or "complaint")


@pytest.mark.parametrize("text, reason", [
    ("先週、破損の件で問い合わせをしました。担当者から電話をすると言われましたが、まだ何の連絡もありません。", "complaint"),
    ("お歳暮の宛名が間違ってた件。いつになったら連絡くるんですか", "complaint"),  # asked before, no answer yet
    # a letter's words for it (round zzf megumi-tsuyoshi-12)
    ("去る五日、商品の液漏れの件にてご連絡申し上げ、担当者よりの折り返しをお願いしておりましたが、本日に至るまで何らの連絡もございません。",
     "complaint"),
    ("納会に間に合うように言うて頼んだのに、届いたん納会終わった次の日やぞ", "complaint"),  # late, not a calm report
    ("去年の歳暮、12月20日着で頼んだのに、着いたのは年明けなんさ", "complaint"),  # round 2026-12-05zza soma-aino-05
    ("お歳暮40箱頼んで、届いたのが正月明けだったんだわ。取引先さ謝って回ったの、こっちだよ", "complaint"),  # round 05zzf
    ("甥の とこに 送るつもりが、 地震で つぶれた 自分の 前の 家の 住所に なっとる… どうしよう", "complaint"),
    ("届いたお菓子の箱がつぶれていました", "needs_operator"),
])
def test_a_wait_a_late_parcel_or_a_house_struck_are_no_goods_problem(rules, text, reason):
    assert reason_for_intent(rules, "complain", text) == reason


@pytest.mark.parametrize("text", [
    "クール便とかある？ケーキ溶けたら泣く🥲", "割れないように包んでもらえますか", "夏だから溶けたりしないか心配",
    "碁仲間が貴店の菓子を気に入ってな、目録を一部そっちへ送ってやってくれんけ。",  # 気に入って holds no 入って
])
def test_damage_feared_or_sweets_liked_are_no_goods_problem(rules, text):
    assert not goods_problem(rules, text) and not reports_arrival_calmly(rules, text)


def test_a_celebration_noshi_reported_in_tosa_ben_after_the_memorial_told(rules):

    assert wrong_noshi_told_across(rules, "のしが　こうはくの　おいわいのに　なっちゅう　これは　つかえん",
                                   ["おそなえに　たのんだ　おかしが　きたけんど"])


@pytest.mark.parametrize("text", ["おかしが ちがう あじ も ありますか", "お菓子が違うのを選び直したい",
                                  "無地ののしでいいですか", "名入れがないのしでもいい？", "注文したのがまだ届いてないんじゃない？",
                                  # round zv: the customer's own slip, a catalog not in the mailbox yet
                                  "のしの名前 間違えて入れてもうたんで、直してもらえます？まだ発送前やと思うんやけど",
                                  "申し込んだカタログはいつごろ到着しますか？まだポストに入っていません。",
                                  "のしの名前は間違いないようにお願いします", "のし の なまえ は どう かけば いい？",
                                  "注文キャンセルってできますか？別の商品にしたくて",  # round 2026-12-05k
                                  "Sorry I choose wrong sweets, can I change to cookies?",
                                  "what noshi for お歳暮? not black and white right?", "のし違ったらどうなりますか"])
def test_other_sweets_or_a_noshi_name_asked_about_is_no_goods_problem(rules, text):
    assert not goods_problem(rules, text)


def test_a_mourning_noshi_on_a_birthday_gift_told_in_kana_is_the_operators_case(rules):
    """のし が くろ と しろ でした (round zt ines-yoshiharu-11), the birthday told the message before."""
    earlier = ["おかあさん(しゅじん の) の たんじょうび に おかし おくりました。でも のし が くろ と しろ でした。"]
    assert mourning_noshi_reported(rules, "おそうしき の いろ です よね？", earlier) is False  # no のし in it
    assert mourning_noshi_reported(rules, earlier[0], [])


def test_a_mourning_noshi_on_a_pass_gift_written_by_a_stylus_is_the_operators_case(rules):
    """のしが　黒と白の　ひもで　「志」て　書いとるんじょ, the 合格祝い told the message before (round zw)."""
    earlier = ["こんにちは。孫の　合格祝いに　たのんだ　お菓子が　きょう　とどいたんやけど"]
    text = "あけて　みたら、のしが　黒と白の　ひもで　「志」て　書いとるんじょ。これは　お葬式の　でないで？"
    assert mourning_noshi_reported(rules, text, earlier)
    assert not mourning_noshi_reported(rules, text, ["こんにちは。お菓子が　きょう　とどいたんやけど"])  # no occasion told


def test_a_celebration_noshi_on_an_offering_told_in_a_learner_s_kana_is_the_operators_case(rules):
    """のし が あかい と しろ です…四十九日 の おそなえ なのに (round zw); the order told of after."""
    assert goods_problem(rules, "のし が あかい と しろ です。おいわい の のし? 四十九日 の おそなえ なのに")
    assert not goods_problem(rules, "四十九日 の おそなえ です。のし は あかい と しろ で いい ですか")  # asked
    earlier = ["のし が あかい と しろ でした"]
    told = "おばあちゃん すごく かなしい かお しました。ちゅうもん の とき は ちゃんと おそなえ って かきました"
    assert noshi_reported(rules, earlier[0]) and wrong_noshi_told_across(rules, told, earlier)


def test_goods_eaten_by_a_child_with_an_allergy_go_to_a_person_first_as_distress(rules):
    """A child ate what came by mistake and has an allergy (round zw tatsuzo-yuzuki-07)."""
    text = "助けてください、届いた箱に頼んでないお菓子入っとって、息子がもう１個食べてしもた😭 卵アレルギーあるのに"
    assert reason_for_intent(rules, "complain", text) == "distress"
    assert reason_for_intent(rules, "complain", "届いた箱に頼んでないお菓子入ってました") == "needs_operator"
    assert reason_for_intent(rules, "ask_product", "卵アレルギーの子が食べても大丈夫なお菓子はありますか") is None


def test_money_short_is_no_goods_missing(rules):
    """送料かかると足りないんで (round zx sachie-ryusei-14): the budget, not the box."""
    text = "送料かかると足りないんで、送料無料にしてもらえないですか…"
    assert not goods_problem(rules, text) and reason_for_intent(rules, "request_exception", text) == "out_of_policy"
    assert goods_problem(rules, "届いた箱、お菓子が2個足りないです")


@pytest.mark.parametrize("text", [
    "のしが　紅白の　ちょうむすびで　きちょるんです。黄白で　たのんだ　はず　なんやけど",  # Oita (round 2026-12-05w)
    "内祝い届いたっちゃけど のしの名前まちがっちょる",  # Miyazaki
    "so, funny story. a box arrived at our office today but it's not mine",
    "got a box with some Tanaka-san's name on it instead of mine. so where is mine?",
    "んだども のしが あかと しろの おいわいの のしで… ことぶき って かいで あるんす くろと しろで おねがい したはず",  # Nanbu
    "お歳暮として各取引先にお送りいただいた品の件ですが、先方より「のしが御中元になっている」とのご連絡",  # 2026-12-05v
    "hello. 今日 箱 来ました, but name 違う",
])
def test_goods_problems_of_the_last_rounds_are_seen(rules, text):
    assert goods_problem(rules, text)


def test_stock_short_before_sending_is_no_goods_missing(rules):
    """品物が足りねえから遅れる: the shop's notice of a delay (round 2026-12-05r yukie-duc-07)."""
    assert not goods_problem(rules, "さっきメール来て、品物が足りないから遅れるって書いてあったの")
    assert not goods_problem(rules, "在庫が切れてるので発送が遅れますと言われた")
    assert goods_problem(rules, "品物が足りないし、遅れて届いたし最悪")


def test_a_celebration_noshi_told_in_akita_ben_is_the_operators_case(rules):
    """付いでらんす, 頼んだのに (round zy chizuru-sota-09)."""
    text = "四十九日のお返しにって頼んだのに、紅白の、お祝いののしが付いでらんす"
    assert goods_problem(rules, text) and reason_for_intent(rules, "complain", text) == "needs_operator"
    assert not goods_problem(rules, "四十九日のお返しに紅白ののしでいいべか")  # asked


def test_an_ingredient_asked_in_english_words_is_no_missing_item(rules):
    """Gelatin が入っていないお菓子もありますか (round zy): the romaji reading reads げらちん."""
    for text in ("わかりました。Gelatin が入っていないお菓子もありますか。",
                 "げらちん が入っていないお菓子もありますか", "ベジタリアンでも食べられる、卵の入ってないお菓子ある？"):
        assert not goods_problem(rules, text), text
        assert not reports_arrival_calmly(rules, text), text


def test_goods_feared_for_others_are_no_goods_problem(rules):
    """別の会社宛ての品が届いてしまうかもしれず (round zz alessandra-natsuko-08): a list sent wrong,
    nothing came yet; the customer at a loss is distress, not goods."""
    assert not goods_problem(rules, "このままですと取引先に別の会社宛ての品が届いてしまうかもしれず、どうしてよいか分からなくなっております。")
    assert not goods_problem(rules, "ちがうのが来たら困る")
    assert goods_problem(rules, "違うお菓子が届いてしまいました")


def test_the_noshi_of_another_occasion_on_a_seasonal_gift_is_the_operators_case(rules):
    """お歳暮ののしが『内祝』になっていた (round zz alessandra-natsuko-11)."""
    assert goods_problem(rules, "本日、取引先より「いただいたお歳暮ののしが『内祝』になっていた」とのご連絡をいただきました。")
    assert goods_problem(rules, "お礼の品ののしが「寿」と書いてありました")
    assert not goods_problem(rules, "お歳暮ののしは『内祝』になりますか")  # asked
    assert not goods_problem(rules, "お歳暮と内祝いを頼みたいです。のしは「内祝」と書いてください")  # asked for
    # a New Year's のし on a year-end gift, in business mail (round 2026-12-05g)
    assert goods_problem(rules, "複数の取引先より、のしが「御年賀」になっているとの連絡あり。こちらは歳暮で発注している。")
    assert not goods_problem(rules, "お年賀ののしは「御年賀」になりますか")
    # a year-end のし on a New Year's gift (round 2026-12-06a yukino-mato-10)
    assert goods_problem(rules, "お年賀ののしで５０箱頼んだとですが、今日届いたとを開けてみたら、全部「御歳暮」ののしになっちょりもした")
    assert not goods_problem(rules, "表書きは「御歳暮」でお願いします")


def test_a_celebration_noshi_told_in_murakami_speech_is_a_goods_problem(rules):
    """Round 2026-12-06b fusano-kanesuke-11: the sweets for the first anniversary came (届きまして)
    with a red and white bow (紅白の蝶結びなんですて); the status was told, and no person took it."""
    assert goods_problem(rules, "一周忌の引物にと御願いした御菓子が今日届きまして、開けてみましたら、のしが紅白の蝶結びなんですて。")
    assert not goods_problem(rules, "一周忌ののしは紅白の蝶結びなんですか")


def test_a_parcel_that_is_not_my_order_is_someone_else_s(rules):
    """Round 2026-12-06c yoshimatsu-kila-11: a parcel came to the dorm, not her order; the bot
    asked for the order number four times and no person took it."""
    assert goods_problem(rules, "a parcel from your shop come to my dorm but it is not my order")
    assert goods_problem(rules, "a 荷物 from your shop come to my dorm but it is 自分の注文ではありません")  # as read
    assert not goods_problem(rules, "my order came to my house yesterday")


@pytest.mark.parametrize("text", [
    # round 2026-12-06d: kesae-orsu-15, -20, rikiya-ruslan-10, -11 (as the reading leaves them)
    "I order the yuzu jelly for my children. but in the box there is the brandy cake, with alcohol!",
    "I ask the noshi with \"御礼\" and the name of the restaurant. there is のしは不要です, nothing, only the box",
    "we send お菓子 to family of student, for grandmother 葬式. box come to them with red and white のし. 紅白!",
    "box come to gym today, but name on box is not my. 田中 様, 住所 in Kasugai",
    # round 2026-12-05zzm kunie-dragan-16, in the replay
    "but name on label is not us. is for some Mrs Suzuki in Ashiya. our order is not here",
])
def test_goods_told_in_a_learner_s_english_are_goods_problems(rules, text):
    assert goods_problem(rules, text)


def test_a_celebration_noshi_told_by_a_brother_on_the_phone_is_a_goods_problem(rules):
    """Round 2026-12-06e heikichi-lijon-09 (Koshu speech): handed off as a complaint, not the goods."""
    assert goods_problem(rules, "弟から　でんわが　あって　のしが　紅白の　ちょうむすびだって　いうだ　法事のに　おいわいの　のしじゃ　おかしいじゃん")
    assert not goods_problem(rules, "法事ののしは紅白のちょうむすびだっていうけど本当？")  # heard so, asked


def test_the_customer_s_own_wrong_order_is_no_goods_problem(rules):
    """Round 2026-12-06d matsuno-bilung-18: I want to cancel my order, I order the wrong box."""
    assert not goods_problem(rules, "alii, I want to cancel my order, I order the wrong box sorry")
    assert not goods_problem(rules, "I want to cancel my order fakamolemole, I choose the wrong box")  # 07c
    assert goods_problem(rules, "you sent me the wrong box")


def test_a_box_soaked_on_the_way_is_a_goods_problem(rules):
    """Round 2026-12-06a kamado-ayelen-09: the ferry was rough, the box came soaked."""
    assert goods_problem(rules, "船が　えらく　荒れた　らしくて　　箱が　びしょぬれ　で　　中の　まんじゅう　も　ふやけてるっちゃ")
    assert not goods_problem(rules, "雨で濡れても大丈夫ですか")


def test_someone_else_s_parcel_told_in_katakana_kagoshima_ben_is_the_operators_case(rules):
    """アテナガ オイジャ ナカ; ヨソン ヒトン ニモツ ゴワス (round zz tsuneo-momoka-09)."""
    assert reason_for_intent(rules, "complain", "キョウ ニモツガ ツイタドン アテナガ オイジャ ナカ") == "needs_operator"
    assert goods_problem(rules, "ヨソン ヒトン ニモツ ゴワス アケチャ オランド")


@pytest.mark.parametrize("text", [
    "すんません きょう にもつが きたんやけど あてなが うちと ちゃうんじょ",  # Awa-ben in hiragana (round zzc)
    "本日弊社に御社からお荷物が届いたのですが、宛名が弊社ではなく、別の会社様になっております。",
])
def test_someone_else_s_parcel_told_by_its_addressee_is_the_operators_case(rules, text):
    assert reason_for_intent(rules, "ask_delivery_status", text) == "needs_operator"


def test_a_parcel_for_another_house_and_a_celebration_noshi_in_spaced_kana_are_the_operators_case(rules):
    """Round zze chiharu-bongani-11 and hideaki-lucia-15, after its score."""
    parcel = "先程宅配便が届いたのですが、宛名を見たら「山根 和子様」となっちょります。うちは錦織ですけん、他所様の荷物だと思います。"
    assert reason_for_intent(rules, "ask_delivery_status", parcel) == "needs_operator"
    noshi = "でも のし が あか と しろ です。おいわい の のし… しじゅうくにち に つかう の に"
    assert reason_for_intent(rules, "complain", noshi) == "needs_operator"


def test_a_leak_in_a_letter_and_a_noshi_name_quoted_wrong_are_the_operators_case(rules):
    """Round zzf megumi-tsuyoshi-09 and -10, after its score."""
    leak = ("箱を開けましたところ、水ようかんの容器より液が漏れ出し、同梱の焼菓子、最中等がことごとく濡れて"
            "食べられる状態ではございませんでした。")
    assert reason_for_intent(rules, "complain", leak) == "needs_operator"
    name = "お歳暮を親戚に送ったとですけど、のしの名前が「川端」になっちょったち叔母から電話があって…うちは「川畑」ですよ"
    assert goods_problem(rules, name) and reason_for_intent(rules, "complain", name) == "needs_operator"
    for asked in ("のしの名前は「川畑」でお願いします", "表書きは「御歳暮」、名前は「川畑」になってますか？"):
        assert not goods_problem(rules, asked), asked


def test_another_sweet_told_in_shonai_ben_is_the_operators_case(rules):
    """頼んだ栗きんとんでねぐて羊羹が入ってたんだ (round zzd nozomi-masahiro-09)."""
    assert reason_for_intent(rules, "change_order", "今日届いた荷物開げだら、頼んだ栗きんとんでねぐて羊羹が入ってたんだ") == "needs_operator"


@pytest.mark.parametrize("text", ["荷物の宛名を別の住所に変えたいです", "宛先を会社ではなく自宅にして届けてもらえますか"])
def test_an_addressee_to_change_is_no_goods_problem(rules, text):
    assert not goods_problem(rules, text)


def test_a_celebration_noshi_told_in_tsugaru_ben_after_the_memorial_is_the_operators_case(rules):
    """あがど　しろの　いわいの　のし… ことぶぎって　かいでら (round zza isoe-kento-07)."""
    earlier = ["いっしゅうきの　おかえしで　たのんだ　おかし　とどいだども"]
    assert wrong_noshi_told_across(rules, "のしが　あがど　しろの　いわいの　のしだった　ことぶぎって　かいでら", earlier)
    assert not wrong_noshi_told_across(rules, "のしは　いわいの　のしで　いいべか", ["いっしゅうきの　おかえしで　たのみたい"])


def test_goods_other_than_the_order_told_in_plain_polite_words_are_the_operators_case(rules):
    """本日届いた商品が、注文内容と違います (round zq kimie-arnav-10, read as a no by a model
    trained on more data): the goods cue must hold it, whatever the classifier reads."""
    assert goods_problem(rules, "本日届いた商品が、注文内容と違います。")
    assert goods_problem(rules, "注文したのは栗羊羹の10本セットですが、届いたのはクッキーの詰め合わせでした。")
    assert not goods_problem(rules, "注文内容と違う場合はどうなりますか")  # asked
    assert not goods_problem(rules, "注文したのは羊羹ですが、届くのはいつですか")


def test_someone_else_s_parcel_told_in_business_keigo_is_the_operators_case(rules):
    """伝票のお届け先が別の方のお名前とご住所になっております (round 2026-12-05h masumi-nam-11)."""
    assert goods_problem(rules, "本日、当院宛に貴社からお荷物が届きましたが、伝票のお届け先が別の方のお名前とご住所になっております。")
    assert goods_problem(rules, "宛名を見ますと隣町の別の方のお名前になっております。")
    assert not goods_problem(rules, "別の方のご住所に送りたいのですが、できますか")  # asked, nothing came


def test_the_noshi_of_another_season_is_wrong_goods(rules):
    """お中元ののしが「御歳暮」になっとった (round 2026-12-05i kazuha-kevin-10); the same season, or
    a のし asked for, is none."""
    assert goods_problem(rules, "上司から電話あったっちゃけど、うちから送ったお中元ののしが「御歳暮」になっとったって")
    assert goods_problem(rules, "お歳暮を頼んだのに、のしが「御中元」と書かれていました")
    assert not goods_problem(rules, "お歳暮ののしが「御歳暮」になっていて安心しました")
    assert not goods_problem(rules, "のしは「御歳暮」と書いてください、お中元の時期は過ぎたので")


def test_goods_told_in_english_are_the_operators_case(rules):
    """A parcel that came not for the customer, a box a bit wet, a sweet that leaked (round
    2026-12-05i kazuha-kevin-09, -11); a gift for another is none."""
    assert goods_problem(rules, "a box from your shop arrived at my apartment today but it's not for me")
    assert goods_problem(rules, "My order came today but the box was kinda wet")
    assert goods_problem(rules, "Looks like the mizu-youkan leaked all over the baumkuchen")
    assert not goods_problem(rules, "I ordered a gift, it is not for me but for my mom")


def test_an_exception_asked_in_so_many_words_is_one(rules):
    """could you make an exception just this once? (round 2026-12-05i kazuha-kevin-14); the same
    fee as Honshu asked for (o mesmo frete, read 同じ送料にしてください)."""
    from madoguchi.handoff.reasons import exception_kind

    assert exception_kind(rules, "Could you make an exception just this once? I'd pay the shipping myself") == "other"
    assert exception_kind(rules, "北海道も同じ送料にしてください") == "free_shipping"
    assert exception_kind(rules, "送料はいくらですか") is None


def test_being_told_in_dialect_is_no_broken_goods(rules):
    """言われちょる (being told, Izumo-ben) holds われちょ, broken in Tosa-ben: a memorial gift
    question handed over as goods (round 2026-12-05j yoko-bruno-05); broken is still broken."""
    assert not goods_problem(rules, "来月が一周忌だそうで、その法事の引き物をこちらで頼みたいと言われちょるんですが、")
    assert goods_problem(rules, "はこが われちょった")
    assert goods_problem(rules, "まんじゅうが割れちょる")


def test_a_mourning_noshi_on_a_retirement_gift_told_in_spanish_is_wrong_goods(rules):
    """el のし dice 御供, con cinta negra y blanca… Yo pedí para 退職 (round 2026-12-05j renata-tomas-09)."""
    assert goods_problem(rules, "Acabo de recibir el pedido para la jubilación de nuestra 師長 y... el のし dice 御供, "
                                "con cinta negra y blanca 😰 Eso es para funerales, ¿verdad? Yo pedí para 退職")


def test_other_sweets_that_came_with_an_ingredient_named_are_the_operators_case(rules):
    """ちがうお菓子がはいっていました…アルコールなしのを注文しました (round zo osamu-fatima-10): an
    ingredient named in a report of what came is no question about ingredients."""
    text = "でも、ちゅうもんしたのとちがうお菓子がはいっていました。ブランデーケーキです。わたしはアルコールなしのを注文しました"
    assert reason_for_intent(rules, "complain", text) == "needs_operator"
    assert reason_for_intent(rules, "complain", "卵が入っていないお菓子はありますか") == "complaint"  # asked


def test_a_memorial_noshi_on_a_winter_gift_told_in_kagoshima_ben_is_goods(rules):
    """歳暮に 御供の のしが 付いちょったち (round 2026-12-05a tamaki-yoshinobu-10): told in one message."""
    text = "川畑さんから電話があって おいが送った歳暮に 御供の のしが 付いちょったち"
    assert mourning_noshi_reported(rules, text, []) and goods_problem(rules, text)


@pytest.mark.parametrize("text", [
    "追跡では「配達完了」になっていますが、先生の研究室ではなく、違う建物の事務室に届けられたみたいです。",  # round 2026-12-05c
    "配達完了ってメール来たけど、うちには来てないよ？どこ行ったかね",
    # round 2026-12-07s tsune-tomas-10: left at another room of the dormitory
    "the tracking says my order was delivered, but they left it at room 421 and my room is 412",
    "but name on it is not me, some 田中 in Kurashiki. address also different",  # round 2026-12-07t kikue-thoibi-16
    # round 2026-12-07u: a name asked for, quoted as it came, in Tosa speech; a celebration のし on a memorial, in Spanish
    "のしの名入れを「松原小学校同窓会」とお願いしたはずが、「松原中学校同窓会」になっちょります。",
    "llegaron los okashi para los 49 dias de mi suegra pero el noshi es rojo y blanco, de fiesta 😢",
    "はつぼんの おかえしだって いったのに あかい のし ついでら。 おいわいの のしだ",  # Tsugaru, round 2026-12-05c
])
def test_a_parcel_delivered_elsewhere_or_a_red_noshi_on_a_first_bon_is_goods(rules, text):
    assert goods_problem(rules, text)


@pytest.mark.parametrize("text", ["配達完了したらメールは来ますか", "置き配で隣の部屋のドアの前に置かれてた😡"])
def test_a_delivery_asked_about_or_left_at_the_door_is_no_lost_parcel(rules, text):
    assert not goods_problem(rules, text)


def test_goods_told_before_with_a_call_back_never_made_is_the_wait_not_the_goods(rules):
    # round 2026-12-05b tokiko-liam-12: the complaint is the promise unkept
    text = "一昨日、届いた箱の中身が一つ足んねえって電話したんだ。折り返すって言ったきり、なんの音沙汰もねえじゃねえか"
    assert not goods_problem(rules, text)


def test_a_mail_that_came_is_no_parcel_reported(rules):
    """Round 2026-12-05m naoya-mercedes-19 in the replay: 'me llegó un correo' (メールが届きました)
    in a complaint about a lost order number gave the goods' reason."""
    lost = "Lamentablemente no encuentro el número de pedido. Creo que me llegó un correo, pero lo habré borrado sin querer."
    assert reason_for_intent(rules, "complain", lost) == "complaint"
    assert reason_for_intent(rules, "complain", "届いた小包の宛名が存じ上げない方のお名前になっております") == "needs_operator"


@pytest.mark.parametrize("text", ["can I order only 2 boxes, not 3?", "what name goes on the noshi?", "賞味期限はどのくらいですか",
                                  "賞味期限が切れる前に食べたほうがいい？", "うちの荷物、まだ来ないのは私のせいじゃないよね",
                                  "can another person receive it for me?", "黒と白の のしを 入れてください"])
def test_a_count_or_a_noshi_name_asked_about_is_no_goods_problem(rules, text):
    assert reason_for_intent(rules, "ask_product", text) is None


def test_a_mind_in_a_muddle_is_no_crushed_box(rules):
    """Rounds 2026-12-02zc and 03zl: あたま ぐちゃぐちゃで, at a loss; a message not understood that
    reports goods now goes to a person at once, so the muddle must not read as goods."""
    assert not goods_problem(rules, "注文の 紙も どこに いったか わからん。 あたま ぐちゃぐちゃで")
    assert not goods_problem(rules, "頭が　ぐちゃぐちゃで　情けない。 もう　どげしたら　ええだか　わからんだわ")
    assert goods_problem(rules, "箱の中が ぐちゃぐちゃで 届きました")


@pytest.mark.parametrize("text", [
    "宛名が標津の知らない人になってるの",  # tsuneyo-aroha-11
    "のしが あかしろ の ちょうちょむすび で おめでたい のし や 。 ほとけさんに そなえるのに これ ちがうやろ",  # kumajiro-ewan-09
    "Zivjo. I received the thank-you gift for my professor today, but the のし says 御祝 and I ordered 御礼.",  # toshiko-jana-10
    "It was for my host mother's 喜寿 (77th) but the のし on the box says 御供 🙁 isn't that for funerals?",  # tsuneyo-aroha-10
])
def test_goods_that_came_wrong_in_round_2026_12_07d_are_goods_problems(rules, text):
    assert goods_problem(rules, text)


@pytest.mark.parametrize("text", [
    "Oh... cancelled?? maybe I've got the wrong email. I'll check the other one, kia ora!",  # tsuneyo-aroha-15
    "宛名を知らない人にしてもいいですか", "のしは御祝でいいですか",
    "注文番号？ そげなもんは分からん。私が頼んだとじゃないもんで。",  # who ordered (2026-12-01p genzo-chen-16)
    "のしはどげんしたらいいと？お祝いのとは違うやろ？",  # asked, nothing came (2026-12-05i kazuha-kevin-05)
])
def test_the_customer_s_own_mail_or_a_question_is_no_goods_problem(rules, text):
    assert not goods_problem(rules, text)


@pytest.mark.parametrize("text", [
    "I order cookie box for my children birthday. box come, but inside not cookie. black sweets, ヨウカン?",
    "こんちは。 おたくから にもつが きたどん、 なかを みたら おいが たのんだとじゃなか",  # Koshiki
    "あてなも ちごっ。 てうちの はま ちよこさんち かいちょっ。 おいは はま げんぞう じゃっど",
    "My Japanese colleague look at the paper on the box and she say it is the noshi for funeral, black and white!! "
    "I cannot give this to people for a celebration",
])
def test_goods_that_came_wrong_in_round_2026_12_07f_are_goods_problems(rules, text):
    assert goods_problem(rules, text)


@pytest.mark.parametrize("text, reported", [
    ("we count 2 times, only 39. one box missing", True),  # 2026-12-07g hisae-dev-10
    ("we receive the 40 boxes but the noshi have another hotel name, not ours?? written ニセコ山の宿", True),
    ("can you put another name on the noshi?", False),  # asked before ordering
])
def test_goods_that_came_wrong_in_round_2026_12_07g_are_goods_problems(rules, text, reported):
    assert goods_problem(rules, text) is reported


@pytest.mark.parametrize("text, reported", [
    ("but the のし paper is red and white, like for wedding?? my mother in law say it is wrong for memorial", True),
    ("となりの葬式に持っていく菓子がきたけんど のしが赤と白じゃ", True),  # Hata (round 2026-12-07k)
    ("祝いののしやないか これは葬式には持っていけん", True),
    ("法事に使うのしは赤と白でいいですか", False), ("the noshi for the 49 days memorial, is red and white ok?", False),
    ("But the name on it isn't mine. It's for 佐藤さん, maybe room 302? I live in 203.", True),  # 07h yoshiko-wado-11
    ("数 ふたつにしてくれんか ひとつじゃ足らんがよ", False),  # more wanted, nothing missing (round 2026-12-07k)
    ("箱がひとつ足らんがよ", True),
])
def test_goods_that_came_wrong_in_round_2026_12_07k_are_goods_problems(rules, text, reported):
    assert goods_problem(rules, text) is reported


@pytest.mark.parametrize("text, reported", [
    ("but the noshi says 小野田, our name is 小野寺. my mother in law saw it first 😣", True),  # 07i tatsuji-mele-09
    ("I want a noshi please, my name is 小野寺", False),  # a name given for a のし
    ("the noshi says 御礼, is that right for a thank you gift?", False),
])
def test_a_name_on_the_noshi_told_against_the_family_s_own_in_english_is_a_goods_problem(rules, text, reported):
    assert goods_problem(rules, text) is reported


def test_goods_of_before_told_with_a_call_not_returned_are_a_complaint(rules):
    """Round 2026-12-07i masayo-anjali-12: the missing box of a past order and no call back (read as
    goods by the learned detector)."""
    text = "前の注文 箱足りんかったって電話したのに 折り返しもないんよ"
    assert reason_for_intent(rules, "complain", text, goods=True) == "complaint"
    assert reason_for_intent(rules, "complain", "箱が足りなかったんですけど", goods=True) == "needs_operator"


def test_goods_opened_or_a_celebration_paper_on_a_memorial_box_of_round_07w_are_reported(rules):
    """Round 2026-12-07w: a parcel whose tape was opened (kiyo-tsering-09) and an osonae box with a red and
    white paper on top (masae-sunita-10) reached no person as goods."""
    assert goods_problem(rules, "julley, the box came today but the tape was opened")
    text = ("the osonae box came today, but paper on top is red and white with bow. my japanese friend say this is "
            "for happy thing, not for funeral!")
    assert noshi_reported(rules, text)
    assert not noshi_reported(rules, "for a funeral, is red and white paper on top ok?")
