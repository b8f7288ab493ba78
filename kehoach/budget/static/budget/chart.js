/* Disbursement over time. The data comes from a <script type="application/json"> block written by
   the server (not executed, so the CSP's script-src 'self' holds); the same figures are always in
   the table under the chart. Numbers are shown the Vietnamese way (1.234,5). */
(function () {
  "use strict";
  function draw() {
    var canvas = document.getElementById("budget-chart");
    var source = document.getElementById("budget-chart-data");
    if (!canvas || !source || typeof window.Chart === "undefined") { return; }
    var data = JSON.parse(source.textContent);
    var vn = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 3 });
    new window.Chart(canvas, {
      type: "line",
      data: {
        labels: data.labels,
        datasets: [
          { label: "Giải ngân lũy kế (triệu đồng)", data: data.disbursed.map(Number), borderColor: "#0b5cad", backgroundColor: "#0b5cad", tension: 0.2 },
          { label: "Vốn giao lũy kế (triệu đồng)", data: data.allocated.map(Number), borderColor: "#8a5a00", backgroundColor: "#8a5a00", borderDash: [6, 4], stepped: true }
        ]
      },
      options: {
        responsive: true, maintainAspectRatio: false, animation: false,
        scales: { y: { beginAtZero: true, ticks: { callback: function (v) { return vn.format(v); } } } },
        plugins: { tooltip: { callbacks: { label: function (c) { return c.dataset.label + ": " + vn.format(c.parsed.y); } } } }
      }
    });
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", draw); } else { draw(); }
})();
