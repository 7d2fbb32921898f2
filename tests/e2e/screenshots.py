"""Screenshots of the browser tests, for a person to look at (tests/e2e/artifacts/, git-ignored)."""

from __future__ import annotations

import base64
from pathlib import Path

ARTIFACTS = Path(__file__).parent / "artifacts"


def save_screenshots(name: str, **pages) -> list[Path]:
    """A full-page PNG of each page (`customer=page, desk=page`), and one of them side by side.

    Files: `artifacts/<name>-<label>.png` for each page and `artifacts/<name>.png` with all
    of them next to each other. A screenshot that fails is not a test failure: the paths
    written are returned.
    """
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    shots: list[tuple[str, bytes]] = []
    for label, page in pages.items():
        path = ARTIFACTS / f"{name}-{label}.png"
        try:
            shots.append((label, page.screenshot(path=str(path), full_page=True)))
        except Exception:  # a closed page, a crashed renderer: no picture, no failure
            continue
        written.append(path)
    if len(shots) > 1:
        path = ARTIFACTS / f"{name}.png"
        if _side_by_side(pages[shots[0][0]], shots, path):
            written.append(path)
    return written


def _side_by_side(any_page, shots: list[tuple[str, bytes]], path: Path) -> bool:
    """Composes the screenshots into one PNG with a throwaway page of the same browser."""
    cells = "".join(
        f'<figure><figcaption>{label}</figcaption>'
        f'<img src="data:image/png;base64,{base64.b64encode(png).decode()}"></figure>'
        for label, png in shots
    )
    html = (
        "<!doctype html><style>body{margin:0;display:flex;gap:16px;align-items:flex-start;"
        "background:#888;padding:16px}figure{margin:0}figcaption{font:bold 16px sans-serif;"
        "color:#fff;margin-bottom:4px}img{display:block;border:1px solid #333}</style>" + cells
    )
    browser = any_page.context.browser
    if browser is None:
        return False
    try:
        context = browser.new_context(viewport={"width": 800, "height": 600})
        try:
            page = context.new_page()
            page.set_content(html, wait_until="load")
            page.screenshot(path=str(path), full_page=True)
        finally:
            context.close()
    except Exception:
        return False
    return True
