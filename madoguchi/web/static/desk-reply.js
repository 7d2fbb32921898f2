// Replying in the open conversation: the reply box with its count and Ctrl + Enter, the
// canned texts (定型文) put in at the caret, and sending, once, under one key however often
// it is retried; another operator's chat is asked about first (desk-assign.js).
// desk.js lends it the console's state with `init`.
"use strict";
window.DeskReply = (function () {
  const $ = (id) => document.getElementById(id);
  const { el, showError } = window.DeskHelpers;
  const { api, act, newKey } = window.DeskApi;
  const { refreshCurrent, scrollTranscript, addLine } = window.DeskConversation;
  const assign = window.DeskAssign;
  const MAX_TEXT = 2000;
  let state = null;

  const reply = $("reply");
  function updateCount() {
    const n = reply.value.trim().length;
    const count = $("reply-count");
    count.textContent = `${n} / ${MAX_TEXT}`;
    count.classList.toggle("over", n > MAX_TEXT);
  }

  function submitOnCtrlEnter(e) {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey) && !e.isComposing) { e.preventDefault(); $("reply-form").requestSubmit(); }
  }

  async function send(e) {
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
  }

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

  function init(lent) {
    state = lent.state;
    reply.addEventListener("input", updateCount);
    reply.addEventListener("keydown", submitOnCtrlEnter);
    $("reply-form").addEventListener("submit", send);
  }

  return { init, loadCanned };
})();
