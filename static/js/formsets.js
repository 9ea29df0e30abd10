// A form's rows (议题, 会议材料, …): 添加一行 adds a row in place, as many as needed; 移除 takes
// one away (a saved row is marked for deletion, as its 删除 box would); and the 序号 of the rows
// that hold something follow their order on the page. Without this script the form still has
// its empty rows and 删除 boxes.
(function () {
  "use strict";
  function filled(tr) {
    return Array.prototype.some.call(tr.querySelectorAll("input, select, textarea"), function (el) {
      if (el.type === "hidden" || el.type === "checkbox" || /-(order|DELETE)$/.test(el.name)) { return false; }
      if (el.tagName === "SELECT") { return Array.prototype.some.call(el.selectedOptions, function (o) { return o.value; }); }
      return el.value.trim() !== "";
    });
  }
  function setUp(fs) {
    var tpl = fs.querySelector("template.empty-row");
    var total = fs.querySelector("input[name$='-TOTAL_FORMS']");
    var tbody = fs.querySelector("tbody");
    if (!tpl || !total || !tbody) { return; }
    function renumber() {
      var n = 0;
      tbody.querySelectorAll("tr.row").forEach(function (tr) {
        var order = tr.querySelector("input[name$='-order']");
        if (tr.hidden || !filled(tr)) { return; }
        n += 1;
        if (order) { order.value = n; }
      });
    }
    function wire(tr) {
      var del = tr.querySelector("input[name$='-DELETE']");
      if (!del) { return; }
      var cell = del.closest("td");
      del.hidden = true;
      var label = cell.querySelector("label[for='" + del.id + "']");
      if (label) { label.hidden = true; }
      var b = document.createElement("button");
      b.type = "button";
      b.className = "secondary";
      b.textContent = "移除";
      b.addEventListener("click", function () {
        del.checked = true;
        tr.hidden = true;
        renumber();
      });
      cell.appendChild(b);
    }
    tbody.querySelectorAll("tr.row").forEach(wire);
    var add = document.createElement("button");
    add.type = "button";
    add.className = "secondary add-row";
    add.textContent = "添加一行";
    add.addEventListener("click", function () {
      var index = Number(total.value);
      tbody.insertAdjacentHTML("beforeend", tpl.innerHTML.replace(/__prefix__/g, String(index)));
      total.value = String(index + 1);
      var tr = tbody.lastElementChild;
      wire(tr);
      var first = tr.querySelector("input:not([type=hidden]):not([name$='-order']), select, textarea");
      if (first) { first.focus(); }
    });
    fs.appendChild(add);
    tbody.addEventListener("input", renumber);
    tbody.addEventListener("change", renumber);
    if (fs.form) { fs.form.addEventListener("submit", renumber); }
  }
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("fieldset.formset").forEach(setUp);
  });
})();
