// Follows report jobs that are still running and reloads the page when one finishes.
(function () {
  var rows = document.querySelectorAll("[data-job-status]");
  rows.forEach(function (row) {
    var url = row.getAttribute("data-job-status");
    var bar = row.querySelector("progress");
    var text = row.querySelector("[data-job-step]");
    function poll() {
      fetch(url, {credentials: "same-origin", headers: {"Accept": "application/json"}})
        .then(function (r) { return r.json(); })
        .then(function (job) {
          if (bar) { bar.value = job.progress; }
          if (text) { text.textContent = job.status + (job.step ? "：" + job.step : ""); }
          if (job.status === "已完成" || job.status === "失败") { window.location.reload(); }
          else { window.setTimeout(poll, 1000); }
        })
        .catch(function () { window.setTimeout(poll, 3000); });
    }
    poll();
  });
})();
