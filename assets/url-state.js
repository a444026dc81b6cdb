/* Keep the address bar in step with a page's controls without a Dash round trip (the Pages router would
   re-render the page), and keep the language switch pointing at the same view. */
window.qnUrl = {
  sync: function (params, lang) {
    const query = new URLSearchParams();
    if (lang === "en") query.set("lang", "en");
    Object.keys(params).forEach(function (key) {
      const value = params[key];
      if (value !== null && value !== undefined && value !== "" && !(Array.isArray(value) && !value.length)) {
        query.set(key, Array.isArray(value) ? value.join(",") : value);
      }
    });
    const text = query.toString();
    window.history.replaceState(null, "", window.location.pathname + (text ? "?" + text : ""));
    const link = document.getElementById("lang-switch");
    if (link) {
      const other = new URLSearchParams(query);
      if (lang === "en") other.delete("lang"); else other.set("lang", "en");
      const otherText = other.toString();
      link.setAttribute("href", window.location.pathname + (otherText ? "?" + otherText : ""));
    }
    return "";
  },
  totalOf: function (options) {
    return options && options.length ? options[0].value : null;
  }
};
