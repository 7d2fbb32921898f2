"""The triage reads what the intent misses, on GiNZA's real analysis."""

from __future__ import annotations

import pytest

from madoguchi.nlu.reading import as_read
from madoguchi.nlu.corrections import correct_intent
from madoguchi.nlu.triage import Lexicon, assess

THRESHOLD = 0.6


@pytest.fixture(scope="module")
def ginza(ginza_model):
    """GiNZA as the pipeline runs it (`ginza.load()`, the session's): tokens for every
    message, the parse on demand."""
    from madoguchi.nlu import ginza

    nlp = ginza_model.model
    return nlp, lambda doc: ginza.parse(nlp, doc)


@pytest.fixture(scope="module")
def lexicon(rules_module):
    return Lexicon.from_cues(rules_module.cues)


@pytest.fixture(scope="module")
def rules_module():
    from madoguchi.shop.rules import load_rules
    from madoguchi.settings import ROOT

    return load_rules(ROOT / "shop" / "rules.yml")


def run(ginza, lexicon, text, p=0.0):
    from madoguchi.nlu.gibberish import sudachi_words

    nlp, parser = ginza
    return assess(text, nlp.make_doc(text.lower()), lexicon, p, parser, sudachi_words(nlp))  # as the pipeline does


def read_first(ginza, lexicon, text):
    """The assessment of the text as the normalizer reads it (romaji and katakana in hiragana), parsed
    whole, as the triage component sees it."""
    from madoguchi.nlu.gibberish import sudachi_words
    from madoguchi.nlu.reading import as_read

    nlp, parser = ginza
    read = as_read(text)
    return assess(read, nlp(read.lower()), lexicon, 0.0, parser, sudachi_words(nlp))


@pytest.mark.parametrize("text", ["特に困ってはいません", "不安じゃないです", "心配はしていません"])
def test_negated_distress_is_not_distress(ginza, lexicon, text):
    result = run(ginza, lexicon, text, p=0.3)
    assert result.negated and not result.cues
    assert result.distress < 0.2


def test_distress_cues_add_up(ginza, lexicon):
    calm = run(ginza, lexicon, "法事用ののしについて教えてください")
    anxious = run(ginza, lexicon, "母が入院していて、明日の法事に間に合わないと困るんです")
    assert calm.distress < 0.3 <= THRESHOLD <= anxious.distress
    assert anxious.grief and {"間に合わな", "困る"} <= set(anxious.cues)


def test_intensity_raises_the_score(ginza, lexicon):
    plain = run(ginza, lexicon, "間に合わないかもしれない")
    loud = run(ginza, lexicon, "間に合わないかもしれない！！…")
    assert loud.distress > plain.distress and loud.intensity == 2


@pytest.mark.parametrize("text", ["jdkfls", "ｒｔｙｕｉｏ", "ぬけぽねへめろ", "ｋｓｄｊｆｋｌｓｊｄ", "ぬぬぬぬぬぬぬｑｗｑｗｑｗｗ",
                                  # keys side by side: in kana input, romaji input, input modes mixed
                                  "ぬふあうえおやゆよわほへ", "たていすかんなに", "あsdfghjk", "ちぬｔｈｙ７っっっｚ", "lkjhg@@@",
                                  "ふぃｒｗｍｐｇ", "ぬぬぬぬぬぬぬぬぬぬゆ"])  # round a, read as out of scope
def test_keyboard_mash_is_gibberish(ginza, lexicon, text):
    assert run(ginza, lexicon, text).gibberish


# Everyday words GiNZA has no vector for are words all the same (Sudachi knows them).
@pytest.mark.parametrize("text", ["カタログください", "ok", "A1234567", "はい", "ありがとうございました！", "ごめんください",
                                  "しりとりしよう", "まいど", "ほな、またな", "よろしゅうおたのもうします",
                                  "おぺれーたー", "さぽーと", "ありがとうーーーーー", "まじかwwwww", "いいえええええ",
                                  "あざっす", "ok2こでおけｗ", "LINEでok", "うーん…あ、はい！それでOKです👌", "Ａ１２３ですかok",
                                  "a1234567 と 0312345678 です", "まのり", "OK ok 👌", "no no no",
                                  "ありがとうーーーーー", "うーーーーん", "？？？？？", "Thx, ok",
                                  "ChatGPTですか", "HTMLで書いて",  # letters without a vowel inside a word
                                  "おそすぎ", "ひと？AI？",  # round zr: an inflected adjective, an acronym
                                  "Zarmina Stanikzai"])  # round zzx: a name GiNZA takes for a verb
def test_real_messages_are_not_gibberish(ginza, lexicon, text):
    assert not run(ginza, lexicon, text).gibberish


def test_a_latin_name_is_a_whole_name_and_no_question_about_the_bot(ginza, lexicon):
    """Round 2026-12-05zzx: Zarmina Stanikzai ends in ai, which asked whether the bot is one."""
    named = run(ginza, lexicon, "Zarmina Stanikzai")
    assert named.full_name_alone and not named.bot_words
    assert run(ginza, lexicon, "r u ai or a real person").bot_words


def test_damage_is_a_report_not_a_property(ginza, lexicon):
    assert run(ginza, lexicon, "箱の中で最中が割れていました").goods_problem
    assert not run(ginza, lexicon, "割れやすいお菓子の梱包はしっかりしてもらえますか").goods_problem


@pytest.mark.parametrize("text", ["羊羹の詰め合わせに栗きんとんが入っていませんでした", "どら焼きが二個足りませんでした",
                                  "頼んでいない商品が届いたんですけど", "最中、数が合わへんのやけど", "おせんべい入ってなかったよ"])
def test_missing_or_wrong_goods_in_any_politeness(ginza, lexicon, text):
    assert run(ginza, lexicon, text).goods_problem


@pytest.mark.parametrize("text", ["送料はいくらですか", "のしは付けられますか", "足袋の形の最中はありますか"])
def test_questions_are_not_goods_problems(ginza, lexicon, text):
    assert not run(ginza, lexicon, text).goods_problem


def test_a_rule_change_changes_the_reading(ginza, rules_module):
    cues = {**rules_module.cues, "distress": {"lemmas": [], "phrases": []}}
    result = run(ginza, Lexicon.from_cues(cues), "困っています")
    assert result.cues == []


def test_the_parse_is_added_to_a_tokenized_document_once(ginza):
    nlp, parse = ginza
    doc = nlp.make_doc("特に困ってはいません")
    assert not doc.has_annotation("DEP")
    parsed = parse(doc)
    assert parsed.has_annotation("DEP") and parse(parsed) is parsed


def test_a_celebration_noshi_on_a_memorial_gift_is_a_goods_problem(ginza, lexicon):
    assert run(ginza, lexicon, "父の四十九日の香典返しが届きましたが、のしが紅白の蝶結びになっておりました").goods_problem
    assert run(ginza, lexicon, "ははの ほうじに つかう ものなのに のしが おいわいの あかい ものに なって いました").goods_problem
    assert not run(ginza, lexicon, "法事のお供えですが、のしは紅白でいいですか").goods_problem  # a question
    assert not run(ginza, lexicon, "結婚式の引き菓子に紅白ののしをお願いします").goods_problem


@pytest.mark.parametrize("text", ["届いた箱を開けたら、頼んだものと違うお菓子が入っていました", "中身が違うんだけど",
                                  "たのんだのとちがうおかしがはいってました"])
def test_a_wrong_item_reported_any_way_is_a_goods_problem(ginza, lexicon, text):
    assert run(ginza, lexicon, text).goods_problem


def test_a_celebration_noshi_reported_in_dialect_is_a_goods_problem(ginza, lexicon):
    assert run(ginza, lexicon, "おばの三回忌のお供えに送ったお菓子に、紅白ののしがかかっとったそうです").goods_problem
    assert run(ginza, lexicon, "法事の品やのに 水引が蝶結びやったって 先方から言われて").goods_problem


@pytest.mark.parametrize("text", ["あ、名前ですね、ちょっと待ってください", "ちょっと待っててな、メール見てみるわ…", "少々お待ちください",
                                  "今探してます"])
def test_a_wait_read_as_a_complaint_or_a_person_is_a_yes(ginza, lexicon, text):
    for intent in ("complain", "request_human", "ask_delivery_status"):
        ranking = [{"name": intent, "confidence": 0.99}, {"name": "greet", "confidence": 0.01}]
        assessment = run(ginza, lexicon, text)
        assert assessment.waiting
        assert correct_intent(intent, ranking, assessment, THRESHOLD) == "affirm"


@pytest.mark.parametrize("text", ["届いた商品について連絡します。箱が潰れていました", "ずっと待ってるのに届かない",
                                  "何回同じこと聞くの、質問に答えて", "担当の方に質問があります", "ちょっと待って、ふざけないで"])
def test_a_grievance_or_a_person_keeps_its_reading(ginza, lexicon, text):
    for intent in ("complain", "request_human"):
        ranking = [{"name": intent, "confidence": 0.99}, {"name": "greet", "confidence": 0.01}]
        assert correct_intent(intent, ranking, run(ginza, lexicon, text), THRESHOLD) not in ("affirm", "greet")


@pytest.mark.parametrize("text", ["小麦入ってないやつある？", "息子が卵アレルギーなんですけど、卵入ってないお菓子ありますか？",
                                  "妊婦でも食べられる？お酒入ってないやつがいい"])
def test_an_ingredient_question_is_no_missing_item(ginza, lexicon, text):
    assert not run(ginza, lexicon, text).goods_problem
    assert run(ginza, lexicon, "届いた詰め合わせに最中が入っていませんでした").goods_problem


