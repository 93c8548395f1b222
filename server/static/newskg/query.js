/* The query page: YASGUI with the README's examples as tabs, querying this server's /sparql. */
(function () {
  "use strict";
  var root = document.getElementById("yasgui");
  if (!root || typeof Yasgui === "undefined") return;
  var examples = JSON.parse(document.getElementById("newskg-examples").textContent);
  var prefixes = JSON.parse(document.getElementById("newskg-prefixes").textContent);
  var endpoint = new URL(root.dataset.endpoint, window.location.href).href;
  var baseIri = root.dataset.baseIri;
  var resourceRoot = new URL(root.dataset.resourceRoot, window.location.href).href;

  // Autocompletion from bundled prefixes and the query's own variables only: the "class" and
  // "property" completers ask a remote service (LOV), and this page works offline.
  Yasgui.Yasqe.defaults.autocompleters = ["prefixes", "variables"];

  // POST (queries can be long); graphs (CONSTRUCT/DESCRIBE) come back as Turtle.
  var requestConfig = {
    endpoint: endpoint,
    method: "POST",
    acceptHeaderGraph: "text/turtle,*/*;q=0.9",
    acceptHeaderSelect: "application/sparql-results+json,*/*;q=0.9"
  };

  var yasgui = new Yasgui(root, {
    persistenceId: null,          // no localStorage: a fresh page always shows the examples
    populateFromUrl: false,
    autoAddOnInit: false,
    copyEndpointOnNewTab: true,
    requestConfig: requestConfig,
    endpointCatalogueOptions: {
      getData: function () { return [{ endpoint: endpoint }]; }
    },
    yasr: { prefixes: prefixes }
  });

  examples.forEach(function (example, i) {
    var isGraph = /^\s*CONSTRUCT\b/im.test(example.query.replace(/^\s*(PREFIX|#).*$/gim, ""));
    yasgui.addTab(i === 0, {
      name: example.name,
      yasqe: { value: example.query },
      requestConfig: Object.assign({}, requestConfig),
      yasr: { settings: isGraph ? { selectedPlugin: "response", pluginsConfig: {} }
                                : { selectedPlugin: "table", pluginsConfig: {} },
              response: undefined }
    });
  });
  window.newskgYasgui = yasgui;

  // Result links to this server's resources open their resource page here, not the IRI's host.
  function localise(event) {
    var a = event.target.closest && event.target.closest("a.iri");
    if (!a) return;
    var href = a.getAttribute("href") || "";
    if (baseIri && href.indexOf(baseIri) === 0 && href.length > baseIri.length) {
      a.setAttribute("href", resourceRoot + href.substring(baseIri.length));
    }
  }
  ["mousedown", "click", "focusin", "keydown"].forEach(function (type) {
    root.addEventListener(type, localise, true);
  });

  // The ask box: a question in plain English becomes SPARQL (GET /ask, JSON); the answer shows
  // what was understood and the query, which one click opens here as a new tab.
  function element(tag, text, className) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = text;
    if (className) e.className = className;
    return e;
  }

  function openInEditor(name, query) {
    yasgui.addTab(true, { name: name, yasqe: { value: query },
                          requestConfig: Object.assign({}, requestConfig) });
  }
  window.newskgOpenInEditor = openInEditor;

  function showAnswer(box, data) {
    box.textContent = "";
    var understood = data.understood || {};
    var list = element("ul");
    if (understood.pattern) {
      list.appendChild(element("li", "a question like “" + understood.pattern + "” (" +
                                     understood.intent + ")"));
    }
    (understood.names || []).forEach(function (n) {
      var found = n.matches.map(function (m) { return m.label + " (" + m.how + ")"; });
      list.appendChild(element("li", n.role + ": “" + n.text + "” → " +
                                     (found.length ? found.join(", ") : "nothing in the graph")));
    });
    (understood.notes || []).forEach(function (note) { list.appendChild(element("li", note, "note")); });
    box.appendChild(list);
    if (data.message) box.appendChild(element("p", data.message, "ask-message"));
    Object.keys(data.candidates || {}).forEach(function (name) {
      box.appendChild(element("p", "“" + name + "” could be: " + data.candidates[name]
        .map(function (m) { return m.label; }).join("; ")));
    });
    if (data.nearest) {
      box.appendChild(element("p", "Questions of this kind work: " + data.nearest
        .map(function (p) { return "“" + p.example + "”"; }).join(", ")));
    }
    box.appendChild(element("pre", data.sparql, "ask-sparql"));
    var open = element("button", "Open this SPARQL in the editor (new tab)", "ask-open");
    open.type = "button";
    open.addEventListener("click", function () { openInEditor(data.question, data.sparql); });
    box.appendChild(open);
    if (data.status === "answered") {
      box.appendChild(element("p", data.results.length + " result(s)", "note ask-count"));
    }
    box.hidden = false;
  }

  var askForm = document.getElementById("newskg-ask");
  if (askForm) {
    askForm.addEventListener("submit", function (event) {
      event.preventDefault();
      var box = document.getElementById("newskg-ask-answer");
      var q = askForm.elements.q.value;
      var url = askForm.action + "?q=" + encodeURIComponent(q);
      fetch(url, { headers: { Accept: "application/json" } })
        .then(function (r) { return r.json().then(function (body) { return [r.ok, body]; }); })
        .then(function (pair) {
          if (pair[0]) { showAnswer(box, pair[1]); return; }
          box.textContent = "";
          box.appendChild(element("p", pair[1].message || "the question could not be read", "error"));
          box.hidden = false;
        })
        .catch(function () {
          box.textContent = "";
          box.appendChild(element("p", "the server did not answer", "error"));
          box.hidden = false;
        });
    });
  }

  // The row cap is said where the results are, not only in a header: each tab's editor tells
  // the notice box whether the server cut the result (X-Result-Truncated).
  var capNotice = document.getElementById("newskg-cap-notice");
  function watchCap(yasqe) {
    if (!capNotice || !yasqe || yasqe.newskgWatched) return;
    yasqe.newskgWatched = true;
    yasqe.on("queryResponse", function (instance, response) {
      var headers = response && response.headers;
      var cut = headers && headers.get && headers.get("X-Result-Truncated") === "true";
      capNotice.hidden = !cut;
      if (cut) {
        capNotice.textContent = "This result was cut at the server's cap of " +
          headers.get("X-Result-Max-Rows") + " rows: add LIMIT/OFFSET or narrow the query " +
          "to see the rest.";
      }
    });
  }
  yasgui.on("query", function (instance, tab) { watchCap(tab.getYasqe()); });
  watchCap(yasgui.getTab() && yasgui.getTab().getYasqe());

  // /#query=... (the "open in the editor" link of an /ask page) opens that query as a tab.
  if (window.location.hash.indexOf("#query=") === 0) {
    openInEditor("asked", decodeURIComponent(window.location.hash.substring(7)));
    history.replaceState(null, "", window.location.pathname + window.location.search);
  }
})();
