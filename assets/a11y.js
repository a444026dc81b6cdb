/* Accessibility of the pieces Dash draws itself, applied wherever they appear (one observer, no page code).
   - Dash 4 dropdowns put a focusable dummy input inside aria-hidden and take the real button out of the
     Tab order: the dummy is disabled and the button (which opens the list) takes the Tab stop.
   - A <label for> pointing at a component's wrapper names nothing: it is carried to the inputs inside
     it. A dropdown button is named by its own <label> and described by the value it shows.
   - Charts get a name (their title) and the figure role; the document title follows the page's heading.
   - The skip link moves focus to the page's heading without changing the URL (a #main fragment would
     make dcc.Location re-run the Pages router and drop the focus).
   - Enter on a grid cell that holds a link follows the link; the phone menu button folds the menu.
   - dcc.Clipboard draws a <div> with a click handler: every `.copy-button` (components/chart_tools.py
     copy_button) becomes a button (role, Tab stop, its title as name) that Enter and Space click.
     Patched here rather than replaced by a hand-made button: Dash's copying (and the callbacks on its
     n_clicks, such as the address copied at the click) stays as it is.
   - Grid filters ignore diacritics (window.qnFold, dashAgGridFunctions.fold). */
(function () {
  "use strict";

  // Names found without diacritics: "son tay" finds "Huyện Sơn Tây" (grid filters; AG Grid calls it by name).
  function fold(text) {
    return String(text == null ? "" : text).replace(/đ/g, "d").replace(/Đ/g, "D")
      .normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  window.qnFold = fold;
  window.dashAgGridFunctions = Object.assign(window.dashAgGridFunctions || {}, {fold: fold});

  function labelId(label) {
    if (!label.id) label.id = label.htmlFor + "--label";
    return label.id;
  }

  function nameControls() {
    document.querySelectorAll("label[for]").forEach(function (label) {
      const target = document.getElementById(label.htmlFor);
      if (!target) return;
      const id = labelId(label);
      if (target.classList.contains("dash-dropdown")) {
        // The button is labelable: its <label> names it, and what it shows describes it. (Dash's own
        // aria-labelledby named it by its value alone, without the visible label.)
        const shown = Array.prototype.map.call(
          target.querySelectorAll(".dash-dropdown-value, .dash-dropdown-value-count, .dash-dropdown-placeholder"),
          function (part) { return part.id; }
        ).filter(Boolean).join(" ");
        if (target.hasAttribute("aria-labelledby")) target.removeAttribute("aria-labelledby");
        if (shown && target.getAttribute("aria-describedby") !== shown) target.setAttribute("aria-describedby", shown);
        return;
      }
      target.querySelectorAll("input").forEach(function (control) {
        if (control.getAttribute("aria-labelledby") !== id) control.setAttribute("aria-labelledby", id);
      });
    });
  }

  function fixDropdowns() {
    document.querySelectorAll("input.dash-dropdown-focus-target").forEach(function (dummy) {
      if (!dummy.disabled) dummy.disabled = true;
      const button = dummy.nextElementSibling;
      if (button && button.tagName === "BUTTON" && !button.disabled && button.tabIndex !== 0) button.tabIndex = 0;
    });
  }

  function fixCopyButtons() {
    document.querySelectorAll(".copy-button").forEach(function (copy) {
      if (copy.getAttribute("role") !== "button") copy.setAttribute("role", "button");
      if (copy.tabIndex !== 0) copy.tabIndex = 0;
      if (copy.title && copy.getAttribute("aria-label") !== copy.title) copy.setAttribute("aria-label", copy.title);
    });
  }

  function plainText(value) {
    const box = document.createElement("div");
    box.innerHTML = String(value || "").replace(/<br\s*\/?>/gi, " ");
    return box.textContent.trim();
  }

  function nameCharts() {
    document.querySelectorAll(".js-plotly-plot").forEach(function (plot) {
      const layout = plot.layout || {};
      const title = layout.title && (typeof layout.title === "string" ? layout.title : layout.title.text);
      const name = plainText(title) || (document.documentElement.lang === "en" ? "Chart" : "Biểu đồ");
      if (plot.getAttribute("role") !== "figure") plot.setAttribute("role", "figure");
      if (plot.getAttribute("aria-label") !== name) plot.setAttribute("aria-label", name);
    });
  }

  function followHeading() {
    const page = document.querySelector("[data-page-title]");
    const wanted = page && page.getAttribute("data-page-title");
    if (wanted && document.title !== wanted) document.title = wanted;
  }

  let scheduled = false;
  function fixAll() {
    scheduled = false;
    fixDropdowns();
    fixCopyButtons();
    nameControls();
    nameCharts();
    followHeading();
  }
  function schedule() {
    if (!scheduled) {
      scheduled = true;
      window.requestAnimationFrame(fixAll);
    }
  }

  document.addEventListener("click", function (event) {
    const skip = event.target.closest && event.target.closest(".skip-link");
    if (skip) {
      event.preventDefault();
      const heading = document.querySelector("main h1") || document.getElementById("main");
      if (!heading) return;
      if (!heading.hasAttribute("tabindex")) heading.setAttribute("tabindex", "-1");
      heading.focus();
      heading.scrollIntoView({block: "start"});
      return;
    }
    const toggle = event.target.closest && event.target.closest(".nav-toggle");
    if (toggle) {
      const open = toggle.getAttribute("aria-expanded") !== "true";
      toggle.setAttribute("aria-expanded", open ? "true" : "false");
    }
  });

  document.addEventListener("keydown", function (event) {
    if (!event.target.closest) return;
    const copy = event.target.closest(".copy-button[role=button]");
    if (copy && (event.key === "Enter" || event.key === " ")) {
      event.preventDefault();  // Space would scroll the page
      if (!event.repeat) copy.click();
      return;
    }
    if (event.key !== "Enter") return;
    const cell = event.target.closest(".ag-cell");
    const link = cell && cell.querySelector("a[href]");
    if (link && event.target !== link) {
      event.preventDefault();
      link.click();
    }
  });

  function start() {
    new MutationObserver(schedule).observe(document.body, {childList: true, subtree: true});
    // document.title is written by the Pages router after each page; put the heading's title back.
    const title = document.querySelector("head > title");
    if (title) new MutationObserver(schedule).observe(title, {childList: true, characterData: true, subtree: true});
    schedule();
  }
  if (document.body) start();
  else document.addEventListener("DOMContentLoaded", start);
})();
