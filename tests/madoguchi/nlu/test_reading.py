"""Messages in romaji or half-width katakana are read in kana; what the customer wrote stays."""

from __future__ import annotations

import pytest

from madoguchi.nlu.kana import to_kana
from madoguchi.nlu.reading import cue_places, reading
from tests.madoguchi.rasa.components.messages import extract, normalize


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("souryou ikura desuka", "そうりょう いくら ですか"),
        ("chuumon kyanseru shitai", "ちゅうもん きゃんせる したい"),
        ("hai, onegaishimasu", "はい, おねがいします"),
        ("noshi tte nante kakeba iino", "のし って なんて かけば いいの"),
        ("kon'ya todokimasuka", "こんや とどきますか"),
        ("matcha no okashi", "まっちゃ の おかし"),
        ("operator no kata to hanashitai desu", "オペレーター の かた と はなしたい です"),  # operator: English
    ],
)
def test_romaji_messages_are_read_in_hiragana(written, read):
    assert reading(written).text == read


@pytest.mark.parametrize(
    "text",
    ["AIだろお前", "カタログ okutte", "LINEで注文 sumimasen", "A1234567"],
)
def test_japanese_script_and_ids_are_left_alone(text):
    assert reading(text) is None


def test_words_that_are_not_romaji_are_not_forced():
    assert to_kana("bot") is None and to_kana("please") is None
    assert reading("chumon A1234567 desu").text == "ちゅもん A1234567 です"


def test_the_classifier_reads_kana_and_the_customer_keeps_their_letters():
    message = normalize("souryou ikura desuka")
    assert message.get("text") == "そうりょう いくら ですか"
    assert extract(message).get("text") == "souryou ikura desuka"


def test_spans_found_on_the_reading_come_back_as_written():
    message = normalize("Yamada Taro desu, chumon a1234567")
    read = message.get("text")
    start = read.index("やまだ")
    message.set("entities", [{"entity": "person_name", "start": start, "end": read.index(" です")}])
    by_kind = {e["entity"]: e["value"] for e in extract(message).get("entities")}
    assert by_kind == {"person_name": "Yamada Taro", "order_id": "A1234567"}


def test_the_catalog_in_its_older_writing_is_read_as_today_s_word():
    text = "２週間ほど前に 型録をお願いしたがです"
    read = reading(text)
    assert read.text == "２週間ほど前に カタログをお願いしたがです"
    start = read.text.index("カタログ")
    assert text[slice(*read.span(start, start + 4))] == "型録"
    assert text[slice(*read.span(start + 4, start + 5))] == "を"


def test_the_catalog_as_voice_input_writes_it_is_read_as_the_catalog():
    assert reading("二週間ぐらい前に片ログ頼んだんだけど、まだ来ねえの").text.startswith("二週間ぐらい前にカタログ頼んだ")
    # a call back promised, as voice input writes it (round 2026-12-05zzc)
    assert reading("織り返し電話暮れるって言っとったのに").text.startswith("折り返し電話くれるって")
    assert reading("島やけど、送量って本土と一緒なん？").text == "島やけど、送料って本土と一緒なん？"  # round 2026-12-05zze
    assert reading("贈り物用の放送してもらえんの 歳暮だから").text.startswith("贈り物用の包装して")  # round 05zzg
    assert reading("テレビで放送されてた羊羹ありますか") is None  # a broadcast is none
    assert reading("野師が紅白の御祝になっとった").text.startswith("のしが紅白")  # round 2026-12-05zzq


def test_halfwidth_katakana_is_read_full_width_with_voiced_marks_joined():
    read = reading("ｶﾀﾛｸﾞ ﾊﾟﾝﾌﾚｯﾄも")
    assert read.text == "カタログ パンフレットも"  # loanwords, no sentence
    start = read.text.index("パンフレット")
    assert "ｶﾀﾛｸﾞ ﾊﾟﾝﾌﾚｯﾄも"[slice(*read.span(start, start + 6))] == "ﾊﾟﾝﾌﾚｯﾄ"


def test_a_sentence_in_halfwidth_katakana_beside_kana_is_read_in_hiragana():
    """Round 2026-12-06c masakatsu-joaquina-03: ﾁｭｰﾓﾝ ﾄﾞｰﾅｯﾃﾙ。おふくろの分 was not understood, so
    the refusal after it was read as a complaint; its long vowels are う as the words are learned."""
    assert reading("ﾁｭｰﾓﾝ ﾄﾞｰﾅｯﾃﾙ。おふくろの分").text == "ちゅうもん どうなってる。おふくろの分"
    assert reading("ｶﾀﾛｸﾞｵﾈｶﾞｲｼﾏｽ｡ﾊﾟﾝﾌﾚｯﾄも").text == "かたろぐおねがいします。ぱんふれっとも"
    assert reading("ﾔﾏﾀﾞ ﾀﾛｳです").text == "ヤマダ タロウです"  # a name: no sentence
    assert reading("ｿｰﾘｮｰ ｲｸﾗ ｶｶﾙﾉ ｹｰｷﾊ").text == "そうりょう いくら かかるの けーきは"  # not e's long vowel


def test_halfwidth_katakana_and_romaji_together():
    read = reading("ｶﾀﾛｸﾞ okutte kudasai")
    assert read.text == "カタログ おくって ください"
    assert "ｶﾀﾛｸﾞ okutte kudasai"[slice(*read.span(0, 4))] == "ｶﾀﾛｸﾞ"


def test_a_message_all_in_halfwidth_katakana_is_read_in_hiragana():
    read = reading("ｿｳﾘｮｳ ﾊ ｲｸﾗ ﾃﾞｽｶ")
    assert read.text == "そうりょう は いくら ですか"
    assert "ｿｳﾘｮｳ ﾊ ｲｸﾗ ﾃﾞｽｶ"[slice(*read.span(12, 14))] == "ﾃﾞｽ"
    assert reading("名駅ﾋﾞﾙ12F").text == "名駅ビル12F"  # among kanji: a loanword, in katakana


@pytest.mark.parametrize("written, read", [
    ("カタログ タノンダ。マダ コナイ デス", "かたろぐ たのんだ。まだ こない です"),
    ("ノシ ドウスル？ ナニ カク？", "のし どうする？ なに かく？"),
    ("スニル ペレラ デス", "すにる ぺれら です"),
    # round zz: a particle glued to its word, and Kagoshima-ben's endings
    ("アシタノ テンキハ ドゲン ジャロカイ", "あしたの てんきは どげん じゃろかい"),
    ("ソウリョハ ナンボ ゴワスカ", "そうりょは なんぼ ごわすか"),
])
def test_sentences_all_in_katakana_are_read_in_hiragana(written, read):
    assert reading(written).text == read
    assert reading(written).span(0, 3) == (0, 3)  # one kana for one: spans hold


