// Suggestions for the search box: fills its <datalist> with matching titles.
// Without JavaScript the form simply submits; CSP allows this file (script-src 'self').
(function () {
  "use strict";
  var form = document.querySelector("form[data-suggest-url]");
  if (!form || !window.fetch) return;
  var input = form.querySelector("input[name=q]");
  var list = document.getElementById(input.getAttribute("list"));
  var timer = null;
  var lastQuery = "";

  function fill(suggestions) {
    list.textContent = "";
    suggestions.forEach(function (suggestion) {
      var option = document.createElement("option");
      option.value = suggestion.title;
      list.appendChild(option);
    });
  }

  input.addEventListener("input", function () {
    var query = input.value.trim();
    window.clearTimeout(timer);
    if (query.length < 2 || query === lastQuery) return;
    timer = window.setTimeout(function () {
      lastQuery = query;
      fetch(form.dataset.suggestUrl + "?q=" + encodeURIComponent(query), {
        headers: { Accept: "application/json" },
      })
        .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
        .then(function (data) { if (data.query === query.slice(0, 200)) fill(data.suggestions); })
        .catch(function () { /* suggestions are a convenience: the form still works */ });
    }, 200);
  });
})();
