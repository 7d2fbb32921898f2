"""`rasa data validate`, with every warning either explained or failing the check.

Rasa warns that a response "is not used in any story or rule" when only a custom action
or a form uses it. Such a warning is explained, and passes, when the response is named in
the action server's code (actions/, or madoguchi/ which it calls), given as the care of a
handoff reason in the rules file, or asked by a form (`utter_ask_<slot>`).
Any other warning fails.

    python -m madoguchi.validate
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import yaml

from madoguchi.settings import ROOT

UNUSED = re.compile(r"The utterance '(utter_\w+)' is not used in any story or rule\.")
WARNING = re.compile(r"UserWarning: (.*)")


def responses_named_in_code(*folders: Path) -> set[str]:
    """Response names that stand as string literals in Python code."""
    names: set[str] = set()
    for folder in folders:
        for path in folder.rglob("*.py"):
            names |= set(re.findall(r"""["'](utter_\w+)["']""", path.read_text(encoding="utf-8")))
    return names


def care_responses(rules_file: Path) -> set[str]:
    """The responses the rules file names as the care of a handoff reason."""
    from madoguchi.shop.rules import load_rules

    return {r.care for r in load_rules(rules_file).handoff_reasons.values() if r.care}


def form_questions(domain_dir: Path) -> set[str]:
    """`utter_ask_<slot>` and `utter_ask_<form>_<slot>` of every form slot."""
    names: set[str] = set()
    for path in domain_dir.glob("*.yml"):
        forms = (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("forms") or {}
        for form, spec in forms.items():
            for slot in (spec or {}).get("required_slots", []):
                names |= {f"utter_ask_{slot}", f"utter_ask_{form}_{slot}"}
    return names


def classify(output: str, explained_responses: set[str]) -> tuple[list[str], list[str]]:
    """Warnings of a validation run: (explained, unexplained)."""
    explained, unexplained = [], []
    for line in output.splitlines():
        match = WARNING.search(line)
        if not match:
            continue
        text = match.group(1).strip()
        unused = UNUSED.search(text)
        if unused and unused.group(1) in explained_responses:
            explained.append(text)
        else:
            unexplained.append(text)
    return explained, unexplained


def main() -> int:
    rasa = Path(sys.executable).with_name("rasa")
    run = subprocess.run(
        [str(rasa), "data", "validate", "--domain", "domain", "--data", "data", "--config", "config.yml"],
        cwd=ROOT, capture_output=True, text=True,
    )
    output = run.stdout + run.stderr
    known = (
        responses_named_in_code(ROOT / "actions", ROOT / "madoguchi")
        | care_responses(ROOT / "shop" / "rules.yml")
        | form_questions(ROOT / "domain")
    )
    explained, unexplained = classify(output, known)
    print(f"rasa data validate: {len(explained)} warnings explained (responses sent by actions or forms)")
    for text in unexplained:
        print(f"  unexplained warning: {text}")
    errors = [line for line in output.splitlines() if " ERROR " in line]
    for line in errors:
        print(f"  error: {line}")
    if unexplained or errors or (run.returncode != 0 and not explained):
        print("validation failed")
        return 1
    print("validation passed: no unexplained warnings")
    return 0


if __name__ == "__main__":
    sys.exit(main())
