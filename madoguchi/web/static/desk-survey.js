// 「解決しましたか」 on the console: the customer's answer and comment beside a closed chat
// and a mark on its card in 対応履歴. The answer comes in after the close: when a line of a
// chat that is no longer open arrives, its survey is read again.
// desk.js lends it what it needs with `init` (api, the open chat, a re-render).
"use strict";
window.DeskSurvey = (function () {
  const $ = (id) => document.getElementById(id);
  let desk = null;

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  const when = (iso) => (iso ? new Date(iso).toLocaleString("ja-JP", {
    timeZone: "Asia/Tokyo", month: "numeric", day: "numeric", hour: "2-digit", minute: "2-digit",
  }) : "");

  function kind(s) {
    if (!s) return "none";
    if (s.solved === true) return "solved";
    if (s.solved === false) return "unsolved";
    return "waiting";
  }

  // The side pane's section: hidden until the customer was asked.
  function render(h) {
    const box = $("survey");
    const s = h && h.survey;
    box.hidden = !s;
    if (!s) return;
    const answer = $("survey-answer");
    answer.className = `survey-answer ${kind(s)}`;
    answer.textContent = s.solved === null ? "まだ回答がありません" : `「${s.solved ? "はい" : "いいえ"}」（${s.label}）`;
    $("survey-at").textContent = s.answered_at ? `回答 ${when(s.answered_at)}` : `質問 ${when(s.asked_at)}`;
    const comment = $("survey-comment");
    comment.hidden = !s.comment;
    comment.textContent = s.comment || "";   // the customer's words: text, never HTML
  }

  // A mark on a card of 対応履歴.
  function cardMarks(h) {
    const s = h.survey;
    if (!s) return [];
    if (s.solved === null) return [el("span", "badge survey waiting", "回答待ち")];
    return [el("span", `badge survey ${kind(s)}`, s.solved ? "解決した" : "解決していない")];
  }

  // A transcript line arrived live: a closed chat's customer may just have answered.
  async function onLine(message, h) {
    if (!h || h.status !== "closed") return;
    try {
      const result = await desk.api("GET", `/api/handoffs/${h.id}/survey`);
      h.survey = result.survey;
      const current = desk.current();
      if (current && current.id === h.id) { current.survey = result.survey; render(current); }
      desk.changed();
    } catch (e) { /* shown on the next opening */ }
  }

  // A handoff pushed live carries no survey: it keeps the one known.
  function keep(previous, h) {
    if (previous && previous.survey !== undefined && h.survey === undefined) h.survey = previous.survey;
  }

  function init(lent) { desk = lent; }

  return { init, render, cardMarks, onLine, keep };
})();
