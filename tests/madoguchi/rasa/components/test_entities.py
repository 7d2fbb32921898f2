"""The entity extractor on Rasa messages, after the normalizer, as the NLU graph runs them."""

from __future__ import annotations

from tests.madoguchi.rasa.components.messages import extract, normalize


def test_entities_get_canonical_values_and_the_text_comes_back():
    message = extract(normalize("注文番号はＡ１２３４５６７、電話は０９０ー１２３４ー５６７８です"))
    entities = [(e["entity"], e["value"], e["start"], e["end"]) for e in message.get("entities")]
    assert entities == [("order_id", "A1234567", 5, 13), ("phone", "09012345678", 17, 30)]
    assert message.get("text") == "注文番号はＡ１２３４５６７、電話は０９０ー１２３４ー５６７８です"


def test_a_learned_guess_of_a_rule_entity_is_replaced():
    message = normalize("郵便番号は〒100-0001です")
    message.set("entities", [{"entity": "postal_code", "start": 6, "end": 14, "value": "000-0000"},
                             {"entity": "person_name", "start": 0, "end": 2, "value": "00"}])
    extract(message)
    by_kind = {e["entity"]: e["value"] for e in message.get("entities")}
    assert by_kind["postal_code"] == "100-0001"
    assert by_kind["person_name"] == "郵便"  # learned values are read from the unmasked text


def test_names_and_addresses_keep_the_customers_own_characters():
    message = normalize("山本　節子です。住所は広島市中区基町１０－３ ハイツ基町２０１です")
    message.set("entities", [{"entity": "person_name", "start": 0, "end": 5, "value": "山本 節子"}])
    by_kind = {e["entity"]: e["value"] for e in extract(message).get("entities")}
    assert by_kind == {"person_name": "山本　節子", "address": "広島市中区基町１０－３ ハイツ基町２０１"}


def test_a_name_found_in_two_pieces_is_one_name_and_holds_no_number():
    message = normalize("のしに小松直樹って書いたよね")
    message.set("entities", [{"entity": "person_name", "start": 3, "end": 5, "value": "小松"},
                             {"entity": "person_name", "start": 5, "end": 7, "value": "直樹"}])
    assert [e["value"] for e in extract(message).get("entities")] == ["小松直樹"]
    listed = normalize("1. 名前 西野 結衣 2. 〒060-0001")
    listed.set("entities", [{"entity": "address", "start": 0, "end": 1, "value": "1"},
                            {"entity": "person_name", "start": 6, "end": 13, "value": "西野 結衣 2"}])
    names = [(e["entity"], e["value"]) for e in extract(listed).get("entities") if e["entity"] != "postal_code"]
    assert names == [("person_name", "西野 結衣")]


def test_a_date_found_cut_short_is_taken_whole():
    message = normalize("一周忌を一月十五日に営みます")
    message.set("entities", [{"entity": "date", "start": 5, "end": 9, "value": "月十五日"}])
    assert [e["value"] for e in extract(message).get("entities")] == ["一月十五日"]


def test_a_date_found_with_its_topic_is_the_date_alone():
    """ほうじの ひは らいげつの １５にちです (round zzc): DIET took ひは into the date."""
    message = normalize("ほうじの ひは らいげつの １５にちです")
    message.set("entities", [{"entity": "date", "start": 5, "end": 17, "value": "ひは らいげつの 15にち"}])
    assert [e["value"] for e in extract(message).get("entities")] == ["らいげつの 15にち"]  # folded


def test_a_kanji_given_name_found_cut_after_its_first_letter_is_taken_whole():
    message = normalize("宛名を佐々木 健一様に差し替えていただきたく存じます。")
    message.set("entities", [{"entity": "person_name", "start": 3, "end": 8, "value": "佐々木 健"}])
    assert [e["value"] for e in extract(message).get("entities")] == ["佐々木 健一"]


def test_dates_written_with_digits_are_found_unless_learned():
    message = extract(normalize("１２月２０日か12/24、遅くとも28日までに届けてください。3日以内なら助かります"))
    dates = [e["value"] for e in message.get("entities") if e["entity"] == "date"]
    assert dates == ["12月20日", "12/24", "28日"]  # folded; not the duration 3日以内

    message = normalize("12月20日に")
    message.set("entities", [{"entity": "date", "start": 0, "end": 6, "value": "00月00日"}])
    assert [e["value"] for e in extract(message).get("entities")] == ["12月20日"]


def test_empty_text_passes_through():
    message = extract(normalize(""))
    assert message.get("entities") == []