def test_goods_and_noshi_reported_in_kana_and_dialect(ginza, lexicon):
    assert run(ginza, lexicon, "とどいた　はこが　めれちょいもした").goods_problem
    assert run(ginza, lexicon, "おそなえに　たのんだ　おかしに、おいわいの　こうはくの　のしが　ついて　きもした").goods_problem


def test_a_celebration_noshi_on_a_memorial_in_spaced_kana_or_by_voice_is_a_goods_problem(ginza, lexicon):
    assert run(ginza, lexicon, "しゅじんの いっしゅうきに つかうと いうて たのんだとに、のしが あかと しろの おいわいの やつが ついとったとです").goods_problem
    assert run(ginza, lexicon, "あのー法事で配る菓子頼んだんだけど今日届いたら野市が紅白なんだよ").goods_problem  # のし heard as 野市


def test_a_goods_problem_told_before_and_a_call_that_never_came_is_a_complaint(ginza, lexicon):
    waited = run(ginza, lexicon, "先週、破損の件で問い合わせをしました。担当者から電話をすると言われましたが、まだ何の連絡もありません。")
    assert not waited.goods_problem and waited.grievance
    ranking = [{"name": "complain", "confidence": 1.0}, {"name": "request_human", "confidence": 0.0}]
    assert correct_intent("complain", ranking, waited, THRESHOLD) == "complain"
    assert run(ginza, lexicon, "先週、破損の件で問い合わせをしました。").goods_problem  # told again: still the goods
    # the same before the no-answer is told (round zzc kayoko-hung-17, whose writer expected a complaint)
    assert run(ginza, lexicon, "お歳暮 の 箱 つぶれた 件, 3日 前 問い合わせ フォーム で 送った").goods_problem
    asked_again = run(ginza, lexicon, "先週から3回問い合わせてるんですが、まだ回答ないです")
    assert asked_again.promise_unkept and asked_again.grievance and not asked_again.opener


def test_a_promise_told_back_in_english_and_not_understood_is_a_complaint(ginza, lexicon):
    """Round 2026-12-05y kiyoe-sander-12: not understood twice, handed off as the bot's failure."""
    from madoguchi.nlu.reading import as_read

    told = run(ginza, lexicon, as_read("I wrote to you on Monday about the wrapping of my order. "
                                       "Your colleague said I would get an email reply within one day"))
    assert told.promise_unkept and told.grievance
    ranking = [{"name": "nlu_fallback", "confidence": 0.45}, {"name": "complain", "confidence": 0.3}]
    assert correct_intent("nlu_fallback", ranking, told, THRESHOLD) == "complain"
    said = run(ginza, lexicon, "I said I would send it next week")
    assert not said.promise_unkept and correct_intent("nlu_fallback", ranking, said, THRESHOLD) == "nlu_fallback"


@pytest.mark.parametrize("text, ranking", [
    # round 2026-12-05y: the custom asked after a death; sad at a death, a gift the next thought
    ("Hoi. The father of one of my colleagues passed away last month. Our team wants to send sweets to the family "
     "for the 49th day ceremony, but I don't know the etiquette here", [("nlu_fallback", 0.45), ("express_distress", 0.42)]),
    ("hello. my host family grandpa passed away last week 😢 i want send sweets to their house, for butsudan",
     [("express_distress", 0.55), ("ask_gift", 0.22)]),
])
def test_a_memorial_gift_asked_in_english_is_no_distress(ginza, lexicon, text, ranking):
    from madoguchi.nlu.reading import as_read

    ranked = [{"name": name, "confidence": c} for name, c in ranking]
    p_distress = dict(ranking)["express_distress"]
    assessed = run(ginza, lexicon, as_read(text), p_distress)  # the reading, as the pipeline assesses it
    assert correct_intent(ranking[0][0], ranked, assessed, THRESHOLD) == "ask_gift"


def test_a_neighbour_spoken_of_is_no_wish_for_a_person(ginza, lexicon):
    neighbour = run(ginza, lexicon, "隣の家の人がおんなじのをくれるっつうもんでいらなくなっちゃったんだいね")
    assert not neighbour.names_person


def test_a_house_struck_by_an_earthquake_is_no_damaged_parcel(ginza, lexicon):
    assert not run(ginza, lexicon, "地震で つぶれた 自分の 前の 家の 住所に なっとる… どうしよう").goods_problem
    assert run(ginza, lexicon, "地震のあとに届いた箱がつぶれていました").goods_problem


@pytest.mark.parametrize("text", ["It's already past 4pm now. I don't know what else I can do, honestly I'm quite lost",
                                  "the 引き菓子 must be decided by this weekend... my fiancée ask me every day 😞"])
def test_at_a_loss_in_english_or_by_a_face_is_distress(ginza, lexicon, text):
    assert run(ginza, lexicon, text).cues


def test_a_wait_that_leaves_is_a_no(ginza, lexicon):
    ranking = [{"name": "complain", "confidence": 1.0}, {"name": "affirm", "confidence": 0.0}]
    leaves = run(ginza, lexicon, "あ、ちょっと待って。お客さんが来たで、またにすっ。ごめんね")
    assert correct_intent("complain", ranking, leaves, THRESHOLD) == "deny"
    # a leave read unsurely as an order change, no change named (round zzg kaori-xiaoling-20)
    unsure = [{"name": "change_order", "confidence": 0.57}, {"name": "goodbye", "confidence": 0.22}]
    later = run(ginza, lexicon, "やっぱりまたにします、新しい住所が決まったらまた联系します。谢谢")
    assert correct_intent("change_order", unsure, later, THRESHOLD) == "deny"
    cancel = run(ginza, lexicon, "やっぱりキャンセルにします、またにします")
    assert correct_intent("change_order", unsure, cancel, THRESHOLD) == "change_order"


def test_a_wet_box_with_a_sad_face_is_goods(ginza, lexicon):
    ranking = [{"name": "complain", "confidence": 0.96}, {"name": "express_distress", "confidence": 0.03}]
    wet = run(ginza, lexicon, "Hi, my order come today but box is wet inside 😢")
    assert wet.goods_problem and correct_intent("complain", ranking, wet, THRESHOLD) == "complain"


def test_being_kept_waiting_is_no_opening_of_the_talk(ginza, lexicon):
    ranking = [{"name": "complain", "confidence": 1.0}, {"name": "greet", "confidence": 0.0}]
    assert correct_intent("complain", ranking, run(ginza, lexicon, "おい、なんぼほど待たすねん"), THRESHOLD) == "complain"


# Said in dialect, with none of the cue words (which are standard Japanese).
SURE_READINGS = [
    ("complain", "頼んだがは栗まんじゅうぞ。入っちょったがは最中やった"),
    ("express_distress", "なんも　わがらね。どうすべ、あした　ほうじだのに"),
    ("request_exception", "わしは　ながい　きゃくだけん　そうりょう　ただに　しちょくれ"),
]


@pytest.mark.parametrize("intent, text", SURE_READINGS)
def test_a_sure_model_is_not_overruled_by_cue_words_missing(ginza, lexicon, intent, text):
    ranking = [{"name": intent, "confidence": 1.0}, {"name": "greet", "confidence": 0.0}]
    assert correct_intent(intent, ranking, run(ginza, lexicon, text), THRESHOLD) == intent


def test_words_set_apart_by_spaces_are_read_whole(ginza, lexicon):
    assert run(ginza, lexicon, "きゃくを　ばかに　しちょっとな。もう　はらが　たつ").anger
    assessment = run(ginza, lexicon, "せんしゅう　でんわしたら、かけなおすち　いうて　いっこも　かかってこん")
    assert assessment.grievance


@pytest.mark.parametrize("text, goods", [
    ("とどいたハコ あけたら ちがうお菓子はいってた", True),
    ("届いた箱開けたら頼んだのと全然違う菓子入っとったっすよ", True),
    ("羊羹とは違うお菓子はありますか", False),
])
def test_a_different_sweet_reported_is_a_goods_problem_asked_for_is_not(ginza, lexicon, text, goods):
    assert run(ginza, lexicon, text).goods_problem is goods


def test_trailing_off_is_one_sign_however_long(ginza, lexicon):
    assert run(ginza, lexicon, "住所は……あら、郵便番号を書いた手帳が見当たりません。").intensity == 1
    assert "どうしましょ" in run(ginza, lexicon, "法要が明後日なのに、お供えの品がまだ届きません。どうしましょう。").cues


def test_a_wait_read_as_a_no_is_a_wait(ginza, lexicon):
    ranking = [{"name": "deny", "confidence": 0.64}, {"name": "express_distress", "confidence": 0.2}]
    assert correct_intent("deny", ranking, run(ginza, lexicon, "ちょっと待っててな、メール見てみるわ…"), THRESHOLD) == "affirm"
    asking = [{"name": "request_catalog", "confidence": 0.9}]
    assert correct_intent("request_catalog", asking, run(ginza, lexicon, "カタログを探しています"), THRESHOLD) == "request_catalog"


def test_indignation_in_english_is_anger(ginza, lexicon):
    # round 2026-12-05a
    assert run(ginza, lexicon, "It's been 4 days. No reply. Is this how you treat customers?").anger


def test_a_polite_formula_is_no_anger(ginza, lexicon):
    assert not run(ginza, lexicon, "お昼寝中に失礼します！昨日届いたお菓子のことなんですけど…").anger
    assert run(ginza, lexicon, "電話の人、ほんま失礼やったわ").anger


