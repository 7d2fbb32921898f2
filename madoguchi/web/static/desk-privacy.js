// The 個人情報 tab: a customer's data found by phone number or conversation id, shown table
// by table, downloaded as JSON (開示) or deleted (削除) after a confirmation; the retention
// periods of the shop's rules file and the last automatic deletion. The server does the work
// (POST /api/privacy/search, /export, /delete and GET /api/privacy), and writes every request
// to the audit log. What is searched goes in request bodies, never in a URL.
// desk.js lends it `api`, the token, `confirm` and `toast` with `init`.
"use strict";
window.DeskPrivacy = (function () {
  const $ = (id) => document.getElementById(id);
  let desk = null;
  let found = null;  // {query, result} of the last search

  const KIND_LABELS = {
    messages: "会話の記録（発言）",
    handoffs: "担当者への引き継ぎ（要約・伺った内容）",
    notes: "担当者のメモ",
    surveys: "「解決しましたか」へのお答え",
    desk_operations: "返信・終了などの処理の記録",
    catalog_requests: "カタログ請求",
    order_changes: "ご注文の変更の記録",
    order_verifications: "ご本人確認済みのご注文",
    callbacks: "折り返し電話のご予約",
    channel_profiles: "LINE の表示名",
    web_chat_sessions: "Webチャットのセッション",
    tracker_events: "ボットの会話データ",
  };
  const ACTION_LABELS = { privacy_delete: "削除", privacy_export: "書き出し" };

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  const when = (iso) => (iso ? new Date(iso).toLocaleString("ja-JP", {
    timeZone: "Asia/Tokyo", year: "numeric", month: "numeric", day: "numeric", hour: "2-digit", minute: "2-digit",
  }) : "");

  // "messages=8 handoffs=2" (the audit log's detail) as 会話の記録（発言） 8件、…
  function counted(detail) {
    const parts = (detail || "").split(" ").map((p) => p.split("=")).filter(([k, n]) => KIND_LABELS[k] && n);
    return parts.map(([k, n]) => `${KIND_LABELS[k]} ${n}件`).join("、");
  }

  function showError(message) {
    $("privacy-error").textContent = message || "";
    $("privacy-error").hidden = !message;
  }

  function by() {
    return document.querySelector("input[name=privacy-by]:checked").value;
  }

  function byChanged() {
    const phone = by() === "phone";
    $("privacy-value-label").textContent = phone ? "電話番号" : "会話ID";
    $("privacy-value").placeholder = phone ? "例：090-1234-5678" : "例：U4af4980629e2c1f1a8d9c0a3b9e6d7c5";
  }

  function conversationRow(c) {
    const tr = el("tr");
    const span = c.first_at ? `${when(c.first_at)} 〜 ${when(c.last_at)}` : "—";
    const handed = c.handoff_ids.length ? c.handoff_ids.map((id) => `No.${id}`).join("、") : "—";
    [c.channel_label, c.sender_id, c.display_name || "—", span, `${c.lines}件`, handed]
      .forEach((text) => tr.appendChild(el("td", null, text)));
    return tr;
  }

  function render(result) {
    $("privacy-conversations").replaceChildren(...result.conversations.map(conversationRow));
    const counts = [];
    for (const [kind, label] of Object.entries(KIND_LABELS)) {
      const n = result.counts[kind] || 0;
      if (!n) continue;
      const dt = el("dt", null, label);
      const dd = el("dd", null, `${n}件`);
      dd.dataset.kind = kind;
      counts.push(dt, dd);
    }
    $("privacy-counts").replaceChildren(...counts);
    const orders = result.counts.orders || 0;
    $("privacy-orders").textContent = orders
      ? `この電話番号のご注文が ${orders}件あります。ご注文は注文システムの記録のため、書き出しには含めますが、ここでは削除しません。`
      : "";
    $("privacy-orders").hidden = !orders;
    const open = result.open_handoffs.length > 0;
    $("privacy-open").textContent = open
      ? `担当者が対応中の会話（${result.open_handoffs.map((id) => `No.${id}`).join("、")}）があります。削除は、会話を終了するか、ボットに戻してからにしてください。`
      : "";
    $("privacy-open").hidden = !open;
    $("privacy-delete").disabled = open;
    $("privacy-result").hidden = false;
  }

  async function search(e) {
    e.preventDefault();
    const value = $("privacy-value").value.trim();
    showError("");
    $("privacy-done").hidden = true;
    $("privacy-result").hidden = true;
    found = null;
    if (!value) { showError(by() === "phone" ? "電話番号を入力してください。" : "会話ID を入力してください。"); return; }
    const query = { [by()]: value };
    $("privacy-search").disabled = true;
    try {
      const result = await desk.api("POST", "/api/privacy/search", query);
      if (!result.found) {
        showError("このお客さまの情報は見つかりませんでした。入力に誤りがないか、ご確認ください。");
        return;
      }
      found = { query, result };
      render(result);
    } catch (err) {
      if (err.status !== 401) showError(err.message);
    } finally {
      $("privacy-search").disabled = false;
    }
  }

  async function download() {
    if (!found) return;
    $("privacy-export").disabled = true;
    try {
      const response = await fetch("/api/privacy/export", {
        method: "POST",
        headers: { Authorization: `Bearer ${desk.token()}`, "Content-Type": "application/json" },
        body: JSON.stringify(found.query),
      });
      if (!response.ok) {
        const data = await response.json().catch(() => ({}));
        throw new Error(data.message || `書き出せませんでした（${response.status}）。`);
      }
      const disposition = response.headers.get("Content-Disposition") || "";
      const name = (disposition.match(/filename="([^"]+)"/) || [])[1] || "customer-data.json";
      const url = URL.createObjectURL(await response.blob());
      const link = el("a");
      link.href = url;
      link.download = name;
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10000);
      desk.toast("書き出しました。ファイルはお客さまにお渡しするまで大切に保管してください。");
      await load();
    } catch (err) {
      desk.toast(err.message);
    } finally {
      $("privacy-export").disabled = false;
    }
  }

  async function remove() {
    if (!found) return;
    const held = Object.keys(KIND_LABELS).filter((k) => found.result.counts[k])
      .map((k) => `${KIND_LABELS[k]} ${found.result.counts[k]}件`).join("、");
    const ok = await desk.confirm(
      `このお客さまの情報をすべて削除します（${held}）。\n削除すると元に戻せません。よろしいですか？`,
      "削除する",
    );
    if (!ok) return;
    $("privacy-delete").disabled = true;
    try {
      const result = await desk.api("POST", "/api/privacy/delete", { ...found.query, confirm: true });
      const detail = Object.entries(result.deleted).filter(([, n]) => n).map(([k, n]) => `${k}=${n}`).join(" ");
      $("privacy-result").hidden = true;
      $("privacy-done").textContent = `削除しました（${counted(detail)}）。この操作は操作記録に残りました。`;
      $("privacy-done").hidden = false;
      found = null;
      $("privacy-value").value = "";
      await load();
    } catch (err) {
      if (err.status !== 401) showError(err.message);
      $("privacy-delete").disabled = false;
    }
  }

  function recentItem(entry) {
    const action = ACTION_LABELS[entry.action] || entry.action;
    const what = counted(entry.detail);
    return el("li", null, `${when(entry.at)}　${entry.actor} さんが${action}しました${what ? `（${what}）` : ""}`);
  }

  // The periods and the log of what was done lately.
  async function load() {
    const overview = await desk.api("GET", "/api/privacy");
    const r = overview.retention;
    $("privacy-periods").textContent =
      `会話の記録・引き継ぎ・「解決しましたか」へのお答えなどは ${r.conversations_days}日、` +
      `カタログ請求は発送から ${r.catalog_requests_days}日たつと、自動で削除します（${r.purge_every_hours}時間ごとに確認します）。` +
      "期間はお店の規定ファイル（shop/rules.yml の privacy）で決めています。";
    const last = overview.last_purge;
    $("privacy-last-purge").textContent = !last ? "自動削除はまだ行われていません。"
      : last.outcome !== "ok" ? `最後の自動削除（${when(last.at)}）は失敗しました。システムの担当者にお知らせください。`
      : `最後の自動削除：${when(last.at)}（${counted(last.detail) || "削除するものはありませんでした"}）`;
    $("privacy-recent").replaceChildren(...overview.recent.map(recentItem));
    $("privacy-recent-empty").hidden = overview.recent.length > 0;
  }

  function init(lent) {
    desk = lent;
    $("privacy-form").addEventListener("submit", search);
    document.querySelectorAll("input[name=privacy-by]").forEach((r) => r.addEventListener("change", byChanged));
    $("privacy-export").addEventListener("click", download);
    $("privacy-delete").addEventListener("click", remove);
  }

  return { init, load };
})();
