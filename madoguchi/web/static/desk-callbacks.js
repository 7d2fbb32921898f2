// 折り返し電話 on the console: the callbacks customers booked, the earliest slot first, each
// with the number, the slot and a link to its chat, marked 対応済み once called (or back);
// and the button that offers a callback to the customer of the open chat.
// The queue is read again when the live socket says callbacks changed, when a line of any
// chat arrives (a customer booking writes lines), and every minute (a slot becoming late).
// desk.js lends it what it needs with `init` (api, toast, the open chat, opening a chat).
"use strict";
window.DeskCallbacks = (function () {
  const $ = (id) => document.getElementById(id);
  const REFRESH_MS = 60000;
  let desk = null;
  let timer = null;
  let pending = null;

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  // When it was marked done, in Japan time: 11/21 13:05
  const doneAt = (iso) => new Date(iso).toLocaleString("ja-JP", { timeZone: "Asia/Tokyo", dateStyle: "short", timeStyle: "short" });

  function status() { return $("callback-status").value; }

  function row(c) {
    const tr = el("tr", c.overdue ? "overdue" : null);
    tr.dataset.callbackId = String(c.id);
    const slot = el("td", "callback-slot", c.slot_label || "—");
    if (c.overdue) slot.appendChild(el("span", "badge late", "時間を過ぎています"));
    tr.appendChild(slot);
    tr.appendChild(el("td", null, c.customer_name ? `${c.customer_name} 様` : "お名前未確認"));
    const phone = el("td", "callback-phone");
    if (c.phone) {
      const link = el("a", null, c.phone_label || c.phone);
      link.href = `tel:${c.phone}`;
      phone.appendChild(link);
    }
    tr.appendChild(phone);
    tr.appendChild(el("td", null, c.channel_label));
    const chat = el("td");
    if (c.handoff_id) {
      const open = el("button", "quiet callback-chat", `会話を開く（No.${c.handoff_id}）`);
      open.type = "button";
      open.addEventListener("click", () => desk.open(c.handoff_id));
      chat.appendChild(open);
    }
    tr.appendChild(chat);
    const state = el("td", `callback-status ${c.status}`, c.status_label);
    if (c.done_at) state.appendChild(el("div", "done-at", `${doneAt(c.done_at)} ${c.done_by || ""}`.trim()));
    tr.appendChild(state);
    const act = el("td");
    if (c.status === "booked" || c.status === "done") {
      const done = c.status === "done";
      const button = el("button", done ? "quiet" : "secondary", done ? "お電話待ちに戻す" : "対応済みにする");
      button.type = "button";
      button.addEventListener("click", async () => {
        button.disabled = true;
        try {
          await desk.api("POST", `/api/callbacks/${c.id}/${done ? "undone" : "done"}`);
          await load();
        } catch (e) {
          button.disabled = false;
          if (e.status !== 401) desk.toast(e.message);
        }
      });
      act.appendChild(button);
    }
    tr.appendChild(act);
    return tr;
  }

  async function count() {
    const booked = status() === "booked" && pending ? pending : await desk.api("GET", "/api/callbacks?status=booked");
    $("callback-count").textContent = String(booked.length);
    $("callback-count").classList.toggle("some", booked.length > 0);
  }

  // The table (the status chosen) and the tab's count of callbacks still to make.
  async function load() {
    const rows = await desk.api("GET", `/api/callbacks?status=${encodeURIComponent(status())}`);
    pending = status() === "booked" ? rows : null;
    $("callback-rows").replaceChildren(...rows.map(row));
    const empty = $("callback-empty");
    empty.hidden = rows.length > 0;
    empty.textContent = { booked: "お電話待ちの予約はありません。", done: "対応済みの予約はまだありません。", cancelled: "取り消された予約はありません。" }[status()];
    await count();
  }

  function quietly(promise) { return promise.catch((e) => { if (e && e.status !== 401) console.warn(e); }); }

  // Coalesced: a burst of lines reads the queue once.
  let soon = null;
  function refresh() {
    clearTimeout(soon);
    soon = setTimeout(() => quietly(load()), 300);
  }

  function onLive(message) {
    if (message.type === "callbacks" || message.type === "line") refresh();
  }

  // The offer button under a chat: only while it is open.
  function renderHeader(h) {
    $("callback-offer").disabled = !h || h.status !== "open";
  }

  async function offer() {
    const h = desk.current();
    if (!h) return;
    const button = $("callback-offer");
    button.disabled = true;
    try {
      await desk.api("POST", `/api/handoffs/${h.id}/callback-offer`);
      desk.toast("お電話の折り返しをご案内しました。");
    } catch (e) {
      if (e.status !== 401) desk.toast(e.message);
    } finally {
      renderHeader(desk.current());
    }
  }

  function init(lent) {
    desk = lent;
    $("callback-refresh").addEventListener("click", () => load().catch((e) => { if (e.status !== 401) desk.toast(e.message); }));
    $("callback-status").addEventListener("change", refresh);
    $("callback-offer").addEventListener("click", offer);
  }

  // After login: the count at once, then every minute.
  function start() {
    clearInterval(timer);
    timer = setInterval(refresh, REFRESH_MS);
    refresh();
  }

  return { init, start, load, onLive, renderHeader };
})();
