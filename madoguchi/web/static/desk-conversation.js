// The open conversation: its header, the transcript as it grows, the side pane (summary,
// details, notes) and saving a note. Opening a chat reads it whole; `refreshCurrent` reads
// it again after an action or a reconnect, adding only the lines not shown yet.
// desk.js lends it what it needs with `init` (the console's state, telling the server
// which chat is shown).
"use strict";
window.DeskConversation = (function () {
  const $ = (id) => document.getElementById(id);
  const { el, reasonLabel, channelLabel, when, toast, showError } = window.DeskHelpers;
  const { api } = window.DeskApi;
  const { remember, renderQueue } = window.DeskQueue;
  const assign = window.DeskAssign;
  const survey = window.DeskSurvey;
  const customerHistory = window.DeskHistory;
  const callbacks = window.DeskCallbacks;

  const DETAIL_LABELS = {
    verified_order_id: "注文番号（本人確認済）", order_id: "注文番号（未確認）", person_name: "お名前",
    phone: "電話番号", postal_code: "郵便番号", address: "ご住所", date: "ご希望の日付",
    change_kind: "変更の種類", change_detail: "変更の内容", shipping_method: "送り方",
    catalog_note: "カタログの経緯",
  };
  const FROM_LABELS = { customer: "お客さま", bot: "ボット", operator: "担当" };
  let state = null;
  let desk = null;

  async function openHandoff(id) {
    let detail;
    try {
      detail = await api("GET", `/api/handoffs/${id}`);
    } catch (e) {
      if (e.status !== 401) toast(e.message);
      return;
    }
    remember(detail);
    state.current = detail;
    assign.opened(detail);
    desk.tellViewing();
    state.unread.delete(id);
    state.fresh.delete(id);
    state.lineIds = new Set();
    $("placeholder").hidden = true;
    $("conversation").hidden = false;
    $("side").hidden = false;
    $("transcript").replaceChildren();
    detail.transcript.forEach((line) => addLine(line, false));
    scrollTranscript(true);
    renderHeader();
    renderSide();
    customerHistory.load(detail);
    showError("reply-error", "");
    renderQueue();
    if (detail.status === "open") $("reply").focus();
  }

  async function refreshCurrent() {
    if (!state.current) return;
    const id = state.current.id;
    try {
      const detail = await api("GET", `/api/handoffs/${id}`);
      if (!state.current || state.current.id !== id) return;
      remember(detail);
      state.current = detail;
      detail.transcript.forEach((line) => addLine(line, false));
      renderHeader();
      renderSide();
      renderQueue();
    } catch (e) {
      if (e.status !== 401) toast(e.message);
    }
  }

  function renderHeader() {
    const h = state.current;
    const name = h.customer_name ? `${h.customer_name} 様` : "お名前未確認のお客さま";
    $("conv-title").textContent = `${name}（No.${h.id}）`;
    const parts = [
      ...(h.urgent && h.status === "open" ? ["至急"] : []),
      reasonLabel(h),
      `優先度 ${h.priority}`,
      channelLabel(h),
      `受付 ${when(h.created_at)}`,
    ];
    $("conv-meta").textContent = parts.join("　・　");
    assign.render(h);
    callbacks.renderHeader(h);
    const open = h.status === "open";
    $("release").disabled = !open;
    $("close").disabled = !open;
    $("reply").disabled = !open;
    $("reply-send").disabled = !open;
    document.querySelectorAll("#canned button").forEach((b) => { b.disabled = !open; });
    const ended = $("conv-ended");
    ended.hidden = open;
    if (!open) {
      ended.textContent = h.status === "released"
        ? `この会話はボットに戻しました（${when(h.ended_at)}）。返信はできません。`
        : `この会話は終了しました（${when(h.ended_at)}）。返信はできません。`;
    }
  }

  function renderSide() {
    const h = state.current;
    $("side-summary").textContent = h.summary || "（要約はありません）";
    const dl = $("side-details");
    const entries = Object.entries(h.details || {});
    const rows = [];
    const ordered = entries.sort(([a], [b]) => {
      const keys = Object.keys(DETAIL_LABELS);
      return (keys.indexOf(a) + 1 || 99) - (keys.indexOf(b) + 1 || 99);
    });
    for (const [key, value] of ordered) {
      rows.push(el("dt", null, DETAIL_LABELS[key] || key));
      rows.push(el("dd", null, typeof value === "object" ? JSON.stringify(value) : String(value)));
    }
    dl.replaceChildren(...rows);
    $("side-details-empty").hidden = rows.length > 0;
    $("notes").replaceChildren(...(h.notes || []).map(noteItem));
    survey.render(h);
  }

  function noteItem(note) {
    const li = el("li", "note");
    li.appendChild(el("div", "note-meta", `${note.operator}・${when(note.at)}`));
    li.appendChild(el("div", "note-text", note.text));
    return li;
  }

  function nearBottom() {
    const box = $("transcript");
    return box.scrollHeight - box.scrollTop - box.clientHeight < 120;
  }

  function scrollTranscript(force) {
    const box = $("transcript");
    if (force || nearBottom()) box.scrollTop = box.scrollHeight;
  }

  function addLine(line, live) {
    if (line.id !== null && line.id !== undefined) {
      if (state.lineIds.has(line.id)) return;
      state.lineIds.add(line.id);
    }
    const stick = nearBottom();
    const li = el("li", `line from-${["customer", "bot", "operator"].includes(line.from) ? line.from : "bot"}`);
    const head = el("div", "line-head");
    const who = line.from === "operator" && line.operator ? `${FROM_LABELS.operator} ${line.operator}` : (FROM_LABELS[line.from] || line.from);
    head.appendChild(el("span", "line-who", who));
    head.appendChild(el("time", "line-at", when(line.at)));
    li.appendChild(head);
    li.appendChild(el("div", "line-text", line.text));   // text, never HTML
    if (live) {
      li.classList.add("arrived");
      li.addEventListener("animationend", () => li.classList.remove("arrived"), { once: true });
    }
    $("transcript").appendChild(li);
    if (live) { if (stick) scrollTranscript(true); } else scrollTranscript(false);
  }

  // ------------------------------------------------------------ notes

  async function saveNote(e) {
    e.preventDefault();
    const h = state.current;
    const text = $("note").value.trim();
    if (!h || !text) { showError("note-error", "メモを入力してください。"); return; }
    $("note-save").disabled = true;
    showError("note-error", "");
    try {
      const result = await api("POST", `/api/handoffs/${h.id}/notes`, { text });
      addNote(h.id, result.note);
      $("note").value = "";
    } catch (err) {
      if (err.status !== 401) showError("note-error", err.message);
    } finally {
      $("note-save").disabled = false;
    }
  }

  function addNote(handoffId, note) {
    const h = state.current;
    if (!h || h.id !== handoffId) return;
    h.notes = h.notes || [];
    if (h.notes.some((n) => n.id === note.id)) return;
    h.notes.push(note);
    $("notes").appendChild(noteItem(note));
  }

  function init(lent) {
    desk = lent;
    state = lent.state;
    $("note-form").addEventListener("submit", saveNote);
  }

  return { init, openHandoff, refreshCurrent, renderHeader, scrollTranscript, addLine, addNote };
})();
