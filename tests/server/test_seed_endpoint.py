"""The issue's acceptance query over HTTP, against the graph built from the seed article."""

from __future__ import annotations

import pytest
from tests_support import XI_TAIWAN_QUERY, XI_TAIWAN_SENTENCE

from server import create_app
from server.config import ServerConfig

pytestmark = pytest.mark.model


def test_get_sparql_answers_what_xi_said_about_taiwan_on_the_seed_graph(seed_store):
    client = create_app(ServerConfig(), store=seed_store).test_client()
    response = client.get(
        "/sparql",
        query_string={"query": XI_TAIWAN_QUERY},
        headers={"Accept": "application/sparql-results+json"},
    )
    assert response.status_code == 200
    texts = [b["text"]["value"] for b in response.get_json()["results"]["bindings"]]
    assert texts == [XI_TAIWAN_SENTENCE]
    assert response.headers["X-Result-Truncated"] == "false"
