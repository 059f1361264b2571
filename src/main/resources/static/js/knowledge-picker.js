// "Insert FAQ answer" on the ticket page and in the chat workspace: a picked answer's text goes
// into the reply box at the cursor (or at its end), ready to be adapted before sending. The box is
// #reply-body unless the picker names another in data-faq-target.
(function () {
  "use strict";

  document.addEventListener("click", function (event) {
    const pick = event.target.closest("[data-faq-insert]");
    if (!pick) {
      return;
    }
    const picker = pick.closest("details");
    const target = picker && picker.dataset.faqTarget ? picker.dataset.faqTarget : "reply-body";
    const reply = document.getElementById(target);
    if (!reply) {
      return;
    }
    const text = pick.dataset.answer || "";
    const start = reply.selectionStart == null ? reply.value.length : reply.selectionStart;
    const end = reply.selectionEnd == null ? reply.value.length : reply.selectionEnd;
    const before = reply.value.substring(0, start);
    const after = reply.value.substring(end);
    const gap = before.length > 0 && !/\n\s*$/.test(before) ? "\n\n" : "";
    reply.value = before + gap + text + after;
    const caret = (before + gap + text).length;
    reply.focus();
    reply.setSelectionRange(caret, caret);
    reply.dispatchEvent(new Event("input", { bubbles: true }));
    if (picker) {
      picker.open = false;
    }
  });
})();
