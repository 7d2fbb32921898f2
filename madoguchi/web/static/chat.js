// The customer chat: talks to Rasa's socketio channel; the session survives a reload.
// The session id is issued by the server (session_confirm) and kept in localStorage: it is
// the chat's only credential, presented to socket.io and, in a header, for the history.
"use strict";
(function () {
  const config = window.MADOGUCHI || {};
  const socketUrl = config.socketUrl || `${location.protocol}//${location.hostname}:5005`;
  const log = document.getElementById("log");
  const form = document.getElementById("composer");
  const input = document.getElementById("text");
  const personBar = document.getElementById("person");
  const offline = document.getElementById("offline");
  const KEY = "madoguchi.session";
  let sessionId = localStorage.getItem(KEY);
  let confirmed = false;   // this connection's session is confirmed: messages may go out
  const pending = [];

  function show(from, text, who) {
    const div = document.createElement("div");
    div.className = `msg ${from}`;
    if (who) {
      const label = document.createElement("span");
      label.className = "who";
      label.textContent = who;
      div.appendChild(label);
    }
    div.appendChild(document.createTextNode(text));   // text, never HTML
    log.appendChild(div);
    log.scrollTop = log.scrollHeight;
    return div;
  }

  function choices(buttons) {
    const box = document.createElement("div");
    box.className = "choices";
    buttons.forEach((b) => {
      const button = document.createElement("button");
      button.type = "button";
      button.textContent = b.title;
      button.addEventListener("click", () => {
        box.querySelectorAll("button").forEach((x) => (x.disabled = true));
        send(b.payload, b.title);
      });
      box.appendChild(button);
    });
    log.appendChild(box);
    log.scrollTop = log.scrollHeight;
  }

  function withPerson(on, banner) {
    personBar.hidden = !on;
    if (banner) personBar.textContent = banner;
  }

  // Outside operator hours the banner says when a person will answer (from the server).
  async function personBanner() {
    try {
      const r = await fetch("/chat/person", { headers: { "X-Chat-Session": sessionId }, cache: "no-store" });
      const p = await r.json();
      withPerson(p.with_person, p.banner);
    } catch (e) { /* the plain banner stays */ }
  }

  function send(text, shown) {
    text = text.trim();
    if (!text) return;
    show("customer", shown || text);
    const message = { message: text };
    if (!confirmed || !socket.emit("user_uttered", { ...message, session_id: sessionId })) pending.push(message);
  }

  const socket = new MiniSocket(socketUrl);
  socket.on("connect", () => {
    offline.hidden = true;
    confirmed = false;
    socket.emit("session_request", { session_id: sessionId });
  });
  socket.on("disconnect", () => { offline.hidden = false; confirmed = false; });
  socket.on("session_confirm", (id) => {
    const fresh = id !== sessionId;
    sessionId = id;
    confirmed = true;
    localStorage.setItem(KEY, id);
    if (fresh && !log.childElementCount) {
      show("bot", "こんにちは。ご用件をお書きください。ボタンからもお選びいただけます。");
      choices([
        { title: "カタログがほしい", payload: "カタログを送ってほしいです" },
        { title: "注文の配送状況", payload: "注文した品物がいつ届くか知りたいです" },
        { title: "担当者と話したい", payload: "担当者と話したいです" },
      ]);
    }
    while (pending.length) socket.emit("user_uttered", { ...pending.shift(), session_id: sessionId });
  });
  socket.on("bot_uttered", (m) => {
    if (!m) return;
    if (m.madoguchi === "operator") { withPerson(true, "担当者が対応しています"); show("operator", m.text, `担当者 ${m.operator || ""}`.trim()); return; }
    if (m.madoguchi === "status") {
      withPerson(m.state === "handoff");
      if (m.state === "handoff") personBanner();
      return;
    }
    if (m.text) show("bot", m.text);
    if (m.quick_replies && m.quick_replies.length) choices(m.quick_replies);
  });

  async function restore() {
    if (!sessionId) return;
    try {
      const r = await fetch("/chat/history", { headers: { "X-Chat-Session": sessionId }, cache: "no-store" });
      const h = await r.json();
      h.lines.forEach((l) => show(l.from, l.text, l.from === "operator" ? "担当者" : null));
      withPerson(h.with_person);
      if (h.with_person) await personBanner();
    } catch (e) { /* the conversation goes on without the history */ }
  }

  form.addEventListener("submit", (e) => { e.preventDefault(); send(input.value); input.value = ""; input.focus(); });
  input.addEventListener("keydown", (e) => {
    if (e.key === "Enter" && !e.shiftKey && !e.isComposing) { e.preventDefault(); form.requestSubmit(); }
  });
  restore().then(() => socket.connect());
})();
