// A picker beside every typed date field: the field stays plain text (people type 20261125 or
// 2026年11月25日 and the server reads them); the button opens the browser's own calendar.
(function () {
  document.querySelectorAll("input[data-date]").forEach(function (field) {
    var picker = document.createElement("input");
    picker.type = "date";
    picker.className = "date-picker";
    picker.tabIndex = -1;
    picker.setAttribute("aria-hidden", "true");
    var button = document.createElement("button");
    button.type = "button";
    button.className = "date-button";
    button.textContent = "选择日期";
    button.setAttribute("aria-label", "打开日历选择" + (field.labels && field.labels[0] ? field.labels[0].textContent.trim() : "日期"));
    button.addEventListener("click", function () {
      if (/^\d{4}-\d{2}-\d{2}$/.test(field.value.trim())) { picker.value = field.value.trim(); }
      if (picker.showPicker) { picker.showPicker(); } else { picker.focus(); }
    });
    picker.addEventListener("change", function () {
      field.value = picker.value;
      field.dispatchEvent(new Event("input", {bubbles: true}));
    });
    field.insertAdjacentElement("afterend", button);
    button.insertAdjacentElement("afterend", picker);
  });
})();
