// Progressive enhancement: the timeline filter updates the entries in place.
// Without JavaScript the form submits as a plain GET and the server filters.
(function () {
  "use strict";
  var form = document.querySelector("[data-timeline-filter]");
  if (!form || !window.fetch || !window.DOMParser) {
    return;
  }
  var section = form.closest(".timeline");

  function refresh() {
    var query = new URLSearchParams(new FormData(form)).toString();
    var url = form.action + (query ? "?" + query : "");
    section.setAttribute("aria-busy", "true");
    fetch(url, { headers: { Accept: "text/html" } })
      .then(function (response) {
        if (!response.ok) {
          throw new Error(response.statusText);
        }
        return response.text();
      })
      .then(function (html) {
        var page = new DOMParser().parseFromString(html, "text/html");
        var fresh = page.querySelector("[data-timeline-entries]");
        document.querySelector("[data-timeline-entries]").replaceWith(fresh);
        history.replaceState(null, "", url);
      })
      .catch(function () {
        form.submit();
      })
      .finally(function () {
        section.removeAttribute("aria-busy");
      });
  }

  form.addEventListener("change", refresh);
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    refresh();
  });
})();
