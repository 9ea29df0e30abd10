// No typing lost, and nothing kept that is secret or someone else's.
//
// A record form marked data-draft keeps a draft in this browser while its author types. If the
// session expired meanwhile, the save lands on the login page; after logging in again the form
// opens filled, with a note saying so. A draft is dropped once its save went through.
//
// What a draft never holds: passwords, tokens, files, hidden fields, or any form not marked
// data-draft (the server marks record forms only, and a sensitive kind such as 信访 opts out).
// Whose it is: each draft is stored under the key the server gives the page for the signed-in
// person (body[data-draft-owner]), so another person in the same browser never sees it; a page
// of another person drops every draft that is not theirs, logging out drops them all, and a
// draft older than body[data-draft-days] days is dropped unread.
(function () {
  var PREFIX = "congress-draft:";
  var PENDING = "congress-draft-pending";
  var SECRET = /password|passwd|token|secret|otp|csrf/i;
  var body = document.body;
  var owner = body.getAttribute("data-draft-owner") || "";
  var days = parseFloat(body.getAttribute("data-draft-days") || "7");
  var store, session;
  try {
    store = window.localStorage;
    session = window.sessionStorage;
  } catch (e) {
    return; // storage refused (private mode): no drafts, nothing kept
  }

  var keys = function () {
    var out = [];
    for (var i = 0; i < store.length; i++) {
      var k = store.key(i);
      if (k && k.indexOf(PREFIX) === 0) { out.push(k); }
    }
    return out;
  };
  var forgetAll = function () {
    keys().forEach(function (k) { store.removeItem(k); });
    session.removeItem(PENDING);
  };

  // Logged out: on the way out (the button) and on the page after it (the server marks it).
  if (body.hasAttribute("data-drafts-clear")) { forgetAll(); }
  document.querySelectorAll("form[data-logout]").forEach(function (f) {
    f.addEventListener("submit", forgetAll);
  });
  // A page seen by nobody signed in (the login page after an expired session) keeps the
  // drafts for their owner's return but neither shows nor writes any.
  if (!owner) { return; }

  var mine = PREFIX + owner + ":";
  var now = Date.now();
  keys().forEach(function (k) {
    if (k.indexOf(mine) !== 0) { store.removeItem(k); return; } // someone else's
    var saved = NaN;
    try { saved = Date.parse(JSON.parse(store.getItem(k)).__saved); } catch (e) { /* broken */ }
    if (!(now - saved < days * 86400000)) { store.removeItem(k); }
  });

  // A save that went through: the page after it is no longer the form's own address.
  var pending = session.getItem(PENDING);
  if (pending && pending.indexOf(mine) !== 0) {
    session.removeItem(PENDING);
    pending = null;
  }
  if (pending && pending !== mine + location.pathname) {
    store.removeItem(pending);
    session.removeItem(PENDING);
  }

  // Beijing time whatever the device's clock zone: 2026-12-03 22:05.
  var beijing = function (iso) {
    var t = new Date(Date.parse(iso) + 8 * 3600000).toISOString();
    return t.slice(0, 10) + " " + t.slice(11, 16);
  };

  document.querySelectorAll("form[data-draft][method=post], form[data-draft][method=POST]").forEach(function (form) {
    var key = mine + location.pathname;
    var fields = function () {
      return Array.prototype.filter.call(form.elements, function (el) {
        // Names beginning with "_" are the form's own machinery (the version, a confirmation
        // that a published year may change): never kept, never given back unasked.
        return el.name && el.name !== "version" && el.name.charAt(0) !== "_" &&
          !SECRET.test(el.name) && !SECRET.test(el.autocomplete || "") &&
          !el.hasAttribute("data-no-draft") &&
          ["password", "file", "hidden", "submit", "button", "reset"].indexOf(el.type) < 0;
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
      try { store.setItem(key, JSON.stringify(data)); } catch (e) { /* storage full */ }
    };
    var raw = store.getItem(key);
    // After a refused save the server shows what was posted; only an empty form is refilled.
    var refused = form.querySelector(".errorlist, .errors");
    if (raw && !refused) {
      var data = {};
      try { data = JSON.parse(raw); } catch (e) { data = {}; }
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
      if (changed && data.__saved) {
        var note = document.createElement("p");
        note.className = "notice draft-restored";
        note.setAttribute("role", "status");
        note.textContent = "已恢复您上次在本机未保存的内容（北京时间 " + beijing(data.__saved) + "），请核对后保存。";
        var discard = document.createElement("button");
        discard.type = "button";
        discard.className = "discard";
        discard.textContent = "放弃这些内容";
        discard.addEventListener("click", function () {
          store.removeItem(key);
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
      session.setItem(PENDING, key);
    });
  });
})();
