/* Indicator chart: actual values, the trajectory towards each target and the target levels
   (drawing and number format: web/line-chart.js). Lines differ by dash and point shape as well as
   colour, every dataset has a label, and a target's trajectory and level share one colour. */
(function () {
  "use strict";
  var COLOURS = ["#8a5a00", "#6b2fa1", "#1d6b2f", "#a11d1d"];
  window.kehoachLineChart("indicator-chart", function (data) {
    var colourOf = {};
    data.datasets.forEach(function (d) {
      if (d.target && !(d.target in colourOf)) { colourOf[d.target] = COLOURS[Object.keys(colourOf).length % COLOURS.length]; }
    });
    return data.datasets.map(function (d) {
      var values = window.kehoachNumbers(d.data);
      if (d.kind === "actual") {
        return { label: d.label, data: values, borderColor: "#0b5cad", backgroundColor: "#0b5cad", pointRadius: 4, spanGaps: true };
      }
      var colour = colourOf[d.target];
      if (d.kind === "trajectory") {
        return { label: d.label, data: values, borderColor: colour, backgroundColor: colour, borderDash: [6, 4], pointRadius: 0, spanGaps: true };
      }
      return { label: d.label, data: values, borderColor: colour, backgroundColor: colour, showLine: false, pointStyle: "rectRot", pointRadius: 7 };
    });
  });
})();
