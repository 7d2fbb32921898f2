// The console's live socket (/api/live): handoffs, queue positions, chat lines and notes
// pushed as they happen, and deleted customers' chats forgotten; on each hello the queue
// is read again so nothing that came while it was down is missed. Reconnects with a
// growing pause; tells the server which chat this console shows (閲覧中).
// desk.js lends it what it needs with `init` (the console's state, whether the tab shown
// is one without chats, the way back to the login).
"use strict";
window.DeskLive = (function () {
  const $ = (id) => document.getElementById(id);
  const { api } = window.DeskApi;
  const { remember, loadQueue, arrived, scheduleRender } = window.DeskQueue;
  const { refreshCurrent, renderHeader, addLine, addNote } = window.DeskConversation;
  const assign = window.DeskAssign;
  const survey = window.DeskSurvey;
  const callbacks = window.DeskCallbacks;
  let state = null;
  let desk = null;

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
    const id = state.current && !desk.wholePage() ? state.current.id : null;
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
      if (event.code === 4401) { desk.toLogin("ログインの有効期限が切れました。もう一度ログインしてください。"); return; }
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

  function init(lent) {
    desk = lent;
    state = lent.state;
  }

  return { init, connectLive, stopLive, tellViewing };
})();