def test_a_scam_feared_is_no_anger_but_a_scam_charged_is(ginza, lexicon):
    """Round 2026-12-04zzd asao-priscila-17, replayed: the phone asked for, a fear of fraud."""
    assert not run(ginza, lexicon, "電話番号まで　聞くんか。詐欺じゃなかろうな").anger
    assert run(ginza, lexicon, "こんなの詐欺だ、金返せ").anger


def test_because_and_anything_are_no_angry_why(ginza, lexicon):
    """母の誕生日もうすぐなんで (round t kinu-hayato-04): the なんで of "because" had made a hurry angry."""
    for text in ("母の誕生日もうすぐなんで、できれば早めに欲しいっす", "学生なんで送料無料とかになりませんか",
                 "ちらしでもなんでもええけん、冊子を送ってくれんかな",
                 "明日までに水戸さ着けてくれ。速達でも何でもいいから"):  # round 2026-12-05p kenichi-lien-14
        assert not run(ginza, lexicon, text).anger, text
    for text in ("なんで何回もおなじこと聞くと？", "荷物はなんで届かないの", "ぜんぜん へんじ ない。なんで？？", "何で届かないんだ"):
        assert run(ginza, lexicon, text).anger, text


def test_a_loanword_in_hiragana_before_dialect_is_no_gibberish(ginza, lexicon):
    assert not run(ginza, lexicon, "ろぼっとだべ").gibberish
    assert not run(ginza, lexicon, "おぺれーたーだせ").gibberish


@pytest.mark.parametrize("text, name", [
    ("シャルマ アルジュン です。", True), ("オオシロ レオナルド", True), ("工藤 ふみえ", True),
    ("めやぐだ", False), ("ありがとうございます", False), ("カタログほしい", False),
    ("しんどう　ふみ", True), ("なまえは　しんどう　ふみ", True), ("名前 は アナ・ロペス です", True),
    ("アレクサンドラ・ロペス です", True), ("はじめてお便りします", False), ("明後日の天気教えて", False),
    ("こんにちは　よろしく", False), ("おはよう ございます", False), ("コンニチハ", False), ("もしもし コンバンワ", False),
])
def test_a_name_alone_is_read_as_a_name(ginza, lexicon, text, name):
    assessment = run(ginza, lexicon, text)
    assert assessment.name_alone is name and not assessment.gibberish


def test_the_body_is_no_reproach(ginza, lexicon):
    assert not run(ginza, lexicon, "目が悪いので、短めに教えてくださいね").grievance


def test_a_wait_read_as_a_detail_without_one_is_a_wait(ginza, lexicon):
    ranking = [{"name": "inform", "confidence": 0.49}, {"name": "ask_shipping", "confidence": 0.25}]
    wait = run(ginza, lexicon, "ちょっと待っててな、メール見てみるわ…")
    assert correct_intent("inform", ranking, wait, THRESHOLD) == "affirm"
    number = run(ginza, lexicon, "ちょっと待って、A1234567です")
    assert correct_intent("inform", ranking, number, THRESHOLD) == "inform"


def test_a_late_catalog_read_as_small_talk_is_a_question_where_it_is(ginza, lexicon):
    text = "すみません。 きのう も れんらく しました。 かたろぐ こない から、 たくはいびん で おくる って いわれた"
    ranking = [{"name": "goodbye", "confidence": 0.99}, {"name": "ask_delivery_status", "confidence": 0.0}]
    assert correct_intent("goodbye", ranking, run(ginza, lexicon, text), THRESHOLD) == "ask_delivery_status"


@pytest.mark.parametrize("text", ["やっぱり、娘が来た時に一緒にしてもらいますけん、またにします。すみません",
                                  "やっぱよか。手帳ば探してからにするけん",
                                  "やっぱりわからん。日曜に息子が来るけえ、その時にする。今日はやめとくわ",
                                  "やっぱよか、名簿ば探してからまたするけん"])  # またする: no 待たす
def test_leaving_the_classifier_could_not_read_is_a_no(ginza, lexicon, text):
    ranking = [{"name": "nlu_fallback", "confidence": 0.45}, {"name": "inform", "confidence": 0.3}]
    assert correct_intent("nlu_fallback", ranking, run(ginza, lexicon, text), THRESHOLD) == "deny"


def test_leaving_the_classifier_read_keeps_its_reading(ginza, lexicon):
    sure = [{"name": "request_catalog", "confidence": 0.9}]
    text = "カタログは今度にします、今日は送料だけ教えて"
    assert correct_intent("ask_shipping", sure, run(ginza, lexicon, text), THRESHOLD) == "ask_shipping"


def test_a_detail_in_kanji_digits_is_no_keyboard_mash(ginza, lexicon):
    assert not run(ginza, lexicon, "〒八八〇－〇九五一").gibberish


@pytest.mark.parametrize("text, waiting", [("わかった、ありがとう ね。カタログ まってる よ", False),
                                           ("あ、こんにちは♡ いまって質問しても大丈夫ですか？", False),
                                           ("待っています", False), ("ちょっと待っててな、メール見てみるわ", True),
                                           ("少々お待ちください", True), ("まってて", True),
                                           ("もう送ってくれました？楽しみに待ってます〜", False),
                                           ("待って、それさっきも聞かれたよね？", False),
                                           ("ちょっと待って、これって自動の返事なの？", False),
                                           ("ちょっと待ってもらえますか？", True),
                                           ("住所は…ちょっと待っとって", True), ("カタログ待っとります", False),
                                           ("ゆうびんばんごう？ちょっとまってよ　わからんなった", True),
                                           # round zt: a status asked became a yes the bot waited on
                                           ("先日お願いしましたお品、もう出していただけましたんやろか。お返事お待ちしとりましたんですけど。", False),
                                           ("お待ちしております", False), ("ちょっとお待ちを", True)])
def test_a_wait_is_asked_for_not_told(ginza, lexicon, text, waiting):
    assert run(ginza, lexicon, text).waiting is waiting


def test_a_refusal_in_dialect_is_no_kana_name(ginza, lexicon):
    assert not run(ginza, lexicon, "ほんなもん　いらんでの").name_alone


def test_distress_written_in_katakana_is_read(ginza, lexicon):
    assert "どうしよ" in run(ginza, lexicon, "オカシ ナイ ト ワタシ ハズカシイ。ドウシヨウ ドウシヨウ").cues


def test_missed_already_is_no_distress_cue(ginza, lexicon):
    result = run(ginza, lexicon, "生徒たちのお別れ会に間に合いませんでした")
    assert not result.cues and result.reproach


def test_an_order_number_not_known_is_no_distress_cue(ginza, lexicon):
    """ちゅうもんばんごう わからない 😢 had read as distress at 0.99 (round 2026-12-05u)."""
    assert "わからな" not in run(ginza, lexicon, "にもつ いつ つきますか？ ちゅうもんばんごう わからない 😢").cues
    assert "わからな" in run(ginza, lexicon, "どうしたらいいか わからない 😢").cues


@pytest.mark.parametrize("text", [
    "すみません　きょう　とどいだ　にもつ　あでなが　わだしで　ねがったの",
    "主人の兄が亡くなって、お供えをそちらからお送りしたとです。そしたら義姉から電話があって、のしが紅白の蝶結びで届いたって言われて…",
])
def test_goods_problems_told_in_dialect_or_with_a_death(ginza, lexicon, text):
    assert run(ginza, lexicon, text).goods_problem


def test_distress_phrased_in_english_and_a_boss_s_anger_feared(ginza, lexicon):
    assessment = run(ginza, lexicon, "I don't know what to do. 社長に怒られる、お歳暮まだ届いてないって")
    assert assessment.cues and not assessment.anger
    ranking = [{"name": "express_distress", "confidence": 0.9}]
    assert correct_intent("express_distress", ranking, assessment, THRESHOLD) == "express_distress"


def test_anger_denied_is_no_anger(ginza, lexicon):
    """Round 2026-12-07y yasuji-kamla-03: 別に怒ってないけどさ もっかい送ってくれるかい, in the late catalog's
    look-up, was handed over as a complaint; anger told stays anger."""
    assert not run(ginza, lexicon, "別に怒ってないけどさ もっかい送ってくれるかい").anger
    assert not run(ginza, lexicon, "I am not angry, just send it again please").anger
    assert run(ginza, lexicon, "もう怒ってるよ、いつまで待たせるんだ").anger


def corrected(ginza, lexicon, text: str, first: str, second: str, p: float = 0.0, confidence: float = 1.0) -> str:
    """The intent acted on when DIET ranks `first` (sure, unless told) and `second` next."""
    ranking = [{"name": first, "confidence": confidence}, {"name": second, "confidence": 1.0 - confidence}]
    return correct_intent(first, ranking, run(ginza, lexicon, text, p), THRESHOLD)


def test_leaving_for_now_after_a_pause_is_no_distress(ginza, lexicon):
    text = "郵便番号…どこに書いちゅうかわからんなあ。孫が来てからにします、またにします"
    assert corrected(ginza, lexicon, text, "express_distress", "goodbye", 0.95) == "deny"
    later = "ゆうびん ばんごう… いま わからない です。 へや に かえって から しらべます"
    assert corrected(ginza, lexicon, later, "express_distress", "ask_delivery_status", 0.95) == "deny"


def test_an_exception_asked_in_katakana_words_is_an_exception(ginza, lexicon):
    assert run(ginza, lexicon, "ソウリョウ タカスギ。ホンド ト オナジ ニ シテ").exception


