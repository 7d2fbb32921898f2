// The console's calls to the desk API: the operator's token on each, errors as ApiError
// with the server's Japanese message, a 401 sending the console back to its login, and an
// operator action kept under one key until it has an outcome.
// desk.js lends it the token and the way back to the login with `init`.
"use strict";
window.DeskApi = (function () {
  const { toast } = window.DeskHelpers;
  let desk = null;

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
    const options = { method, headers: { Authorization: `Bearer ${desk.token()}` } };
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
      desk.toLogin("ログインの有効期限が切れました。もう一度ログインしてください。");
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

  function init(lent) {
    desk = lent;
  }

  return { init, api, act, newKey };
})();