@pytest.mark.parametrize("text", ["カタログ", "スニル ペレラ", "ギフト セット", "クリスマスケーキ", "カタログ送ってください", "バナナ ケーキ"])
def test_a_loanword_or_a_name_alone_or_a_mixed_message_stays_in_katakana(text):
    read = reading(text)
    assert read is None or read.text == text


@pytest.mark.parametrize(("written", "read"), [
    # English words of a complaint among romaji are read as the Japanese words
    ("Very bad service. 3 kai denwa shita, dare mo denai", "Very わるい サービス. 3 かい でんわ した, だれ も でない"),
    # ん before y without its apostrophe
    ("otodoke wa raishuu no kinyoubi de", "おとどけ わ らいしゅう の きんようび で"),
])
def test_english_shop_words_and_kinyoubi_among_romaji(written, read):
    assert reading(written).text == read


@pytest.mark.parametrize(
    "text, cue",
    [
        ("chigau okashi desu", "ちがうおかし"),  # romaji, read and without spaces
        ("ハコ ツブレテル", "つぶれてる"),  # katakana as hiragana
        ("宛名　ちがう", "宛名ちがう"),  # words set apart by a full-width space
        ("屆きました", "届き"),  # an old form of kanji
        ("Why do you need it", "why do you need"),  # lower case
    ],
)
def test_cue_words_are_found_however_the_message_is_written(text, cue):
    assert cue in cue_places(text)



def test_a_pattern_that_stops_at_a_sentence_does_not_run_into_the_next_place():
    import re

    said = "カタログを頼んだのにまだ来ないんです。急ぎませんので、もう一度送ってもらえますか"
    # "sent again … asked for" must not join the end of one place to the start of the next
    assert not re.search(r"もう一度送[^。！!？?]{0,24}?頼んだ", cue_places(said))
    # and as a letter of old names it (round zo)
    assert reading("貴店の品書きを御願ひ申し上げ候").text == "貴店のカタログを御願ひ申し上げ候"


@pytest.mark.parametrize("written, read", [
    ("注文シタ 菓子 マダ 届カネ。ドウナッテラ。", "注文した 菓子 まだ 届かね。どうなってら。"),  # round zt, Tsugaru
    ("ノシ 付ケラレルガ。", "のし 付けられるが。"),
    ("ヤッパリ ヤメダ。注文 取リ消シデケ。番号ハ A3344556。", "やっぱり やめだ。注文 取り消しでけ。番号は A3344556。"),
    ("教会ノ バザー デ 売ル", "教会の バザー で 売る"),  # a loanword stays
])
def test_katakana_among_kanji_without_hiragana_is_read_in_hiragana(written, read):
    assert reading(written).text == read
    assert reading(written).span(0, 2) == (0, 2)


@pytest.mark.parametrize("text", ["新井ルシア", "田中マリア。", "比嘉ディエゴ"])
def test_a_family_name_in_kanji_and_a_given_name_in_katakana_stay_as_written(text):
    """Round zze: 新井ルシア read as 新井るしあ was out of scope, and the catalog lost its name."""
    assert reading(text) is None
    assert reading("届カネ").text == "届かね"  # one word whose kana are grammar
    assert reading("要ラン").text == "要らん"  # round 2026-12-05zzu: a no, not a name


@pytest.mark.parametrize("written, read", [
    ("ソウダ", "そうだ"), ("ソレジャ", "それじゃ"), ("イラナイ。", "いらない。"), ("イイエ", "いいえ"), ("ハイ。", "はい。"),
    ("フェリーデ ナンニチ オソクナッケ？", "ふぇりーで なんにち おそくなっけ？"),  # a question word makes it a sentence
])
def test_an_answer_written_alone_in_katakana_is_read_in_hiragana(written, read):
    """Round 2026-12-05zzu: an old fisherman's ソウダ and ソレジャ went unread (no loanword is one);
    round 2026-12-07f: イイエ, and a Koshiki question asking ナンニチ."""
    assert reading(written).text == read


def test_arabic_goodbye_written_with_a_digit_stays_a_goodbye_beside_malagasy_salama():
    assert "さようなら" in reading("ok bye! ma3a salama 👋").text
    assert "こんにちは" not in reading("ok bye! ma3a salama 👋").text
    assert "はい" not in (reading("saya mau beli kue") or reading("x")).text  # Indonesian's beli: no Azerbaijani yes


@pytest.mark.parametrize("text", ["京都市上京区千本通中立売上ル玉屋町38", "〒5300001 大阪市北区梅田1-2-3 梅田ハイツ502",
                                  "紙カタロ1部 至急", "注文番号A1234567", "カタログ送ってください"])
def test_an_address_or_a_message_with_hiragana_stays_as_written(text):
    read = reading(text)
    assert read is None or read.text == text


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("please help", "助けてください"), ("thx", "ありがとうございます"), ("ok", "はい"),
        ("do you ship to the US?", "発送できますか 海外?"),  # round 2026-12-05i kazuha-kevin-14
        ("Hello! My order came today but the box was kinda wet", "濡れていました"),  # kazuha-kevin-11
        ("Sorry, I chose the wrong item.", "間違えて選びました"),  # the customer's own slip, no goods
        ("mira, ayer llamé por teléfono and the lady just hung up on me", "電話を途中で切られました"),  # tetsuko-matias-12
        ("no rush tho, can you just send it again", "もう一度送ってください"),  # round 2026-12-05j renata-tomas-04
        ("Can someone from your team find it and get back to me?", "担当の方"),  # replay of 05e tomie-rohan-17
        ("it contains alcohol", "入っています alcohol"), ("does it contain nuts?", "入っていますか"),  # told, asked
    ],
)
def test_english_phrases_are_read_in_japanese(written, read):
    assert read in reading(written).text


def test_english_that_looks_like_romaji_is_read_as_english():
    """Loanwords (cancel, my, order) made romaji of plain English (helper's check, 2026-12-05)."""
    assert reading("i want to cancel my order please").text.startswith("注文をキャンセルしたい")
    assert reading("are you a bot or a human").text == "ロボットですか それとも人間ですか"
    assert reading("my order mada kimasen").text == "わたしの ちゅうもん まだ きません"  # romaji with English words


def test_a_greeting_in_english_is_left_to_the_classifier():
    """Hello! katarogu onegai shimasu (replay of round zl kazumi-ravi-02): read こんにちは, the
    greeting outweighed the catalog asked for in romaji."""
    assert reading("Hello! katarogu onegai shimasu 🙏 first time buying wagashi") is None


