// Sportello's small browser-side glue: CSRF for htmx requests and keyboard shortcuts.
// Page behaviour hangs off data-* attributes so templates need no inline script (the CSP forbids it).
(function () {
  "use strict";

  function meta(name) {
    const element = document.querySelector('meta[name="' + name + '"]');
    return element ? element.content : null;
  }

  function typing(event) {
    const target = event.target;
    return Boolean(target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)));
  }

  // The server shows dates in the reader's own time zone once the browser has told it (cookie).
  try {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const known = document.cookie.split("; ").find(function (c) { return c.indexOf("sportello-tz=") === 0; });
    if (zone && (!known || decodeURIComponent(known.substring(12)) !== zone)) {
      document.cookie = "sportello-tz=" + encodeURIComponent(zone) + "; path=/; max-age=31536000; samesite=lax";
    }
  } catch (ignored) {
    // An old browser without Intl: the desk's zone it is.
  }

  // htmx requests carry the CSRF token the server expects on every state-changing call.
  document.addEventListener("htmx:configRequest", function (event) {
    Object.assign(event.detail.headers, csrfHeaders());
  });

  // Keyboard shortcuts: any element with data-shortcut="r" is clicked (or focused, for fields)
  // when that key is pressed outside a text field; "?" lists them all, labelled by
  // data-shortcut-label (or the element's own label). Escape leaves a text field.
  function shortcutLabel(element) {
    return element.dataset.shortcutLabel || element.getAttribute("aria-label") || element.textContent.trim();
  }

  function showShortcuts() {
    const dialog = document.getElementById("shortcut-help");
    if (!dialog) {
      return;
    }
    if (dialog.open) {
      dialog.close();
      return;
    }
    const list = dialog.querySelector("dl");
    list.querySelectorAll("[data-generated]").forEach(function (node) { node.remove(); });
    document.querySelectorAll("[data-shortcut]").forEach(function (element) {
      const term = document.createElement("dt");
      const key = document.createElement("kbd");
      key.textContent = element.dataset.shortcut;
      term.appendChild(key);
      term.dataset.generated = "true";
      const description = document.createElement("dd");
      description.textContent = shortcutLabel(element);
      description.dataset.generated = "true";
      list.appendChild(term);
      list.appendChild(description);
    });
    dialog.showModal();
  }

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) {
      return;
    }
    if (typing(event)) {
      if (event.key === "Escape") {
        event.target.blur();
      }
      return;
    }
    if (event.key === "?") {
      event.preventDefault();
      showShortcuts();
      return;
    }
    const target = Array.from(document.querySelectorAll("[data-shortcut]"))
      .find(function (element) { return element.dataset.shortcut === event.key; });
    if (!target) {
      return;
    }
    event.preventDefault();
    if (/^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) {
      target.focus();
    } else {
      target.click();
    }
  });

  // The CSRF header the server expects on a state-changing call (htmx's and fetch()'s alike).
  function csrfHeaders() {
    const headers = {};
    const header = meta("csrf-header");
    const token = meta("csrf-token");
    if (header && token) {
      headers[header] = token;
    }
    return headers;
  }

  window.Sportello = { meta: meta, typing: typing, csrfHeaders: csrfHeaders };
})();
