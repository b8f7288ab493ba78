/* Disbursement over time (drawing and number format: web/line-chart.js); the same figures are
   always in the table under the chart. */
(function () {
  "use strict";
  window.kehoachLineChart("budget-chart", function (data) {
    return [
      { label: "Giải ngân lũy kế (triệu đồng)", data: window.kehoachNumbers(data.disbursed), borderColor: "#0b5cad", backgroundColor: "#0b5cad", tension: 0.2 },
      { label: "Vốn giao lũy kế (triệu đồng)", data: window.kehoachNumbers(data.allocated), borderColor: "#8a5a00", backgroundColor: "#8a5a00", borderDash: [6, 4], stepped: true }
    ];
  }, { fromZero: true });
})();