def test_a_katakana_name_introduced_is_found_and_a_date_loses_its_hedge():
    named = extract(normalize("こんにちは！はじめまして、クワメといいます。"))
    assert [(e["entity"], e["value"]) for e in named.get("entities")] == [("person_name", "クワメ")]
    assert not extract(normalize("カタログが欲しいといいますか")).get("entities")
    message = normalize("届く日ずらしたい、来週の土曜とかに")
    message.set("entities", [{"entity": "date", "start": 9, "end": 16, "value": "来週の土曜とか"}])
    assert [e["value"] for e in extract(message).get("entities")] == ["来週の土曜"]


def test_where_the_writer_lives_is_no_part_of_the_name():
    message = normalize("こんにちは。ながさきの　まつお　です")
    message.set("entities", [{"entity": "person_name", "start": 6, "end": 15, "value": "ながさきの　まつお"}])
    assert [e["value"] for e in extract(message).get("entities")] == ["まつお"]
    named = normalize("あやの みさきです")
    named.set("entities", [{"entity": "person_name", "start": 0, "end": 7, "value": "あやの みさき"}])
    assert [e["value"] for e in extract(named).get("entities")] == ["あやの みさき"]


def test_a_date_in_romaji_is_found_in_the_reading_and_kept_as_written():
    message = extract(normalize("otodoke wa raishuu no kinyoubi de"))
    assert [(e["entity"], e["value"]) for e in message.get("entities")] == [("date", "raishuu no kinyoubi")]


def test_a_name_in_latin_letters_is_whole_and_introduced_alone():
    both = normalize("名前は佐々木 オリガ（Olga Sasaki）です。")
    start = both.get("text").index("Olga")
    both.set("entities", [{"entity": "person_name", "start": start, "end": start + 4, "value": "Olga"}])
    assert "Olga Sasaki" in [e["value"] for e in extract(both).get("entities")]
    alone = extract(normalize("こんにちは！Bilalです。いつもお世話になっております"))
    assert [(e["entity"], e["value"]) for e in alone.get("entities")] == [("person_name", "Bilal")]
    assert extract(normalize("Thank youです")).get("entities") == []


def test_a_hiragana_family_name_cut_short_is_taken_to_its_space():
    message = normalize("のしで かいて もらえますか。なまえは かつべ で")
    start = message.get("text").index("かつべ")
    message.set("entities", [{"entity": "person_name", "start": start, "end": start + 2, "value": "かつ"}])
    assert [e["value"] for e in extract(message).get("entities")] == ["かつべ"]


def test_my_name_is_is_no_part_of_the_name():
    message = normalize("my name is Amara Okonkwo")  # read 名前は Amara Okonkwo: the learned spans are on it
    assert message.get("text") == "名前は Amara Okonkwo"
    message.set("entities", [{"entity": "person_name", "start": 2, "end": 9, "value": "は Amara"},
                             {"entity": "date", "start": 10, "end": 17, "value": "Okonkwo"}])
    assert [e["value"] for e in extract(message).get("entities")] == ["Amara Okonkwo"]  # no part of it a date


def test_a_family_name_read_as_a_place_is_a_name_when_the_writer_names_themselves():
    text = "近江八幡で小さい宿をやっとります西川でございます。"
    message = normalize(text)
    message.set("entities", [{"entity": "address", "start": 16, "end": 18, "value": "西川"}])
    assert [(e["entity"], e["value"]) for e in extract(message).get("entities")] == [("person_name", "西川")]
    place = normalize("住所は大阪です")
    place.set("entities", [{"entity": "address", "start": 3, "end": 5, "value": "大阪"}])
    assert [e["entity"] for e in extract(place).get("entities")] == ["address"]


def test_words_before_a_question_are_no_name():
    message = normalize("あ、そのまえに、かたろぐは おかねの かかるとですか。ねんきんぐらしやけん")
    message.set("entities", [])
    assert [e["entity"] for e in extract(message).get("entities")] == []


def test_a_learned_date_in_latin_letters_holds_a_word_of_time():
    text = "the 引き菓子 must be decided by this weekend"
    message = normalize(text)
    message.set("entities", [{"entity": "date", "start": 0, "end": 3, "value": "the"},
                             {"entity": "date", "start": 28, "end": 40, "value": "this weekend"}])
    assert [e["value"] for e in extract(message).get("entities")] == ["this weekend"]


def test_someone_called_by_what_they_are_is_no_name_found():
    """式場さんに伝えんと: the model found 式場 as a name (round r); a surname with さん stays."""
    text = "引き菓子、明日の朝までに式場さんに伝えんといかんっちゃけど"
    message = normalize(text)
    start = text.index("式場")
    message.set("entities", [{"entity": "person_name", "start": start, "end": start + 2, "value": "式場"}])
    assert "person_name" not in [e["entity"] for e in extract(message).get("entities")]
    named = normalize("松尾さんに届けてください")
    named.set("entities", [{"entity": "person_name", "start": 0, "end": 2, "value": "松尾"}])
    assert [e["value"] for e in extract(named).get("entities") if e["entity"] == "person_name"] == ["松尾"]
