"""The README's federated query joins local speakers with a (stand-in) Wikidata endpoint."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

import pytest
from pyoxigraph import QuerySolutions
from tests_support import ROOT, serving

pytestmark = pytest.mark.model

WIKIDATA_SPARQL = "https://query.wikidata.org/sparql"

# Synthetic answer in the SPARQL 1.1 JSON results format: one position for Xi Jinping (Q15031),
# one for an item no local resource is linked to (Q1, which must not appear in the join).
ANSWER = {
    "head": {"vars": ["item", "position", "positionLabel"]},
    "results": {
        "bindings": [
            {
                "item": {"type": "uri", "value": "http://www.wikidata.org/entity/Q15031"},
                "position": {"type": "uri", "value": "http://www.wikidata.org/entity/Q990003"},
                "positionLabel": {
                    "type": "literal",
                    "xml:lang": "en",
                    "value": "synthetic position of the test",
                },
            },
            {
                "item": {"type": "uri", "value": "http://www.wikidata.org/entity/Q1"},
                "position": {"type": "uri", "value": "http://www.wikidata.org/entity/Q990004"},
                "positionLabel": {"type": "literal", "xml:lang": "en", "value": "unrelated"},
            },
        ]
    },
}


def readme_query(name: str) -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    found = re.search(rf"<!-- query: {re.escape(name)} -->\s*```sparql\n(.*?)```", readme, re.S)
    assert found, f"README has no query marked {name!r}"
    return found.group(1)


class StandIn(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.queries: list[str] = []

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/sparql"


class _Handler(BaseHTTPRequestHandler):
    server: StandIn

    def do_GET(self) -> None:  # noqa: N802
        self._answer(parse_qs(urlparse(self.path).query).get("query", [""])[0])

    def do_POST(self) -> None:  # noqa: N802
        body = self.rfile.read(int(self.headers.get("Content-Length", 0))).decode("utf-8")
        if self.headers.get("Content-Type", "").startswith("application/x-www-form-urlencoded"):
            body = parse_qs(body).get("query", [""])[0]
        self._answer(body)

    def _answer(self, query: str) -> None:
        self.server.queries.append(query)
        payload = json.dumps(ANSWER).encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, format, *args) -> None:
        pass


@pytest.fixture
def stand_in() -> Iterator[StandIn]:
    with serving(StandIn()) as server:
        yield server


def test_readme_federated_query_joins_speakers_with_wikidata_positions(seed_store, stand_in):
    query = readme_query("federation-positions")
    assert WIKIDATA_SPARQL in query

    result = seed_store.query(query.replace(WIKIDATA_SPARQL, stand_in.url))

    assert isinstance(result, QuerySolutions)
    rows = [(str(r["speaker"].value), str(r["positionLabel"].value)) for r in result]
    assert rows == [("Xi Jinping", "synthetic position of the test")]
    assert stand_in.queries and "P39" in stand_in.queries[0]
