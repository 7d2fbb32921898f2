// The list on the left: one card a chat, 対応待ち by priority and then age, 対応履歴 the
// latest first, with each open chat's wait counted on (`tick`, every second). Handoffs are
// kept in the console's state as the API lists them and the live socket pushes them.
// desk.js lends it what it needs with `init` (the console's state, opening a chat).
"use strict";
window.DeskQueue = (function () {
  const $ = (id) => document.getElementById(id);
  const { el, reasonLabel, channelLabel, when, waited, toast } = window.DeskHelpers;
  const { api } = window.DeskApi;
  const alerts = window.DeskAlerts;
  const assign = window.DeskAssign;
  const survey = window.DeskSurvey;
  const STATUS_LABELS = { open: "対応待ち", released: "ボットに戻した", closed: "終了" };
  let state = null;
  let desk = null;

  function waitingSeconds(h) {
    if (h.status !== "open") return h.waiting_seconds || 0;
    return Math.max(0, Math.floor((Date.now() - h._since) / 1000));
  }

  function tick() {
    document.querySelectorAll("[data-wait-id]").forEach((node) => {
      const h = state.handoffs.get(Number(node.dataset.waitId));
      if (h) node.textContent = `待ち ${waited(waitingSeconds(h))}`;
    });
  }

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

    button.addEventListener("click", () => desk.open(h.id));
    li.appendChild(button);
    return li;
  }

  function init(lent) {
    desk = lent;
    state = lent.state;
  }

  return { init, remember, loadQueue, arrived, loadHistory, scheduleRender, renderQueue, tick };
})();
