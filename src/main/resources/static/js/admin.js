// Admin pages: copying a new API token's secret (shown once) with one click or key press.
(function () {
  "use strict";

  document.querySelectorAll("[data-select-on-focus]").forEach(function (field) {
    field.addEventListener("focus", function () { field.select(); });
  });

  document.querySelectorAll("[data-copy]").forEach(function (button) {
    button.addEventListener("click", function () {
      const field = document.querySelector(button.dataset.copy);
      const status = document.getElementById("copy-status");
      if (!field) {
        return;
      }
      field.focus();
      field.select();
      const done = function () {
        if (status) {
          status.textContent = status.dataset.copied;
        }
      };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(field.value).then(done, function () {
          document.execCommand("copy");
          done();
        });
      } else {
        document.execCommand("copy");
        done();
      }
    });
  });
})();
