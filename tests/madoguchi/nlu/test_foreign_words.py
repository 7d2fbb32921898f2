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
