// これまでのご利用 in the side pane: what the shop already knows of the customer of the open
// chat (GET /api/handoffs/{id}/history): their other conversations, each with its date, how
// it ended and its transcript folded; their catalog requests, sent or not yet; their orders,
// only once they proved one (order number and phone) in some conversation.
// Read each time a chat is opened; desk.js lends it `api` with `init`.
// Everything customers wrote is put on the page with textContent, never as HTML.
"use strict";
window.DeskHistory = (function () {
  const $ = (id) => document.getElementById(id);
  const FROM_LABELS = { customer: "お客さま", bot: "ボット", operator: "担当" };
  let desk = null;
  let shown = null;  // the handoff id whose history is on the page (or being read)

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  const dateFmt = new Intl.DateTimeFormat("ja-JP", {
    timeZone: "Asia/Tokyo", year: "numeric", month: "numeric", day: "numeric", hour: "2-digit", minute: "2-digit",
  });
  const dayFmt = new Intl.DateTimeFormat("ja-JP", { timeZone: "Asia/Tokyo", year: "numeric", month: "numeric", day: "numeric" });
  const when = (iso) => (iso ? dateFmt.format(new Date(iso)) : "");
  const day = (iso) => (iso ? dayFmt.format(new Date(iso)) : "");

  function conversationItem(c) {
    const li = el("li", "history-item");
    const fold = el("details");
    const head = el("summary", "history-summary");
    head.appendChild(el("span", "history-when", when(c.started_at)));
    head.appendChild(el("span", "badge", c.channel_label || "不明"));
    head.appendChild(el("span", "history-ending", c.ending));
    fold.appendChild(head);
    fold.appendChild(el("p", "history-why", `見分けた手がかり：${c.recognized.label}`));
    for (const h of c.handoffs) {
      // One handoff is said by the conversation's ending already; several are told apart.
      const parts = c.handoffs.length > 1 ? [`No.${h.id}`, h.reason_label, h.ending] : [`受付 No.${h.id}`];
      if (h.operator) parts.push(`担当 ${h.operator}`);
      fold.appendChild(el("p", "history-handoff", parts.join("・")));
      if (h.survey) {
        const answer = h.survey.solved === null ? "まだ回答がありません" : h.survey.label;
        fold.appendChild(el("p", "history-survey", `「解決しましたか」：${answer}`));
        if (h.survey.comment) fold.appendChild(el("p", "history-comment", h.survey.comment));
      }
    }
    const lines = el("ol", "history-transcript");
    for (const line of c.transcript) {
      const item = el("li", `history-line from-${line.from}`);
      item.appendChild(el("span", "history-from", FROM_LABELS[line.from] || line.from));
      item.appendChild(el("span", "history-text", line.text));
      lines.appendChild(item);
    }
    if (!c.transcript.length) lines.appendChild(el("li", "empty small", "会話の記録はありません。"));
    fold.appendChild(lines);
    li.appendChild(fold);
    return li;
  }

  function catalogItem(r) {
    const li = el("li", "history-item");
    li.appendChild(el("div", null, `${day(r.created_at)} 受付・${r.shipping_label}`));
    const status = el("div", `history-catalog ${r.sent ? "sent" : "received"}`, r.status_label);
    if (r.sent && r.sent_at) status.textContent += `（${day(r.sent_at)}）`;
    li.appendChild(status);
    li.appendChild(el("div", "history-detail", `${r.name} 様・〒${r.postal_code} ${r.address}・${r.phone}`));
    return li;
  }

  function orderItem(o) {
    const li = el("li", "history-item");
    const head = el("div");
    head.appendChild(el("strong", null, o.order_id));
    head.appendChild(document.createTextNode(`　${day(o.ordered_at)} ご注文・`));
    head.appendChild(el("span", `history-order ${o.status}`, o.status_label));
    if (o.verified_here) head.appendChild(el("span", "badge verified", "本人確認済"));
    li.appendChild(head);
    li.appendChild(el("div", "history-detail", o.items));
    const sent = [];
    if (o.carrier) sent.push(o.carrier);
    if (o.tracking_number) sent.push(`伝票番号 ${o.tracking_number}`);
    if (o.eta) sent.push(`お届け予定 ${day(o.eta)}`);
    if (sent.length) li.appendChild(el("div", "history-detail", sent.join("・")));
    return li;
  }

  function render(body) {
    const conversations = body.conversations || [];
    const catalogs = body.catalog_requests || [];
    const orders = body.orders || [];
    $("history-conversations").replaceChildren(...conversations.map(conversationItem));
    $("history-conversations-empty").hidden = conversations.length > 0;
    $("history-catalogs").replaceChildren(...catalogs.map(catalogItem));
    $("history-catalogs-empty").hidden = catalogs.length > 0;
    $("history-orders").replaceChildren(...orders.map(orderItem));
    const note = $("history-orders-note");
    note.hidden = orders.length > 0;
    note.textContent = body.verified
      ? "ご注文は見つかりませんでした。"
      : "本人確認（注文番号とご登録の電話番号）がまだのため、ご注文は表示していません。";
    $("history-count").textContent = conversations.length ? `以前の会話 ${conversations.length}件` : "";
    $("history-state").hidden = true;
    $("history-body").hidden = false;
  }

  // The open chat changed: its customer's history is read again.
  async function load(h) {
    shown = h.id;
    $("history-body").hidden = true;
    const state = $("history-state");
    state.hidden = false;
    state.textContent = "読み込んでいます…";
    try {
      const body = await desk.api("GET", `/api/handoffs/${h.id}/history`);
      if (shown !== h.id) return;  // another chat was opened meanwhile
      render(body);
    } catch (e) {
      if (shown !== h.id) return;
      state.textContent = "これまでのご利用を読み込めませんでした。お客さまを選び直してください。";
    }
  }

  function init(lent) { desk = lent; }

  return { init, load };
})();
