// A small Socket.IO (v5 protocol, Engine.IO v4) client over WebSocket, enough for
// Rasa's socketio channel: connect, emit, receive events, ping/pong, reconnect.
"use strict";
class MiniSocket {
  constructor(baseUrl) {
    this.url = baseUrl.replace(/^http/, "ws").replace(/\/$/, "") + "/socket.io/?EIO=4&transport=websocket";
    this.handlers = {};
    this.delay = 500;
    this.closed = false;
  }
  on(event, fn) { (this.handlers[event] = this.handlers[event] || []).push(fn); return this; }
  fire(event, ...args) { (this.handlers[event] || []).forEach((fn) => fn(...args)); }
  connect() {
    const ws = new WebSocket(this.url);
    this.ws = ws;
    ws.onmessage = (e) => this.packet(String(e.data));
    ws.onclose = () => {
      this.connected = false;
      this.fire("disconnect");
      if (!this.closed) setTimeout(() => this.connect(), this.delay = Math.min(this.delay * 2, 8000));
    };
    ws.onerror = () => ws.close();
  }
  packet(data) {
    const type = data[0];
    if (type === "0") { this.ws.send("40"); return; }          // engine open: join namespace "/"
    if (type === "2") { this.ws.send("3"); return; }           // ping -> pong
    if (type !== "4") return;
    const kind = data[1], body = data.slice(2);
    if (kind === "0") { this.connected = true; this.delay = 500; this.fire("connect"); return; }
    if (kind === "2") {
      const [event, ...args] = JSON.parse(body);
      this.fire(event, ...args);
    }
  }
  emit(event, payload) {
    if (!this.connected) return false;
    this.ws.send("42" + JSON.stringify([event, payload]));
    return true;
  }
}
