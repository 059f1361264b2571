// The staff ticket page: live timeline, who else is on the ticket, and the reply box's modes.
// The server renders every piece of HTML; this file only fetches it and puts it in place.
(function () {
  "use strict";

  const page = document.querySelector("main.ticket-page");
  if (!page) {
    return;
  }

  const HEARTBEAT_MS = 10000;
  const TYPING_PAUSE_MS = 30000;
  const OFFLINE_NOTICE_AFTER_MS = 5000;

  function csrfHeaders() {
    return window.Sportello ? window.Sportello.csrfHeaders() : {};
  }

  // ---- Reply box: a shortcut or a click on a mode's tab selects it and puts the cursor in the text.
  const body = document.getElementById("reply-body");
  document.querySelectorAll("[data-reply-mode]").forEach(function (tab) {
    tab.addEventListener("click", function () {
      const radio = document.getElementById(tab.htmlFor);
      if (radio && radio.disabled) {
        return;
      }
      window.setTimeout(function () {
        if (body) {
          body.focus();
        }
      }, 0);
    });
  });

  document.querySelectorAll("[data-show-shortcuts]").forEach(function (button) {
    button.addEventListener("click", function () {
      document.dispatchEvent(new KeyboardEvent("keydown", { key: "?", bubbles: true }));
    });
  });

  // ---- The properties panel: remember whether the agent has started changing it.
  let propertiesDirty = false;
  function watchProperties() {
    const form = document.querySelector("#properties form");
    if (!form) {
      return;
    }
    propertiesDirty = document.querySelector("#properties .stale") !== null;
    ["input", "change"].forEach(function (type) {
      form.addEventListener(type, function () { propertiesDirty = true; });
    });
  }
  watchProperties();

  // ---- Timeline: fetch it again and add what is new, keeping what is already on screen (and read).
  function parse(html) {
    return new DOMParser().parseFromString(html, "text/html");
  }

  function mergeTimeline(list, fresh) {
    const existing = new Map();
    Array.from(list.children).forEach(function (item) { existing.set(item.dataset.key, item); });
    let previous = null;
    Array.from(fresh.children).forEach(function (item) {
      const key = item.dataset.key;
      const known = existing.get(key);
      if (known) {
        existing.delete(key);
        // Relative times ("3 minuti fa") move on; the rest of a shown entry does not change.
        const times = known.querySelectorAll("time");
        item.querySelectorAll("time").forEach(function (time, index) {
          if (times[index] && times[index].textContent !== time.textContent) {
            times[index].textContent = time.textContent;
          }
        });
        previous = known;
        return;
      }
      const node = document.importNode(item, true);
      node.classList.add("is-new");
      if (previous) {
        previous.after(node);
      } else {
        list.prepend(node);
      }
      previous = node;
    });
    existing.forEach(function (item) { item.remove(); });
    list.dataset.version = fresh.dataset.version;
  }

  function refreshProperties(version) {
    const form = document.querySelector("#properties form");
    const shown = form && form.querySelector("input[name=version]");
    if (!shown || shown.value === version) {
      return;
    }
    if (propertiesDirty) {
      const notice = document.querySelector("#properties .changed-elsewhere");
      if (notice) {
        notice.hidden = false;
      }
      return;
    }
    fetch(page.dataset.propertiesUrl, { credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        const fresh = html && parse(html).getElementById("properties");
        const current = document.getElementById("properties");
        if (fresh && current && !propertiesDirty) {
          current.replaceWith(document.importNode(fresh, true));
          watchProperties();
        }
      })
      .catch(function () { /* the next change tries again */ });
  }

  let refreshTimer = null;
  function refresh() {
    // Several events often arrive together (a reply and its status change): fetch once.
    window.clearTimeout(refreshTimer);
    refreshTimer = window.setTimeout(function () {
      fetch(page.dataset.timelineUrl, { credentials: "same-origin" })
        .then(function (response) { return response.ok ? response.text() : null; })
        .then(function (html) {
          if (!html) {
            return;
          }
          const fresh = parse(html);
          const list = document.getElementById("timeline-list");
          const freshList = fresh.getElementById("timeline-list");
          if (list && freshList) {
            mergeTimeline(list, freshList);
            refreshProperties(freshList.dataset.version);
          }
          const header = document.getElementById("ticket-header");
          const freshHeader = fresh.getElementById("ticket-header");
          if (header && freshHeader) {
            header.replaceWith(document.importNode(freshHeader, true));
          }
        })
        .catch(function () { /* offline: the stream's reconnection fetches again */ });
    }, 150);
  }

  // ---- Who else is here.
  const presence = document.getElementById("presence");
  function showPresence(others) {
    if (!presence) {
      return;
    }
    presence.replaceChildren();
    others.forEach(function (other) {
      const line = document.createElement("p");
      line.className = other.replying ? "present replying" : "present";
      const template = other.replying ? presence.dataset.replying : presence.dataset.viewing;
      line.textContent = template.replace("{0}", other.name);
      presence.appendChild(line);
    });
    presence.hidden = others.length === 0;
  }

  // ---- Heartbeat: still here, typing or not.
  let lastTyped = 0;
  let replyingSent = null;
  function replying() {
    if (!body || body.value.trim() === "") {
      return false;
    }
    return document.activeElement === body || Date.now() - lastTyped < TYPING_PAUSE_MS;
  }

  function heartbeat() {
    const now = replying();
    replyingSent = now;
    const headers = csrfHeaders();
    headers["Content-Type"] = "application/x-www-form-urlencoded";
    fetch(page.dataset.presenceUrl, {
      method: "POST",
      credentials: "same-origin",
      headers: headers,
      body: "replying=" + now
    }).catch(function () { /* the next beat tries again */ });
  }

  function typingChanged() {
    if (replying() !== replyingSent) {
      heartbeat();
    }
  }

  if (body) {
    body.addEventListener("input", function () {
      lastTyped = Date.now();
      typingChanged();
    });
    body.addEventListener("focus", typingChanged);
    body.addEventListener("blur", typingChanged);
  }
  heartbeat();
  window.setInterval(heartbeat, HEARTBEAT_MS);

  // ---- The live stream. EventSource reconnects by itself; after a gap, fetch the timeline again
  // so nothing said meanwhile is missed.
  const offline = document.getElementById("live-offline");
  let offlineTimer = null;
  let opened = false;

  function connect() {
    const source = new EventSource(page.dataset.liveUrl, { withCredentials: true });
    source.addEventListener("open", function () {
      page.dataset.live = "open";
      window.clearTimeout(offlineTimer);
      offlineTimer = null;
      if (offline) {
        offline.hidden = true;
      }
      if (opened) {
        refresh();
      }
      opened = true;
    });
    source.addEventListener("ticket", refresh);
    source.addEventListener("presence", function (event) {
      try {
        showPresence(JSON.parse(event.data));
      } catch (ignored) {
        showPresence([]);
      }
    });
    source.addEventListener("error", function () {
      page.dataset.live = "reconnecting";
      if (offlineTimer === null) {
        offlineTimer = window.setTimeout(function () {
          if (offline) {
            offline.hidden = false;
          }
        }, OFFLINE_NOTICE_AFTER_MS);
      }
      if (source.readyState === EventSource.CLOSED) {
        // Refused outright (signed out, or the server restarting): try again a little later.
        window.setTimeout(connect, HEARTBEAT_MS);
      }
    });
  }
  connect();
})();
