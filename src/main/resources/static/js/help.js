// The help center's "Was this helpful?" box: "No" first opens the optional comment, and sends it
// when pressed again (or with "Send"). Without this script the box shows the comment field from the
// start and both buttons simply submit the form.
(function () {
  "use strict";

  function setUp(root) {
    root.querySelectorAll("[data-help-feedback]").forEach(function (form) {
      if (form.dataset.ready) {
        return;
      }
      form.dataset.ready = "true";
      const box = form.querySelector("[data-feedback-comment]");
      const no = form.querySelector("[data-feedback-no]");
      const yes = form.querySelector("[data-feedback-yes]");
      const text = box.querySelector("textarea");
      const open = Boolean(box.dataset.open);
      box.hidden = !open;
      no.setAttribute("aria-expanded", open ? "true" : "false");
      no.addEventListener("click", function (event) {
        if (box.hidden) {
          event.preventDefault();
          box.hidden = false;
          no.setAttribute("aria-expanded", "true");
          text.focus();
        }
      });
      // A comment goes with a "No": a "Yes" leaves it behind rather than being refused for it.
      yes.addEventListener("click", function () {
        text.value = "";
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () { setUp(document); });
  document.addEventListener("htmx:load", function (event) { setUp(event.detail.elt); });
})();
