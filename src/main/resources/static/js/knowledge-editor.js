// The knowledge editor's glue: question variants added and removed as rows, and a confirmation
// before deleting. Without script the form still works: it always offers one empty row more.
(function () {
  "use strict";

  function setUp(list) {
    const add = list.parentElement.querySelector("[data-add-question]");
    if (add) {
      add.hidden = false;
      add.addEventListener("click", function () {
        const rows = list.querySelectorAll("li");
        const row = rows[rows.length - 1].cloneNode(true);
        const input = row.querySelector("input");
        input.value = "";
        input.id = list.dataset.name + "-" + Date.now();
        list.appendChild(row);
        input.focus();
      });
    }
    list.addEventListener("click", function (event) {
      const remove = event.target.closest("[data-remove-question]");
      if (!remove) {
        return;
      }
      const rows = list.querySelectorAll("li");
      const row = remove.closest("li");
      if (rows.length > 1) {
        const next = row.nextElementSibling || row.previousElementSibling;
        row.remove();
        next.querySelector("input").focus();
      } else {
        row.querySelector("input").value = "";
      }
    });
  }

  function start() {
    document.querySelectorAll("[data-question-list]").forEach(setUp);
    document.querySelectorAll("form[data-confirm]").forEach(function (form) {
      form.addEventListener("submit", function (event) {
        if (!window.confirm(form.dataset.confirmText)) {
          event.preventDefault();
        }
      });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
