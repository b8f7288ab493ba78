/* Indicator chart of the public portal (drawing and number format: web/line-chart.js); every
   figure is also in the table below the chart. Suppressed and missing points are gaps. */
(function () {
  "use strict";
  var colours = ["#0a4f9e", "#b35900", "#0b6b2e", "#7a1fa2", "#a00000", "#00697a", "#5c5c00", "#4a4a4a", "#8a3b5c", "#1f5f1f"];
  window.kehoachLineChart("portal-chart", function (data) {
    return data.datasets.map(function (d, i) {
      var c = colours[i % colours.length];
      return {
        label: d.label, borderColor: c, backgroundColor: c, spanGaps: false, tension: 0.1,
        borderDash: i === 0 ? [] : [4, 3], data: window.kehoachNumbers(d.data)
      };
    });
  }, { digits: 2 });
})();
