// Deputy fields: suggestions by name or pinyin initials under the field, a click puts the name
// in (after the names already there, for a field of several). Typing names works without it.
(function () {
  "use strict";
  var SEP = /[、，,；;\n]+/;
  function attach(input) {
    var list = document.createElement("ul");
    list.className = "suggestions";
    list.hidden = true;
    list.setAttribute("role", "listbox");
    input.parentNode.insertBefore(list, input.nextSibling);
    var timer = null;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      var parts = input.value.split(SEP);
      var q = parts[parts.length - 1].trim();
      if (!q) { list.hidden = true; return; }
      timer = setTimeout(function () {
        fetch(input.dataset.deputyLookup + "?q=" + encodeURIComponent(q), { credentials: "same-origin" })
          .then(function (r) { return r.ok ? r.json() : { results: [] }; })
          .then(function (data) {
            list.innerHTML = "";
            data.results.forEach(function (d) {
              var li = document.createElement("li");
              li.textContent = d.label;
              li.setAttribute("role", "option");
              li.tabIndex = 0;
              li.addEventListener("click", function () {
                var names = input.value.split(SEP).map(function (s) { return s.trim(); }).filter(Boolean);
                names.pop();
                if (input.hasAttribute("data-multiple")) { names.push(d.label); input.value = names.join("、") + "、"; }
                else { input.value = d.label; }
                list.hidden = true;
                input.focus();
              });
              list.appendChild(li);
            });
            list.hidden = data.results.length === 0;
          });
      }, 200);
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("input[data-deputy-lookup]").forEach(attach);
  });
})();
