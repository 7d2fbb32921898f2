// カタログ請求 on the console: the requests customers made, the latest first, each marked
// 発送済み once the catalog is sent (or back, if marked by mistake).
"use strict";
window.DeskCatalog = (function () {
  const $ = (id) => document.getElementById(id);
  const { el, when, toast } = window.DeskHelpers;
  const { api } = window.DeskApi;

  async function loadCatalog() {
    const rows = await api("GET", "/api/catalog-requests");
    $("catalog-rows").replaceChildren(...rows.map(catalogRow));
    $("catalog-empty").hidden = rows.length > 0;
  }

  function catalogRow(r) {
    const tr = el("tr");
    tr.dataset.catalogId = String(r.id);
    const method = (r.shipping_label || r.shipping_method) + (r.resend_of ? `（再送：No.${r.resend_of}）` : "");
    [when(r.created_at), r.name, r.postal_code, r.address, r.phone_label || r.phone, method]
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

  function init() {
    $("catalog-refresh").addEventListener("click", () => loadCatalog().catch((e) => { if (e.status !== 401) toast(e.message); }));
  }

  return { init, loadCatalog };
})();
