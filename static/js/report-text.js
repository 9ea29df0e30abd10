// The review's text beside its live preview: after a pause in typing, the server renders the
// text with this year's figures (or lists its errors with their lines).
(function () {
  var box = document.querySelector(".editor");
  if (!box) { return; }
  var form = document.getElementById("text-form");
  var text = form.querySelector("textarea[name=text]");
  var title = form.querySelector("input[name=title]");
  var errors = document.getElementById("text-errors");
  var preview = document.getElementById("preview");
  var timer = null;
  function goToLine(n) {
    var lines = text.value.split("\n");
    var start = 0;
    for (var i = 0; i < n - 1 && i < lines.length; i++) { start += lines[i].length + 1; }
    text.focus();
    text.setSelectionRange(start, start + (lines[n - 1] || "").length);
  }
  function show(data) {
    if (data.ok) {
      errors.hidden = true;
      errors.textContent = "";
      preview.innerHTML = data.html;
      return;
    }
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
    window.clearTimeout(timer);
    timer = window.setTimeout(refresh, 400);
  });
  if (title) { title.addEventListener("input", function () { window.clearTimeout(timer); timer = window.setTimeout(refresh, 400); }); }
  refresh();
})();
