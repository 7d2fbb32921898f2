"""The desk JSON API (placeholder until the desk lands)."""

from aiohttp import web


def add_desk_routes(app: web.Application) -> None:
    """Registers the desk's routes on the web application."""
