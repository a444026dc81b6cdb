// Printing opens every collapsed <details> (the charts' data tables, notes) and puts every AG Grid in
// print layout (all rows, no scrolling), then restores both when the print dialog closes.
(function () {
  var opened = [];
  var grids = [];
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details:not([open])").forEach(function (d) { d.open = true; opened.push(d); });
    if (window.dash_ag_grid && window.dash_ag_grid.getApi) {
      document.querySelectorAll("div[id] > .ag-root-wrapper, div[id] .ag-root-wrapper").forEach(function (root) {
        var holder = root.closest("[id]");
        try {
          var api = window.dash_ag_grid.getApi(holder.id);
          if (api && grids.indexOf(api) < 0) { api.setGridOption("domLayout", "print"); grids.push(api); }
        } catch (e) { /* not a Dash grid: leave it */ }
      });
    }
  });
  window.addEventListener("afterprint", function () {
    opened.forEach(function (d) { d.open = false; });
    grids.forEach(function (api) { api.setGridOption("domLayout", "normal"); });
    opened = [];
    grids = [];
  });
})();
