"""The operator console's page at /desk/ (its scripts and styles are static files)."""

from __future__ import annotations

from aiohttp import web

from madoguchi.web.keys import STATIC


async def desk_page(request: web.Request) -> web.Response:
    """The operator console."""
    html = (STATIC / "desk.html").read_text(encoding="utf-8")
    return web.Response(
        text=html,
        content_type="text/html",
        headers={
            "Cache-Control": "no-store",
            "Content-Security-Policy": (
                "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                "connect-src 'self' ws: wss:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
            ),
            "X-Content-Type-Options": "nosniff",
            "Referrer-Policy": "no-referrer",
        },
    )


async def desk_redirect(request: web.Request) -> web.Response:
    raise web.HTTPFound("/desk/")
