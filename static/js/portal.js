// Small enhancements; every page works without them.
document.addEventListener("click", (event) => {
  if (event.target.closest("[data-print]")) {
    window.print();
  }
});

// A listing's filters are folded on a phone; on a wide screen they sit open beside the results.
if (window.matchMedia("(min-width: 64rem)").matches) {
  document.querySelectorAll("details[data-filters]").forEach((details) => {
    details.open = true;
  });
}

// Search type-ahead: categories and organisation names offered in the field's datalist.
document.querySelectorAll("input[data-suggest-url]").forEach((input) => {
  const list = document.getElementById(input.getAttribute("list"));
  if (!list) return;
  let timer = null;
  let last = "";
  input.addEventListener("input", () => {
    clearTimeout(timer);
    const typed = input.value.trim();
    if (typed.length < 2 || typed === last) return;
    timer = setTimeout(async () => {
      last = typed;
      try {
        const url = `${input.dataset.suggestUrl}?q=${encodeURIComponent(typed)}`;
        const response = await fetch(url, { headers: { Accept: "application/json" } });
        if (!response.ok) return;
        const data = await response.json();
        list.replaceChildren(
          ...data.suggestions.map((item) => {
            const option = document.createElement("option");
            option.value = item.label;
            if (item.lang) option.lang = item.lang;
            return option;
          }),
        );
      } catch (error) {
        // Suggestions are a convenience: the search works without them.
      }
    }, 200);
  });
});

// A message form on a page kept in a cache carries no CSRF token: it is fetched when the form is
// sent. Without it (no JavaScript, no network) the portal shows the form again, to send again.
document.querySelectorAll("input[data-csrf-url]").forEach((input) => {
  const form = input.form;
  let sending = false;
  form.addEventListener("submit", async (event) => {
    if (input.value) return;
    event.preventDefault();
    if (sending) return;
    sending = true;
    // form.submit() sends no button: the one pressed (Yes or No) goes as a hidden field.
    const button = event.submitter;
    if (button && button.name) {
      const pressed = document.createElement("input");
      pressed.type = "hidden";
      pressed.name = button.name;
      pressed.value = button.value;
      form.append(pressed);
    }
    try {
      const response = await fetch(input.dataset.csrfUrl, {
        credentials: "same-origin",
        cache: "no-store",
        headers: { Accept: "application/json" },
      });
      if (response.ok) input.value = (await response.json()).token;
    } catch {
      // Sent without a token: the portal answers with the form, to send again.
    }
    form.submit();
  });
});
