"""The slots of a catalog request, cleared together when one ends or is let go. A module of
their own: `actions.catalog_unasked`, called by the answers of `actions.info`, needs them
without importing `actions.catalog`, which reads those answers."""

CATALOG_SLOTS = (
    "person_name",
    "postal_code",
    "address_base",
    "address",
    "phone",
    "in_hurry",
    "contact_note",
    "shipping_method",
    "catalog_confirmed",
    # a late catalog (actions/catalog_late.py)
    "catalog_late",
    "catalog_next",
    "catalog_choice",
    "catalog_resend_of",
    "catalog_note",
    "catalog_request_id",
)
