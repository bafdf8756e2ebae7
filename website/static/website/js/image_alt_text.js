// An image form sent without alt text comes back from the server with an error, and
// browsers empty a file input whenever a page is drawn again: the editor would have to
// find the file once more. The form is checked here first, so the chosen file stays.
// Wagtail's forms carry `novalidate`, and its chooser modal posts by script: this
// listener runs first (capture) and stops the submission when the alt text is missing.
(() => {
  const altTextOf = (form) => form.querySelector("[data-alt-text-required]");

  const refuseWithoutAltText = (form, event) => {
    const altText = form && altTextOf(form);
    const file = form && form.querySelector("input[type=file]");
    if (!altText || !file || !file.files.length) return;
    const decorative = form.querySelector("input[type=checkbox][name$='decorative']");
    const missing = !altText.value.trim() && !(decorative && decorative.checked);
    altText.setCustomValidity(missing ? altText.dataset.altTextRequired : "");
    if (missing) {
      event.preventDefault();
      event.stopImmediatePropagation();
      altText.reportValidity();
    }
  };

  // The click first: the button's own "Uploading…" state would start on it.
  document.addEventListener(
    "click",
    (event) => {
      const button = event.target.closest && event.target.closest("[type=submit]");
      if (button) refuseWithoutAltText(button.form, event);
    },
    true,
  );
  // Enter in a field submits without a click.
  document.addEventListener("submit", (event) => refuseWithoutAltText(event.target, event), true);

  // Typing alt text, or marking the image decorative, lifts the refusal.
  const clear = (event) => {
    const altText = event.target.form && altTextOf(event.target.form);
    if (altText) altText.setCustomValidity("");
  };
  document.addEventListener("input", clear, true);
  document.addEventListener("change", clear, true);
})();
