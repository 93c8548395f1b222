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
})();
