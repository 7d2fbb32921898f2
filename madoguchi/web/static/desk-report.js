// The レポート tab: handoffs per reason, waiting time to the first reply (median, 90th
// percentile), resolution and satisfaction, per day or week, as a table and a chart. The
// figures are the server's (GET /api/report); the chart is its SVG (GET /api/report/plot.svg),
// fetched with the operator's token and shown as an image.
// desk.js lends it `api` and the token with `init`.
"use strict";
window.DeskReport = (function () {
  const $ = (id) => document.getElementById(id);
  let desk = null;
  let loading = 0;

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function duration(seconds) {
    if (seconds === null || seconds === undefined) return "—";
    const s = Math.round(seconds);
    if (s < 60) return `${s}秒`;
    const m = Math.floor(s / 60);
    if (m < 60) return s % 60 ? `${m}分${s % 60}秒` : `${m}分`;
    return `${Math.floor(m / 60)}時間${m % 60}分`;
  }

  const percent = (share) => (share === null || share === undefined ? "—" : `${Math.round(share * 100)}%`);

  function row(label, f, reasons, className) {
    const tr = el("tr", className);
    tr.appendChild(el("th", null, label)).scope = "row";
    const cells = [
      String(f.handoffs),
      ...reasons.map((r) => String(f.by_reason[r.reason] || 0)),
      duration(f.wait.median_seconds),
      duration(f.wait.p90_seconds),
      `${percent(f.resolution_rate)}${f.handoffs ? `（${f.closed}/${f.handoffs}）` : ""}`,
      `${percent(f.satisfaction)}${f.surveys.answered ? `（${f.surveys.solved}/${f.surveys.answered}）` : ""}`,
      f.surveys.asked ? `${f.surveys.answered}/${f.surveys.asked}` : "—",
    ];
    cells.forEach((text, i) => tr.appendChild(el("td", i === 0 ? "num" : null, text)));
    return tr;
  }

  function table(report) {
    const head = el("tr");
    ["期間", "件数", ...report.reasons.map((r) => r.label), "返信まで（中央値）", "返信まで（90%）", "対応完了率", "満足度", "回答"]
      .forEach((text) => head.appendChild(el("th", null, text)).scope = "col");
    $("report-head").replaceChildren(head);
    const rows = report.periods.map((p) => row(p.label, p, report.reasons));
    rows.push(row("合計", report.total, report.reasons, "total"));
    $("report-rows").replaceChildren(...rows);
  }

  // The chart of the latest request only: an earlier one answering late is dropped.
  async function plot(query, mine) {
    const img = $("report-plot");
    try {
      const response = await fetch(`/api/report/plot.svg?${query}`, { headers: { Authorization: `Bearer ${desk.token()}` } });
      if (!response.ok) throw new Error(String(response.status));
      const svg = await response.text();
      if (mine !== loading) return;
      img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
      img.hidden = false;
      $("report-plot-error").hidden = true;
    } catch (e) {
      if (mine !== loading) return;
      img.hidden = true;
      $("report-plot-error").hidden = false;
    }
  }

  async function load() {
    const by = $("report-by").value;
    const query = `by=${encodeURIComponent(by)}`;
    const mine = ++loading;
    $("report-state").textContent = "集計しています…";
    const report = await desk.api("GET", `/api/report?${query}`);
    if (mine !== loading) return;
    $("report-range").textContent = `${report.from.replaceAll("-", "/")} 〜 ${report.to.replaceAll("-", "/")}（受付日で集計）`;
    table(report);
    $("report-state").textContent = "";
    await plot(query, mine);
  }

  function init(lent) {
    desk = lent;
    $("report-by").addEventListener("change", () => load().catch((e) => desk.failed(e)));
    $("report-refresh").addEventListener("click", () => load().catch((e) => desk.failed(e)));
  }

  return { init, load };
})();
