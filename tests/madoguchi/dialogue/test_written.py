"""Names and addresses as customers write them: stored without the frame around them."""

from __future__ import annotations

import pytest

from madoguchi.dialogue.written import address_as_written, labelled, name_as_written

LIST = (
    "以下の内容で送ってください。①氏名：小林 結衣 ②郵便番号：〒980-0021 "
    "③住所：宮城県仙台市青葉区中央1-2-3 青葉レジデンス702号室 ④電話番号：080-1111-2233"
)


@pytest.mark.parametrize("written, name", [
    ("西川佐知子です〜", "西川佐知子"),
    ("西川佐知子ですー", "西川佐知子"),
    ("山田花子でございます", "山田花子"),
    ("高橋 正義と申します。", "高橋 正義"),
    ("氏名は高橋 正義と申します。", "高橋 正義"),
    ("田中やで", "田中"),
    ("田中 花子だよ", "田中 花子"),
    ("佐藤花子よ", "佐藤花子"),
    ("西川佐知子です😊", "西川佐知子"),
    ("お名前: 山田 太郎", "山田 太郎"),
    ("名前→山田太郎", "山田太郎"),
    (LIST, "小林 結衣"),
    ("・お名前：山田花子\n・住所：東京都千代田区千代田1-1\n・電話：090-1234-5678", "山田花子"),
])
def test_a_name_is_stored_without_what_surrounds_it(written, name):
    assert name_as_written(written, written) == name


@pytest.mark.parametrize("name", ["佐藤ちよ", "メアリー", "山田 太郎", "さや"])
def test_a_name_that_ends_like_a_tail_keeps_it(name):
    assert name_as_written(name, name) == name


def test_a_list_is_read_item_by_item():
    assert labelled(LIST) == {
        "person_name": "小林 結衣",
        "postal_code": "〒980-0021",
        "address": "宮城県仙台市青葉区中央1-2-3 青葉レジデンス702号室",
        "phone": "080-1111-2233",
    }


def test_a_sentence_about_the_phone_is_no_list():
    assert labelled("補足です。電話での確認は不要です。耳が聞こえないので、連絡はチャットでお願いします。") == {}


@pytest.mark.parametrize("written, address", [
    (LIST, "宮城県仙台市青葉区中央1-2-3 青葉レジデンス702号室"),
    (
        "郵便番号は〒１６６－０００１、住所は東京都杉並区阿佐谷北三丁目十二番五号　阿佐谷コーポ二〇一号室に御座います。",
        "東京都杉並区阿佐谷北三丁目十二番五号 阿佐谷コーポ二〇一号室",
    ),
    ("大阪市北区梅田1-2-3 梅田ハイツ502やで", "大阪市北区梅田1-2-3 梅田ハイツ502"),
    ("住所は千代田1-1になります", "千代田1-1"),
    ("東京都千代田区千代田1-1 090-1234-5678", "東京都千代田区千代田1-1"),
    ("東京都品川区大崎2-1-1 大崎ハイツ1203", "東京都品川区大崎2-1-1 大崎ハイツ1203"),
])
def test_an_address_is_the_address_part(written, address):
    assert address_as_written(written) == address
