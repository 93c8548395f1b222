/* The search box of every page: suggestions from /suggest as one types (a datalist), and a
   chosen suggestion opens its page directly. */
(function () {
  "use strict";
  var input = document.getElementById("newskg-search");
  var list = document.getElementById("newskg-suggestions");
  if (!input || !list || !window.fetch) return;
  var hrefs = {};
  var pending = null;
  var last = "";

  function fill(items) {
    list.textContent = "";
    hrefs = {};
    items.forEach(function (item) {
      var option = document.createElement("option");
      option.value = item.label;
      option.textContent = item.kind ? item.label + " (" + item.kind + ")" : item.label;
      list.appendChild(option);
      if (!(item.label in hrefs)) hrefs[item.label] = item.href;
    });
  }

  input.addEventListener("input", function () {
    var q = input.value.trim();
    if (q in hrefs && input.value === q) { window.location.href = hrefs[q]; return; }
    if (q.length < 2 || q === last) return;
    last = q;
    clearTimeout(pending);
    pending = setTimeout(function () {
      fetch(input.dataset.suggest + "?q=" + encodeURIComponent(q), {
        headers: { Accept: "application/json" }
      }).then(function (r) { return r.ok ? r.json() : []; })
        .then(fill)
        .catch(function () { fill([]); });
    }, 150);
  });
})();
