// The inbox at the keyboard, and the bulk selection. j/k move the highlight through the rows (focusing
// the ticket's link, so Enter opens it), o opens the highlighted ticket, x selects it. The keys arrive as
// clicks on the hidden buttons that sportello.js presses for data-shortcut (so "?" lists them too).
(function () {
  "use strict";

  // htmx re-runs this script when it restores the page from history; listen only once.
  if (window.SportelloInbox) {
    return;
  }
  window.SportelloInbox = true;

  const ROW = "#inbox-results tr.inbox-row";
  const BOX = '#inbox-results input[name="ids"]';

  function rows() {
    return Array.from(document.querySelectorAll(ROW));
  }

  function current() {
    return document.querySelector(ROW + ".is-current");
  }

  function highlight(row) {
    rows().forEach(function (other) { other.classList.toggle("is-current", other === row); });
    if (!row) {
      return;
    }
    const link = row.querySelector("a.subject-link");
    if (link) {
      link.focus({ preventScroll: true });
    }
    row.scrollIntoView({ block: "nearest" });
  }

  function move(step) {
    const all = rows();
    if (all.length === 0) {
      return;
    }
    const at = all.indexOf(current());
    const next = at < 0 ? (step > 0 ? 0 : all.length - 1) : Math.min(all.length - 1, Math.max(0, at + step));
    highlight(all[next]);
  }

  function open() {
    const row = current();
    const link = row && row.querySelector("a.subject-link");
    if (link) {
      window.location.assign(link.href);
    }
  }

  function toggle() {
    const row = current();
    const box = row && row.querySelector('input[name="ids"]');
    if (box) {
      box.checked = !box.checked;
      box.dispatchEvent(new Event("change", { bubbles: true }));
    }
  }

  function showSelection() {
    const boxes = Array.from(document.querySelectorAll(BOX));
    const chosen = boxes.filter(function (box) { return box.checked; }).length;
    boxes.forEach(function (box) { box.closest("tr").classList.toggle("is-selected", box.checked); });
    const all = document.getElementById("inbox-select-all");
    if (all) {
      all.checked = boxes.length > 0 && chosen === boxes.length;
      all.indeterminate = chosen > 0 && chosen < boxes.length;
    }
    const output = document.getElementById("inbox-selected");
    if (output) {
      output.textContent = chosen === 0 ? output.dataset.none
        : chosen === 1 ? output.dataset.one
          : output.dataset.many.replace("{0}", String(chosen));
      output.classList.toggle("has-selection", chosen > 0);
    }
    const form = document.getElementById("inbox-bulk");
    if (form) {
      form.classList.toggle("has-selection", chosen > 0);
    }
  }

  document.addEventListener("click", function (event) {
    const key = event.target.closest("[data-inbox-key]");
    if (!key) {
      return;
    }
    switch (key.dataset.inboxKey) {
      case "next": move(1); break;
      case "previous": move(-1); break;
      case "open": open(); break;
      case "select": toggle(); break;
    }
  });

  document.addEventListener("change", function (event) {
    if (event.target.id === "inbox-select-all") {
      document.querySelectorAll(BOX).forEach(function (box) { box.checked = event.target.checked; });
    }
    if (event.target.matches("#inbox-select-all, " + BOX)) {
      showSelection();
    }
  });

  // Whatever row the pointer or Tab reaches becomes the one j/k continue from.
  document.addEventListener("focusin", function (event) {
    const row = event.target.closest && event.target.closest(ROW);
    if (row) {
      rows().forEach(function (other) { other.classList.toggle("is-current", other === row); });
    }
  });

  // On a phone the filters other than the search fold away (unless one is in use), so the tickets
  // come into sight; on a wider screen they are always open.
  function foldFilters() {
    const more = document.querySelector(".inbox .more-filters");
    if (!more) {
      return;
    }
    const phone = window.matchMedia("(max-width: 760px)");
    const inUse = Array.from(more.querySelectorAll("select, input"))
      .some(function (field) { return field.name !== "sort" && field.value; });
    more.open = !phone.matches || inUse;
    phone.addEventListener("change", function () {
      if (!phone.matches) {
        more.open = true;
      }
    });
  }

  const page = document.querySelector("main.inbox");
  if (page) {
    page.classList.add("has-js");
  }
  foldFilters();

  // A new list (filter, page, bulk action) arrives with nothing selected.
  document.addEventListener("htmx:afterSettle", showSelection);
  showSelection();
})();
