/* The pictures of a resource page (and of /network): a vis-network of the actor's ties and a
   vis-timeline of its statements, summits and policies. Clicking a node or an item opens its
   page. Data comes from /pictures/*.json (or, on /network, from the page itself). */
(function () {
  "use strict";
  var COLOURS = { summit: "#2a9d4b", statement: "#d4a017", policy: "#d9534f", query: "#36c" };
  var BENDS = { summit: "continuous", statement: "curvedCW", policy: "curvedCCW" };

  function drawNetwork(box, data) {
    if (!data.nodes.length) {
      box.textContent = "No ties recorded for this actor.";
      box.style.height = "auto";
      box.dataset.ready = "true";
      return;
    }
    var nodes = new vis.DataSet(data.nodes.map(function (n) {
      return { id: n.id, label: n.label, href: n.href, title: n.label,
               shape: n.centre ? "box" : "dot", size: n.centre ? 20 : 12,
               color: n.centre ? { background: "#fef6e7", border: "#fc3" } : undefined };
    }));
    var edges = new vis.DataSet(data.edges.map(function (e, i) {
      // Ties of different kinds between one pair bend apart instead of covering each other.
      return { id: i, from: e.from, to: e.to, arrows: e.arrows, title: e.title,
               value: e.weight, color: { color: COLOURS[e.kind] || "#888" },
               smooth: { enabled: true, type: BENDS[e.kind] || "continuous", roundness: 0.25 } };
    }));
    var network = new vis.Network(box, { nodes: nodes, edges: edges }, {
      layout: { randomSeed: 7 },
      edges: { scaling: { min: 1, max: 8 }, smooth: { type: "continuous" } },
      physics: { stabilization: { iterations: 250 }, barnesHut: { springLength: 140 } },
      interaction: { hover: true }
    });
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({ physics: false });
      box.dataset.ready = "true";
    });
    network.on("click", function (params) {
      if (params.nodes.length) {
        var node = nodes.get(params.nodes[0]);
        if (node && node.href) window.location.href = node.href;
      }
    });
    window.newskgNetwork = network;
    window.newskgNetworkNodes = nodes;
  }

  function drawTimeline(box, data) {
    if (!data.items.length) {
      box.textContent = "Nothing dated.";
      box.dataset.ready = "true";
      return;
    }
    var items = new vis.DataSet(data.items.map(function (item, i) {
      var text = item.content.length > 60 ? item.content.substring(0, 59) + "…" : item.content;
      return { id: i, content: text, title: item.content + " (" + item.dated + " date)",
               start: item.start, group: item.group, href: item.href, type: "point" };
    }));
    var groups = new vis.DataSet(data.groups);
    var timeline = new vis.Timeline(box, items, groups, { stack: true, maxHeight: 400,
                                                          zoomKey: "ctrlKey" });
    timeline.on("click", function (props) {
      if (props.item !== null && props.item !== undefined) {
        window.location.href = items.get(props.item).href;
      }
    });
    box.dataset.ready = "true";
    window.newskgTimeline = timeline;
  }

  function load(box, draw) {
    if (!box) return;
    var inline = document.getElementById(box.id + "-data");
    if (inline) { draw(box, JSON.parse(inline.textContent)); return; }
    fetch(box.dataset.src, { headers: { Accept: "application/json" } })
      .then(function (r) {
        if (!r.ok) throw new Error("the server answered " + r.status);
        return r.json();
      })
      .then(function (data) { draw(box, data); })
      .catch(function (err) { box.textContent = "The picture could not be loaded: " + err.message; });
  }

  if (typeof vis === "undefined") return;
  load(document.getElementById("newskg-network"), drawNetwork);
  if (vis.Timeline) load(document.getElementById("newskg-timeline"), drawTimeline);
})();