@pytest.mark.parametrize("text, read", [
    ("iya", "はい"),  # Indonesian: a yes (round 2026-12-05o read it いや, a no)
    ("Saya takut sekali, uangnya untuk bulan ini.", "怖いです"),
    ("Kak, katalog yang saya minta kok belum sampai ya?", "まだ届いていません"),
    ("wala pa rin po dumating", "まだ届いていません"),  # Tagalog before romaji, not わら ぱ りん ぽ
    # Vietnamese, with or without its diacritics (round 2026-12-05r: cam on ban not understood)
    ("em chưa nhận được hàng ạ", "まだ届いていません"), ("chua nhan duoc hang", "まだ届いていません"),
    ("わかりました。 cam on nhieu", "ありがとうございます"), ("da vang", "はい"),
])
def test_southeast_asian_languages_are_read_before_romaji(text, read):
    assert read in reading(text).text


@pytest.mark.parametrize("text, read", [("mou iya desu", "もう いや です"), ("iya iidesu", "いや いいです")])
def test_romaji_japanese_stays_romaji(text, read):
    assert reading(text).text == read


@pytest.mark.parametrize("text, read", [
    ("teşekkürler!!", "ありがとうございます"), ("hayır", "いいえ"), ("evet", "はい"),  # Turkish, its letters or not
    ("shukran!!", "ありがとうございます"), ("salam alaikum, konbanwa", "こんにちは"),  # Arabic (round 2026-12-05s)
    ("spasibo!", "ありがとうございます"), ("nyet", "いいえ"),  # Russian (round 2026-12-05r)
    ("rahmat! 🙏", "ありがとうございます"), ("xayr!", "さようなら"), ("yo'q", "いいえ"),  # Uzbek (2026-12-05t)
    ("pomogite... こども ぐあい わるい", "助けてください"), ("shipping charges kitna hai?", "いくらですか"),
])
def test_a_few_words_of_other_languages_among_english_are_read(text, read):
    assert read in reading(text).text


@pytest.mark.parametrize("text, read", [("nope", "いいえ"), ("sure, that one", "はい"), ("sure sure", "はい はい")])
def test_an_english_word_alone_is_no_romaji(text, read):
    """nope was のぺ, sure すれ (round 2026-12-05t); noshi is still romaji."""
    assert read in reading(text).text
    assert "のし" in reading("noshi wa nan desu ka").text


@pytest.mark.parametrize("text, read", [
    ("abhi tak nahi aaya", "まだ届いていません"), ("jee haan", "はい"), ("nahin nahin", "いいえ いいえ"),
    ("my order where? 5 din ho gaye. kab aayega", "いつ届きますか"),
    ("phone number chat mein nahin dunga", "教えたくない"),
])
def test_hindi_and_urdu_in_latin_letters_are_read(text, read):
    """Round 2026-12-05u: a Pakistani customer's Urdu among English and romaji."""
    assert read in reading(text).text


def test_hindi_words_are_no_romaji_and_leave_romaji_as_it_is():
    assert "らは" not in reading("staff ko bulao bhai, bot same answer de raha hai").text
    assert "とても たすかりました" in reading("dhanyabad, totemo tasukarimashita").text


@pytest.mark.parametrize("text, read", [
    ("khob khun ka 🙏🙏", "ありがとうございます"), ("chai chai 👍", "はい"), ("mai kha 🙅‍♀️", "いいえ"),  # Thai
    ("baleh baleh、合っています。", "はい はい"), ("salam alaikum, konbanwa", "こんにちは,"),  # Persian, Arabic
])
def test_thai_and_persian_in_latin_letters_are_read(text, read):
    """Round 2026-12-05u: a Thai hotel worker's and an Iranian designer's words among Japanese."""
    assert read in reading(text).text