@pytest.mark.parametrize("text", ["にもつ とどいたけど うちのん ちゃうわ",
                                  "なまえ みたら やまもとさん あて やねん。じゅうしょは おなじ ちょうめ やけど",
                                  "のしが紅白の蝶結びだ。祝い事じゃねえんだぞ。法事の菓子が今日着いたんだ",
                                  # round zc: in English, another name in Niigata words, a mourning のし on thanks
                                  "Hi, I received my order today but the item is wrong",
                                  "I ordered the 抹茶 cookies, but inside the box is ブランデーケーキ",
                                  "もしもし。 うちに にもつが きたがんだども、 なまえが ちがうがんです",
                                  "お礼に送ったお菓子ののしが黒白になってました"])
def test_another_s_parcel_or_a_wrong_noshi_told_plainly_is_a_goods_problem(ginza, lexicon, text):
    assert run(ginza, lexicon, text).goods_problem


@pytest.mark.parametrize("text", ["うちの注文の荷物、いつ届く？", "やまもとさん宛に送りたい",
                                  "I chose the wrong item, can I change it?", "お礼ののしは黒白でいいですか"])
def test_a_parcel_of_one_s_own_or_a_recipient_named_is_no_goods_problem(ginza, lexicon, text):
    assert not run(ginza, lexicon, text).goods_problem


def test_asking_to_check_one_thing_first_is_no_request_for_priority(ginza, lexicon):
    assert not run(ginza, lexicon, "恐れ入ります、先に1点だけ確認させてください。カタログに名入れは載っていますか").exception
    assert run(ginza, lexicon, "急いでるので先に送ってもらえませんか").exception


@pytest.mark.parametrize("text, asked", [
    ("支払いは品物が向こうに着いてから、請求書で払いたいんやけど", True),  # round 2026-12-07j tomonori-awa-14
    ("よそは毎年後払いで受けてくれよるけん、そっちもそうしちょくれ", True),
    ("Can we pay by invoice after the event?", True),
    ("品物が着いてから連絡します", False),
    ("しけで おくれた ときは、 そうりょうは かえして もらえるんかのー？", True),  # the shipping paid back
    ("送料はいくらかかりますか", False),
    ("my friend live in okinawa island, can you send with same fee as kochi?", True),  # round 2026-12-07k
    ("is the shipping fee the same as kochi?", False),
    ("we are welfare facility, can delivery be free for us?", True),  # round 2026-12-07l
    ("去年の値段でやってくれや。今年は上がってるべ", True),  # last year's price (Yubari)
    ("欠航で届くのがおくれたら、その分の送料はそっちで持ってもらえるんろか", True),  # round 2026-12-07m (Echigo)
    ("船 動ぐ まで そっちの 店で 荷物 あずがって おいで もらえねがの", True),  # round 2026-12-07n (Shonai)
])
def test_payment_after_delivery_or_the_shipping_paid_back_is_an_exception(ginza, lexicon, text, asked):
    """The shop's rules name no such terms: only an operator decides (out_of_policy)."""
    assert run(ginza, lexicon, text).exception is asked


def test_the_shipping_of_another_place_asked_for_is_an_exception(ginza, lexicon):
    """福岡 と おなじ そうりょう に できますか (round zf): read as a request beyond the rules, it
    was taken for a shipping question because no cue knew it."""
    assert run(ginza, lexicon, "たかい です…。福岡 と おなじ そうりょう に できますか?").exception
    assert not run(ginza, lexicon, "福岡までの送料はいくらですか").exception


@pytest.mark.parametrize("text", ["サイアク。モウ カワナイ", "さいあくやわ。にどと たのまへん",
                                  "こないだの　たいおうは　ほんとに　なさけなかったです"])
def test_anger_in_kana_is_anger(ginza, lexicon, text):
    assert run(ginza, lexicon, text).anger
    assert corrected(ginza, lexicon, text, "complain", "greet") == "complain"


def test_a_status_asked_politely_is_no_anger(ginza, lexicon):
    assert not run(ginza, lexicon, "頼んだやつ届かないんですけど、どうなってます？").anger
    assert run(ginza, lexicon, "どうなってるんだ！いい加減にしろ").anger


def test_the_customer_s_own_apology_is_no_anger(ginza, lexicon):
    assert not run(ginza, lexicon, "何度もすみません、前に宅配便でカタログ送ってもらうことになってた雨宮です").anger


def test_overwhelmed_after_a_death_is_distress(ginza, lexicon):
    assert run(ginza, lexicon, "もう何も考えられなくて…何をどう選べばいいのか").cues
    assert not run(ginza, lexicon, "何をどう選べばいいですか？おすすめは").cues


def test_a_misconverted_celebration_noshi_on_a_memorial_gift_is_a_goods_problem(ginza, lexicon):
    assert run(ginza, lexicon, "箱開けたら 伸しが紅白のめでてえやつなんだ 法事だっちゅうのに").goods_problem


def test_a_celebration_noshi_on_a_condolence_gift_told_in_english_is_a_goods_problem(ginza, lexicon):
    """Round 2026-12-05zzk takejiro-musa-11; a question about the colours is none."""
    told = "I ordered a condolence gift for my supervisor's family, but it arrived with a red and white noshi"
    assert run(ginza, lexicon, told).goods_problem
    assert not run(ginza, lexicon, "Is a red and white noshi all right for a condolence gift?").goods_problem


def test_at_wits_end_in_echizen_speech_is_distress(ginza, lexicon):
    """Round 2026-12-05zzk setsuyo-ilze-07: more than not knowing the order number."""
    cues = run(ginza, lexicon, "注文の紙もどこにやったかわからんし、もうどうしたらいいんか、頭がまっしろで…").cues
    assert {"どうしたらいいんか", "頭がまっしろ"} <= set(cues)
    assert run(ginza, lexicon, "ごめんなさいね、手がふるえてうまく打てんで").cues
    # round 2026-12-05zzo heizo-uwase-08: not only not knowing the number
    assert "もうしわけたたね" in run(ginza, lexicon, "おれ ひとりで なんも わかんねえ ばあさんに もうしわけ たたねえ").cues


def test_disappointment_told_in_english_is_anger(ginza, lexicon):
    assert run(ginza, lexicon, "This is really unprofessional, very disappointed with your shop 😠").anger


def test_the_essential_corrections_keep_the_classifiers_reading_but_for_gibberish_goods_and_distress(ginza, lexicon):
    """What the pipeline applies (waits: the next test)."""
    sure = [{"name": "request_exception", "confidence": 0.9}, {"name": "ask_shipping", "confidence": 0.05}]
    accepting = run(ginza, lexicon, "14時過ぎたから明日発送ですよね、それで大丈夫です")
    assert correct_intent("request_exception", sure, accepting, THRESHOLD) == "request_exception"
    crushed = run(ginza, lexicon, "届いたカステラがつぶれていました")
    assert correct_intent("ask_delivery_status", [], crushed, THRESHOLD) == "complain"
    assert correct_intent("greet", [], run(ginza, lexicon, "jdkfls"), THRESHOLD) == "nlu_fallback"
    anxious = run(ginza, lexicon, "母が入院していて、明日の法事に間に合わないと困るんです")
    assert correct_intent("ask_delivery_status", [], anxious, THRESHOLD) == "express_distress"
    calm = run(ginza, lexicon, "目が悪いので、短めに教えてくださいね")
    assert correct_intent("express_distress", [], calm, THRESHOLD) == "express_distress"


def test_a_complaint_the_classifier_doubts_with_nothing_wrong_in_it_is_the_next_calm_reading(ginza, lexicon):
    """An order announced (まいど…頼も思てんねん) read a complaint at 0.51 went to a person as one."""
    ranking = [{"name": "complain", "confidence": 0.51}, {"name": "ask_product", "confidence": 0.3}]
    order = run(ginza, lexicon, "まいど。新年会用にそっちの羊羹６０箱頼も思てんねん")
    assert correct_intent("complain", ranking, order, THRESHOLD) == "ask_product"
    sure = [{"name": "complain", "confidence": 0.9}, {"name": "ask_product", "confidence": 0.05}]
    # no cue word, but the classifier is sure: 返事ひとつよこさんと、ようそれで商売が成り立ちますなあ
    assert correct_intent("complain", sure, order, THRESHOLD) == "complain"
    late = run(ginza, lexicon, "頼んだ羊羹、まだ届かんのやけど")
    assert correct_intent("complain", ranking, late, THRESHOLD) == "complain"


