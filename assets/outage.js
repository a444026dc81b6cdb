// While the server answers a callback with 503 (the database restarting, or every worker busy), show a
// visible banner with the server's message in the page's language and reload after Retry-After, a little
// later each time, instead of leaving a blank page. A 200 ends the series.
(function () {
  "use strict";
  var KEY = "qnit-outage-retries";
  var scheduled = false;
  var original = window.fetch;

  function language() {
    return new URLSearchParams(window.location.search).get("lang") === "en" ? "en" : "vi";
  }

  function showAndRetry(messages, seconds) {
    if (scheduled) {
      return;
    }
    scheduled = true;
    var retries = Number(window.sessionStorage.getItem(KEY) || 0);
    window.sessionStorage.setItem(KEY, String(retries + 1));
    var banner = document.getElementById("outage-banner");
    if (!banner) {
      banner = document.createElement("div");
      banner.id = "outage-banner";
      banner.className = "alert alert-warning m-2";
      banner.setAttribute("role", "alert");
      document.body.insertBefore(banner, document.body.firstChild);
    }
    banner.textContent = messages[language()] || messages.vi || "503";
    var delay = Math.min(30, Math.max(1, seconds) * (1 + retries));
    window.setTimeout(function () {
      window.location.reload();
    }, delay * 1000);
  }

  window.fetch = function (input) {
    var url = typeof input === "string" ? input : (input && input.url) || "";
    return original.apply(this, arguments).then(function (response) {
      if (url.indexOf("_dash-") === -1) {
        return response;
      }
      if (response.status === 503) {
        var seconds = Number(response.headers.get("Retry-After")) || 2;
        response
          .clone()
          .json()
          .then(function (body) {
            showAndRetry(body.messages || {}, seconds);
          })
          .catch(function () {
            showAndRetry({}, seconds);
          });
      } else if (response.ok) {
        window.sessionStorage.removeItem(KEY);
      }
      return response;
    });
  };
})();
