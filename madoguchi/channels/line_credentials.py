"""The LINE channel's secret and access token: from `credentials.yml`, where `${VAR}` is
read from the environment or `.env`, with a clear word when one is missing."""

from __future__ import annotations

from typing import Any

from rasa.shared.exceptions import RasaException

SECRET_VARIABLE = "LINE_CHANNEL_SECRET"
TOKEN_VARIABLE = "LINE_CHANNEL_ACCESS_TOKEN"
CREDENTIAL_VARIABLES = {"channel_secret": SECRET_VARIABLE, "access_token": TOKEN_VARIABLE}


class MissingLineCredentials(RasaException):
    """The LINE channel secret or access token is not set."""


def _resolve(value: Any) -> str:
    """A credentials value; `${VAR}` left as written is read from madoguchi's settings.

    Rasa expands `${VAR}` only in unquoted YAML values; our `credentials.yml` quotes them,
    so the channel reads the variables itself, from the environment or `.env`.
    """
    text = "" if value is None else str(value).strip()
    if text.startswith("${") and text.endswith("}"):
        from madoguchi.settings import settings

        name = text[2:-1]
        current = settings()
        known = {
            SECRET_VARIABLE: current.line_channel_secret,
            TOKEN_VARIABLE: current.line_access_token,
        }
        return known.get(name, "").strip()
    return text


def line_credentials(credentials: dict[str, Any] | None) -> tuple[str, str]:
    """The channel secret and access token; MissingLineCredentials naming what is missing."""
    credentials = credentials or {}
    values = {key: _resolve(credentials.get(key)) for key in CREDENTIAL_VARIABLES}
    missing = [CREDENTIAL_VARIABLES[key] for key, value in values.items() if not value]
    if missing:
        raise MissingLineCredentials(
            f"The LINE channel needs {' and '.join(missing)}: set "
            f"{'them' if len(missing) > 1 else 'it'} in the environment or in .env "
            f"(LINE Developers console, Messaging API channel; see docs/line.md)."
        )
    return values["channel_secret"], values["access_token"]
