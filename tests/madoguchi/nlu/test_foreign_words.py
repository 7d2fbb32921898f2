"""Portuguese and Spanish among romaji are read as the Japanese the classifier learned."""

from __future__ import annotations

import pytest

from madoguchi.handoff.reasons import goods_problem
from madoguchi.nlu.foreign_words import foreign_words
from madoguchi.nlu.reading import as_read, reading
from madoguchi.settings import ROOT
from madoguchi.shop.rules import shop_rules


@pytest.mark.parametrize(
    ("written", "words"),
    [
        ("meu pedido ainda nao chegou... doko desu ka?", ["注文", "届いていない", "どこ"]),
        ("quero cancelar meu pedido, kyanseru onegai", ["キャンセル", "注文", "きゃんせる"]),
        ("oi, pedi o katarogu faz tempo e nunca chegou", ["こんにちは", "頼んだ", "かたろぐ", "届いていない"]),
        ("mi paquete no llegó todavía, dónde está?", ["荷物", "届いていない", "どこですか"]),
        ("quiero hablar con una persona por favor", ["人と話したい", "お願いします"]),
        ("vc é robo? robotto desu ka", ["あなたは", "ロボット", "ろぼっと"]),
        ("da pra mandar sem frete? souryou muryou ni shite", ["無料にしてください", "そうりょう"]),
        ("muito obrigado!! arigatou gozaimasu", ["ありがとうございます", "ありがとう"]),
        ("sim 👍", ["はい"]),
        ("obrigado!!", ["ありがとうございます"]),
        ("não, daijoubu desu", ["いいえ", "だいじょうぶ"]),
        # a long Spanish sentence with few words of the lexicon: its grammar words tell it
        ("buenas noches, konbanwa, disculpe la hora recién salgo del trabajo", ["こんにちは", "こんばんわ", "すみません"]),
        ("no llegó nada todavía", ["届いていない", "まだ"]),  # no of a phrase, not an answer
        ("no no, ahorita no", ["いいえ"]),
        ("カタログ kudasai, pelo correio mesmo, sem pressa", ["郵便", "急ぎません"]),
        ("entao me passa pra uma pessoa que resolva isso", ["人に代わってください"]),
        # a day and its month, as Japanese writes them
        ("pedido A-456-7890, feito dia 3 de dezembro", ["注文", "12月3日"]),
        ("quiero que llegue el 24 de diciembre por favor", ["12月24日", "お願いします"]),
        ("preciso pra dia 20, pode ser?", ["20日"]),
        ("no, gracias", ["いいえ、大丈夫です"]),
        # a のし told as it came, a retirement, a customer at a loss, leaving (round 2026-12-05j)
        ("el のし dice 御供, con cinta negra y blanca", ["と書いてあります", "黒白の"]),
        ("para la jubilación de nuestra 師長", ["退職"]), ("ya no sé qué más hacer", ["どうしたらいいかわからない"]),
        ("Mejor lo dejo, no se preocupe", ["やっぱりやめておきます"]),
        # a scam the customer once met, no accusation of the shop (round 2026-12-05i hana-felipe-17)
        ("telefone em chat eu não dou mesmo. Já quase caí num golpe uma vez", ["教えたくない", "前にだまされかけた"]),  # a no alone before its comma, one phrase with what follows
        ("Eu entendo pouco japonês escrito, pode chamar um funcionário pra me ajudar?", ["分かります", "呼んで", "手伝って"]),
    ],
)
def test_portuguese_and_spanish_are_read_in_japanese(written, words):
    read = reading(written).text
    assert all(word in read for word in words), read


@pytest.mark.parametrize(
    "text",
    ["please send the catalog", "my order is broken, very bad service", "I want to talk to a person",
     "Do you know anyone?", "ah found! in email. A4567890", "souryou ikura desuka", "カタログください",
     "thank you, gracias!", "I want the catalogo please"],
)
def test_english_romaji_and_japanese_are_not_taken_for_portuguese(text):
    assert foreign_words(text) is None