@pytest.mark.parametrize("text, read", [
    ("dhonnobad 🙏🙏", "ありがとうございます"), ("No grazie 🙏", "いいえ、結構です"), ("ot te", "いいえ"),  # round 2026-12-05v
    ("assalamu alaikum 🙏", "こんにちは"), ("No thanks, daijoubu desu", "いいえ、大丈夫です, だいじょうぶ です"),
    ("oseibo no noshi onegai shimasu", "おせいぼ の のし"),  # an English phrase (no noshi) in romaji stays romaji
    ("mingalaba 🙏", "こんにちは"), ("hoke kae", "はい"), ("ma hoke bu", "いいえ"),  # Burmese (round 2026-12-05x)
    ("ooba", "はい"), ("jok", "いいえ"), ("Ja, klopt.", "はい"),  # Kyrgyz, Dutch (round 2026-12-05y)
    ("Hapana", "いいえ"), ("Alright, tutaonana!", "さようなら"), ("ahlan ahlan 👋", "こんにちは"),  # round 2026-12-05z
    ("sain baina uu 😊", "こんにちは"), ("ugui", "いいえ"), ("hoina hoina", "いいえ"), ("ekdam tension.", "困っています"),  # 05zz
    ("malo aupito!", "ありがとうございます"), ("silav 🙂", "こんにちは"), ("kiitti 🙏", "ありがとうございます"),  # round 05zza
    ("Szia! 👋", "こんにちは"), ("köszi", "ありがとうございます"), ("igen, 宅配便 is fine", "はい"),  # round 05zzb
    ("rakhmet!", "ありがとうございます"), ("kuzuzangpo la 🙏", "こんにちは"), ("mena la, だいじょうぶです", "いいえ"),
    ("Talofa!!!", "こんにちは"), ("ioe!!", "はい"), ("leai!!", "いいえ"), ("dekuji, 大変参考になりました。", "ありがとうございます"),
    ("multumesc", "ありがとうございます"),  # Samoan, Czech, Romanian (round 2026-12-05zzc)
    ("E se gan o! 🙏🏾", "ありがとうございます"), ("Allah hafez 🙏", "さようなら"),  # round 2026-12-05zzd
    ("Ok e se gan, that's really helpful", "助かりました"),
    ("Tschüss!", "さようなら"), ("Danke schön!", "ありがとうございます"), ("Nein, danke.", "いいえ"),  # round 2026-12-05zze
    ("Gamarjoba!", "こんにちは"), ("ok that's everything, madloba and nakhvamdis!", "さようなら"),
    ("bohoma sthuthiy 🙏🙏", "ありがとうございます"),
    ("Okay, hej då!", "さようなら"), ("Tack så mycket!", "ありがとうございます"), ("Nej tack", "いいえ、大丈夫です"),  # 05zzf
    ("sabaidee 🙏", "こんにちは"), ("khop jai lai lai 🙏🙏", "ありがとうございます"), ("men men", "はい"),
    ("bo pen nyang じゃない です", "大丈夫 じゃない"), ("illai illai, not needed", "いいえ"), ("aama aama 👍", "はい"),
    ("Yia sas! 🌸", "こんにちは"), ("kalinichta! talk later ✨", "さようなら"), ("misaotra. よく わかりました", "ありがとう"),  # 05zzg
    ("eny", "はい"), ("tsia", "いいえ"), ("ok mèsi, so maybe tomorrow? 🙏", "ありがとうございます"), ("orevwa", "さようなら"),
    ("ok that's all, shukran, ma3a salama 👋", "さようなら"),  # Arabic's goodbye is no Malagasy hello
    ("Doviđenja i hvala!", "さようなら"), ("dobar dan, is the catalog free?", "こんにちは"),  # round 05zzh
    ("Barev dzez 🌸", "こんにちは"), ("ok shnorhakalutyun!", "ありがとうございます"), ("Voch", "いいえ"),
    ("Era só isso, até a próxima", "以上です"),  # a Portuguese word with its accent is no romaji (até: not あて)
    ("I hope I'm not writing too late", "夜分にすみません"), ("if it's not too late", "間に合わない"),
    ("I ordered the wrong box", "間違えて選びました"), ("can you wrap each box separately?", "一つずつ包装"),
    ("Namaskaram 🙏", "こんにちは"), ("Valare nanni!", "ありがとうございます"), ("athe athe", "はい"),  # 05zzi
    ("Bore da! 🙂", "こんにちは"), ("Anyway, must run! Hwyl fawr", "失礼します! さようなら"), ("tere", "こんにちは"),
    ("aitäh", "ありがとうございます"), ("jah, palun", "はい, お願いします"), ("head aega", "さようなら"),
    ("Do you post abroad at all?", "海外に発送"), ("I'm really quite cross.", "怒っています"),
    ("The driver left the box outside in the rain", "雨の中に置いていかれた"),
    ("jërëjëf !! 🙏", "ありがとうございます"), ("déedéet", "いいえ"), ("Ačiū, must go. Viso gero!", "さようなら"),  # 05zzj
    ("kia ora! 👋", "こんにちは"), ("ka kite anō!", "さようなら"), ("Taip.", "はい"),
    ("Sveiki 🙂", "こんにちは"), ("Liels paldies!", "ありがとうございます"), ("Uz redzēšanos!", "さようなら"),  # 05zzk
    ("Ina kwana. I hope you are well.", "こんにちは"), ("Na gode sosai!", "ありがとうございます"),
    ("kaixo!! 👋", "こんにちは"), ("ok gero arte!! 🤙", "さようなら"), ("eskerrik asko!! 🙏", "ありがとうございます"),
    ("nibai no nedan desu ka", "にばい"),  # romaji's bai (倍) is no Basque yes
    ("përshëndetje!", "こんにちは"), ("ok mirupafshim", "さようなら"), ("Takk kærlega.", "ありがとうございます"),  # 05zzl
    ("Nabad gelyo 🙏", "さようなら"), ("Góðan dag! afsakið", "こんにちは! すみません"), ("Nei takk", "いいえ、結構です"),
    ("Thanks a lot, God bless you", "God bless you"),  # bless alone is no Icelandic goodbye
    ("my landlady lost her husband last month", "亡くしました"), ("okashi for the shijuukunichi", "四十九日"),
    ("whats the difference between mail bin and takkyubin", "メール便"),
    ("dobar den. we receive box", "こんにちは"), ("boker tov! slicha, I asked", "こんにちは! すみません"),  # 05zzm
    ("yes please!! toda raba 💕", "ありがとうございます"), ("moltes gràcies, adéu", "ありがとうございます, さようなら"),
    ("Thanks, and have a good evening.", "失礼します"), ("Labas! Good afternoon.", "こんにちは"),
    ("ashita ma ni awanai to kao mukeraremasen", "かお"),  # romaji's kao (顔) is no Māori no
    ("el producto es malo", "悪い"),  # Spanish malo still
    ("わかった。kyay zu tin ba de 🙏", "わかった。ありがとうございます"),
    ("Sumimasen, panikku ni natte imasu. Please help me.", "助けてください me"),  # please help, help me: English
    ("Murakoze cyane!! 🙏🙏", "ありがとうございます"), ("Zdraveyte, it is Boyana", "こんにちは"),  # 05zzo
    ("ok caw caw! 👋", "さようなら"), ("Saħħa!", "さようなら"), ("iva iva", "はい"), ("Da, molya.", "お願いします"),
    ("oya no ie ni okuritai", "おや の いえ"),  # romaji's oya (親) is no Kinyarwanda no
    ("selam, kemey aleka? 🙂", "こんにちは"), ("äddi äddi 👋", "さようなら"), ("okay, farvæl!", "さようなら"),  # 05zzp
    ("yekenyeley abzuhi, that really helped", "ありがとうございます"), ("aykonen", "いいえ"),
    ("ok kenavo ar wech all 👋", "さようなら"), ("Dalu nke ukwu!! 🙏🏾", "ありがとうございます"),  # 05zzq
    ("Kale shu! Have a nice evening.", "さようなら"),
    ("mbote!! 👋", "こんにちは"), ("matondo mingi!! 🙏🙏", "ありがとうございます"), ("ari, ari 👍", "はい"),  # 05zzr
    ("ok, tupananchiskama! 👋", "さようなら"), ("tige tank, oant sjen", "ありがとうございます, さようなら"),
    ("est-ce que tu es une IA ? lol", "ロボットですか"),
    ("sala kakuhle!", "さようなら"), ("hayi, this is not working", "いいえ"), ("vinaka vakalevu!! 🙏💕", "ありがとうございます"),  # zzs
    ("a hui hou! 🌺", "さようなら"), ("mahalo nui loa!! 🙏", "ありがとうございます"), ("ʻaʻole", "いいえ"),
    ("Sala hantle!", "さようなら"), ("Kea leboha!", "ありがとうございます"), ("E, ka kopo 🙏", "お願いします"),  # 05zzt
    ("Halò.", "こんにちは"), ("Tapadh leat.", "ありがとうございます"), ("matur nuwun sanget", "ありがとうございます"),
    ("Mba'éichapa! 😊", "こんにちは"), ("Aguyje ndéve!!", "ありがとうございます"), ("Nahániri", "いいえ"),  # 05zzu
    ("heẽ heẽ, 宅配便 please", "はい"), ("Çox sağ olun!", "ありがとうございます"), ("bəli bəli 👍", "はい"),
    ("Bağışlayın, zəhmət olmasa", "すみません, お願いします"), ("salama!", "こんにちは"),
    ("bon dia!! ☀️", "こんにちは"), ("kem cho ben!", "こんにちは"), ("ok aavjo!", "さようなら"), ("Dili", "いいえ"),  # 05zzv
    ("naimbag a malem", "こんにちは"), ("agyamanak unay 🙏", "ありがとうございます"), ("sau bulıgız!", "さようなら"),  # 05zzw
    ("A sheynem dank, and zay gezunt.", "ありがとうございます, and さようなら"), ("dhanyavaadalu!!", "ありがとうございます"),  # zzx
    ("dera manana 🙏", "ありがとうございます"), ("khuday pamaan", "さようなら"), ("arigatou gozaimasu 🙏 v helpful", "助かりました"),
    ("That will be all for today.", "以上です"), ("dayachesi, put me thru", "お願いします, 人に代わってください"),
    ("Namaskara!", "こんにちは"), ("Dhanyavadagalu!", "ありがとうございます"), ("Illa", "いいえ"),  # 05zzy
    ("yuspajara hermana 💐", "ありがとうございます"), ("jisa", "はい"), ("janiwa", "いいえ"), ("To didan!", "さようなら"),
    ("ok so it arrived. sagbol", "ありがとうございます"), ("tlazocamati, this help me a lot", "助かりました"),  # zzz
    ("my manager is calling me, I do it another day. timoittaske!", "また来ます"), ("Naagga.", "いいえ"),
    ("It is now Friday. Please explain.", "説明してください"), ("I expect an apology.", "謝ってください"),
    ("Mari mari! chaltu may 🌿", "こんにちは! ありがとうございます"), ("pewkallal", "さようなら"),  # 06a
    ("eeyyee, galatoomaa", "はい, ありがとうございます"), ("Lakki.", "いいえ"), ("nagaatti", "さようなら"),
    ("Yá'át'ééh!", "こんにちは"), ("ahéhee’ man", "ありがとうございます"), ("aoo'", "はい"), ("dooda", "いいえ"),
    ("hágoónee' 👋", "さようなら"), ("I asked for your catalog 2 weeks ago and e never reach", "カタログを頼んだ"),
    ("I ordered the same thing two times by mistake", "二重に注文してしまいました"),    ("tēnā koe 😊", "こんにちは"), ("chur bro, legend", "ありがとうございます"), ("yep sweet as", "はい"),  # 06b
    ("Yaxshimusiz!", "こんにちは"), ("rehmet", "ありがとうございます"), ("kechürüng, yaq", "すみません, いいえ"),
    ("tenkyu tru! lukim yu", "ありがとうございます! さようなら"), ("nogat, mi no laik give", "いいえ, 教えたくありません"),  # 06c
    ("inside all bagarap", "ぐちゃぐちゃでした"), ("Håfa adai!", "こんにちは!"), ("Si Yu'os ma'åse'!", "ありがとうございます"),
    ("hunggan", "はい"), ("dispensa yu', my kids call me", "すみません"),
    ("alii", "こんにちは"), ("sulang, mechikung", "ありがとうございます, さようなら"), ("choi, cancel please", "はい"),  # 06d
    ("marsha oylla. problem with gift", "こんにちは"), ("xa", "はい"), ("dukha barkal", "ありがとうございます"),
    ("bonghjornu. a sad thing", "こんにちは"), ("innò", "いいえ"), ("to gym. nothing come.", "まだ届いていない"),
    ("for the 49 days ceremony", "法事"),
    ("iokwe!", "こんにちは"), ("iokwe eok", "さようなら"), ("kommol tata for explain me", "ありがとうございます"),  # 06e
    ("aet aet, that is correct", "はい"), ("jaab, not that one", "いいえ"), ("Bondia 🙂", "こんにちは"),
    ("lae, obrigada. not need", "いいえ"), ("deskulpa my japanese", "すみません"), ("Va beni, for me it's ok", "はい"),
    ("Good evening, sabbinidica", "こんにちは"), ("can sweets go to Majuro?", "に送れますか 海外"),
    ("is a real person read this?", "ロボットですか"), ("The shipping fee, can you forget it this time?", "無料にしてください"),
    ("halo, mi order lolis las wik, wea nao i stap?", "こんにちは, mi order お菓子 先週, どこですか?"),  # 07a: no Spanish
    ("mi wantem toktok wetem wan man plis", "人と話したい"), ("Tangkyu tumas!! 🙏🙏", "ありがとうございます"),
    ("assalaamu alaikum", "こんにちは"), ("shukuriyya!!", "ありがとうございます"), ("aan", "はい"), ("eja", "はい"),
    ("nono", "いいえ"), ("bona sera 🙂", "こんばんは"), ("gratzias!", "ありがとうございます"), ("does a human read this?", "ロボットですか"),
    ("Allegra!", "こんにちは"), ("Grazia fitg!", "ありがとうございます"), ("A revair!", "さようなら"), ("gea", "はい"),  # 07b
    ("Ka lawm e! 🙏", "ありがとうございます"), ("aih", "いいえ"), ("mauri", "こんにちは"), ("ok tiabo", "さようなら"),
    ("ko bati n rabwa!! very kind", "ありがとうございます"), ("tiaki", "いいえ"),
    ("our supervisor is leaving at the end of this month", "上司"),  # a colleague, no 責任者 asked for
    ("ah ok, let me search my email...", "メールを探してみます"),
    ("Adieu !", "こんにちは"), ("mercés for the explication", "ありがとうございます"), ("òc òc, c'est ça", "はい"),  # 07c
    ("a lèu !", "さようなら"), ("sain baina. please help", "こんにちは"), ("bayarlaa!!", "ありがとうございます"),
    ("tiime", "はい"), ("ugy, not this one", "いいえ"), ("bayartai!", "さようなら"), ("fakafetai lasi!!", "ありがとうございます"),
    ("zazakallah", "ありがとうございます"), ("oi oi yes", "はい"), ("はい. oi ok", "はい. はい"), ("io!!", "はい"),
    ("na", "いいえ"), ("I want to cancel my order fakamolemole, I choose the wrong box", "間違えて選びました"),
    ("kao", "いいえ"), ("Ae!", "はい"), ("Hiya", "こんにちは"), ("Cheers pal", "ありがとうございます"),  # 07d
    ("Naw ta, yer a'right", "いいえ、結構です"), ("Kia ora rawa atu", "ありがとうございます"),
    ("maybe I've got the wrong email", "メールを間違えました"),
    ("ullaakkut! 😊", "こんにちは"), ("qujannamiik!!", "ありがとうございます"), ("ii!", "はい"), ("aakka", "いいえ"),  # 07e
    ("Dhonyobad, very kind of you.", "ありがとうございます"), ("fakaalofa lahi atu 🙏", "こんにちは"), ("koe kia!", "さようなら"),
    ("nakai", "いいえ"),
    ("mu ga leh", "こんにちは"), ("ta blu", "ありがとうございます"), ("OK. ha ler gay 👋", "さようなら"),  # 07f
    ("Wi mwega! 😊", "こんにちは"), ("Ni wega!! 🙏🏾", "ありがとうございます"), ("Tigwo na wega!", "さようなら"), ("aca", "いいえ"),
    ("Azul !", "こんにちは"), ("Tanemmirt nezzeh, you are very kind", "ありがとうございます"), ("Ar tufat !", "さようなら"),
    ("ih", "はい"), ("ewan", "分かりません"),
    ("Bonzour! ki nouvel? 🙂", "こんにちは"), ("ok orevwar", "さようなら"), ("wi", "はい"), ("Yee", "はい"),  # 07g
    ("mo anvi koz ar enn dimounn", "人と話したい"), ("Webale nnyo! 🙏", "ありがとうございます"), ("Nedda", "いいえ"),
    ("kinisou chapur!!", "ありがとうございます"), ("ran annim 😊", "こんにちは"), ("aapw", "いいえ"),
    ("sala sentle!", "さようなら"), ("ke a leboga!!", "ありがとうございます"), ("ee", "はい"), ("Iorana!", "こんにちは"),  # 07h
    ("ah ok now I understand, maururu roa", "ありがとうございます"), ("Osiyo!", "こんにちは"), ("wado!", "ありがとうございます"),
    ("Donadagohvi!", "さようなら"), ("vv", "はい"), ("tla", "いいえ"), ("nnyaa I don't need the message card", "いいえ"),
    ("'ikai", "いいえ"), ("'ikai sorry, i dont need message card", "いいえ"), ("alla", "いいえ"),  # 07i: Tongan, Malayalam
    ("Moni!", "こんにちは"), ("Zikomo kwambiri!!", "ありがとうございます"), ("Inde", "はい"), ("Ayi", "いいえ"),  # 07j
    ("Tsalani bwino!", "さようなら"), ("i ni ce 🙏", "どうも"), ("ok merci, k'an ben", "さようなら"), ("soh", "いいえ"),
    ("hakɛto, the party is called off", "すみません"), ("kalahngan en komwi, you are very kind", "ありがとうございます"),
    ("kaselehlie!", "こんにちは"), ("eih", "はい"),
    ("Mālō ni! 😊", "こんにちは"), ("heai we dont need the paper bag", "いいえ"), ("ok tofā ni", "さようなら"),  # 07k
    ("Jwajalapa 🙏", "こんにちは"), ("subhay subhay!! very kind", "ありがとうございます"), ("kha", "はい"), ("mkhu", "いいえ"),
    ("kaja ai", "こんにちは"), ("grai chyeju 🙏🙏", "ありがとうございます"), ("re re, OK", "はい"), ("n re, no phone", "いいえ"),
    ("Jam tan 🙏 konnichiwa", "こんにちは"), ("a jaraama", "ありがとうございます"), ("eey", "はい"), ("alaa", "いいえ"),  # 07l
    ("ok bye bye, ñalleen e jam 👋", "さようなら"), ("yaafo but I am angry", "すみません"), ("buiti binafi", "こんにちは"),
    ("seremein!! ありがと", "ありがとうございます"), ("ounha, yes please", "はい"), ("uá", "いいえ"), ("ok ayó 👋🏽", "さようなら"),
    ("mogethin", "こんにちは"), ("kammagar, arragon", "さようなら"), ("danga", "いいえ"),
    ("Johar!", "こんにちは"), ("ok got it, sarhao for explaining so kindly", "ありがとうございます"), ("hẽ", "はい"),  # 07m
    ("ban", "いいえ"), ("Lotu wo 🙏", "こんにちは"), ("ok kulo ma lulap, you help me very much", "ありがとうございます"),
    ("aok aok, send like that", "はい"), ("mo", "いいえ"), ("Moh, not that one", "いいえ"), ("noa'ia!!", "どうも"),
    ("hanis ma rot mama, and noa'ia for the help", "さようなら"), ("igka. no phone", "いいえ"),
    ("Ekamawir omo!", "こんにちは"), ("tubwa kor!!", "ありがとうございます"), ("ok tarawong!", "さようなら"),  # 07n
    ("eko", "いいえ"), ("ehe", "はい"), ("mayap a abak po! 😊", "こんにちは"), ("wa po", "はい"), ("ali po", "いいえ"),
    ("wa pu, おねがいします 🙏", "はい"), ("irankarapte", "こんにちは"),
    ("Amahoro!", "こんにちは"), ("oya", "いいえ"), ("ego", "はい"), ("Khublei shibun, ngin sa iakynduh 🙏", "さようなら"),  # 07o
    ("khublei, you people are very kind", "どうも"), ("hooid", "はい"), ("thuche che 🙏", "ありがとうございます"),
    ("lase", "はい"), ("min", "いいえ"), ("murakoze for all, ni ah'ubutaha, I go to my shift now", "さようなら"),
    ("Le colis est arrivé aujourd'hui mais la boîte est écrasée et le sirop coule partout 😞", "箱がつぶれていました"),
    ("livraison gratuite svp, j'achète 10 boîtes pour toute l'usine", "送料無料にしてください"),
    ("maayong aga! 😊", "こんにちは"), ("huo", "はい"), ("indi", "いいえ"), ("indi po, ok lang", "いいえ"),  # 07p
    ("sige, halong! ba-bye", "さようなら"), ("thuje, very help", "ありがとうございます"),
    ("aale not need now. thuje, jau la", "いいえ"), ("I be ñaading 🙏", "こんにちは"), ("abaraka 🙏🙏", "ありがとうございます"),
    ("hani", "いいえ"), ("abaraka, fo tuma doo", "さようなら"), ("hoi", "はい"),
    ("maupay nga aga po", "こんにちは"), ("ok i check again tomorrow. ba-bay po", "さようなら"), ("diri", "いいえ"),  # 07q
    ("maupay nga gab-i", "こんにちは"), ("ok i go now, baby is crying. Allah wahi", "さようなら"), ("fyafulla", "こんにちは"),
    ("meharbani 🙏🙏", "ありがとうございます"), ("ok got it, meharbani sain", "ありがとうございます"), ("ahin", "いいえ"),
    ("meharbani karke jaldi bhejo", "お願いします"), ("thuche 🙏", "ありがとうございます"),
    ("marhay na aga po 😊", "こんにちは"), ("ok po, paaram na", "さようなら"), ("dios mabalos po!! 🙏", "ありがとうございます"),  # 07r
    ("iyo po", "はい"), ("dai po", "いいえ"), ("solmelu 🙏", "ありがとうございます"), ("andu", "はい"), ("att", "いいえ"),
    ("Fa waka!", "こんにちは"), ("ok adyosi!", "さようなら"), ("tot ziens 👋", "さようなら"), ("grantangi fu a yepi", "ありがとうございます"),
    ("ah perfect, dankjewel 🙏", "ありがとうございます"), ("grabe i'm shaking", "震えています"),
    ("dit is echt niet normaal, I got nonsense 2x", "ひどい"),
    ("dev borem korum!!", "ありがとうございます"), ("Mapiya gagawii, sorry for late message", "こんにちは"),  # 07s
    ("ok wassalam po", "さようなら"), ("Sokor po ma'am!! 😊", "ありがとうございます"), ("Oway", "はい"), ("Je'", "はい"),
    ("Maltyox! 🙏", "ありがとうございます"), ("Xeq'ij. I have a problem", "こんにちは"), ("Saqarik.", "こんにちは"),
    ("sorry the professor just came in, I go. adiós", "さようなら"), ("do you ship internacional?? to guatemala", "海外"),
    ("Khurumjari 🙏", "こんにちは"), ("natte", "いいえ"), ("Ekii!", "こんにちは"), ("Bayyrlyg!", "さようなら"),  # 07t
    ("Chettirdim!", "ありがとうございます"), ("Chok", "いいえ"), ("Magsukul po 🙏", "ありがとうございます"), ("Huun", "はい"),
    ("Di'", "いいえ"), ("I asked for your catalog a while back but nothing's come 🤔", "まだ届いていない"),
    ("can I talk to your manager", "責任者"), ("manager say she already have one in the office", "上司"),
])
def test_english_phrases_among_romaji_are_left_to_english(text, read):
    assert read in reading(text).text


