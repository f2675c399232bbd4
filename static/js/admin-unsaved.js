/* No lost input in the admin's language tabs (django-parler).
 *
 * Parler's language tabs are plain links: following one drops whatever was typed in the
 * current language. Here, a click on another language's tab while the form holds unsaved
 * changes saves the form first ("Save and continue editing") and asks the server to open the
 * other language's tab afterwards (`_switch_language`, see jeiweb/admin.py). When the form
 * does not validate, the server shows it again with its errors and everything typed.
 * Any other way of leaving the page with unsaved changes asks the browser's "Leave site?".
 */
(function () {
  "use strict";

  function start() {
    var tabs = document.querySelector(".parler-language-tabs");
    var form = document.querySelector("#content-main form");
    if (!form) {
      return;
    }
    var changed = false;
    var submitting = false;

    function markChanged(event) {
      // Only what a person does: widgets that fill fields by script do not count.
      if (event.isTrusted) {
        changed = true;
      }
    }
    form.addEventListener("input", markChanged, true);
    form.addEventListener("change", markChanged, true);
    form.addEventListener("submit", function () {
      submitting = true;
    });

    window.addEventListener("beforeunload", function (event) {
      if (changed && !submitting) {
        event.preventDefault();
        event.returnValue = "";
      }
    });

    if (!tabs) {
      return;
    }
    tabs.addEventListener("click", function (event) {
      var link = event.target.closest("a[href]");
      if (!link || !changed || link.classList.contains("deletelink")) {
        return;
      }
      var language = new URL(link.href, window.location.href).searchParams.get("language");
      if (!language) {
        return;
      }
      event.preventDefault();
      addHidden(form, "_continue", "1");
      addHidden(form, "_switch_language", language);
      submitting = true;
      if (form.requestSubmit) {
        form.requestSubmit();
      } else {
        form.submit();
      }
    });
  }

  function addHidden(form, name, value) {
    var input = form.querySelector("input[type=hidden][name='" + name + "']");
    if (!input) {
      input = document.createElement("input");
      input.type = "hidden";
      input.name = name;
      form.appendChild(input);
    }
    input.value = value;
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