@pytest.mark.parametrize("intent, confidence, text, acted_on", [
    # ちょっと言わせてもらうけど went to a person as a request beyond the rules
    ("request_exception", 0.6, "14時過ぎたから明日発送ですよね、それで大丈夫です", "ask_delivery_status"),
    ("request_exception", 0.6, "ちょっと、ええ加減にしてくれへん？", "complain"),
    ("request_exception", 0.6, "送料無料にしてくれへん？", "request_exception"),
    ("request_exception", 0.59, "きょう ニモツ きた けど、 ボク の じゃない!!", "complain"),  # a goods problem
    # the late catalog the seeds describe: a wedding, a hurry, and a person at once as distress
    ("express_distress", 0.79, "来月結婚式で、引き菓子そろそろ決めないといけなくて、ちょっと急いでます", "ask_delivery_status"),
    ("express_distress", 0.79, "明日の法事に使うのに届かないんです、急いでます", "express_distress"),
    ("express_distress", 0.79, "our team must choose the gift this week, so I am a little bit in a hurry", "ask_delivery_status"),
    ("express_distress", 0.79, "急いでるのにどうしたらいいかわからなくて、もうパニックです", "express_distress"),
    # a deadline told in a late-catalog look-up went to a person as distress (round zm)
    ("express_distress", 0.45, "病棟のみんなの分まとめて注文することになってて、締め切りが今週の金曜なんですよね…", "ask_delivery_status"),
    # a late parcel before a memorial, read unsurely: distress stays (round a; the rule that made
    # a doubted distress with a reproach a complaint broke seven conversations of earlier rounds)
    ("express_distress", 0.52, "あさって おっとの いっしゅうき なのに　たのんだ おかしが まだ きません", "express_distress"),
    # a decision due this week, said calmly, in a late-catalog look-up (round zo): a hurry
    ("express_distress", 0.70, "妹の結婚式の引き菓子えらぶのに使いたくて、今週中には決めないといけないんです💦", "ask_delivery_status"),
    # a deadline passed, read surely as distress, stays distress
    ("express_distress", 0.91, "部長に至急手配しろと言われたのに締切過ぎてた…どうすれば", "express_distress"),
    ("express_distress", 0.93, "1. 200件の配送先リストが消えました 2. 締切は明日 3. 上司は出張中です。どうすればいいでしょうか…", "express_distress"),
    # a bad call with the staff told, read as a call for a person (round zm): a complaint
    ("request_human", 0.74, "前にお店に電話したとき、スタッフの人が「日本語わからないので」って言って、すぐ切られました", "complain"),
    ("request_human", 0.74, "スタッフの人に電話をかわってほしいです", "request_human"),
    ("request_human", 0.95, "前に電話したらすぐ切られました", "request_human"),
    # the のし asked about, nothing but not knowing how (Kyoto, a memorial): the answer, not a person
    ("express_distress", 0.63, "ほんで、のしやら表書きやら、こういう時はどないしたらよろしいもんかと。ようわからしまへんのや", "ask_gift"),
    ("express_distress", 0.99, "法事なのにのしがどうしたらいいかわからなくて、もうどうしよう", "express_distress"),
    # the のし of another country's custom not known, with a perplexed face (round 2026-12-05q tokie-bao-06)
    ("ask_gift", 0.98, "お供えのお菓子を持って行きたいんですが，のしはどうすればいいですか？中国と違うので全然わからない😣", "ask_gift"),
    ("ask_gift", 0.98, "のしがわからない😣もうどうしよう、明日なのに", "express_distress"),
    # the custom not known after a death told, in a learner's Japanese (round zzb): the memorial answer
    ("express_distress", 0.66, "うちの staff のお父さん 亡くなった。日本のやり方 わからない", "ask_gift"),
    ("express_distress", 0.66, "父が亡くなりました。どうしたらいいかわからない", "express_distress"),
    ("express_distress", 0.66, "母が亡くなって、葬式のやり方もわからなくて途方に暮れています", "express_distress"),
    # a death told calmly, read unsurely as distress: the memorial answer (round zb)
    ("express_distress", 0.53, "こんにちは。かいしゃ の せんぱい の おとうさん が なくなりました。おそうしき は もう おわりました", "ask_gift"),
    ("express_distress", 0.53, "母が亡くなって、もうどうしたらいいのか…", "express_distress"),
    # not understood, a death told calmly (round o fumiko-rahul-17: "not understood" to a widow)
    ("nlu_fallback", 0.45, "主人が　先月　亡くなったとです", "ask_gift"),
    # a chat new to the customer, read unsurely as distress: told how to reach a person
    ("express_distress", 0.61, "ごめんください。こういう機械の窓口は慣れなくて、よくわがんねぇもんで", "bot_challenge"),
    ("express_distress", 0.99, "困ったことになってまったわ家内がおらんでこういうのさっぱり分からんのやわ", "express_distress"),
    # the language itself hard to follow (round zzg yoshitaka-eunji-13)
    ("express_distress", 0.57, "すみません、日本語の説明がむずかしくて、よくわからないです", "bot_challenge"),
])
def test_a_handoff_reading_with_nothing_of_its_own_in_the_message(ginza, lexicon, intent, confidence, text, acted_on):
    ranking = [{"name": intent, "confidence": confidence}, {"name": "ask_delivery_status", "confidence": 0.1}]
    assert correct_intent(intent, ranking, run(ginza, lexicon, text), THRESHOLD) == acted_on


def test_a_person_or_a_detail_not_understood_is_a_call_for_a_person_or_an_answer(ginza, lexicon):
    fallback = [{"name": "nlu_fallback", "confidence": 0.45}]
    assert correct_intent("nlu_fallback", fallback, run(ginza, lexicon, "じゃあいい、人に回して"), THRESHOLD) == "request_human"
    number = run(ginza, lexicon, "OK, わかりました。注文番号はA2345678です。")
    assert correct_intent("nlu_fallback", fallback, number, THRESHOLD) == "inform"
    # a status asked with the number and phone, status and inform nearly tied (round b)
    tied = [{"name": "nlu_fallback", "confidence": 0.45}, {"name": "ask_delivery_status", "confidence": 0.51},
            {"name": "inform", "confidence": 0.49}]
    late = run(ginza, lexicon, "ちゅうもん した おかしが まだ とどきません ばんごうは A7654321 で でんわは 090-8765-4321 です")
    assert correct_intent("nlu_fallback", tied, late, THRESHOLD) == "ask_delivery_status"
    assert correct_intent("nlu_fallback", fallback, late, THRESHOLD) == "nlu_fallback"  # no status reading near
    # an order asked after in Tsugaru-ben katakana, status as sure as not understood (round zt ines-yoshiharu-17)
    asked = run(ginza, lexicon, "カガガ 頼ンダ 菓子 ドウナッタ。")
    status = [{"name": "nlu_fallback", "confidence": 0.45}, {"name": "ask_delivery_status", "confidence": 0.45}]
    assert correct_intent("nlu_fallback", status, asked, THRESHOLD) == "ask_delivery_status"
    assert correct_intent("nlu_fallback", fallback, asked, THRESHOLD) == "nlu_fallback"


def test_a_death_told_in_kana_is_grief():
    from madoguchi.nlu.triage import PASSED_AWAY

    assert PASSED_AWAY.search("うちのひとせんしゅうなくなって")
    assert not PASSED_AWAY.search("注文の番号がなくなってしもた")


def test_a_wait_is_the_yes_the_bot_waits_on_in_the_essential_corrections(ginza, lexicon):
    waiting = run(ginza, lexicon, "ちょっと待っててな、メール見てみるわ…")
    ranking = [{"name": "ask_delivery_status", "confidence": 0.7}]
    assert correct_intent("ask_delivery_status", ranking, waiting, THRESHOLD) == "affirm"
    leaving = run(ginza, lexicon, "あ、ちょっと待って。お客さんが来たで、またにすっ。ごめんね")
    assert correct_intent("greet", ranking, leaving, THRESHOLD) == "deny"
    # round zu: answered "I'll wait" at 1.00 to a goodbye
    closing = run(ginza, lexicon, "また 孫が 来たら 聞いて みます。 では さようなら")
    assert correct_intent("goodbye", [{"name": "goodbye", "confidence": 0.8}], closing, THRESHOLD) == "goodbye"


def test_a_late_catalog_or_a_whole_name_the_classifier_did_not_read_is_still_understood(ginza, lexicon):
    """Romaji and English words the classifier could not place: the status of the catalog asked
    for, and a name given after "what can I do for you"."""
    fallback = [{"name": "nlu_fallback", "confidence": 0.45}]
    for text in ("katarogu tanonda kedo konai desu. isogi janai kedo, mou ichido okutte kudasai",
                 "catalog 頼んだ、10日前。まだ来ない 😕 来週 staff party の お菓子 選ぶ、急いでます",
                 "hi po, nag-request po ako ng catalog two weeks ago pa po, pero wala pa rin po dumating 😢",  # Tagalog
                 "拝啓　過般、葉書にて貴店の品書きを御願ひ申し上げ候處、今以て到着いたさず候。"):  # a letter of old
        read = as_read(text)  # what the pipeline's triage reads
        assert correct_intent("nlu_fallback", fallback, run(ginza, lexicon, read), THRESHOLD) == "ask_delivery_status"
    name = run(ginza, lexicon, as_read("Bjorn Lindqvist desu"))
    assert correct_intent("nlu_fallback", fallback, name, THRESHOLD) == "inform"
    # round zze: a family name in kanji and a given name in katakana, read as beyond the shop
    beyond = [{"name": "out_of_scope", "confidence": 0.75}, {"name": "inform", "confidence": 0.11}]
    assert correct_intent("out_of_scope", beyond, run(ginza, lexicon, as_read("新井ルシア")), THRESHOLD) == "inform"
    assert correct_intent("nlu_fallback", fallback, run(ginza, lexicon, as_read("和菓子セット")), THRESHOLD) == "nlu_fallback"
    weather = [{"name": "out_of_scope", "confidence": 0.99}]  # rounds zr and zzd: two words, not a name
    assert correct_intent("out_of_scope", weather, run(ginza, lexicon, as_read("明日は　雨かのう")), THRESHOLD) == "out_of_scope"
    unread = run(ginza, lexicon, "まごに おくる おせいぼの ことで そうだん したいんだけど")
    assert correct_intent("nlu_fallback", fallback, unread, THRESHOLD) == "nlu_fallback"


