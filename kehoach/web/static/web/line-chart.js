/* The line charts of kehoach (indicator page, public portal, budget): one way to read the data and
   format numbers. The data comes from a <script type="application/json"> block named "<id>-data"
   written by the server (never executed, so the CSP's script-src 'self' holds); the same figures
   are always in the table beside the chart. Numbers the Vietnamese way (1.234,5). Each page's
   script only says how its datasets look: window.kehoachLineChart(id, datasetsOf, options). */
(function () {
  "use strict";
  window.kehoachLineChart = function (id, datasetsOf, options) {
    var settings = options || {};
    var vn = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: settings.digits || 3 });
    function draw() {
      var canvas = document.getElementById(id);
      var source = document.getElementById(id + "-data");
      if (!canvas || !source || typeof window.Chart === "undefined") { return; }
      var data = JSON.parse(source.textContent);
      var datasets = datasetsOf(data);
      var y = { beginAtZero: !!settings.fromZero, ticks: { callback: function (v) { return vn.format(v); } } };
      // Differences far below what the labels can show (6,50001 beside 6,5) must not be drawn as
      // swings: the axis spans at least 10% of the values' size around them.
      var values = [];
      datasets.forEach(function (d) { d.data.forEach(function (v) { if (typeof v === "number" && isFinite(v)) { values.push(v); } }); });
      if (values.length) {
        var low = Math.min.apply(null, values), high = Math.max.apply(null, values);
        var floor = Math.abs(high) * 0.1;
        if (high - low < floor) {
          var middle = (high + low) / 2;
          y.suggestedMin = middle - floor / 2;
          y.suggestedMax = middle + floor / 2;
        }
      }
      new window.Chart(canvas, {
        type: "line",
        data: { labels: data.labels, datasets: datasets },
        options: {
          responsive: true, maintainAspectRatio: false, animation: false,
          scales: { y: y },
          plugins: { tooltip: { callbacks: { label: function (c) { return c.dataset.label + ": " + vn.format(c.parsed.y); } } } }
        }
      });
    }
    if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", draw); } else { draw(); }
  };
  window.kehoachNumbers = function (values) {
    return values.map(function (v) { return v === null ? null : Number(v); });
  };
})();
