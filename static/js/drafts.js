// No typing lost: every record form keeps a draft in this browser while the clerk types. If the
// session expired meanwhile, the save lands on the login page; after logging in the form opens
// again and comes back filled, with a note saying so. A draft is dropped once its save succeeded.
(function () {
  var PREFIX = "congress-draft:";
  var PENDING = "congress-draft-pending";
  var forms = document.querySelectorAll("form.record[method=post], form.record[method=POST]");

  // A save that went through: the page after it is no longer the form's own address.
  try {
    var pending = sessionStorage.getItem(PENDING);
    if (pending && pending !== location.pathname && !/\/accounts\/login\//.test(location.pathname)) {
      localStorage.removeItem(PREFIX + pending);
      sessionStorage.removeItem(PENDING);
    }
  } catch (e) { return; }

  forms.forEach(function (form) {
    var key = PREFIX + location.pathname;
    var fields = function () {
      return Array.prototype.filter.call(form.elements, function (el) {
        return el.name && el.name !== "csrfmiddlewaretoken" && el.name !== "version" &&
          el.type !== "file" && el.type !== "hidden" && el.type !== "submit" && el.type !== "button";
      });
    };
    var save = function () {
      var data = {};
      fields().forEach(function (el) {
        if (el.type === "checkbox" || el.type === "radio") {
          if (el.checked) { (data[el.name] = data[el.name] || []).push(el.value); }
        } else if (el.multiple) {
          data[el.name] = Array.prototype.map.call(el.selectedOptions, function (o) { return o.value; });
        } else {
          data[el.name] = el.value;
        }
      });
      data.__saved = new Date().toISOString();
      try { localStorage.setItem(key, JSON.stringify(data)); } catch (e) { /* storage full */ }
    };
    var raw = null;
    try { raw = localStorage.getItem(key); } catch (e) { raw = null; }
    // After a refused save the server shows what was posted; only an empty form is refilled.
    var refused = form.querySelector(".errorlist, .errors");
    if (raw && !refused) {
      var data = JSON.parse(raw);
      var changed = false;
      fields().forEach(function (el) {
        if (!(el.name in data)) { return; }
        var value = data[el.name];
        if (el.type === "checkbox" || el.type === "radio") {
          var on = Array.isArray(value) && value.indexOf(el.value) >= 0;
          if (el.checked !== on) { el.checked = on; changed = true; }
        } else if (el.multiple) {
          Array.prototype.forEach.call(el.options, function (o) { o.selected = value.indexOf(o.value) >= 0; });
          changed = true;
        } else if (el.value !== value) {
          el.value = value;
          changed = true;
        }
      });
      if (changed) {
        var note = document.createElement("p");
        note.className = "notice draft-restored";
        note.setAttribute("role", "status");
        note.textContent = "已恢复您上次在本机未保存的内容（" + data.__saved.slice(0, 16).replace("T", " ") + "），请核对后保存。";
        var discard = document.createElement("button");
        discard.type = "button";
        discard.className = "discard";
        discard.textContent = "放弃这些内容";
        discard.addEventListener("click", function () {
          localStorage.removeItem(key);
          location.reload();
        });
        note.appendChild(discard);
        form.insertAdjacentElement("beforebegin", note);
      }
    }
    form.addEventListener("input", save);
    form.addEventListener("change", save);
    form.addEventListener("submit", function () {
      save();
      try { sessionStorage.setItem(PENDING, location.pathname); } catch (e) { /* private mode */ }
    });
  });
})();
