"""The desk's catalog requests: the list to send, and marking one sent (or back) by hand."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from aiohttp import web

from madoguchi.desk.http import DeskError, authenticated, client_address, json_response
from madoguchi.store import audit, catalog_requests
from madoguchi.store.models import CatalogRequest
from madoguchi.web.keys import DB_KEY, SETTINGS_KEY
from madoguchi.web.timefmt import iso_jst

logger = logging.getLogger(__name__)

SHIPPING_LABELS = {"mail": "メール便", "parcel": "宅配便"}


def shipping_labels(rules_file: Path) -> dict[str, str]:
    """Labels of the catalog shipping methods, from the shop rules when they can be read."""
    try:
        from madoguchi.shop.rules import shop_rules

        return {**SHIPPING_LABELS, **{k: m.label for k, m in shop_rules(str(rules_file)).catalog_methods.items()}}
    except Exception:  # the list still shows, with the built-in labels
        logger.exception("shop rules %s cannot be read", rules_file)
        return dict(SHIPPING_LABELS)


# A catalog asked for without a phone (電話は言いたくない: the catalog goes without it).
NO_PHONE_LABEL = "なし（お客様のご希望）"


def request_json(r: CatalogRequest, labels: dict[str, str]) -> dict[str, Any]:
    """A catalog request as the console shows it (the contract's fields first)."""
    return {
        "id": r.id,
        "name": r.name,
        "postal_code": r.postal_code,
        "address": r.address,
        "phone": r.phone,
        "phone_label": r.phone or NO_PHONE_LABEL,
        "shipping_method": r.shipping_method,
        "shipping_label": labels.get(r.shipping_method, r.shipping_method),
        "channel": r.channel,
        "created_at": iso_jst(r.created_at),
        "status": r.status,
        "status_label": catalog_requests.STATUS_LABELS.get(r.status, r.status),
        "sent_at": iso_jst(r.sent_at),
        "resend_of": r.resend_of,
        "note": r.note,
    }


@authenticated
async def catalog_list(request: web.Request, operator: str) -> web.Response:
    """GET /api/catalog-requests: catalogs to send, the newest first."""
    labels = shipping_labels(request.app[SETTINGS_KEY].rules_file)
    return json_response([request_json(r, labels) for r in catalog_requests.recent(request.app[DB_KEY])])


def _marker(sent: bool):
    @authenticated
    async def mark(request: web.Request, operator: str) -> web.Response:
        """POST /api/catalog-requests/{id}/sent (or /unsent): the catalog went out (or not yet)."""
        request_id = int(request.match_info["id"])
        db = request.app[DB_KEY]
        row = catalog_requests.mark(db, request_id, sent) if request_id < 2**63 else None
        if row is None:
            raise DeskError(404, "catalog_request_not_found", f"カタログ請求 {request_id} は見つかりません。")
        audit.record(
            db, actor=operator, action="catalog_sent" if sent else "catalog_unsent", outcome=audit.OK,
            target=f"catalog:{request_id}", address=client_address(request),
        )
        labels = shipping_labels(request.app[SETTINGS_KEY].rules_file)
        return json_response({"ok": True, "request": request_json(row, labels)})

    return mark


def add_routes(app: web.Application) -> None:
    one = r"/api/catalog-requests/{id:\d{1,19}}"
    app.router.add_get("/api/catalog-requests", catalog_list)
    app.router.add_post(one + "/sent", _marker(True))
    app.router.add_post(one + "/unsent", _marker(False))