def test_soh_is_a_no_only_alone():
    """Pohnpeian's no (round 2026-12-07j); in a sentence it is so, mistyped (oh soh sorry)."""
    assert "いいえ" not in reading("oh soh sorry, my friend has one").text


def test_alaa_and_ayo_are_read_only_alone():
    """Pulaar's no and Garifuna's goodbye (round 2026-12-07l): in a sentence, a given name (Alaa Hassan)
    and an English ayo."""
    for text, word in [("my name is Alaa Hassan", "いいえ"), ("ayo... I'm in service", "さようなら"),
                       ("sa iyo po ito", "はい"), ("att the office", "いいえ")]:  # iyo and att alone only (07r)
        read = reading(text)
        assert read is None or word not in read.text


@pytest.mark.parametrize("text, read", [
    ("オヤットサアゴワス", "こんにちは"), ("ワカッタ アイガトサゲモシタ", "ワカッタ ありがとうございました"),  # 07q
    ("チューガナビラ", "こんにちは"), ("タンディガータンディ", "ありがとうございます"),  # the islands' words in katakana too
    ("用感は何日もつんで？", "羊羹は何日もつんで？"),  # voice input (07r)
    ("ちゃーすが　まだ　こないさ", "どうしよう　まだ　こないさ"), ("ぶじ　とどきました　にふぇーでーびる", "ぶじ　とどきました　ありがとうございます"),
    ("イランカラプテ！", "こんにちは！"), ("イヤイライケレ！", "ありがとうございます！"), ("アプンノ オカ。", "さようなら。"),
    ("お寺さんさも持つてくつて言つてしまつたし　もう頭真つ白だ", "お寺さんさも持ってくって言ってしまったし　もう頭真っ白だ"),
    ("去年もカタログ頼んで来ねがつたし", "去年もカタログ頼んで来ねがったし"), ("間に合つてるから", "間に合ってるから"),
    ("のしさ名前入れでけらい　「千葉」つて", "のしさ名前入れでけらい　「千葉」って"),
    ("たんでぃがー たんでぃ よー　よく わかった さー", "ありがとうございます よー　よく わかった さー"),  # Tarama (07o)
    ("ちゅーがなびら　たらまの もとむら です", "こんにちは　たらまの もとむら です"),
])
def test_ainu_greetings_and_a_small_tsu_written_full_size_are_read(text, read):
    """Round 2026-12-07n: Ainu's katakana greetings were not understood, and 頭真つ白 (the older writing, or
    the small kana forgotten) was no distress."""
    assert reading(text).text == read