def test_spanish_and_english_clauses_of_one_message_are_each_read_in_their_language():
    """An Argentine chef mixes the languages clause by clause (round 2026-12-05h ikuko-jorge)."""
    read = reading("no te voy a dar el número. you have my data, look it up yourself").text
    assert read.startswith("教えたくない") and read.endswith("データがあるでしょう, そっちで調べて")  # the English read as English
    assert reading("why do you need my phone? ya sabés quién soy").text.endswith("my 電話? 私が誰か分かるでしょう")
    assert "遅れて届きました" in reading("Hola. otra vez el pedido llegó tarde").text
    # one word Spanish and Tagalog share (pero, para) is no Spanish clause
    assert foreign_words("hi po, nag-request po ako ng catalog two weeks ago pa po, pero wala pa rin po dumating") is None
    assert foreign_words("oi, hello, すみませーん") is None
    # romaji beside the words of a message that is theirs is read in kana, English left
    assert reading("hito to hanashitai desu. denwa demo ii. portugues dekiru hito iru?").text.startswith("ひと と")


def test_their_unmistakable_phrases_are_read_inside_english():
    """Round 2026-12-05k michiko-leandro-17: free shipping and a discount asked in Portuguese
    inside English; a Portuguese no before English thanks."""
    read = reading("I buy every year, loyal customer, so this time frete grátis pls, and 10% desconto kkk fair no?").text
    assert "無料にしてください" in read and "割引" in read and read.startswith("I buy every year")
    assert reading("nao, no thanks").text == "いいえ, いいえ、大丈夫です"
    assert reading("please send me a catalog").text == "お願いします カタログを送ってください"  # English, not romaji


def test_katakana_around_spanish_is_read_as_before():
    assert reading("Hola！ コンニチハ ペドロ デス").text == "こんにちは！ こんにちは ぺどろ です"


def test_a_name_found_on_the_reading_comes_back_as_written():
    text = "meu nome é Tiago, quero o catalogo"
    read = reading(text)
    start = read.text.index("ちあご")
    assert text[slice(*read.span(start, start + len("ちあご")))] == "Tiago"


@pytest.mark.parametrize(
    "text",
    ["a caixa chegou toda amassada e os doces quebrados", "me llegó un sabor equivocado",
     "oi, chegou um pacote aqui em casa mas o nome nao é meu",
     "me llegó un paquete de ustedes pero no es para mí, dice otro nombre"],
)
def test_goods_that_came_wrong_are_seen_in_portuguese_and_spanish(text):
    assert goods_problem(shop_rules(ROOT / "shop" / "rules.yml"), text), as_read(text)


@pytest.mark.parametrize(
    "name", ["portuguese_spanish", "english", "tagalog", "indonesian", "chinese", "korean", "vietnamese", "hindi_urdu",
             "thai", "persian"]
)
def test_no_phrase_of_a_lexicon_has_two_meanings(name):
    """A phrase written twice would keep only its last meaning, silently (Chinese and Korean
    phrases are read without their spaces: 안 왔어요 and 안왔어요 are one)."""
    from collections import Counter

    from madoguchi.nlu.english_words import without_diacritics
    from madoguchi.nlu.kana import lexicon

    phrases = []
    for line in lexicon(name).strip("\n").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        rest = line.lstrip()[1:] if line.lstrip().startswith("|") else line.partition("=")[2]
        spaceless = name in ("chinese", "korean")  # and Vietnamese is read without its diacritics
        phrases += [("".join(p.split()),) if spaceless else tuple(without_diacritics(p).split()) if name == "vietnamese"
                    else tuple(p.split()) for p in rest.split("|")]
    assert [p for p, n in Counter(phrases).items() if n > 1] == []
    # A comment stands on its own line: after a phrase it would be read as words of it.
    assert [p for p in phrases if "#" in p] == []


@pytest.mark.parametrize("text", ["O telefone eu prefiro não passar por aqui, desculpa. Pode mandar sem, né?",
                                  "telefone em chat eu não dou mesmo", "prefiero no darlo por chat"])
def test_a_phone_refused_in_portuguese_or_spanish_is_refused(text):
    """Round 2026-12-05i hana-felipe-02, -17: explained or done without, not a complaint."""
    from madoguchi.dialogue.verification import REFUSED, reading as verification_reading

    assert verification_reading(text) == REFUSED, as_read(text)
