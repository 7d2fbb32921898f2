// Never miss a handoff: a new one is announced with a short tone (unless the operator muted
// it), a desktop notification (when the browser allows it) and the number of customers no
// operator has taken yet in the tab's title. Urgency and labels come from the API
// (`urgent`, `reason_label`, `channel_label`): this file names no reason of its own.
"use strict";
window.DeskAlerts = (function () {
  const SOUND_KEY = "madoguchi.desk.sound";  // "off" while the operator has muted the tone
  const TITLE = "オペレーター画面 | お問い合わせ窓口";
  const BURST_MS = 1500;                     // handoffs arriving together get one tone
  // [Hz, start s, length s]: a soft two-note chime; urgent ones a longer, rising-falling call
  const TONES = {
    normal: [[660, 0, 0.18], [880, 0.2, 0.3]],
    urgent: [[880, 0, 0.14], [660, 0.17, 0.14], [880, 0.34, 0.14], [660, 0.51, 0.3]],
  };

  const $ = (id) => document.getElementById(id);
  let audio = null;
  let lastTone = { at: 0, urgent: false };
  let open = () => {};

  // ------------------------------------------------------------ sound

  function soundOn() {
    try { return localStorage.getItem(SOUND_KEY) !== "off"; } catch (e) { return true; }
  }

  function setSound(on) {
    try {
      if (on) localStorage.removeItem(SOUND_KEY); else localStorage.setItem(SOUND_KEY, "off");
    } catch (e) { /* storage refused: the choice lasts until the page is reloaded */ }
    renderSound(on);
  }

  function renderSound(on) {
    const button = $("sound-toggle");
    button.setAttribute("aria-checked", String(on));
    button.textContent = on ? "通知音 オン" : "通知音 オフ";
    button.title = on ? "押すと、新しいお客さまの通知音を消します" : "押すと、新しいお客さまの通知音を鳴らします";
  }

  function tone(urgent) {
    if (!soundOn()) return;
    const now = Date.now();
    if (now - lastTone.at < BURST_MS && (lastTone.urgent || !urgent)) return;
    const Context = window.AudioContext || window.webkitAudioContext;
    if (!Context) return;
    // Before the first click on the page the browser would hold the tone and play it late.
    if (navigator.userActivation && !navigator.userActivation.hasBeenActive) return;
    try {
      audio = audio || new Context();
      if (audio.state === "suspended") audio.resume().catch(() => {});
      const t = audio.currentTime + 0.02;
      for (const [frequency, start, length] of TONES[urgent ? "urgent" : "normal"]) {
        const oscillator = audio.createOscillator();
        const gain = audio.createGain();
        oscillator.type = "sine";
        oscillator.frequency.value = frequency;
        gain.gain.setValueAtTime(0.0001, t + start);
        gain.gain.exponentialRampToValueAtTime(0.25, t + start + 0.02);
        gain.gain.exponentialRampToValueAtTime(0.0001, t + start + length);
        oscillator.connect(gain);
        gain.connect(audio.destination);
        oscillator.start(t + start);
        oscillator.stop(t + start + length + 0.02);
      }
      lastTone = { at: now, urgent };
    } catch (e) { /* no audio device: the notification and the title still tell */ }
  }

  // ------------------------------------------------------------ desktop notifications

  const canNotify = () => "Notification" in window;

  function renderPermission() {
    const permission = canNotify() ? Notification.permission : "unsupported";
    $("notify-ask").hidden = permission !== "default";
    $("notify-denied").hidden = permission !== "denied";
  }

  async function askPermission() {
    try { await Notification.requestPermission(); } catch (e) { /* the browser said no */ }
    renderPermission();
  }

  function notify(h, headline) {
    if (!canNotify() || Notification.permission !== "granted") return;
    const who = h.customer_name ? `${h.customer_name} 様` : "お名前未確認のお客さま";
    const body = [`${h.reason_label || h.reason}・${h.channel_label || h.channel}（No.${h.id}）`, who, h.summary]
      .filter(Boolean).join("\n");
    try {
      const notification = new Notification(headline, {
        body: body.slice(0, 240), tag: `madoguchi-handoff-${h.id}`, lang: "ja", requireInteraction: !!h.urgent,
      });
      notification.onclick = () => { window.focus(); open(h.id); notification.close(); };
    } catch (e) { /* a browser that only notifies from a service worker: the tone and title still tell */ }
  }

  // ------------------------------------------------------------ what the console calls

  // A handoff that just arrived (or an open one that became urgent): tone and notification.
  // Returns the line the console shows in its toast.
  function announce(h, becameUrgent) {
    const headline = becameUrgent
      ? "【至急】お待ちのお客さまのご用件が至急になりました"
      : `${h.urgent ? "【至急】" : ""}新しいお客さまが待っています`;
    tone(!!h.urgent);
    notify(h, headline);
    return `${headline}：${h.reason_label || h.reason}`;
  }

  // The tab's title: "(3) オペレーター画面 | …", counting the open handoffs no operator has taken.
  function showWaiting(handoffs) {
    const waiting = handoffs.filter((h) => h.status === "open" && !h.operator);
    const urgent = waiting.some((h) => h.urgent) ? "【至急】" : "";
    document.title = waiting.length ? `(${waiting.length}) ${urgent}${TITLE}` : TITLE;
  }

  // `openHandoff(id)`: what clicking a notification opens.
  function init(openHandoff) {
    open = openHandoff;
    renderSound(soundOn());
    $("sound-toggle").addEventListener("click", () => setSound(!soundOn()));
    window.addEventListener("storage", (e) => { if (e.key === SOUND_KEY) renderSound(soundOn()); });  // another tab
    $("notify-permission").addEventListener("click", askPermission);
    renderPermission();
  }

  return { init, announce, showWaiting };
})();