def test_a_full_size_tsu_of_a_counter_or_a_word_stays():
    for text in ("二つたのんだ", "かつてない味", "いつ届く"):
        read = reading(text)
        assert read is None or read.text == text


def test_he_ban_and_mo_are_read_only_alone():
    """Santali's yes and no and Kosraean's no (round 2026-12-07m): in a sentence, English's he and ban."""
    for text, word in [("he said it was late", "はい"), ("they ban it", "いいえ"), ("mo' money", "いいえ"),
                       ("wait 5 min please", "いいえ"), ("ego is a latin word", "はい")]:
        read = reading(text)
        assert read is None or word not in read.text


@pytest.mark.parametrize("text, read", [
    ("Si je commande aujourd'hui avant 14h ça part le jour même ?", "当日発送できますか"),  # no Spanish si, no romaji
    ("Le colis il est où ? je suis impatient", "注文した荷物はどこですか"),
    ("son père est décédé, il faut quel papier ? noir et blanc ?", "亡くなりました, のしは何がいいですか ? 黒白の水引"),
    ("Je préfère parler à quelqu'un, un humain svp", "人と話したい"),
    ("Franchement je suis pas content, prélevé deux fois sur ma carte", "不満です, 二重に請求されました"),
    ("No, no es eso lo que le pregunté.", "いいえ"),  # Spanish's que and le are no French
])
def test_french_is_read_as_its_japanese(text, read):
    """Round 2026-12-05zzj: a Senegalese cook wrote French among English and Wolof."""
    assert read in reading(text).text


