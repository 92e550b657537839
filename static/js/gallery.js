// Progressive enhancement of templates/includes/gallery.html: the thumbnails open a
// lightbox (a modal <dialog>). Enter or a click opens it, the arrow keys move, Escape
// closes it, Tab stays inside it, and focus goes back to the thumbnail on close.
// Without JavaScript every thumbnail is a plain link to the photo's own page.
(function () {
  "use strict";

  function element(tag, attributes) {
    var node = document.createElement(tag);
    Object.keys(attributes).forEach(function (name) {
      node.setAttribute(name, attributes[name]);
    });
    return node;
  }

  function setUp(gallery) {
    var links = Array.prototype.slice.call(gallery.querySelectorAll("a[data-src]"));
    var template = gallery.querySelector("template[data-lightbox]");
    if (!links.length || !template || typeof HTMLDialogElement !== "function") {
      return;
    }
    var dialog = template.content.firstElementChild.cloneNode(true);
    gallery.appendChild(dialog);
    var picture = dialog.querySelector("[data-part=picture]");
    var caption = dialog.querySelector("[data-part=caption]");
    var credit = dialog.querySelector("[data-part=credit]");
    var status = dialog.querySelector("[data-part=status]");
    var download = dialog.querySelector("[data-part=download]");
    var current = 0;
    var opener = null;

    function show(index) {
      current = (index + links.length) % links.length;
      var data = links[current].dataset;
      // As wide as the screen, but never wider than the photo itself.
      var sizes = "min(100vw, " + data.width + "px)";
      picture.replaceChildren(
        element("source", { type: "image/webp", srcset: data.webpSrcset, sizes: sizes }),
        element("img", {
          class: "lightbox__image",
          src: data.src,
          srcset: data.jpegSrcset,
          sizes: sizes,
          width: data.width,
          height: data.height,
          alt: data.alt,
        })
      );
      caption.textContent = data.caption;
      credit.textContent = data.credit;
      download.href = data.download;
      status.textContent = gallery.dataset.counter
        .replace("{index}", String(current + 1))
        .replace("{total}", String(links.length));
    }

    function focusables() {
      return Array.prototype.slice.call(dialog.querySelectorAll("a[href], button"));
    }

    function keepFocusInside(event) {
      var items = focusables();
      var first = items[0];
      var last = items[items.length - 1];
      if (event.shiftKey && document.activeElement === first) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && document.activeElement === last) {
        event.preventDefault();
        first.focus();
      }
    }

    links.forEach(function (link, index) {
      link.addEventListener("click", function (event) {
        // A new tab or window still opens the photo's page.
        if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) {
          return;
        }
        event.preventDefault();
        opener = link;
        dialog.showModal();
        show(index);
        dialog.querySelector("[data-action=close]").focus();
      });
    });

    dialog.addEventListener("keydown", function (event) {
      if (event.key === "ArrowRight") {
        event.preventDefault();
        show(current + 1);
      } else if (event.key === "ArrowLeft") {
        event.preventDefault();
        show(current - 1);
      } else if (event.key === "Tab") {
        keepFocusInside(event);
      }
    });
    dialog.querySelector("[data-action=next]").addEventListener("click", function () {
      show(current + 1);
    });
    dialog.querySelector("[data-action=previous]").addEventListener("click", function () {
      show(current - 1);
    });
    dialog.querySelector("[data-action=close]").addEventListener("click", function () {
      dialog.close();
    });
    // A click on the backdrop (outside the figure and the bar) closes too.
    dialog.addEventListener("click", function (event) {
      if (event.target === dialog) {
        dialog.close();
      }
    });
    // Escape closes a modal dialog by itself; every way of closing ends here.
    dialog.addEventListener("close", function () {
      status.textContent = "";
      if (opener) {
        opener.focus();
      }
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll("[data-gallery]"), setUp);
})();