def test_not_knowing_now_and_leaving_for_later_is_a_no_in_the_essential_corrections(ginza, lexicon):
    for text in ("ゆうびん ばんごう… いま わからない です。 へや に かえって から しらべます",
                 "郵便番号…どこに書いちゅうかわからんなあ。孫が来てからにします、またにします"):
        assert correct_intent("express_distress", [], run(ginza, lexicon, text, 0.9), THRESHOLD) == "deny"
    afraid = run(ginza, lexicon, "どうしよう、わからない、怖い。またにします", 0.9)
    assert correct_intent("express_distress", [], afraid, THRESHOLD) == "express_distress"


@pytest.mark.parametrize("text", ["ちょっとええ？", "ちょっと聞いてもらえんですか", "お問い合わせ致します．",
                                  "ちょっと、言わしてもらうけど"])  # round 2026-12-05zzm, read as an exception
def test_a_message_that_only_opens_the_talk_is_an_opener(ginza, lexicon, text):
    """ちょっとええ？ (round zo) was not understood; the bot now asks what it can do."""
    assert run(ginza, lexicon, text).opener


@pytest.mark.parametrize("text, acted_on", [
    ("おつかれっす", "greet"),  # round zs: answered with a goodbye
    ("もしもし　これで　よかとかな", "greet"),
    ("前略　失礼いたします。お尋ねしたき儀がございまして、ご連絡申し上げました。", "greet"),
    ("おはようございます　朝早うから　失礼いたします", "greet"),  # round zr
    ("お疲れ様でした", "goodbye"), ("では失礼いたします", "goodbye"), ("もしもし、ありがとうございました、またね", "goodbye"),
    ("おつかれっす、落ちます", "goodbye"), ("おつかれっす、また れんらく します 👋", "goodbye"),
    ("おつです", "greet"), ("おつです、落ちます", "goodbye"),  # round zw
    ("こんちは　休憩中に失礼するで", "greet"),  # round 2026-12-07k: こんちは, short for こんにちは
])
def test_a_goodbye_that_opens_the_talk_is_a_greeting(ginza, lexicon, text, acted_on):
    ranking = [{"name": "goodbye", "confidence": 0.77}, {"name": "greet", "confidence": 0.2}]
    assert correct_intent("goodbye", ranking, run(ginza, lexicon, text), THRESHOLD) == acted_on


@pytest.mark.parametrize("text, read, acted_on", [
    # round 2026-12-07n kazuko-deireragea-20: went to a person as goods
    ("Oh! the delivery man is at my door now 😂 届きました!", "complain", "thank"),
    ("届きました! でも箱が潰れてました 😂", "complain", "complain"),
    # round 2026-12-07n tsuneo-arnel-20: handed off as a complaint
    ("hay naku so many questions 😩 pls stop asking na po, i will fill it later. leave it muna", "request_exception", "deny"),
    ("so many questions and my box came broken, stop asking", "complain", "complain"),
])
def test_a_parcel_come_gladly_or_a_form_left_tired_of_questions_is_no_complaint(ginza, lexicon, text, read, acted_on):
    ranking = [{"name": read, "confidence": 0.8 if read == "complain" else 0.48}, {"name": "thank", "confidence": 0.06}]
    assert correct_intent(read, ranking, run(ginza, lexicon, text), THRESHOLD) == acted_on


def test_a_question_pressed_with_two_marks_is_no_distress(ginza, lexicon):
    """pfff I am at the factory, no email here. You cannot search with my name?? (distress 0.55, round
    2026-12-07o kimie-ndayishimiye-16): handed off as distress inside the order check."""
    ranking = [{"name": "express_distress", "confidence": 0.55}, {"name": "complain", "confidence": 0.24}]
    pressed = run(ginza, lexicon, "pfff I am at the factory, no email here. You cannot search with my name??")
    assert correct_intent("express_distress", ranking, pressed, THRESHOLD) != "express_distress"
    cried = run(ginza, lexicon, "I am at the factory, no email here. You cannot search with my name!!")
    assert correct_intent("express_distress", ranking, cried, THRESHOLD) == "express_distress"


def test_a_family_name_in_capitals_beside_the_given_name_is_a_whole_name(ginza, lexicon):
    """NDAYISHIMIYE Fabrice (round 2026-12-07o kimie-ndayishimiye-20) was not taken for the name."""
    assert run(ginza, lexicon, "NDAYISHIMIYE Fabrice").full_name_alone
    assert not run(ginza, lexicon, "OK Thanks").full_name_alone


def test_a_latin_name_half_read_as_romaji_is_still_a_whole_name(ginza, lexicon):
    """Rosalinda Gallardo (round 2026-12-07p fumie-rosalinda): Rosalinda read ろさりんだ, a verb in it;
    Gallardo, no romaji, says it is no sentence. A sentence in romaji is still none."""
    ranking = [{"name": "nlu_fallback", "confidence": 0.45}, {"name": "out_of_scope", "confidence": 0.36}]
    assert correct_intent("nlu_fallback", ranking, read_first(ginza, lexicon, "Rosalinda Gallardo"), THRESHOLD) == "inform"
    assert not read_first(ginza, lexicon, "Yoroshiku Onegaishimasu").full_name_alone


@pytest.mark.parametrize("leaning, said, plain, intent", [
    # round 2026-12-07p: a detail with a change named (change 0.50, inform 0.48)
    (("change_order", "inform"), "order A4567890 change 5 box to 8 box", "order A4567890", "change_order"),
    # round 2026-12-07q: a word of anger (complain 0.33, request_catalog 0.32)
    (("complain", "request_catalog"), "カタログ頼んでからもうひと月どす。ええ加減にしとくれやす", "カタログ頼んでからもうひと月どす",
     "complain"),
])
def test_a_message_not_understood_goes_where_the_classifier_leans_when_its_words_say_so(ginza, lexicon, leaning, said,
                                                                                       plain, intent):
    ranking = [{"name": "nlu_fallback", "confidence": 0.45}, {"name": leaning[0], "confidence": 0.40},
               {"name": leaning[1], "confidence": 0.38}]
    assert correct_intent("nlu_fallback", ranking, run(ginza, lexicon, said), THRESHOLD) == intent
    assert correct_intent("nlu_fallback", ranking, run(ginza, lexicon, plain), THRESHOLD) != intent


def test_a_greeting_that_asks_after_a_person_by_name_asks_for_a_person(ginza, lexicon):
    """去年お世話になった菊池さんおってです？ (greet 0.72, round 2026-12-07m)."""
    ranking = [{"name": "greet", "confidence": 0.72}, {"name": "request_human", "confidence": 0.2}]
    asked = run(ginza, lexicon, "去年お世話になった菊池さんおってです？")
    assert correct_intent("greet", ranking, asked, THRESHOLD) == "request_human"
    assert correct_intent("greet", ranking, run(ginza, lexicon, "こんにちは、去年もお世話になりました"), THRESHOLD) == "greet"


@pytest.mark.parametrize("text, acted_on", [
    ("こんにちは。加賀谷と申します。", "greet"),  # round zs: scored as a detail given
    ("お疲れ様です、株式会社北辰商事の田中です", "greet"),
    ("もしもし、わだ。弘前のなかむら　とくじだども", "greet"),
    ("こんにちは。北村 道雄です。〒606-0806", "inform"),  # a detail besides the name
    ("こんにちは、山田です。注文番号はA1234567です", "inform"),
    ("山田です", "inform"),  # no greeting: the name answers a question
    ("お世話になっております。ユスポワと申します。", "greet"),  # round zv
    # round zw: a letter's seasonal greeting, and nothing else yet
    ("初冬の候、寒さの身にしみる頃となりました。貴店の皆樣にはお變りなくお過ごしのことと存じます。", "greet"),
    ("お歳暮の候補を教えてください", "inform"),
])
def test_a_greeting_that_gives_a_name_is_a_greeting(ginza, lexicon, text, acted_on):
    ranking = [{"name": "inform", "confidence": 0.82}, {"name": "greet", "confidence": 0.15}]
    assert correct_intent("inform", ranking, run(ginza, lexicon, text), THRESHOLD) == acted_on


def test_a_greeting_with_a_name_not_understood_is_a_greeting(ginza, lexicon):
    """たびたび　すみません。　坂東です。 (round y): "not understood", then a bot failure."""
    fallback = [{"name": "nlu_fallback", "confidence": 0.45}, {"name": "inform", "confidence": 0.45}]
    assert correct_intent("nlu_fallback", fallback, run(ginza, lexicon, "たびたび　すみません。　坂東です。"), THRESHOLD) == "greet"
    assert correct_intent("nlu_fallback", fallback, run(ginza, lexicon, "坂東です。それでな、あれがな"), THRESHOLD) != "greet"


def test_a_catalog_that_did_not_come_in_kansai_words_is_late(ginza, lexicon):
    text = "この前　カタログが　来んで　宅配便で　送りなおして　もらうことに　なっとったんですけど　今日も　来んかったんです。"
    assert run(ginza, lexicon, text).late_catalog
    # in a learner's romaji among English (round 2026-12-05zzs mieko-bandile-11)
    text = "Molo. I asked for your catalogue about 3 weeks ago, katarogu ga mada kimasen"
    assert run(ginza, lexicon, text).late_catalog


@pytest.mark.parametrize("text, imminent", [
    ("明日 彼女の両親に初めて挨拶行くんだけど、手土産がまだ届いてない", True),  # round zu
    ("あしたの 法事に まだ とどかん", True), ("明日までに届けてほしい", True),
    ("明日発送予定と聞きましたが、まだですか", False), ("先週頼んだのがまだ届いてない", False),
])
def test_a_need_too_near_is_imminent(ginza, lexicon, text, imminent):
    assert run(ginza, lexicon, text).imminent is imminent