@pytest.mark.parametrize("text, read", [
    ("oi", "こんにちは"),  # Portuguese's hello, no yes beside it
    ("io sono qui", "いお"),  # Italian's I inside a sentence: no yes
    ("na na na, not good", "na na na"),
    ("my name is Nakai", "Nakai"),  # a family name, no no
    ("the box is azul and white", "azul"),  # Spanish's blue inside a sentence
    ("Ewan Fraser", "Fraser"),  # a Scottish name, no Tagalog "I don't know" (round 2026-12-07d)
])
def test_a_yes_or_no_of_one_word_is_read_only_as_a_whole_message(text, read):
    """Round 2026-12-07c: Tuvaluan's io and Rohingya's na are a yes and a no by themselves."""
    read_as = reading(text)
    assert read in (read_as.text if read_as else text)


@pytest.mark.parametrize("text, read", [
    ("jaan", "はい"), ("ña'a", "いいえ"), ("hajur", "はい"),  # Mixtec's and Nepali's yes and no, alone
    ("nonga, now stop. i come back later", "いいえ"), ("khulumbai sir, good evning", "こんにちは"),  # Bodo
    ("ok got it, sabaikhor bhai", "ありがとうございます"), ("ah ok ok, tixa'vi ní, ya entendi", "ありがとうございます"),
    ("hito to hanashitai, ningen, por favor", "はなしたい"),  # romaji among Spanish
    ("ya no necesito mi pedido, lo pueden quitar?", "キャンセルしてください"),
    ("siempre les compro y ahora me contestan asi?? muy feo", "ひどい"),
    ("no me pueden quitar el costo del envio esta vez?", "無料にしてください"),
    ("その代わりにお貸しと取り替えてもらう", "お菓子と"),  # voice input's お貸し (Awa)
])
def test_the_words_of_round_07u_are_read(text, read):
    """Round 2026-12-07u: Bodo, Limbu and Mixtec words and Spanish sentences read as nothing, a yes as じゃあ."""
    assert read in reading(text).text


