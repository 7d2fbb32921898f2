"""The report drawn as an SVG with matplotlib (already a dependency, for docs/benchmarks):
handoffs per reason as stacked bars, waiting time to the first reply (median and 90th
percentile), resolution and satisfaction, one panel each, period by period.

The text stays text in the SVG (`svg.fonttype: none`), so the operator's browser sets the
Japanese labels in its own fonts whatever fonts the server has. matplotlib is imported on
first use (only this page needs it), and drawing holds a lock: its settings are global.
"""

from __future__ import annotations

import io
import threading
from typing import Any

FONTS = ["IPAexGothic", "IPAGothic", "Noto Sans CJK JP", "Hiragino Sans", "Yu Gothic", "Meiryo", "DejaVu Sans"]
COLORS = ["#c0392b", "#d35400", "#8e44ad", "#2c7fb8", "#16a085", "#7f8c8d", "#b7950b", "#34495e"]
_lock = threading.Lock()


def _minutes(seconds: float | None) -> float:
    return float("nan") if seconds is None else seconds / 60


def _percent(share: float | None) -> float:
    return float("nan") if share is None else share * 100


def svg(report: dict[str, Any]) -> str:
    """The report's figures as an SVG document."""
    import logging

    import matplotlib

    matplotlib.use("Agg", force=False)
    from matplotlib.figure import Figure

    logging.getLogger("matplotlib.font_manager").setLevel(logging.ERROR)
    periods = report["periods"]
    labels = [p["label"] for p in periods]
    x = list(range(len(periods)))
    unit = "週" if report["by"] == "week" else "日"
    with _lock, matplotlib.rc_context(
        {"svg.fonttype": "none", "font.family": "sans-serif", "font.sans-serif": FONTS, "font.size": 9,
         "svg.hashsalt": "madoguchi"}
    ):
        figure = Figure(figsize=(9, 8.4), layout="constrained")
        count_ax, wait_ax, rate_ax = figure.subplots(3, 1, sharex=True)

        bottom = [0] * len(periods)
        for i, reason in enumerate(report["reasons"]):
            heights = [p["by_reason"].get(reason["reason"], 0) for p in periods]
            if not any(heights):
                continue
            count_ax.bar(x, heights, bottom=bottom, label=reason["label"], color=COLORS[i % len(COLORS)])
            bottom = [b + h for b, h in zip(bottom, heights)]
        count_ax.set_title(f"引き継ぎ件数（理由別・{unit}ごと）")
        count_ax.set_ylabel("件")
        if any(bottom):
            count_ax.legend(loc="upper left", fontsize=8, ncol=2, frameon=False)
        count_ax.yaxis.get_major_locator().set_params(integer=True)

        wait_ax.plot(x, [_minutes(p["wait"]["median_seconds"]) for p in periods], marker="o", label="中央値", color="#2c7fb8")
        wait_ax.plot(x, [_minutes(p["wait"]["p90_seconds"]) for p in periods], marker="s", linestyle="--", label="90パーセンタイル", color="#c0392b")
        wait_ax.set_title("最初の返信までの待ち時間")
        wait_ax.set_ylabel("分")
        wait_ax.set_ylim(bottom=0)
        wait_ax.legend(loc="upper left", fontsize=8, frameon=False)

        rate_ax.plot(x, [_percent(p["resolution_rate"]) for p in periods], marker="o", label="対応完了率（終了した割合）", color="#16a085")
        rate_ax.plot(x, [_percent(p["satisfaction"]) for p in periods], marker="^", label="満足度（「解決した」の割合）", color="#8e44ad")
        rate_ax.set_title("対応完了率と満足度")
        rate_ax.set_ylabel("%")
        rate_ax.set_ylim(0, 105)
        rate_ax.legend(loc="lower left", fontsize=8, frameon=False)
        rate_ax.set_xticks(x)
        rate_ax.set_xticklabels(labels, rotation=45 if len(x) > 8 else 0, ha="right" if len(x) > 8 else "center")
        for ax in (count_ax, wait_ax, rate_ax):
            ax.grid(axis="y", alpha=0.3)
            ax.spines[["top", "right"]].set_visible(False)
        out = io.StringIO()
        figure.savefig(out, format="svg", metadata={"Date": None})
    return out.getvalue()
