/* Indicator chart of the public portal. Data comes from a <script type="application/json"> block
   (json_script: never executed, so the CSP holds); every figure is also in the table below the
   chart. Suppressed and missing points are gaps. Numbers the Vietnamese way (1.234,5). */
(function () {
  "use strict";
  var colours = ["#0a4f9e", "#b35900", "#0b6b2e", "#7a1fa2", "#a00000", "#00697a", "#5c5c00", "#4a4a4a", "#8a3b5c", "#1f5f1f"];
  function draw() {
    var canvas = document.getElementById("portal-chart");
    var source = document.getElementById("portal-chart-data");
    if (!canvas || !source || typeof window.Chart === "undefined") { return; }
    var data = JSON.parse(source.textContent);
    var vn = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 2 });
    var datasets = data.datasets.map(function (d, i) {
      var c = colours[i % colours.length];
      return {
        label: d.label, borderColor: c, backgroundColor: c, spanGaps: false, tension: 0.1,
        borderDash: i === 0 ? [] : [4, 3],
        data: d.data.map(function (v) { return v === null ? null : Number(v); })
      };
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
