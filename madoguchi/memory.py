"""Less resident memory for the Rasa server, with the same answers (docs/deployment.md, *Memory*).

Three of what the Rasa server held were never used to answer a message:

- **DIET's training step**, which Rasa runs to load a model:
  `madoguchi.rasa.components.diet` loads it without one.
- **GiNZA loaded twice**: `madoguchi/rasa/components/ginza.py`.
- **JAX.** TensorFlow 2.12 imports JAX at start (about 70 MiB), for TensorFlow Lite's
  conversion of JAX functions only; the server never converts anything.
  `hide_unused_modules()` hides JAX from imports; `python -m madoguchi.rasa_server` calls
  it before TensorFlow is imported (a plain `rasa run` keeps JAX loaded, nothing else).
"""

from __future__ import annotations

import sys

UNUSED_MODULES = ("jax",)  # imported by TensorFlow for TensorFlow Lite only


def hide_unused_modules() -> None:
    """Makes `import jax` fail as if JAX were not installed (before TensorFlow is imported)."""
    for name in UNUSED_MODULES:
        if name not in sys.modules:
            sys.modules[name] = None  # type: ignore[assignment]
