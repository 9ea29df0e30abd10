// The review's text beside its live preview: after a pause in typing, the server renders the
// text with this year's figures (or lists its errors with their lines). The text has line
// numbers (a wrapped paragraph keeps one number), the lines with an error are marked, and the
// preview follows the cursor: the block the cursor is in is marked and scrolled into view.
(function () {
  var box = document.querySelector(".editor");
  if (!box) { return; }
  var form = document.getElementById("text-form");
  var text = form.querySelector("textarea[name=text]");
  var title = form.querySelector("input[name=title]");
  var errors = document.getElementById("text-errors");
  var preview = document.getElementById("preview");
  var timer = null;
  var bad = {};

  // Line numbers: a gutter beside the textarea, each number as tall as its line is drawn (a
  // hidden copy of the text, wrapped at the same width, gives the heights).
  var wrap = document.createElement("div");
  wrap.className = "numbered";
  text.parentNode.insertBefore(wrap, text);
  var gutter = document.createElement("div");
  gutter.className = "gutter";
  gutter.setAttribute("aria-hidden", "true");
  wrap.appendChild(gutter);
  wrap.appendChild(text);
  var mirror = document.createElement("div");
  mirror.className = "mirror";
  mirror.setAttribute("aria-hidden", "true");
  wrap.appendChild(mirror);
  var pending = false;
  function numberLines() {
    pending = false;
    var cs = window.getComputedStyle(text);
    ["fontFamily", "fontSize", "lineHeight", "letterSpacing", "paddingLeft", "paddingRight"].forEach(
      function (k) { mirror.style[k] = cs[k]; });
    mirror.style.width = text.clientWidth + "px";
    var lines = text.value.split("\n");
    mirror.textContent = "";
    lines.forEach(function (l) {
      var d = document.createElement("div");
      d.textContent = l || "\u200b";
      mirror.appendChild(d);
    });
    gutter.textContent = "";
    gutter.style.paddingTop = cs.paddingTop;
    gutter.style.height = text.offsetHeight + "px";
    gutter.style.lineHeight = cs.lineHeight;
    gutter.style.fontSize = cs.fontSize;
    Array.prototype.forEach.call(mirror.children, function (d, i) {
      var n = document.createElement("div");
      n.textContent = String(i + 1);
      n.style.height = d.offsetHeight + "px";
      if (bad[i + 1]) { n.className = "bad"; n.title = bad[i + 1]; }
      gutter.appendChild(n);
    });
    gutter.scrollTop = text.scrollTop;
  }
  function later() {
    if (!pending) { pending = true; window.requestAnimationFrame(numberLines); }
  }
  text.addEventListener("scroll", function () { gutter.scrollTop = text.scrollTop; });
  window.addEventListener("resize", later);

  // The preview follows the cursor.
  var current = null;
  function follow() {
    var line = text.value.slice(0, text.selectionStart).split("\n").length;
    var best = null;
    preview.querySelectorAll("[data-line]").forEach(function (el) {
      if (Number(el.getAttribute("data-line")) <= line) { best = el; }
    });
    if (current) { current.classList.remove("current"); }
    current = best;
    if (!best) { return; }
    best.classList.add("current");
    // Only the preview's own scrolling: on a phone the preview is under the text, and moving
    // the page would take the writer away from what they type.
    if (preview.scrollHeight > preview.clientHeight + 1) {
      var top = best.offsetTop - preview.clientHeight / 3;
      preview.scrollTop = Math.max(0, top);
    }
  }
  document.addEventListener("selectionchange", function () {
    if (document.activeElement === text) { follow(); }
  });
  text.addEventListener("keyup", follow);
  text.addEventListener("click", follow);

  function goToLine(n) {
    var lines = text.value.split("\n");
    var start = 0;
    for (var i = 0; i < n - 1 && i < lines.length; i++) { start += lines[i].length + 1; }
    text.focus();
    text.setSelectionRange(start, start + (lines[n - 1] || "").length);
  }
  function show(data) {
    bad = {};
    if (data.ok) {
      errors.hidden = true;
      errors.textContent = "";
      preview.innerHTML = data.html;
      numberLines();
      follow();
      return;
    }
    data.errors.forEach(function (e) { bad[e.line] = (bad[e.line] ? bad[e.line] + "；" : "") + e.message; });
    numberLines();
    errors.hidden = false;
    errors.textContent = "";
    var p = document.createElement("p");
    p.textContent = "文稿有错误，修正后才能保存：";
    errors.appendChild(p);
    var ul = document.createElement("ul");
    data.errors.forEach(function (e) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = "#";
      a.textContent = "第" + e.line + "行：" + e.message;
      a.addEventListener("click", function (ev) { ev.preventDefault(); goToLine(e.line); });
      li.appendChild(a);
      ul.appendChild(li);
    });
    errors.appendChild(ul);
  }
  function refresh() {
    var body = new FormData();
    body.append("text", text.value);
    if (title) { body.append("title", title.value); }
    body.append("csrfmiddlewaretoken", form.querySelector("[name=csrfmiddlewaretoken]").value);
    fetch(box.getAttribute("data-preview-url"), {method: "POST", body: body, credentials: "same-origin"})
      .then(function (r) { return r.json(); })
      .then(show)
      .catch(function () { preview.textContent = "预览暂时不可用。"; });
  }
  text.addEventListener("input", function () {
    later();
    window.clearTimeout(timer);
    timer = window.setTimeout(refresh, 400);
  });
  if (title) { title.addEventListener("input", function () { window.clearTimeout(timer); timer = window.setTimeout(refresh, 400); }); }
  numberLines();
  refresh();
})();
