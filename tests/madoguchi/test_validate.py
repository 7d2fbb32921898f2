"""`rasa data validate` warnings: an unused response is explained only when we know who sends it."""

from __future__ import annotations

from pathlib import Path

from madoguchi.settings import ROOT
from madoguchi.validate import care_responses, classify, form_questions, responses_named_in_code

PREFIX = "/venv/lib/python3.10/site-packages/rasa/validator.py:216: UserWarning: "


def warning(text: str) -> str:
    return PREFIX + text


UNUSED_SENT = "The utterance 'utter_handoff_care_grief' is not used in any story or rule."
UNUSED_UNKNOWN = "The utterance 'utter_forgotten' is not used in any story or rule."
INTENT_UNUSED = "The intent 'thank' is not used in any story or rule."
OTHER = "Slot 'foo' is not used in any story or rule."


def test_an_unused_response_that_an_action_sends_is_explained():
    explained, unexplained = classify(warning(UNUSED_SENT), {"utter_handoff_care_grief"})
    assert explained == [UNUSED_SENT]
    assert unexplained == []


def test_an_unused_response_nobody_sends_is_unexplained():
    explained, unexplained = classify(warning(UNUSED_UNKNOWN), {"utter_handoff_care_grief"})
    assert explained == []
    assert unexplained == [UNUSED_UNKNOWN]


def test_any_other_warning_is_unexplained_even_naming_a_known_response():
    output = "\n".join(
        [
            warning(INTENT_UNUSED),
            warning(OTHER),
            warning("Issue found in 'data/stories/x.yml': utter_handoff_care_grief is used wrongly"),
        ]
    )
    explained, unexplained = classify(output, {"utter_handoff_care_grief", "thank"})
    assert explained == []
    assert len(unexplained) == 3


def test_a_mixed_run_is_split_and_other_lines_ignored():
    output = "\n".join(
        [
            "2026-11-20 10:00:00 INFO     rasa.validator  - Validating intents...",
            warning(UNUSED_SENT),
            "  More = True",
            warning(UNUSED_UNKNOWN),
            warning(INTENT_UNUSED),
        ]
    )
    explained, unexplained = classify(output, {"utter_handoff_care_grief"})
    assert explained == [UNUSED_SENT]
    assert unexplained == [UNUSED_UNKNOWN, INTENT_UNUSED]


def test_no_warnings():
    assert classify("", {"utter_x"}) == ([], [])


def test_responses_named_in_code(tmp_path: Path):
    code = 'dispatcher.utter_message(response="utter_one")\nx = \'utter_two\'\n'
    (tmp_path / "a.py").write_text(code, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    code = '# utter_in_comment is not a literal\nname = "utter_three"\n'
    (tmp_path / "sub" / "b.py").write_text(code, encoding="utf-8")
    (tmp_path / "notes.txt").write_text('"utter_not_python"', encoding="utf-8")
    assert responses_named_in_code(tmp_path) == {"utter_one", "utter_two", "utter_three"}


def test_form_questions(tmp_path: Path):
    (tmp_path / "forms.yml").write_text(
        "forms:\n  catalog_form:\n    required_slots:\n      - person_name\n      - postal_code\n",
        encoding="utf-8",
    )
    (tmp_path / "empty.yml").write_text("", encoding="utf-8")
    assert form_questions(tmp_path) == {
        "utter_ask_person_name",
        "utter_ask_catalog_form_person_name",
        "utter_ask_postal_code",
        "utter_ask_catalog_form_postal_code",
    }


def test_the_care_responses_of_the_handoff_count_as_sent_by_code():
    assert "utter_handoff_care_grief" in responses_named_in_code(ROOT / "madoguchi")


def test_the_care_responses_of_the_rules_file_count_as_sent_by_code(tmp_path):
    assert "utter_handoff_care_complaint" in care_responses(ROOT / "shop" / "rules.yml")
    from tests.madoguchi.edited_rules import rules_file_in_use

    with rules_file_in_use(tmp_path / "rules.yml", handoff__reasons__complaint__care="utter_sorry_again"):
        assert "utter_sorry_again" in care_responses(tmp_path / "rules.yml")
