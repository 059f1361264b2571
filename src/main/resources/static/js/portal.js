// Customer portal: checks attachment sizes before a form is sent, so a customer learns at once
// that a file is too large instead of after a long upload the server refuses.
(function () {
  "use strict";

  function problem(input) {
    const maxFile = Number(input.dataset.maxFileBytes || 0);
    const maxTotal = Number(input.dataset.maxTotalBytes || 0);
    let total = 0;
    for (const file of Array.from(input.files || [])) {
      if (maxFile && file.size > maxFile) {
        return input.dataset.tooLarge;
      }
      total += file.size;
    }
    return maxTotal && total > maxTotal ? input.dataset.totalTooLarge : null;
  }

  function show(input, message) {
    const id = "attachments-client-error";
    let note = document.getElementById(id);
    if (!note) {
      note = document.createElement("p");
      note.id = id;
      note.className = "field-error";
      note.setAttribute("aria-live", "polite");
      input.insertAdjacentElement("afterend", note);
    }
    note.textContent = message || "";
    note.hidden = !message;
    const described = (input.getAttribute("aria-describedby") || "").split(" ").filter(function (v) {
      return v && v !== id;
    });
    if (message) {
      described.push(id);
      input.setAttribute("aria-invalid", "true");
    } else {
      input.removeAttribute("aria-invalid");
    }
    input.setAttribute("aria-describedby", described.join(" "));
  }

  document.querySelectorAll("input[type=file][data-max-file-bytes]").forEach(function (input) {
    input.addEventListener("change", function () {
      show(input, problem(input));
    });
    if (input.form) {
      input.form.addEventListener("submit", function (event) {
        const message = problem(input);
        if (message) {
          event.preventDefault();
          show(input, message);
          input.focus();
        }
      });
    }
  });
})();
