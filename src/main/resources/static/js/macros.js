// The macro picker of the ticket page: applying a macro saves its changes on the server, then puts
// its reply (in the customer's language, filled in) in the reply box with the status to send it
// with, for the agent to review; the properties panel is refreshed to show the changes.
(function () {
  "use strict";

  document.addEventListener("submit", function (event) {
    const form = event.target;
    if (!form.classList || !form.classList.contains("macro-picker")) {
      return;
    }
    event.preventDefault();
    const choice = form.querySelector("select[name=macroId]");
    const status = form.querySelector(".macro-status");
    if (!choice.value) {
      choice.focus();
      return;
    }
    const headers = Object.assign({ Accept: "application/json" }, window.Sportello ? window.Sportello.csrfHeaders() : {});
    fetch(form.action + "/" + encodeURIComponent(choice.value), { method: "POST", headers: headers, credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) {
          throw new Error(String(response.status));
        }
        return response.json();
      })
      .then(function (applied) {
        const body = document.getElementById("reply-body");
        const replyMode = document.getElementById("mode-reply");
        if (replyMode && !replyMode.disabled) {
          replyMode.checked = true;
          replyMode.dispatchEvent(new Event("change", { bubbles: true }));
        }
        if (body && applied.reply) {
          body.value = applied.reply;
          body.dispatchEvent(new Event("input", { bubbles: true }));
        }
        const statusAfter = document.getElementById("reply-status");
        if (statusAfter) {
          statusAfter.value = applied.statusAfter || "";
        }
        status.classList.remove("error");
        status.textContent = applied.notice;
        choice.value = "";
        if (window.htmx && document.getElementById("properties")) {
          window.htmx.ajax("GET", "/tickets/" + form.dataset.ticket + "/properties", { target: "#properties", swap: "outerHTML" });
        }
        if (body) {
          body.focus();
        }
      })
      .catch(function () {
        status.classList.add("error");
        status.textContent = form.dataset.failed;
      });
  });
})();