@pytest.mark.parametrize("text, first, acted_on", [
    ("これだけ買うねんから、なんぼか引いてくれるやろ？1割くらいどないや", "ask_shipping", "request_exception"),
    ("請求書払いにしてもらえるんかとか、納品の日にちとか、細かい相談がしたいんやざ", "change_order", "change_order"),
    ("送料はいくらですか", "ask_shipping", "ask_shipping"),  # nothing beyond the rules
    ("先日取引先に送った歳暮の件です｡包装がかなり雑で 先方から指摘を受けました", "nlu_fallback", "nlu_fallback"),  # 先に送 inside
])
def test_a_discount_or_terms_asked_in_a_question_doubted_are_beyond_the_rules(ginza, lexicon, text, first, acted_on):
    """Round zw mariko-jocelyn-14: a bulk discount read as shipping. Invoice terms asked about are a
    consultation for a person (three writers of rounds d, zr and zu), not beyond the rules."""
    assert corrected(ginza, lexicon, text, first, "request_exception", confidence=0.6) == acted_on
    assert corrected(ginza, lexicon, text, first, "request_exception", confidence=0.95) == first  # read surely


@pytest.mark.parametrize("text, acted_on", [
    # round zz: a customer with poor eyesight writes in katakana; not understood twice, he went
    # to a person as a bot failure before he could ask for one
    ("モシモシ", "greet"), ("オハヨ ゴザイモス サムカ ゴワスナ", "greet"),
    ("モシモシ アリガトウ ゴザイモシタ", "nlu_fallback"),  # a word that closes the talk
])
def test_a_greeting_in_katakana_opens_the_talk(ginza, lexicon, text, acted_on):
    ranking = [{"name": "nlu_fallback", "confidence": 0.45}, {"name": "out_of_scope", "confidence": 0.34}]
    assert correct_intent("nlu_fallback", ranking, run(ginza, lexicon, text), THRESHOLD) == acted_on


def test_a_person_asked_for_with_no_problem_told_is_no_complaint(ginza, lexicon):
    """Round zzf megumi-tsuyoshi-16: no order number, and a call asked from someone who can look."""
    doubted = [{"name": "complain", "confidence": 0.58}, {"name": "request_human", "confidence": 0.23}]
    asked = run(ginza, lexicon, "確認のメールと言われても、私は携帯のメールは見ません。調べられる方からお電話いただきたい。")
    assert correct_intent("complain", doubted, asked, THRESHOLD) == "request_human"
    angry = run(ginza, lexicon, "何度も同じこと言わせんといて！！調べられる方から電話ください")
    assert correct_intent("complain", doubted, angry, THRESHOLD) == "complain"
    told = run(ginza, lexicon, "先日、卵を使っていないか電話で確認したのですが、担当の方によって説明が毎回違いました")
    assert correct_intent("complain", doubted, told, THRESHOLD) == "complain"  # staff told of, nothing asked


def test_a_task_not_understood_only_for_its_greeting_is_the_task(ginza, lexicon):
    # round zzd asao-priscila-02: the fallback's ambiguity between the greeting and the request
    ranking = [{"name": "request_catalog", "confidence": 0.52}, {"name": "greet", "confidence": 0.48}]
    text = "Oi こんにちは! カタログほしいです"
    assert correct_intent("nlu_fallback", ranking, run(ginza, lexicon, text), THRESHOLD) == "request_catalog"
    thanks = [{"name": "thank", "confidence": 0.5}, {"name": "greet", "confidence": 0.45}]
    assert correct_intent("nlu_fallback", thanks, run(ginza, lexicon, "どうもどうも"), THRESHOLD) == "nlu_fallback"


def test_a_favour_announced_opens_the_talk(ginza, lexicon):
    # round 2026-12-05b tokiko-liam-14: the old matter settled, the favour still to come
    assert run(ginza, lexicon, "こないだの足んなかった件は電話で話ついたんだけどさ、ひとつ頼みがあんだよ").opener


@pytest.mark.parametrize("text, acted_on", [
    ("んだ。 とりけし で おねがい します", "change_order"),  # after the order's status (round 2026-12-05f)
    ("はい、おねがいします", "affirm"),
])
def test_a_doubted_yes_that_names_a_cancel_is_a_change_of_the_order(ginza, lexicon, text, acted_on):
    ranking = [{"name": "affirm", "confidence": 0.61}, {"name": "change_order", "confidence": 0.24}]
    assert correct_intent("affirm", ranking, run(ginza, lexicon, text), THRESHOLD) == acted_on


def test_thanks_with_a_person_asked_for_are_a_wish_for_a_person(ginza, lexicon):
    """Então pode passar pra alguém ver isso, obrigado (read 人に代わってください…ありがとうございます,
    round 2026-12-05i hana-felipe-14): the person asked for, not the thanks; thanks to the person
    alone stay thanks."""
    ranking = [{"name": "thank", "confidence": 0.99}, {"name": "request_human", "confidence": 0.01}]
    asked = run(ginza, lexicon, "分かりました. できますか 人に代わってください ver, ありがとうございます")
    assert correct_intent("thank", ranking, asked, THRESHOLD) == "request_human"
    for text in ("担当の方、ありがとうございました", "ありがとうございます、担当者の方にもよろしくお伝えください"):
        assert correct_intent("thank", ranking, run(ginza, lexicon, text), THRESHOLD) == "thank", text


def test_something_sought_is_no_wait(ginza, lexicon):
    """Round 2026-12-05n: 探しているのですが asks about something; nothing for the bot to wait for."""
    assert not run(ginza, lexicon, "英語の家庭教師を探しているのですが、どなたかご存じありませんか。").waiting
    assert run(ginza, lexicon, "今探してます").waiting


def test_overwhelmed_words_are_distress(ginza, lexicon):
    """Round 2026-12-05n akio-fernanda-09: alone before a memorial, no question of how."""
    assert run(ginza, lexicon, "どうしたら いいんだい。みんな くるってのに、おれ ひとりじゃ どうにも ならねえ").cues


def test_an_order_made_by_mistake_is_no_goods_problem(ginza, lexicon):
    """Round 2026-12-05n: まちごうたき (間違うたから) とりけして is the customer's own slip."""
    assert not run(ginza, lexicon, "ちゅうもん まちごうたき とりけして ほしいがです").goods_problem
    assert run(ginza, lexicon, "ちごうお菓子が きとります").goods_problem


def test_a_shame_feared_is_no_reproach(ginza, lexicon):
    """Round 2026-12-05o hisayo-quang-05: はずかしいことに なんねよう asks for the right のし."""
    assert not run(ginza, lexicon, "のし は なにが いいべ。 はずかしいことに なんねよう おしえでたんせ").grievance
    assert run(ginza, lexicon, "こんな のし で 届いて、先方に はずかしい 思いを しました").grievance


def test_an_order_asked_after_calmly_is_a_status_question(ginza, lexicon):
    """わしが頼んだ最中どなんなっとんな read as a complaint at 0.82 (round 2026-12-05u)."""
    ranking = [{"name": "complain", "confidence": 0.82}, {"name": "ask_delivery_status", "confidence": 0.08}]
    asked = run(ginza, lexicon, "わしが頼んだ最中どなんなっとんな")
    assert correct_intent("complain", ranking, asked, THRESHOLD) == "ask_delivery_status"
    angry = run(ginza, lexicon, "頼んだ菓子どうなってんだ！！いい加減にしろ")
    assert correct_intent("complain", ranking, angry, THRESHOLD) == "complain"


def test_distress_doubted_with_nothing_of_distress_is_the_next_reading(ginza, lexicon):
    """Round 2026-12-05v kaede-giulia-13: a café owner's plans read as distress at 0.60."""
    plans = run(ginza, lexicon, "Hello, I have a café in Kobe and I'm thinking of serving your 最中 with my espresso.")
    ranking = [{"name": "express_distress", "confidence": 0.6}, {"name": "complain", "confidence": 0.27},
               {"name": "ask_product", "confidence": 0.05}]
    assert correct_intent("express_distress", ranking, plans, THRESHOLD) == "ask_product"
    torn = [{"name": "express_distress", "confidence": 0.53}, {"name": "complain", "confidence": 0.38}]
    assert correct_intent("express_distress", torn, plans, THRESHOLD) == "complain"
    late = run(ginza, lexicon, "あさって おっとの いっしゅうき なのに　たのんだ おかしが まだ きません")
    assert correct_intent("express_distress", ranking, late, THRESHOLD) == "express_distress"


def test_a_sad_face_at_a_death_in_a_gift_question_is_the_gift_question(ginza, lexicon):
    """Round 2026-12-05v chiyoko-zainab-06: 亡くなりました 😢 … お菓子 送りたい read as ask_gift, then distress."""
    ranking = [{"name": "ask_gift", "confidence": 0.6}, {"name": "express_distress", "confidence": 0.31}]
    sad = run(ginza, lexicon, "hi apa. 隣の おばあちゃん 亡くなりました 😢 家族 に お菓子 送りたい です")
    assert correct_intent("ask_gift", ranking, sad, THRESHOLD) == "ask_gift"
    lost = run(ginza, lexicon, "母が亡くなりました😢 どうしよう、お菓子も送らないと")
    assert correct_intent("ask_gift", ranking, lost, THRESHOLD) == "express_distress"


