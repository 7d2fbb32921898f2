// The operator console's core: its state, login and logout, the tabs, releasing and
// closing a chat, and lending each part what it needs at boot.
// Small shared helpers are desk-helpers.js's (window.DeskHelpers), calls to the API
// desk-api.js's; the list of chats (queue and 対応履歴) is desk-queue.js's, the open chat
// (transcript, side pane, notes) desk-conversation.js's, replying and 定型文 desk-reply.js's,
// the カタログ請求 tab desk-catalog.js's and the live socket desk-live.js's.
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

  const $ = (id) => document.getElementById(id);
  const { toast, showError, confirmDialog } = window.DeskHelpers;
  const { api, act, newKey } = window.DeskApi;
  const alerts = window.DeskAlerts;
  const assign = window.DeskAssign;
  const survey = window.DeskSurvey;
  const customerHistory = window.DeskHistory;
  const report = window.DeskReport;
  const privacy = window.DeskPrivacy;
  const callbacks = window.DeskCallbacks;
  const queue = window.DeskQueue;
  const conversation = window.DeskConversation;
  const reply = window.DeskReply;
  const catalog = window.DeskCatalog;
  const live = window.DeskLive;
  const { remember, loadQueue, loadHistory, scheduleRender, renderQueue, tick } = queue;
  const { openHandoff, refreshCurrent, renderHeader, addNote } = conversation;
  const { loadCanned } = reply;
  const { loadCatalog } = catalog;
  const { connectLive, stopLive, tellViewing } = live;
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

  // ------------------------------------------------------------ release and close

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

  // ------------------------------------------------------------ boot

  // A chat opened from elsewhere (a notification, a callback): shown where chats are.
  function openFromElsewhere(id) {
    if (OWN_VIEWS.includes(state.tab)) showTab("queue");
    openHandoff(id);
  }

  window.DeskApi.init({ token: () => state.token, toLogin });
  queue.init({ state, open: openHandoff });
  conversation.init({ state, tellViewing });
  reply.init({ state });
  catalog.init();
  live.init({ state, toLogin, wholePage: () => OWN_VIEWS.includes(state.tab) });
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
