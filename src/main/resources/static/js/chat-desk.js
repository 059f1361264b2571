// The agents' chat workspace (/chats): presence heartbeat, the queue's badge and sound, and the open
// chat live over STOMP (lines in order and once, typing both ways, a composer that sends one
// message at a time and waits for it to come back). The server renders every line; this file
// fetches the new ones and puts them in place.
(function () {
  "use strict";

  const page = document.querySelector("main.chat-desk");
  if (!page || !window.StompJs) {
    return;
  }

  const HEARTBEAT_MS = 30000;
  const RESEND_AFTER_MS = 10000;
  const TYPING_REPEAT_MS = 3000;
  const TYPING_IDLE_MS = 4000;
  const VISITOR_TYPING_SHOWN_MS = 6000;
  const OFFLINE_NOTICE_AFTER_MS = 3000;

  const chatId = page.dataset.chat || null;
  const transcript = document.getElementById("chat-transcript");
  const composer = document.getElementById("chat-compose");
  const body = document.getElementById("chat-body");
  const sendButton = document.getElementById("chat-send");
  const sendError = document.getElementById("chat-send-error");
  const typingNotice = document.getElementById("chat-typing");
  const offline = document.getElementById("chat-offline");
  let lastSeq = transcript ? Number(transcript.dataset.lastSeq || 0) : 0;

  function csrfHeaders() {
    return window.Sportello ? window.Sportello.csrfHeaders() : {};
  }

  // ---- Presence: an open workspace keeps its agent counted as there.
  function heartbeat() {
    fetch(page.dataset.presenceUrl, { method: "POST", credentials: "same-origin", headers: csrfHeaders() })
      .catch(function () { /* the next beat tries again */ });
  }
  heartbeat();
  window.setInterval(heartbeat, HEARTBEAT_MS);

  // ---- Sound: browsers let a page play sound only after the person has used it, so the audio
  // context is made on the first click or key press; a short two-tone beep, no audio file.
  let audio = null;
  function unlockSound() {
    if (audio) {
      return;
    }
    const Context = window.AudioContext || window.webkitAudioContext;
    if (!Context) {
      return;
    }
    audio = new Context();
    page.dataset.sound = "on";
  }
  ["pointerdown", "keydown"].forEach(function (type) {
    document.addEventListener(type, unlockSound, { capture: true });
  });

  function beep() {
    if (!audio) {
      return;
    }
    if (audio.state === "suspended") {
      audio.resume();
    }
    [0, 0.18].forEach(function (offset, index) {
      const start = audio.currentTime + offset;
      const tone = audio.createOscillator();
      const volume = audio.createGain();
      tone.type = "sine";
      tone.frequency.value = index === 0 ? 880 : 1175;
      volume.gain.setValueAtTime(0.0001, start);
      volume.gain.exponentialRampToValueAtTime(0.2, start + 0.02);
      volume.gain.exponentialRampToValueAtTime(0.0001, start + 0.15);
      tone.connect(volume).connect(audio.destination);
      tone.start(start);
      tone.stop(start + 0.16);
    });
    page.dataset.beeps = String(Number(page.dataset.beeps || 0) + 1);
  }

  // ---- The queue: badge, title and the lists (htmx fetches them again on "chat-desk").
  const lists = document.getElementById("chat-lists");
  let waiting = lists ? Number(lists.dataset.waiting || 0) : 0;
  const title = document.title;

  function showWaiting(count) {
    document.title = count > 0 ? "(" + count + ") " + title : title;
    const nav = document.getElementById("nav-chat-badge");
    if (nav) {
      nav.textContent = String(count);
      nav.hidden = count === 0;
      nav.title = page.dataset.badgeText.replace("{0}", count);
    }
  }
  showWaiting(waiting);

  function desk(signal) {
    const count = Number(signal.waiting);
    if (count > waiting) {
      beep();
    }
    waiting = count;
    showWaiting(count);
    document.body.dispatchEvent(new CustomEvent("chat-desk"));
  }

  // ---- The transcript: whatever a signal says, the lines come from the server after the last shown,
  // so a line is never shown twice and never out of order, and a gap is filled at once.
  let fetching = false;
  let fetchAgain = false;

  function catchUp() {
    if (!transcript) {
      return;
    }
    if (fetching) {
      fetchAgain = true;
      return;
    }
    fetching = true;
    fetch(page.dataset.linesUrl + "?after=" + lastSeq, { credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        if (html) {
          const fresh = new DOMParser().parseFromString(html, "text/html").getElementById("chat-transcript");
          if (fresh) {
            Array.from(fresh.children).forEach(addLine);
          }
        }
      })
      .catch(function () { /* the reconnection catches up */ })
      .finally(function () {
        fetching = false;
        if (fetchAgain) {
          fetchAgain = false;
          catchUp();
        }
      });
  }

  function addLine(item) {
    const seq = Number(item.dataset.seq);
    if (!(seq > lastSeq)) {
      return;
    }
    lastSeq = seq;
    transcript.dataset.lastSeq = String(seq);
    const node = document.importNode(item, true);
    node.classList.add("is-new");
    if (pending && node.dataset.clientId === pending.clientId) {
      pending.node.remove();
      settled();
    }
    const before = transcript.querySelector("li.pending");
    transcript.insertBefore(node, before);
    if (node.classList.contains("line-visitor")) {
      showVisitorTyping(false);
    }
    scrollDown();
  }

  function scrollDown() {
    transcript.scrollTop = transcript.scrollHeight;
  }
  if (transcript) {
    scrollDown();
  }

  // ---- Typing, both ways.
  let visitorTypingTimer = null;
  function showVisitorTyping(on) {
    if (!typingNotice) {
      return;
    }
    typingNotice.hidden = !on;
    window.clearTimeout(visitorTypingTimer);
    if (on) {
      visitorTypingTimer = window.setTimeout(function () { typingNotice.hidden = true; }, VISITOR_TYPING_SHOWN_MS);
    }
  }

  let typingSentAt = 0;
  let typingIdleTimer = null;
  function typing(on) {
    if (!client.connected || !chatId) {
      return;
    }
    client.publish({ destination: "/app/chats/" + chatId + "/typing", body: JSON.stringify({ typing: on }) });
    typingSentAt = on ? Date.now() : 0;
  }

  // ---- State: the visitor may leave, a colleague or a supervisor may take the chat on or requeue it.
  function showState(status) {
    if (!status) {
      return;
    }
    if (status.state !== page.dataset.chatState) {
      page.dataset.chatState = status.state;
      const badge = document.getElementById("chat-state");
      const label = document.querySelector("[data-state-label='" + status.state + "']");
      if (badge && label) {
        badge.textContent = label.textContent;
        badge.className = "badge chat-state state-" + status.state;
      }
      if (status.state !== "active") {
        showControls(false);
      }
      if (status.state === "ended") {
        document.querySelectorAll("[data-ended-only]").forEach(function (element) { element.hidden = false; });
        showVisitorTyping(false);
      }
      document.body.dispatchEvent(new CustomEvent("chat-desk"));
    }
    const holder = status.agentName || "";
    if (status.state === "active" && holder !== (page.dataset.agentName || "")) {
      page.dataset.agentName = holder;
      if (holder === page.dataset.me) {
        // Handed to this agent: the page with the composer and the actions is the server's to draw.
        window.location.reload();
        return;
      }
      const notice = document.getElementById("chat-holder");
      if (notice) {
        notice.textContent = notice.dataset.text.replace("{0}", holder);
        notice.hidden = false;
      }
      if (page.dataset.supervisor !== "true") {
        showControls(false);
      }
      document.body.dispatchEvent(new CustomEvent("chat-desk"));
    }
  }

  function showControls(on) {
    document.querySelectorAll("[data-live-only]").forEach(function (element) { element.hidden = !on; });
  }

  function conversation(signal) {
    if (signal.type === "line") {
      if (signal.line.seq > lastSeq) {
        catchUp();
      }
    } else if (signal.type === "status") {
      showState(signal.status);
    } else if (signal.type === "typing") {
      if (signal.author === "visitor") {
        showVisitorTyping(signal.typing);
      }
    } else if (signal.type === "rejected") {
      if (pending && signal.clientId === pending.clientId) {
        refused(signal.reason);
      }
    }
  }

  // ---- The composer: one message at a time, shown as "sending" until its line comes back.
  let pending = null;
  let resendTimer = null;

  function newClientId() {
    const random = window.crypto && window.crypto.randomUUID
      ? window.crypto.randomUUID().replace(/-/g, "")
      : Math.random().toString(36).slice(2) + Date.now().toString(36);
    return "desk-" + random.slice(0, 40);
  }

  function publishPending() {
    if (!pending || !client.connected) {
      return;
    }
    client.publish({
      destination: "/app/chats/" + chatId + "/send",
      body: JSON.stringify({ clientId: pending.clientId, body: pending.body })
    });
    window.clearTimeout(resendTimer);
    // Stored but its line lost on the way, or never arrived: the same id again is harmless.
    resendTimer = window.setTimeout(function () {
      catchUp();
      publishPending();
    }, RESEND_AFTER_MS);
  }

  function settled() {
    window.clearTimeout(resendTimer);
    pending = null;
    if (sendButton) {
      sendButton.disabled = false;
    }
    page.dataset.sending = "false";
  }

  // A refused message leaves the transcript (only stored lines stay there) and returns to the box,
  // with the desk's reason under it.
  function refused(reason) {
    const template = document.getElementById("chat-rejected-text");
    if (sendError) {
      sendError.textContent = template ? template.textContent.replace("{0}", reason || "") : reason;
      sendError.hidden = false;
    }
    if (body && body.value.trim() === "") {
      body.value = pending.body;
    }
    pending.node.remove();
    settled();
  }

  function send() {
    if (!body || pending) {
      return;
    }
    const text = body.value.trim();
    if (text === "") {
      return;
    }
    if (sendError) {
      sendError.hidden = true;
    }
    const template = document.getElementById("chat-pending-template");
    const node = template.content.firstElementChild.cloneNode(true);
    node.querySelector(".line-body").textContent = text;
    transcript.appendChild(node);
    scrollDown();
    pending = { clientId: newClientId(), body: text, node: node };
    node.dataset.clientId = pending.clientId;
    body.value = "";
    sendButton.disabled = true;
    page.dataset.sending = "true";
    window.clearTimeout(typingIdleTimer);
    typing(false);
    publishPending();
  }

  if (composer && body) {
    composer.addEventListener("submit", function (event) {
      event.preventDefault();
      send();
    });
    body.addEventListener("keydown", function (event) {
      if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        send();
      }
    });
    body.addEventListener("input", function () {
      window.clearTimeout(typingIdleTimer);
      if (body.value.trim() === "") {
        if (typingSentAt) {
          typing(false);
        }
        return;
      }
      if (Date.now() - typingSentAt > TYPING_REPEAT_MS) {
        typing(true);
      }
      typingIdleTimer = window.setTimeout(function () { typing(false); }, TYPING_IDLE_MS);
    });
  }

  // Canned replies go into the box at the cursor, like a picked FAQ answer.
  document.addEventListener("click", function (event) {
    const canned = event.target.closest("[data-canned]");
    if (!canned || !body) {
      return;
    }
    const start = body.selectionStart == null ? body.value.length : body.selectionStart;
    const end = body.selectionEnd == null ? body.value.length : body.selectionEnd;
    const before = body.value.substring(0, start);
    const gap = before.length > 0 && !/\s$/.test(before) ? " " : "";
    body.value = before + gap + canned.dataset.text + body.value.substring(end);
    const caret = (before + gap + canned.dataset.text).length;
    body.focus();
    body.setSelectionRange(caret, caret);
  });

  // ---- The connection: the desk's topic always, the open chat's topic when there is one. After
  // every (re)connection: the lines missed meanwhile, the lists again, and a message still unsent.
  let offlineTimer = null;
  const scheme = window.location.protocol === "https:" ? "wss://" : "ws://";
  const client = new window.StompJs.Client({
    brokerURL: scheme + window.location.host + page.dataset.socketPath,
    reconnectDelay: 3000,
    heartbeatIncoming: 10000,
    heartbeatOutgoing: 10000
  });

  function parse(message) {
    try {
      return JSON.parse(message.body);
    } catch (ignored) {
      return {};
    }
  }

  client.onConnect = function () {
    window.clearTimeout(offlineTimer);
    offlineTimer = null;
    if (offline) {
      offline.hidden = true;
    }
    client.subscribe("/topic/chats.desk", function (message) { desk(parse(message)); });
    if (chatId) {
      client.subscribe("/topic/chat." + chatId, function (message) { conversation(parse(message)); });
      catchUp();
      publishPending();
    }
    document.body.dispatchEvent(new CustomEvent("chat-desk"));
    page.dataset.live = "open";
  };

  client.onWebSocketClose = function () {
    page.dataset.live = "reconnecting";
    if (offlineTimer === null) {
      offlineTimer = window.setTimeout(function () {
        if (offline) {
          offline.hidden = false;
        }
      }, OFFLINE_NOTICE_AFTER_MS);
    }
  };

  client.activate();
})();
