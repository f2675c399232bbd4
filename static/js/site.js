// Progressive enhancement: without this script the menu is simply always shown.
// With it, narrow screens get a "Menu" button that shows and hides the navigation.
(function () {
  "use strict";
  var toggle = document.querySelector(".nav-toggle");
  var nav = document.getElementById("site-nav");
  if (!toggle || !nav) {
    return;
  }
  document.documentElement.classList.add("js");
  toggle.hidden = false;

  function setOpen(open) {
    toggle.setAttribute("aria-expanded", open ? "true" : "false");
    nav.classList.toggle("is-open", open);
  }

  toggle.addEventListener("click", function () {
    setOpen(toggle.getAttribute("aria-expanded") !== "true");
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && toggle.getAttribute("aria-expanded") === "true") {
      setOpen(false);
      toggle.focus();
    }
  });
})();

// Issue 11: the phone's own share sheet, where the browser has one (the QR code and the link
// work without it), and a question opened when a link (a search result) leads to it.
(function () {
  "use strict";
  if (navigator.share) {
    document.querySelectorAll(".share-native").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        navigator
          .share({ title: button.getAttribute("data-share-title"), url: button.getAttribute("data-share-url") })
          .catch(function () {}); // the visitor closed the sheet
      });
    });
  }
  function openTarget() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    var target = id && document.getElementById(id);
    if (target && target.tagName === "DETAILS") {
      target.open = true;
    }
  }
  openTarget();
  window.addEventListener("hashchange", openTarget);
})();
