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

// "Copy embed code": the code stays in a read-only text box anyone can select; with
// JavaScript a button copies it and says whether it did.
(function () {
  "use strict";
  var button = document.querySelector("[data-copy-embed-code]");
  var text = document.querySelector("[data-embed-code]");
  if (!button || !text) {
    return;
  }
  var status = button.parentNode.querySelector("[data-copy-status]");

  function copied() {
    status.textContent = button.dataset.copied;
  }

  function selectedAndCopied() {
    text.focus();
    text.select();
    try {
      return document.execCommand("copy");
    } catch (error) {
      return false;
    }
  }

  button.hidden = false;
  button.addEventListener("click", function () {
    status.textContent = "";
    var write = navigator.clipboard && window.isSecureContext
      ? navigator.clipboard.writeText(text.value)
      : Promise.reject(new Error("no clipboard"));
    write.then(copied, function () {
      if (selectedAndCopied()) {
        copied();
      } else {
        status.textContent = button.dataset.notCopied;
      }
    });
  });
})();
