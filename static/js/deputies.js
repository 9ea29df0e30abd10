// Deputy fields: suggestions by name or pinyin initials under the field. A field of one deputy
// takes the chosen name; a field of several shows each chosen deputy as a chip with a button
// that removes it, and types into a box of its own. The form's own field keeps the names joined
// by 、, so the server reads the same value with or without this script (typing names works
// without it).
(function () {
  "use strict";
  var SEP = /[、，,；;\n]+/;

  function split(text) {
    return text.split(SEP).map(function (s) { return s.trim(); }).filter(Boolean);
  }

  function lookup(url, q, show) {
    fetch(url + "?q=" + encodeURIComponent(q), { credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.json() : { results: [] }; })
      .then(function (data) { show(data.results); })
      .catch(function () { show([]); });
  }

  // The list of suggestions under a box; choose(label) is called with the one picked.
  function suggester(box, url, choose, after) {
    var list = document.createElement("ul");
    list.className = "suggestions";
    list.hidden = true;
    list.setAttribute("role", "listbox");
    after = after || box;
    after.parentNode.insertBefore(list, after.nextSibling);
    var timer = null;
    box.addEventListener("input", function () {
      clearTimeout(timer);
      var parts = box.value.split(SEP);
      var q = parts[parts.length - 1].trim();
      if (!q) { list.hidden = true; return; }
      timer = setTimeout(function () {
        lookup(url, q, function (results) {
          list.innerHTML = "";
          results.forEach(function (d) {
            var li = document.createElement("li");
            li.textContent = d.label;
            li.setAttribute("role", "option");
            li.tabIndex = 0;
            function pick() { list.hidden = true; choose(d.label); box.focus(); }
            li.addEventListener("click", pick);
            li.addEventListener("keydown", function (e) {
              if (e.key === "Enter") { e.preventDefault(); pick(); }
            });
            list.appendChild(li);
          });
          list.hidden = results.length === 0;
        });
      }, 200);
    });
    return list;
  }

  function single(input) {
    suggester(input, input.dataset.deputyLookup, function (label) { input.value = label; });
  }

  function several(input) {
    var names = split(input.value);
    var wrap = document.createElement("div");
    wrap.className = "chips";
    var box = document.createElement("input");
    box.type = "text";
    box.autocomplete = "off";
    box.className = "chip-input";
    // The label names the box a person types into; the form's field keeps the value.
    box.id = input.id;
    input.id = input.id + "_names";
    input.hidden = true;
    if (input.hasAttribute("aria-describedby")) {
      box.setAttribute("aria-describedby", input.getAttribute("aria-describedby"));
    }
    input.parentNode.insertBefore(wrap, input);
    wrap.appendChild(box);

    function sync() { input.value = names.join("、"); }
    function render() {
      wrap.querySelectorAll(".chip").forEach(function (c) { c.remove(); });
      names.forEach(function (name, i) {
        var chip = document.createElement("span");
        chip.className = "chip";
        chip.textContent = name;
        var x = document.createElement("button");
        x.type = "button";
        x.textContent = "×";
        x.setAttribute("aria-label", "移除 " + name);
        x.addEventListener("click", function () {
          names.splice(i, 1); sync(); render(); box.focus();
        });
        chip.appendChild(x);
        wrap.insertBefore(chip, box);
      });
    }
    function add(label) {
      if (names.indexOf(label) < 0) { names.push(label); }
      box.value = ""; sync(); render();
    }
    // Typed names that were not picked from the list still count: the server checks them.
    function addTyped() { split(box.value).forEach(add); box.value = ""; }
    suggester(box, input.dataset.deputyLookup, add, wrap);
    box.addEventListener("keydown", function (e) {
      if (e.key === "Backspace" && !box.value && names.length) { names.pop(); sync(); render(); }
      if (e.key === "Enter" && box.value.trim()) { e.preventDefault(); addTyped(); }
    });
    if (input.form) { input.form.addEventListener("submit", addTyped); }
    render();
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("input[data-deputy-lookup]").forEach(function (input) {
      if (input.hasAttribute("data-multiple")) { several(input); } else { single(input); }
    });
  });
})();
