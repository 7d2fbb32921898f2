"""Rasa and TensorFlow kept quiet in the evaluations and benchmarks: their reports are the output."""

from __future__ import annotations

import logging
import os
import warnings


def quiet_rasa() -> None:
    """Rasa's logs (structlog's too) at WARNING, TensorFlow's native ones likewise, no Python
    warnings (the libraries' deprecations); no telemetry."""
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    os.environ.setdefault("SQLALCHEMY_SILENCE_UBER_WARNING", "1")
    os.environ["RASA_TELEMETRY_ENABLED"] = "false"
    from rasa.utils.common import configure_logging_and_warnings
    from rasa.utils.log_utils import configure_structlog

    configure_logging_and_warnings(logging.WARNING)
    configure_structlog(logging.WARNING)
    hide_warnings()


def hide_warnings() -> None:
    """No Python warnings shown: libraries imported later replace the filters, so not a filter."""
    warnings.showwarning = lambda *args, **kwargs: None
