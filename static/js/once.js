// A form marked data-once is sent once: while the first submission is on its way its buttons
// are disabled, so a double click saves one record (the server refuses a second one anyway).
(function () {
  document.querySelectorAll("form[data-once]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      if (form.dataset.sending) {
        event.preventDefault();
        return;
      }
      form.dataset.sending = "1";
      // After this tick, so that the clicked button's own name and value are still sent.
      setTimeout(function () {
        form.querySelectorAll("button[type=submit], input[type=submit]").forEach(function (b) {
          b.disabled = true;
          b.setAttribute("aria-busy", "true");
        });
      }, 0);
    });
  });
  // Back to the page from the browser's history: the form can be sent again.
  window.addEventListener("pageshow", function () {
    document.querySelectorAll("form[data-once]").forEach(function (form) {
      delete form.dataset.sending;
      form.querySelectorAll("[aria-busy]").forEach(function (b) {
        b.disabled = false;
        b.removeAttribute("aria-busy");
      });
    });
  });
})();
