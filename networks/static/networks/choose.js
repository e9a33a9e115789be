/* The type-ahead of the memberships' forms: as the editor types an organisation's (or a
   network's) name, the portal's matches are offered below the field; picking one fills the
   form's hidden key, so that the first submit is enough. Without this script the form is sent
   with the name and the server offers the matches to pick from. */
(function () {
  "use strict";

  function setUp(input) {
    var form = input.form;
    var key = form.querySelector('input[type="hidden"][name="' + input.dataset.networkKey + '"]');
    if (!key) {
      return;
    }
    var list = document.createElement("ul");
    list.className = "network-suggestions";
    list.id = input.id + "-suggestions";
    list.hidden = true;
    input.insertAdjacentElement("afterend", list);
    input.setAttribute("aria-controls", list.id);
    input.setAttribute("aria-autocomplete", "list");
    var timer = null;
    var asked = 0;

    function show(results) {
      list.textContent = "";
      results.forEach(function (result) {
        var item = document.createElement("li");
        var button = document.createElement("button");
        button.type = "button";
        button.className = "button button-small button-secondary";
        button.textContent = result.label;
        button.addEventListener("click", function () {
          input.value = result.name;
          key.value = result.key;
          list.hidden = true;
          list.textContent = "";
          input.focus();
        });
        item.appendChild(button);
        list.appendChild(item);
      });
      list.hidden = results.length === 0;
    }

    input.addEventListener("input", function () {
      key.value = "";
      window.clearTimeout(timer);
      var text = input.value.trim();
      if (text.length < 2) {
        show([]);
        return;
      }
      timer = window.setTimeout(function () {
        var number = ++asked;
        var url = input.dataset.networkChoices + "?q=" + encodeURIComponent(text);
        fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
          .then(function (response) {
            return response.ok ? response.json() : { results: [] };
          })
          .then(function (data) {
            if (number === asked) {
              show(data.results || []);
            }
          })
          .catch(function () {
            show([]);
          });
      }, 250);
    });
  }

  function start() {
    document.querySelectorAll("input[data-network-choices]").forEach(setUp);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
