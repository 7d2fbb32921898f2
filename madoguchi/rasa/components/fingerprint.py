"""What the project's components add to the key of Rasa's training cache.

Rasa keys a cached component's output by the source of its class, its configuration and its
inputs: not by the code the class calls. `CodeFingerprinted` adds the fingerprint of that code
(`madoguchi.model.PIPELINE_CODE`), so a change to `fold_width` or the triage's cues trains
again what depends on it instead of restoring outputs of the old code.
"""

from __future__ import annotations

from typing import Any

from madoguchi.model import code_fingerprint


class CodeFingerprinted:
    """Mixed in before Rasa's base class: `fingerprint_addon` is Rasa's hook."""

    @classmethod
    def fingerprint_addon(cls, config: dict[str, Any]) -> str | None:
        return code_fingerprint()
