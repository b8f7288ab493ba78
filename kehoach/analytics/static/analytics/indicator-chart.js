/* Indicator chart: actual values, the trajectory towards each target and the target levels.
   The data comes from a <script type="application/json"> block written by the server (not run,
   so the CSP's script-src 'self' holds); the same numbers are in the table beside the chart.
   Lines differ by dash and point shape as well as colour, every dataset has a label, and a
   target's trajectory and level share one colour. */
(function () {
  "use strict";
  var COLOURS = ["#8a5a00", "#6b2fa1", "#1d6b2f", "#a11d1d"];
  function number(v) { return v === null ? null : Number(v); }
  function draw() {
    var canvas = document.getElementById("indicator-chart");
    var source = document.getElementById("indicator-chart-data");
    if (!canvas || !source || typeof window.Chart === "undefined") { return; }
    var data = JSON.parse(source.textContent);
    var vn = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 3 });
    var colourOf = {};
    data.datasets.forEach(function (d) {
      if (d.target && !(d.target in colourOf)) { colourOf[d.target] = COLOURS[Object.keys(colourOf).length % COLOURS.length]; }
    });
    var datasets = data.datasets.map(function (d) {
      var values = d.data.map(number);
      if (d.kind === "actual") {
        return { label: d.label, data: values, borderColor: "#0b5cad", backgroundColor: "#0b5cad", pointRadius: 4, spanGaps: true };
      }
      var colour = colourOf[d.target];
      if (d.kind === "trajectory") {
        return { label: d.label, data: values, borderColor: colour, backgroundColor: colour, borderDash: [6, 4], pointRadius: 0, spanGaps: true };
      }
      return { label: d.label, data: values, borderColor: colour, backgroundColor: colour, showLine: false, pointStyle: "rectRot", pointRadius: 7 };
    });
    new window.Chart(canvas, {
      type: "line",
      data: { labels: data.labels, datasets: datasets },
      options: {
        responsive: true, maintainAspectRatio: false, animation: false,
        scales: { y: { ticks: { callback: function (v) { return vn.format(v); } } } },
        plugins: { tooltip: { callbacks: { label: function (c) { return c.dataset.label + ": " + vn.format(c.parsed.y); } } } }
      }
    });
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", draw); } else { draw(); }
})();
