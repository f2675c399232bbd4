// Progressive enhancement. On narrow screens the menu is folded behind the "Menu" link from
// the first paint (site.css), and the link opens it without this script (#site-nav, :target).
// The script makes the link a button that opens and closes the menu. It changes no layout when
// it runs, so nothing moves under the reader's eyes.
(function () {
  "use strict";
  var toggle = document.querySelector(".nav-toggle");
  var nav = document.getElementById("site-nav");
  if (!toggle || !nav) {
    return;
  }
  toggle.setAttribute("role", "button");
  toggle.setAttribute("aria-expanded", "false");

  function setOpen(open) {
    toggle.setAttribute("aria-expanded", open ? "true" : "false");
    nav.classList.toggle("is-open", open);
  }

  toggle.addEventListener("click", function (event) {
    event.preventDefault();
    setOpen(toggle.getAttribute("aria-expanded") !== "true");
  });
  toggle.addEventListener("keydown", function (event) {
    // A button opens with the space bar too (a link only with Enter).
    if (event.key === " ") {
      event.preventDefault();
      toggle.click();
    }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && toggle.getAttribute("aria-expanded") === "true") {
      setOpen(false);
      toggle.focus();
    }
  });
})();
