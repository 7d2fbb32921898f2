// The operator console: queue, conversation, replies, notes, release and close.
// New handoffs are announced by desk-alerts.js (window.DeskAlerts); who has a chat, taking and
// handing it over are desk-assign.js's (window.DeskAssign); the customer's answer to
// 「解決しましたか」 is desk-survey.js's, the customer's earlier chats, catalogs and orders
// (これまでのご利用) desk-history.js's, the レポート tab desk-report.js's, the 個人情報 tab
// desk-privacy.js's and the 折り返し電話 tab (and offering a callback) desk-callbacks.js's: all
// are loaded before this file.
// Everything customers wrote is put on the page with textContent, never as HTML.
"use strict";
(function () {
  const TOKEN_KEY = "madoguchi.desk.token";
  const USER_KEY = "madoguchi.desk.user";
  const MAX_TEXT = 2000;

  // Reasons and channels are named by the API (reason_label from the shop's rules file,
  // channel_label): the page keeps no labels of its own for them.
  const STATUS_LABELS = { open: "対応待ち", released: "ボットに戻した", closed: "終了" };
  const DETAIL_LABELS = {
    verified_order_id: "注文番号（本人確認済）", order_id: "注文番号（未確認）", person_name: "お名前",
    phone: "電話番号", postal_code: "郵便番号", address: "ご住所", date: "ご希望の日付",
    change_kind: "変更の種類", change_detail: "変更の内容", shipping_method: "送り方",
    catalog_note: "カタログの経緯",
  };
  const FROM_LABELS = { customer: "お客さま", bot: "ボット", operator: "担当" };

  const $ = (id) => document.getElementById(id);
  const alerts = window.DeskAlerts;
  const assign = window.DeskAssign;
  const survey = window.DeskSurvey;
  const customerHistory = window.DeskHistory;
  const report = window.DeskReport;
  const privacy = window.DeskPrivacy;
  const callbacks = window.DeskCallbacks;
  const OWN_VIEWS = ["catalog", "report", "privacy", "callbacks"];  // tabs that take the whole page, no chat
  const state = {
    token: sessionStorage.getItem(TOKEN_KEY),
    user: sessionStorage.getItem(USER_KEY) || "",
    handoffs: new Map(),      // id -> handoff (with _since: local ms when the wait began)
    tab: "queue",
    history: new Set(),       // ids listed by the history tab
    current: null,            // the open conversation's handoff detail
    lineIds: new Set(),
    unread: new Map(),        // handoff id -> new customer lines not yet seen
    known: new Set(),         // handoff ids seen at least once (for "new" highlighting)
    fresh: new Set(),         // handoff ids that arrived live and were not opened yet
    queueLoaded: false,       // the queue was listed once since login: later unseen ones are new
    canned: [],
    replyKey: null,           // {id, text, key} of a reply not known to be sent yet
    endKeys: new Map(),       // "id/release" or "id/close" -> key, until it has an outcome
    ws: null,
    wsDelay: 1000,
    wsTimer: null,
    ticker: null,
    renderQueued: false,
  };

  // ------------------------------------------------------------ small helpers

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  const reasonLabel = (h) => h.reason_label || h.reason;
  const channelLabel = (h) => h.channel_label || h.channel;

  const timeFmt = new Intl.DateTimeFormat("ja-JP", { timeZone: "Asia/Tokyo", hour: "2-digit", minute: "2-digit" });
  const dateTimeFmt = new Intl.DateTimeFormat("ja-JP", {
    timeZone: "Asia/Tokyo", month: "numeric", day: "numeric", hour: "2-digit", minute: "2-digit",
  });
  const dayFmt = new Intl.DateTimeFormat("ja-JP", { timeZone: "Asia/Tokyo", year: "numeric", month: "2-digit", day: "2-digit" });

  function when(iso) {
    if (!iso) return "";
    const d = new Date(iso);
    if (isNaN(d)) return "";
    return dayFmt.format(d) === dayFmt.format(new Date()) ? timeFmt.format(d) : dateTimeFmt.format(d);
  }

  function waited(seconds) {
    if (seconds < 60) return "1分未満";
    const minutes = Math.floor(seconds / 60);
    if (minutes < 60) return `${minutes}分`;
    const hours = Math.floor(minutes / 60);
    if (hours < 48) return `${hours}時間${minutes % 60}分`;
    return `${Math.floor(hours / 24)}日`;
  }

  function waitingSeconds(h) {
    if (h.status !== "open") return h.waiting_seconds || 0;
    return Math.max(0, Math.floor((Date.now() - h._since) / 1000));
  }

  let toastTimer = null;
  function toast(message) {
    const box = $("toast");
    box.textContent = message;
    box.hidden = false;
    clearTimeout(toastTimer);
    toastTimer = setTimeout(() => { box.hidden = true; }, 5000);
  }

  function showError(id, message) {
    const box = $(id);
    box.textContent = message || "";
    box.hidden = !message;
  }

  class ApiError extends Error {
    constructor(status, code, message) { super(message); this.status = status; this.code = code; }
  }

  // One key per thing the operator does, sent again with every retry of it: the server
  // applies it once and answers a retry with the first outcome.
  function newKey() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  }

  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

  async function api(method, path, body, key) {
    const options = { method, headers: { Authorization: `Bearer ${state.token}` } };
    if (key) options.headers["Idempotency-Key"] = key;
    if (body !== undefined) {
      options.headers["Content-Type"] = "application/json";
      options.body = JSON.stringify(body);
    }
    let response;
    try {
      response = await fetch(path, options);
    } catch (e) {
      throw new ApiError(0, "network", "サーバーに接続できません。通信の状態をご確認ください。");
    }
    let data = null;
    try { data = await response.json(); } catch (e) { data = null; }
    if (response.status === 401) {
      toLogin("ログインの有効期限が切れました。もう一度ログインしてください。");
      throw new ApiError(401, "unauthorized", "ログインしてください。");
    }
    if (!response.ok) {
      throw new ApiError(response.status, data && data.error, (data && data.message) || `エラーが起きました（${response.status}）。`);
    }
    return data;
  }

  // An operator action (reply, release, close) under its key. While the server is still at
  // it (202), ask again with the same key until it has the outcome.
  async function act(path, body, key) {
    for (let tries = 0; ; tries++) {
      const result = await api("POST", path, body, key);
      if (!result || !result.pending) return result;
      if (tries === 0) toast(result.message);
      if (tries >= 40) throw new ApiError(202, "pending", "処理に時間がかかっています。画面を更新して状態をご確認ください。");
      await sleep(3000);
    }
  }

  // ------------------------------------------------------------ login and logout

  function toLogin(message) {
    state.token = null;
    sessionStorage.removeItem(TOKEN_KEY);
    stopLive();
    clearInterval(state.ticker);
    state.ticker = null;
    state.current = null;
    state.handoffs.clear();
    alerts.showWaiting([]);
    $("app-view").hidden = true;
    $("login-view").hidden = false;
    showError("login-error", message || "");
    $("login-password").value = "";
    $("login-username").focus();
  }

  $("login-form").addEventListener("submit", async (e) => {
    e.preventDefault();
    const username = $("login-username").value.trim();
    const password = $("login-password").value;
    if (!username || !password) { showError("login-error", "ユーザー名とパスワードを入力してください。"); return; }
    $("login-submit").disabled = true;
    showError("login-error", "");
    try {
      const response = await fetch("/api/login", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ username, password }),
      });
      const data = await response.json().catch(() => ({}));
      if (response.status === 429) {
        const minutes = Math.max(1, Math.ceil(Number(response.headers.get("Retry-After") || 60) / 60));
        showError("login-error", data.message || `ログインに続けて失敗したため、しばらくログインできません。${minutes}分ほどたってから、もう一度お試しください。`);
        return;
      }
      if (!response.ok) { showError("login-error", data.message || "ログインできませんでした。"); return; }
      state.token = data.token;
      state.user = data.username || username;
      sessionStorage.setItem(TOKEN_KEY, state.token);
      sessionStorage.setItem(USER_KEY, state.user);
      $("login-password").value = "";
      start();
    } catch (err) {
      showError("login-error", "サーバーに接続できません。");
    } finally {
      $("login-submit").disabled = false;
    }
  });

  $("logout").addEventListener("click", async () => {
    try { await api("POST", "/api/logout"); } catch (e) { /* logged out either way */ }
    toLogin("ログアウトしました。");
  });

  // ------------------------------------------------------------ start

  async function start() {
    $("login-view").hidden = true;
    $("app-view").hidden = false;
    $("me").textContent = state.user ? `${state.user} さん` : "";
    state.known.clear();
    state.fresh.clear();
    state.queueLoaded = false;
    try {
      await Promise.all([loadQueue(), loadCanned()]);
    } catch (e) {
      if (e.status !== 401) toast(e.message);
    }
    callbacks.start();
    connectLive();  // after the first listing: what comes later is pushed, or caught up on at its hello
    clearInterval(state.ticker);
    state.ticker = setInterval(tick, 1000);
    showTab(state.tab);
  }

  function tick() {
    document.querySelectorAll("[data-wait-id]").forEach((node) => {
      const h = state.handoffs.get(Number(node.dataset.waitId));
      if (h) node.textContent = `待ち ${waited(waitingSeconds(h))}`;
    });
  }

  // ------------------------------------------------------------ the queue

  function remember(h) {
    const previous = state.handoffs.get(h.id);
    h._since = Date.now() - (h.waiting_seconds || 0) * 1000;
    if (previous && previous.status === "open" && h.status === "open") h._since = previous._since;
    survey.keep(previous, h);
    state.handoffs.set(h.id, h);
    state.known.add(h.id);
    return h;
  }

  // `announce`: handoffs not seen since the first listing are new ones (they came while the
  // live socket was connecting or down), announced as if pushed.
  async function loadQueue(announce) {
    const list = await api("GET", "/api/handoffs?status=open");
    const open = new Set(list.map((h) => h.id));
    for (const [id, h] of state.handoffs) if (h.status === "open" && !open.has(id)) state.handoffs.delete(id);
    const unseen = announce && state.queueLoaded ? list.filter((h) => !state.known.has(h.id)) : [];
    list.forEach(remember);
    state.queueLoaded = true;
    unseen.forEach((h) => arrived(h, false));
    renderQueue();
  }

  // A handoff to tell the operator of: it just came, or it just became urgent.
  function arrived(h, becameUrgent) {
    if (!becameUrgent) state.fresh.add(h.id);
    toast(alerts.announce(h, becameUrgent));
  }

  async function loadHistory() {
    const list = await api("GET", "/api/handoffs?status=all");
    state.history = new Set(list.map((h) => h.id));
    list.forEach(remember);
    renderQueue();
  }

  function order(a, b) {
    return a.priority - b.priority || a.created_at.localeCompare(b.created_at) || a.id - b.id;
  }

  function queueItems() {
    const all = [...state.handoffs.values()];
    if (state.tab === "history") {
      return all.filter((h) => h.status !== "open" || state.history.has(h.id))
        .sort((a, b) => (b.updated_at || "").localeCompare(a.updated_at || "") || b.id - a.id);
    }
    return all.filter((h) => h.status === "open").sort(order);
  }

  function scheduleRender() {
    if (state.renderQueued) return;
    state.renderQueued = true;
    requestAnimationFrame(() => { state.renderQueued = false; renderQueue(); });
  }

  function renderQueue() {
    const items = queueItems();
    const openCount = [...state.handoffs.values()].filter((h) => h.status === "open").length;
    $("queue-count").textContent = String(openCount);
    alerts.showWaiting([...state.handoffs.values()]);
    $("list-title").textContent = state.tab === "history" ? "対応履歴" : "対応待ちのお客さま";
    const list = $("queue");
    const cards = items.map((h, i) => card(h, state.tab === "queue" ? i + 1 : 0));
    list.replaceChildren(...cards);
    $("queue-empty").textContent = state.tab === "history" ? "履歴はまだありません。" : "現在、対応待ちのお客さまはいません。";
    $("queue-empty").hidden = items.length > 0;
  }

  function card(h, position) {
    const li = el("li", "queue-item");
    const button = el("button", "card");
    button.type = "button";
    button.classList.add(`priority-${Math.min(h.priority, 4)}`);
    if (h.urgent && h.status === "open") button.classList.add("urgent");
    if (state.current && state.current.id === h.id) { button.classList.add("selected"); button.setAttribute("aria-current", "true"); }
    if (state.fresh.has(h.id)) button.classList.add("fresh");

    const top = el("div", "card-top");
    if (position) top.appendChild(el("span", "position", `${position}番`));
    if (h.urgent && h.status === "open") top.appendChild(el("span", "badge urgent", "至急"));
    top.appendChild(el("span", "badge priority", `優先度 ${h.priority}`));
    top.appendChild(el("span", "reason", reasonLabel(h)));
    top.appendChild(el("span", "badge channel", channelLabel(h)));
    button.appendChild(top);

    const who = el("div", "card-who");
    who.appendChild(el("span", "name", h.customer_name ? `${h.customer_name} 様` : "お名前未確認"));
    const wait = el("span", "wait", h.status === "open" ? `待ち ${waited(waitingSeconds(h))}` : STATUS_LABELS[h.status] || h.status);
    if (h.status === "open") wait.dataset.waitId = String(h.id);
    who.appendChild(wait);
    button.appendChild(who);

    button.appendChild(el("p", "card-summary", h.summary || ""));
    const meta = el("div", "card-meta");
    meta.appendChild(el("span", null, `受付 ${when(h.created_at)}・No.${h.id}`));
    if (h.operator) meta.appendChild(el("span", "operator", `担当 ${h.operator}`));
    assign.cardMarks(h).forEach((mark) => meta.appendChild(mark));
    survey.cardMarks(h).forEach((mark) => meta.appendChild(mark));
    const unread = state.unread.get(h.id) || 0;
    if (unread) meta.appendChild(el("span", "badge unread", `新着 ${unread}`));
    if (state.fresh.has(h.id)) meta.appendChild(el("span", "badge new", "新規"));
    button.appendChild(meta);

    button.addEventListener("click", () => openHandoff(h.id));
    li.appendChild(button);
    return li;
  }

  // ------------------------------------------------------------ tabs

  document.querySelectorAll(".tab").forEach((tab) => tab.addEventListener("click", () => showTab(tab.dataset.tab)));

  async function showTab(name) {
    state.tab = name;
    document.querySelectorAll(".tab").forEach((t) => t.setAttribute("aria-pressed", String(t.dataset.tab === name)));
    $("desk").hidden = OWN_VIEWS.includes(name);
    $("catalog-view").hidden = name !== "catalog";
    $("callback-view").hidden = name !== "callbacks";
    $("report-view").hidden = name !== "report";
    $("privacy-view").hidden = name !== "privacy";
    tellViewing();
    try {
      if (name === "catalog") await loadCatalog();
      else if (name === "report") await report.load();
      else if (name === "privacy") await privacy.load();
      else if (name === "callbacks") await callbacks.load();
      else if (name === "history") await loadHistory();
      else renderQueue();
    } catch (e) {
      if (e.status !== 401) toast(e.message);
    }
  }

  // ------------------------------------------------------------ one conversation

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
    tellViewing();
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

  // ------------------------------------------------------------ replying

  const reply = $("reply");
  function updateCount() {
    const n = reply.value.trim().length;
    const count = $("reply-count");
    count.textContent = `${n} / ${MAX_TEXT}`;
    count.classList.toggle("over", n > MAX_TEXT);
  }
  reply.addEventListener("input", updateCount);
  reply.addEventListener("keydown", (e) => {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey) && !e.isComposing) { e.preventDefault(); $("reply-form").requestSubmit(); }
  });

  $("reply-form").addEventListener("submit", async (e) => {
    e.preventDefault();
    const h = state.current;
    const text = reply.value.trim();
    if (!h || !text) { showError("reply-error", "返信を入力してください。"); return; }
    if (text.length > MAX_TEXT) { showError("reply-error", `${MAX_TEXT}文字以内にしてください。`); return; }
    const choice = await assign.beforeReply(h);  // another operator's chat: asked first
    if (!choice) return;
    $("reply-send").disabled = true;
    showError("reply-error", "");
    let takeover = choice.takeover;
    try {
      for (;;) {
        // sending the same words again after a failure is a retry: the same key, sent once
        const pending = state.replyKey;
        const key = pending && pending.id === h.id && pending.text === text ? pending.key : newKey();
        state.replyKey = { id: h.id, text, key };
        try {
          const body = takeover ? { text, takeover } : { text };
          const result = await act(`/api/handoffs/${h.id}/messages`, body, key);
          state.replyKey = null;
          if (state.current && state.current.id === h.id) addLine(result.line, true);
          if (reply.value.trim() === text) reply.value = "";
          updateCount();
          scrollTranscript(true);
          await refreshCurrent();  // who has the chat now
          return;
        } catch (err) {
          if (err.status === 401) return;
          if (err.code === "assigned_to_other") {
            state.replyKey = null;  // refused, nothing sent: asking again is a new action
            await refreshCurrent();
            if (!takeover && await assign.askAfterRefusal(err, "担当を代わって送信")) { takeover = true; continue; }
          }
          showError("reply-error", err.message);
          await refreshCurrent();  // what the customer really got, not what we assume
          return;
        }
      }
    } finally {
      if (state.current && state.current.status === "open") $("reply-send").disabled = false;
      reply.focus();
    }
  });

  async function loadCanned() {
    state.canned = await api("GET", "/api/canned");
    const buttons = state.canned.map((c) => {
      const b = el("button", "canned-item", c.title);
      b.type = "button";
      b.title = c.text;
      b.addEventListener("click", () => insertCanned(c.text));
      return b;
    });
    $("canned").replaceChildren(...buttons);
  }

  function insertCanned(text) {
    const start = reply.selectionStart ?? reply.value.length;
    const end = reply.selectionEnd ?? reply.value.length;
    reply.value = reply.value.slice(0, start) + text + reply.value.slice(end);
    const caret = start + text.length;
    reply.focus();
    reply.setSelectionRange(caret, caret);
    updateCount();
  }

  // ------------------------------------------------------------ notes

  $("note-form").addEventListener("submit", async (e) => {
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
  });

  function addNote(handoffId, note) {
    const h = state.current;
    if (!h || h.id !== handoffId) return;
    h.notes = h.notes || [];
    if (h.notes.some((n) => n.id === note.id)) return;
    h.notes.push(note);
    $("notes").appendChild(noteItem(note));
  }

  // ------------------------------------------------------------ release and close

  function confirmDialog(text, okLabel) {
    const dialog = $("confirm");
    $("confirm-text").textContent = text;
    $("confirm-ok").textContent = okLabel;
    return new Promise((resolve) => {
      dialog.addEventListener("close", () => resolve(dialog.returnValue === "ok"), { once: true });
      dialog.returnValue = "";
      dialog.showModal();
    });
  }

  async function endConversation(kind) {
    const h = state.current;
    if (!h) return;
    const release = kind === "release";
    const other = assign.beforeEnding(h);  // another operator's chat: said in the question
    const ok = await confirmDialog(
      other.note + (release
        ? "この会話をボットに戻しますか？ お客さまには、ここからは自動応答がご案内する旨をお伝えします。"
        : "この会話を終了しますか？ お客さまには、担当者とのやり取りが終わったこと、いつでもまた書き込めることをお伝えします。"),
      release ? "ボットに戻す" : "終了する",
    );
    if (!ok) return;
    $("release").disabled = true;
    $("close").disabled = true;
    const slot = `${h.id}/${kind}`;
    let takeover = other.takeover;
    for (;;) {
      const key = state.endKeys.get(slot) || newKey();
      state.endKeys.set(slot, key);  // kept for a retry until the action has an outcome
      try {
        const url = `/api/handoffs/${h.id}/${release ? "release" : "close"}`;
        const result = await act(url, takeover ? { takeover } : undefined, key);
        state.endKeys.delete(slot);
        toast(result.unchanged ? result.message : release ? "ボットに戻しました。" : "会話を終了しました。");
        remember(result.handoff);
        await refreshCurrent();
        return;
      } catch (err) {
        if (err.status === 401) return;
        if (err.status && err.status < 500 && err.status !== 202) state.endKeys.delete(slot);
        if (err.code === "assigned_to_other") {  // taken by someone meanwhile: asked again
          await refreshCurrent();
          if (!takeover && await assign.askAfterRefusal(err, release ? "担当を代わって戻す" : "担当を代わって終了")) {
            takeover = true;
            continue;
          }
        }
        toast(err.message);
        await refreshCurrent();
        return;
      }
    }
  }

  $("release").addEventListener("click", () => endConversation("release"));
  $("close").addEventListener("click", () => endConversation("close"));

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

  // ------------------------------------------------------------ catalog requests

  async function loadCatalog() {
    const rows = await api("GET", "/api/catalog-requests");
    $("catalog-rows").replaceChildren(...rows.map(catalogRow));
    $("catalog-empty").hidden = rows.length > 0;
  }

  function catalogRow(r) {
    const tr = el("tr");
    tr.dataset.catalogId = String(r.id);
    const method = (r.shipping_label || r.shipping_method) + (r.resend_of ? `（再送：No.${r.resend_of}）` : "");
    [when(r.created_at), r.name, r.postal_code, r.address, r.phone, method]
      .forEach((value) => tr.appendChild(el("td", null, value)));
    if (r.note) tr.children[4].appendChild(el("div", "catalog-note", r.note));
    const status = el("td", `catalog-status ${r.status}`, r.status_label || r.status);
    if (r.sent_at) status.appendChild(el("span", "sent-at", ` ${when(r.sent_at)}`));
    tr.appendChild(status);
    const cell = el("td");
    const sent = r.status === "sent";
    const button = el("button", sent ? "secondary" : null, sent ? "発送を取り消す" : "発送済みにする");
    button.type = "button";
    button.addEventListener("click", async () => {
      button.disabled = true;
      try {
        const result = await api("POST", `/api/catalog-requests/${r.id}/${sent ? "unsent" : "sent"}`);
        tr.replaceWith(catalogRow(result.request));
      } catch (e) {
        button.disabled = false;
        if (e.status !== 401) toast(e.message);
      }
    });
    cell.appendChild(button);
    tr.appendChild(cell);
    return tr;
  }
  $("catalog-refresh").addEventListener("click", () => loadCatalog().catch((e) => { if (e.status !== 401) toast(e.message); }));

  // ------------------------------------------------------------ live updates

  function liveState(text, ok) {
    const box = $("live-state");
    box.textContent = text;
    box.classList.toggle("ok", !!ok);
  }

  function stopLive() {
    clearTimeout(state.wsTimer);
    if (state.ws) {
      const ws = state.ws;
      state.ws = null;
      ws.onclose = null;
      ws.close();
    }
  }

  // Tell the server which chat this console shows (閲覧中 on the others' consoles).
  function tellViewing() {
    const ws = state.ws;
    if (!ws || ws.readyState !== WebSocket.OPEN) return;
    const id = state.current && !OWN_VIEWS.includes(state.tab) ? state.current.id : null;
    ws.send(JSON.stringify({ type: "viewing", handoff_id: id }));
  }

  function connectLive() {
    stopLive();
    if (!state.token) return;
    const scheme = location.protocol === "https:" ? "wss" : "ws";
    const ws = new WebSocket(`${scheme}://${location.host}/api/live?token=${encodeURIComponent(state.token)}`);
    state.ws = ws;
    let reconnecting = state.wsDelay > 1000;
    ws.onopen = () => { state.wsDelay = 1000; };
    ws.onmessage = (event) => {
      let message;
      try { message = JSON.parse(event.data); } catch (e) { return; }
      if (message.type === "hello") {
        // From now on every change is pushed: catch up on what came before, so none is missed.
        liveState("リアルタイム更新中", true);
        tellViewing();
        loadQueue(true).catch(() => {});
        if (reconnecting) refreshCurrent();
        reconnecting = false;
        return;
      }
      onLive(message);
    };
    ws.onclose = async (event) => {
      if (state.ws !== ws) return;
      state.ws = null;
      if (event.code === 4401) { toLogin("ログインの有効期限が切れました。もう一度ログインしてください。"); return; }
      liveState("再接続しています…", false);
      try { await api("GET", "/api/me"); } catch (e) { if (e.status === 401) return; }
      state.wsDelay = Math.min(state.wsDelay * 2, 15000);
      state.wsTimer = setTimeout(connectLive, state.wsDelay);
    };
  }

  function onLive(message) {
    callbacks.onLive(message);
    if (assign.onLive(message)) return;
    if (message.type === "handoff") {
      const h = message.handoff;
      const previous = state.handoffs.get(h.id);
      const isNew = !state.known.has(h.id);
      remember(h);
      if (isNew && h.status === "open" && (h.waiting_seconds || 0) < 300) arrived(h, false);
      else if (previous && previous.status === "open" && h.status === "open" && !previous.urgent && h.urgent) arrived(h, true);
      if (state.current && state.current.id === h.id) {
        Object.assign(state.current, h);
        renderHeader();
      }
      scheduleRender();
    } else if (message.type === "positions") {
      for (const [id, position] of Object.entries(message.positions || {})) {
        const h = state.handoffs.get(Number(id));
        if (h) h.position = position;
      }
      scheduleRender();
    } else if (message.type === "line") {
      survey.onLine(message, state.handoffs.get(message.handoff_id));
      if (state.current && state.current.sender_id === message.sender_id) {
        addLine(message.line, true);
      } else if (message.line.from === "customer" && state.handoffs.has(message.handoff_id)) {
        state.unread.set(message.handoff_id, (state.unread.get(message.handoff_id) || 0) + 1);
        scheduleRender();
      }
    } else if (message.type === "note") {
      addNote(message.handoff_id, message.note);
    } else if (message.type === "handoffs_deleted") {
      forget(message.handoff_ids || []);
    }
  }

  // A customer's data deleted (個人情報): their handoffs leave every list and the open chat.
  function forget(ids) {
    for (const id of ids) {
      state.handoffs.delete(id);
      state.history.delete(id);
      state.unread.delete(id);
      state.fresh.delete(id);
    }
    if (state.current && ids.includes(state.current.id)) {
      state.current = null;
      tellViewing();
      $("conversation").hidden = true;
      $("side").hidden = true;
      $("placeholder").hidden = false;
    }
    scheduleRender();
  }

  // ------------------------------------------------------------ boot

  // A chat opened from elsewhere (a notification, a callback): shown where chats are.
  function openFromElsewhere(id) {
    if (OWN_VIEWS.includes(state.tab)) showTab("queue");
    openHandoff(id);
  }

  alerts.init(openFromElsewhere);
  callbacks.init({ api, toast, current: () => state.current, open: openFromElsewhere });
  survey.init({ api, current: () => state.current, changed: scheduleRender });
  customerHistory.init({ api });
  report.init({ api, token: () => state.token, failed(e) { if (e.status !== 401) toast(e.message); } });
  privacy.init({ api, toast, confirm: confirmDialog, token: () => state.token });
  assign.init({
    api, toast, confirm: confirmDialog, refresh: refreshCurrent, note: addNote,
    user: () => state.user,
    current: () => state.current,
    update(h) {
      remember(h);
      if (state.current && state.current.id === h.id) { Object.assign(state.current, h); renderHeader(); }
      scheduleRender();
    },
    changed() { if (state.current) renderHeader(); scheduleRender(); },
  });
  if (state.token) start(); else toLogin("");
})();
