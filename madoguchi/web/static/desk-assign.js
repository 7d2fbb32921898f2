// One chat, one operator: who has the open chat (担当), who else is viewing it now (閲覧中),
// taking it before writing, taking it over after a confirm, and handing it to a colleague
// with a note. The server refuses (409 `assigned_to_other`) a reply, take or transfer of
// another operator's chat unless the request says it takes over; this file asks first.
// desk.js lends it what it needs with `init` (api, confirm, toast, the open chat).
"use strict";
window.DeskAssign = (function () {
  const $ = (id) => document.getElementById(id);
  const REFUSED = "assigned_to_other";
  let desk = null;
  const viewers = new Map();   // handoff id -> operators viewing it (the server's list)
  const handed = new Map();    // handoff id -> who handed it to me, until I open it

  const me = () => desk.user();
  const heldByOther = (h) => !!h.operator && h.operator !== me();

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = String(text);
    return node;
  }

  // ------------------------------------------------------------ what the console shows

  function othersViewing(id) {
    return (viewers.get(id) || []).filter((name) => name !== me());
  }

  // The bar under the chat's title: 担当 and 閲覧中, and the buttons to take or hand it over.
  function render(h) {
    const open = h.status === "open";
    const owner = $("assign-owner");
    owner.textContent = h.operator ? `担当: ${h.operator}${h.operator === me() ? "（あなた）" : ""}` : "担当: まだいません";
    $("assign-bar").classList.toggle("others", open && heldByOther(h));
    const others = othersViewing(h.id);
    $("assign-viewers").textContent = others.length ? `閲覧中: ${others.join("、")}` : "";
    $("assign-viewers").hidden = !others.length;
    const take = $("take");
    take.hidden = !open || h.operator === me();
    take.textContent = heldByOther(h) ? "担当を代わる" : "担当する";
    $("transfer-open").hidden = !open;
  }

  // Marks on a queue card: who else is looking at it, and chats just handed to me.
  function cardMarks(h) {
    const marks = [];
    const others = h.status === "open" ? othersViewing(h.id) : [];
    if (others.length) marks.push(el("span", "viewing", `閲覧中 ${others.join("、")}`));
    if (handed.has(h.id)) marks.push(el("span", "badge handed", "引き継ぎ"));
    return marks;
  }

  function opened(detail) {
    handed.delete(detail.id);
    if (Array.isArray(detail.viewers)) viewers.set(detail.id, detail.viewers);
  }

  // ------------------------------------------------------------ asking before taking over

  function askTakeover(h, what) {
    const who = `この会話は ${h.operator} さんが担当しています。`;
    if (what === "reply") {
      return desk.confirm(`${who}このまま送信すると、担当があなたに代わります。送信しますか？`, "担当を代わって送信");
    }
    if (what === "transfer") {
      return desk.confirm(`${who}${h.operator} さんに代わって、ほかの方に引き継ぎますか？`, "担当を代わって引き継ぐ");
    }
    return desk.confirm(`${who}担当を代わりますか？ ${h.operator} さんの画面にも、担当が代わったことが表示されます。`, "担当を代わる");
  }

  // Before a reply: {takeover} to send with, or null when the operator chose not to send.
  async function beforeReply(h) {
    if (!heldByOther(h)) return { takeover: false };
    return (await askTakeover(h, "reply")) ? { takeover: true } : null;
  }

  // The server refused because someone else has the chat now: ask with its message.
  function askAfterRefusal(err, okLabel) {
    if (!err || err.code !== REFUSED) return Promise.resolve(false);
    return desk.confirm(`${err.message}\n担当を代わって続けますか？`, okLabel);
  }

  // ------------------------------------------------------------ take

  async function take() {
    const h = desk.current();
    if (!h) return;
    let takeover = heldByOther(h);
    if (takeover && !(await askTakeover(h, "take"))) return;
    $("take").disabled = true;
    try {
      for (;;) {
        try {
          const result = await desk.api("POST", `/api/handoffs/${h.id}/take`, { takeover });
          desk.update(result.handoff);
          desk.toast(result.took_over_from ? `${result.took_over_from} さんから担当を代わりました。` : "この会話の担当になりました。");
          return;
        } catch (err) {
          if (err.status === 401) return;
          if (!takeover && err.code === REFUSED) {
            await desk.refresh();
            if (await askAfterRefusal(err, "担当を代わる")) { takeover = true; continue; }
            return;
          }
          desk.toast(err.message);
          await desk.refresh();
          return;
        }
      }
    } finally {
      $("take").disabled = false;
    }
  }

  // ------------------------------------------------------------ hand to a colleague

  let transferTakeover = false;

  async function openTransfer() {
    const h = desk.current();
    if (!h) return;
    transferTakeover = heldByOther(h);
    if (transferTakeover && !(await askTakeover(h, "transfer"))) return;
    let list;
    try {
      list = await desk.api("GET", "/api/operators");
    } catch (err) {
      if (err.status !== 401) desk.toast(err.message);
      return;
    }
    const colleagues = list.filter((o) => !o.me && o.username !== h.operator);
    if (!colleagues.length) { desk.toast("引き継げるほかの担当者がいません。"); return; }
    const select = $("transfer-to");
    select.replaceChildren(...colleagues.map((o) => {
      const option = el("option", null, o.online ? `${o.username}（オンライン）` : o.username);
      option.value = o.username;
      return option;
    }));
    $("transfer-title").textContent = `No.${h.id} をほかの担当者に引き継ぐ`;
    $("transfer-note").value = "";
    showTransferError("");
    $("transfer").showModal();
    $("transfer-note").focus();
  }

  function showTransferError(message) {
    $("transfer-error").textContent = message;
    $("transfer-error").hidden = !message;
  }

  async function submitTransfer(event) {
    event.preventDefault();
    const h = desk.current();
    if (!h) { $("transfer").close(); return; }
    const to = $("transfer-to").value;
    const note = $("transfer-note").value.trim();
    if (!to) { showTransferError("引き継ぐ相手を選んでください。"); return; }
    $("transfer-ok").disabled = true;
    showTransferError("");
    try {
      const result = await desk.api("POST", `/api/handoffs/${h.id}/transfer`, { to, note, takeover: transferTakeover });
      $("transfer").close();
      desk.update(result.handoff);
      desk.note(h.id, result.note);
      desk.toast(`${to} さんに引き継ぎました。`);
    } catch (err) {
      if (err.status === 401) { $("transfer").close(); return; }
      showTransferError(err.message);
      await desk.refresh();
    } finally {
      $("transfer-ok").disabled = false;
    }
  }

  // ------------------------------------------------------------ live updates

  // Messages of the live socket this file handles; true when it did.
  function onLive(message) {
    if (message.type === "viewers") {
      viewers.clear();
      for (const [id, names] of Object.entries(message.viewers || {})) viewers.set(Number(id), names);
      desk.changed();
      return true;
    }
    if (message.type === "transfer") {
      if (message.to === me() && message.from !== me()) {
        const current = desk.current();
        if (!current || current.id !== message.handoff_id) handed.set(message.handoff_id, message.from);
        desk.toast(`${message.from} さんから No.${message.handoff_id} を引き継ぎました。${message.text ? `メモ：${message.text}` : ""}`);
      }
      desk.changed();
      return true;
    }
    return false;
  }

  function init(lent) {
    desk = lent;
    $("take").addEventListener("click", take);
    $("transfer-open").addEventListener("click", openTransfer);
    $("transfer-form").addEventListener("submit", submitTransfer);
    $("transfer-cancel").addEventListener("click", () => $("transfer").close());
  }

  // Before a release or close: the words that say whose chat it is (empty for one's own or
  // nobody's), and whether it takes the chat over.
  function beforeEnding(h) {
    if (!heldByOther(h)) return { note: "", takeover: false };
    return { note: `この会話は ${h.operator} さんが担当しています。担当を代わって`, takeover: true };
  }

  return { init, render, cardMarks, opened, beforeReply, beforeEnding, askAfterRefusal, onLive };
})();