def test_a_discount_not_understood_beside_a_question_is_beyond_the_rules(ginza, lexicon):
    """Round 2026-12-05v kaede-giulia-14: a wholesale price asked, not understood twice, ended in bot_failure."""
    asked = run(ginza, lexicon, "Do you have a wholesale price? 卸値みたいなの、あるん？")
    ranking = [{"name": "nlu_fallback", "confidence": 0.45}, {"name": "ask_product", "confidence": 0.4}]
    assert correct_intent("nlu_fallback", ranking, asked, THRESHOLD) == "request_exception"


@pytest.mark.parametrize("text, reading", [
    # round 2026-12-05zzd misuzu-agnieszka-18: a wrong postal code told with 😰, handed off as distress
    ("I think I typed a wrong postal code in my order 😰 郵便番号をまちがえたかもしれません", "change_order"),
    ("郵便番号をまちがえたかもしれません、どうしよう 😰", "express_distress"),  # at a loss: still distress
])
def test_a_worried_face_at_a_task_is_the_task(ginza, lexicon, text, reading):
    ranking = [{"name": "express_distress", "confidence": 0.54}, {"name": "change_order", "confidence": 0.21}]
    assert correct_intent("express_distress", ranking, run(ginza, lexicon, text), THRESHOLD) == reading


def test_going_to_look_read_as_an_exception_is_a_wait(ginza, lexicon):
    """Round 2026-12-05zzi tamie-kadri-08: ちょっと まってけへ さがしてくるすけ read as an exception (0.70)."""
    text = "ちょっと まってけへ さがしてくるすけ"
    ranking = [{"name": "request_exception", "confidence": 0.70}, {"name": "complain", "confidence": 0.05}]
    assert correct_intent("request_exception", ranking, run(ginza, lexicon, text), THRESHOLD) == "affirm"
    paying = "支払いをもう少し待ってもらえませんか"  # a wait asked of the shop is the exception itself
    ranking = [{"name": "request_exception", "confidence": 0.70}, {"name": "change_order", "confidence": 0.1}]
    assert correct_intent("request_exception", ranking, run(ginza, lexicon, paying), THRESHOLD) == "request_exception"


def test_staff_a_gift_is_for_ask_for_no_one(ginza, lexicon):
    """Round 2026-12-05zzh shizuyo-anahit-14: スタッフさん用に二十箱 was read as asking for a person."""
    assert not run(ginza, lexicon, "スタッフさん用に二十箱まとめて買おうと思うとですけど").person
    # sweets for the staff, in English read among Japanese (round 2026-12-07i tatsuji-mele-14)
    assert not run(ginza, lexicon, "注文したい お菓子 for all the teachers and スタッフ at youchien, 12 boxes").person
    assert run(ginza, lexicon, "can I talk to your staff?").person
    assert run(ginza, lexicon, "スタッフさんに代わってください").person


def test_a_screen_that_cannot_be_read_calls_a_person_not_comfort(ginza, lexicon):
    """Round 2026-12-05zzh tsuruko-gurpreet-13: her glasses mislaid, the screen unreadable; she
    wanted to talk on the phone, not to be calmed (distress 0.72)."""
    ranking = [{"name": "express_distress", "confidence": 0.72}, {"name": "out_of_scope", "confidence": 0.14}]
    glasses = run(ginza, lexicon, "めがねをどこかへ置いてしもうて、この画面の字がよう見えんのです", p=0.397)
    assert correct_intent("express_distress", ranking, glasses, THRESHOLD) == "request_human"
    lost = run(ginza, lexicon, "字も よく 見えないし どうしたら いいか わからない です", p=1.0)
    assert correct_intent("express_distress", ranking, lost, THRESHOLD) == "express_distress"
    # eyes grown weak, in Kagoshima speech (round 2026-12-07l shizue-amadou-13): 弱る no plight
    weak = run(ginza, lexicon, "目が 弱っちょって、こん 画面の こまんか 字が よう 見えもはん", p=0.58)
    assert correct_intent("express_distress", ranking, weak, THRESHOLD) == "request_human"


def test_a_parcel_held_asked_not_understood_with_an_exception_next_is_beyond_the_rules(ginza, lexicon):
    """Round 2026-12-05zzt tamao-ailsa-14: 預かっといて read as not understood, then out of scope."""
    text = "二週間くらい、そっちのお店で預かっといてもらえんかね？"
    ranking = [{"name": "nlu_fallback", "confidence": 0.45}, {"name": "out_of_scope", "confidence": 0.4},
               {"name": "request_exception", "confidence": 0.28}]
    assert correct_intent("nlu_fallback", ranking, run(ginza, lexicon, text), THRESHOLD) == "request_exception"


def test_a_taste_too_strong_to_bear_is_no_distress_cue(ginza, lexicon):
    """Round 2026-12-07h teruo-hinewai-14: 甘ったるうてどうにもならん (a refund asked for a taste not
    liked) counted どうにもならん as the customer's plight."""
    assert run(ginza, lexicon, "甘ったるうてどうにもならん。わしの好みに合わんだけじゃ").cues == []
    assert "どうにもならん" in run(ginza, lexicon, "もうどうにもならん、明日の法事に間に合わん").cues
    assert "どうにもならん" in run(ginza, lexicon, "明日が法事だから どうにもならん").cues


def test_kagoshima_anger_and_an_exception_asked_past_the_cut_off_are_read(ginza, lexicon):
    """Round 2026-12-07q tetsuo-pasang-01 and -06 (in katakana, as written): どげんなっちょっとか is
    anger; the cut-off past and the parcel asked for all the same, an exception."""
    assert read_first(ginza, lexicon, "カタログヲ二回モ頼ンダドン イッチョン来ン ドゲンナッチョットカ").anger
    assert read_first(ginza, lexicon, "締メ切リハ過ギチョッドン 次ノフェリーニ載セテクレ ソコヲ何トカセンカ").exception
    assert read_first(ginza, lexicon, "今日ハ三時ヲ過ギタドン 菓子ヲ頼ンダ 今日出シテクイヤンセ").exception
    assert not read_first(ginza, lexicon, "一週間過ぎたけど まだ来ない").exception  # lateness, nothing beyond the rules


def test_goods_the_detector_guesses_in_a_parcel_that_came_late_are_no_goods_problem(ginza, lexicon):
    """Round 2026-12-07s fumie-ashwin-12: the box arrived two days after the event, the detector read
    goods; the lateness is the complaint. Goods it reads in a message without lateness still count."""
    from madoguchi.nlu.gibberish import sudachi_words

    nlp, parser = ginza
    for text, goods in (("the box arrived SUNDAY. two days after the event. what is the use now??", False),
                        ("the box arrived SUNDAY and inside are other sweets", True),
                        # round 2026-12-07x fumi-bilal-16, after the box came 4 days late
                        ("i paid for on time delivery. this is really bad service, very disappointed", False)):
        assessed = assess(text, nlp.make_doc(text.lower()), lexicon, 0.0, parser, sudachi_words(nlp), goods_learned=True)
        assert (assessed.goods_learned, assessed.goods_problem) == (goods, goods), text
    # as read (delivery: 配達), the lateness is in what was written
    written, read = "i paid for on time delivery. this is really bad service", "i paid for on time 配達. this is really 対応が悪い"
    assessed = assess(read, nlp.make_doc(read), lexicon, 0.0, parser, sudachi_words(nlp), goods_learned=True, written=written)
    assert not assessed.goods_learned


def test_a_complaint_named_and_not_understood_is_a_complaint(ginza, lexicon):
    """Round 2026-12-07s fumie-ashwin-12: I want to complain (read 苦情; not understood, change and a
    person the runners-up) was asked again."""
    ranking = [{"name": "nlu_fallback", "confidence": 0.45}, {"name": "change_order", "confidence": 0.17},
               {"name": "request_human", "confidence": 0.12}]
    assert correct_intent("nlu_fallback", ranking, read_first(ginza, lexicon, "I want to complain"), THRESHOLD) == "complain"
    assert correct_intent("nlu_fallback", ranking, read_first(ginza, lexicon, "I want to change"), THRESHOLD) != "complain"


def test_sweets_not_yet_chosen_are_a_question_not_distress(ginza, lexicon):
    """Round 2026-12-07s normina-04: the farewell is next friday and I still dont know what to choose… 😥
    (distress 0.91) was handed to a person; a choice with a funeral tomorrow stays distress."""
    ranking = [{"name": "express_distress", "confidence": 0.91}, {"name": "out_of_scope", "confidence": 0.04},
               {"name": "ask_gift", "confidence": 0.01}]
    undecided = read_first(ginza, lexicon, "the farewell of my supervisor is next friday and I still dont know what to choose... 😥")
    assert correct_intent("express_distress", ranking, undecided, THRESHOLD) == "ask_gift"
    near = read_first(ginza, lexicon, "明日お通夜なのに何を選べばいいかわからない、どうしよう")
    assert correct_intent("express_distress", ranking, near, THRESHOLD) == "express_distress"


def test_the_customers_own_manager_is_no_anger(ginza, lexicon):
    """Rounds 2026-12-07f genzo-wanjiru-17 and g hisae-dev-20, replayed: our team manager handles all the
    calls; manager say she already have one (not understood) were read as anger and made complaints."""
    ranking = [{"name": "nlu_fallback", "confidence": 0.45}, {"name": "complain", "confidence": 0.40},
               {"name": "deny", "confidence": 0.2}]
    for text in ("aca, I don't give my phone number. our team manager handles all the calls, that is the team rule",
                 "ah wait, pardon, manager say she already have one in the office"):
        assert correct_intent("nlu_fallback", ranking, read_first(ginza, lexicon, text), THRESHOLD) != "complain", text
