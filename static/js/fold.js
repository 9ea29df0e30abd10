// On a phone, the header's menu and a list's filters fold behind one button each, so that a
// page's content starts on the first screen. Without this script both simply stay open.
(function () {
  "use strict";
  document.documentElement.classList.add("js");
  function toggler(label, target, cls) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "fold-button";
    button.textContent = label;
    button.setAttribute("aria-expanded", "false");
    button.addEventListener("click", function () {
      var open = target.classList.toggle(cls);
      button.setAttribute("aria-expanded", open ? "true" : "false");
    });
    return button;
  }
  document.addEventListener("DOMContentLoaded", function () {
    var header = document.querySelector("header.top");
    var nav = header && header.querySelector("nav.main");
    if (nav) {
      header.insertBefore(toggler("菜单", header, "nav-open"), nav);
    }
    document.querySelectorAll("form.filters").forEach(function (form) {
      form.parentNode.insertBefore(toggler("筛选", form, "filters-open"), form);
    });
  });
})();