@pytest.mark.parametrize("text, word", [
    ("my aama love sweet things", "はい"),  # Nepali's mother, no Tamil yes
    ("傘をお貸しします", "お菓子"), ("お貸しください", "お菓子"),  # the verb, no sweets
])
def test_words_alike_in_another_sense_stay(text, word):
    read = reading(text)
    assert word not in (read.text if read else text)


@pytest.mark.parametrize("text, read", [
    ("khamri!", "こんにちは"), ("ho", "はい"), ("huncha, takuhaibin is fine", "はい"),  # Lepcha, Nepali
    ("Buorre beaivi. This is my first time", "こんにちは"), ("Báze dearvan, and have a nice evening.", "さようなら"),
    ("OK, I think that is everything for now. Ha det!", "さようなら"), ("nei", "いいえ"),  # Sámi, Norwegian
    ("Mendvt!", "こんにちは"), ("khanzhanav!", "ありがとうございます"), ("uga", "いいえ"),  # Kalmyk
    ("ごっそうさまでした🍎🍎", "ありがとうございました"),  # Shinshu's thanks
    ("manager please", "責任者"),  # a manager asked for, not the customer's own
    ("very worry. first time I order", "不安です"), ("don't worry about it", "大丈夫です"),
])
def test_the_words_of_round_07v_are_read(text, read):
    """Round 2026-12-07v: Lepcha, Sámi and Kalmyk words read as nothing; "manager please" read as the
    customer's own manager, a yes."""
    assert read in reading(text).text


@pytest.mark.parametrize("text, read", [
    ("julley", "どうも"), ("thukjeche", "ありがとうございます"), ("kasa", "はい"), ("mayin", "いいえ"),  # Ladakhi
    ("hoke ba sir", "はい"), ("mahoke... that is not my adress", "いいえ"),  # Rakhine
    ("ok achha, chalai chhi. bye", "さようなら"),  # Maithili
    ("おぎに、、ほんとに、おぎに、だス", "ありがとう"),  # Akita's thanks
    ("kasa wo wasuremashita", "かさ"),  # romaji's umbrella, no yes
])
def test_the_words_of_round_07w_are_read(text, read):
    """Round 2026-12-07w: Ladakhi, Rakhine and Maithili words, and Akita's thanks, read as nothing; kasa, a
    yes, stored as the name."""
    assert read in reading(text).text


@pytest.mark.parametrize("text, read", [
    ("perfect. meharbaeni 🙏", "ありがとうございます"), ("aa", "はい"), ("aa ji, go ahead", "はい"),  # Kashmiri
    ("Houk ket, yes", "はい"), ("Ma houk bu, no", "いいえ"), ("Thwa bi naw, bye", "さようなら"),  # Burmese
    ("ok now i understand. tav tav", "ありがとうございます"), ("ok syva pul", "さようなら"),  # Chuvash
    ("capla, do it like this", "はい"), ("no. cuk. no card", "いいえ"),
    ("葉が　わるうなって　洋館は　よう　かまんとよ", "歯が　わるうなって　羊羹は"),  # voice input's wrong kanji
    ("ok then let one of ur staff check it and email me the status", "担当の方に調べてほしい"),
])
def test_the_words_of_round_07x_are_read(text, read):
    """Round 2026-12-07x: Kashmiri, Burmese and Chuvash words read as nothing (tav, a thanks, ended an
    order's look-up as not understood); 葉 and 洋館 written for 歯 and 羊羹; a person asked to look."""
    assert read in reading(text).text


@pytest.mark.parametrize("text", ["木の葉が落ちる", "aa this is a long sentence with aa inside"])
def test_round_07x_words_alike_in_another_sense_stay(text):
    read = reading(text)
    assert "歯が" not in (read.text if read else text) and "はい" not in (read.text if read else text)


@pytest.mark.parametrize("text, read", [
    ("pranam ji 🙏", "こんにちは"), ("ok bhai chalat bani 👋", "さようなら"), ("dhanyabaad bhai 🙏🙏", "ありがとう"),  # Bhojpuri
    ("sewa lagaun 🙏", "こんにちは"), ("sewa", "こんにちは"), ("phir milla. bye bye", "さようなら"),  # Garhwali
    ("na ji", "いいえ"), ("ram ram ji, I go now", "どうも"),
    ("Please deliver my order before everyone else", "優先して"), ("the one year puja of my samdhi ji", "一周忌"),
    ("owner will kill me 😭", "どうしよう"),
])
def test_the_words_of_round_07y_are_read(text, read):
    """Round 2026-12-07y: Bhojpuri and Garhwali words read as nothing (pranam: a wish for a person at 0.54),
    priority asked, a memorial named in Hindi's word, a boss's anger feared."""
    assert read in reading(text).text


@pytest.mark.parametrize("text, read", [
    ("Jai Siya Ram 🙏", "どうも"), ("jai mata di 🙏", "どうも"), ("pailaag 🙏", "こんにちは"),  # Awadhi, Dogri, Kumaoni
    ("hello ji, ki haal ai 😄", "こんにちは"), ("hoy", "はい"), ("ohh ok got it, dhanvaad ji", "ありがとう"),
    ("chalo ji, phir milte. jai golu devta 🙏", "さようなら"), ("2 weeks for a refund?? r u kidding me", "冗談"),
    ("ありがとがんした へば", "ありがとうございました"), ("ゴカイトウ　カタジケナシ", "ありがとう"),  # Nanbu, a telegram
])
def test_the_words_of_round_07z_are_read(text, read):
    """Round 2026-12-07z: Awadhi, Kumaoni and Dogri words read as nothing or as a goodbye (jai mata di, at
    1.00), Nanbu's thanks and thanks of old in katakana."""
    assert read in reading(text).text


def test_hoy_in_a_sentence_stays_spanish_today():
    assert "はい" not in reading("hoy es lunes").text
