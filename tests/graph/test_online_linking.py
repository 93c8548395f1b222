"""Online reconciliation against a local stand-in for the Wikidata API (127.0.0.1 only).

The server answers with recorded-style API responses from ``tests/data/wikidata/`` (see its
README); the linker runs its real HTTP code path against it.
"""

from __future__ import annotations

import json
import logging
import socket
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
from tests_support import serving

from extract.records import Actor, ActorKind, DocumentInfo, Extraction, Mention
from graph.linking import OnlineLinker, OnlineMatch, online_link_hook

DATA = Path(__file__).resolve().parent.parent / "data" / "wikidata"

SEARCHES = {
    "vladimir putin": "search_vladimir_putin.json",
    "georgia": "search_georgia.json",
    "scott bessent": "search_scott_bessent.json",
}
ENTITIES = {
    "Q7747|Q990002": "entities_Q7747_Q990002.json",
    "Q230|Q990001": "entities_Q230_Q990001.json",
    "Q990010": "entities_Q990010.json",
}


class FakeWikidata(ThreadingHTTPServer):
    """Records every request; can fail the next N requests or answer slowly."""

    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.requests: list[tuple[dict[str, list[str]], str]] = []
        self.fail_next = 0
        self.fail_status = 503
        self.delay = 0.0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/w/api.php"

    def handle_error(self, request, client_address) -> None:  # a client that timed out
        pass


class _Handler(BaseHTTPRequestHandler):
    server: FakeWikidata

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        params = parse_qs(urlparse(self.path).query)
        self.server.requests.append((params, self.headers.get("User-Agent", "")))
        if self.server.delay:
            time.sleep(self.server.delay)
        if self.server.fail_next > 0:
            self.server.fail_next -= 1
            self._send(self.server.fail_status, b'{"error": "busy"}')
            return
        action = params.get("action", [""])[0]
        if action == "wbsearchentities":
            name = SEARCHES.get(params["search"][0].lower(), "search_empty.json")
        elif action == "wbgetentities":
            name = ENTITIES.get(params["ids"][0])
            if name is None:
                self._send(200, b'{"entities": {}, "success": 1}')
                return
        else:
            self._send(400, b'{"error": {"code": "badvalue"}}')
            return
        self._send(200, (DATA / name).read_bytes())

    def _send(self, status: int, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format, *args) -> None:  # keep test output quiet
        pass


@pytest.fixture
def wikidata() -> Iterator[FakeWikidata]:
    with serving(FakeWikidata()) as server:
        yield server


def linker(server_url: str, cache: Path, **kw) -> OnlineLinker:
    kw.setdefault("timeout", 2.0)
    kw.setdefault("retries", 2)
    kw.setdefault("user_agent", "newskg-tests/1.0 (test suite; nobody@example.org)")
    return OnlineLinker(server_url, cache, backoff=0.01, **kw)


def test_person_mention_links_to_the_human_not_the_namesake_film(wikidata, tmp_path):
    found = linker(wikidata.url, tmp_path).search("Vladimir Putin", "person")

    assert found == OnlineMatch("Q7747", "Vladimir Putin", "President of Russia since 2012", 0.8)
    qid, label, description, confidence = found
    assert (qid, confidence) == ("Q7747", 0.8)


def test_requests_use_the_search_then_entities_api_with_a_descriptive_user_agent(
    wikidata, tmp_path
):
    linker(wikidata.url, tmp_path).search("Vladimir Putin", "person")

    actions = [params["action"][0] for params, _ in wikidata.requests]
    assert actions == ["wbsearchentities", "wbgetentities"]
    assert all(
        ua == "newskg-tests/1.0 (test suite; nobody@example.org)" for _, ua in wikidata.requests
    )
    assert wikidata.requests[0][0]["language"] == ["en"]


def test_default_user_agent_names_newskg():
    assert OnlineLinker().user_agent.startswith("newskg/")


def test_the_same_mention_is_never_asked_twice_even_by_a_new_linker(wikidata, tmp_path):
    first = linker(wikidata.url, tmp_path).search("Vladimir Putin", "person")
    asked = len(wikidata.requests)

    again = linker(wikidata.url, tmp_path).search("vladimir  putin", "Person")

    assert again == first
    assert len(wikidata.requests) == asked


def test_a_mention_wikidata_does_not_know_is_cached_as_unknown(wikidata, tmp_path):
    assert linker(wikidata.url, tmp_path).search("Qwertyuiop Nonexistent", "person") is None
    asked = len(wikidata.requests)

    assert linker(wikidata.url, tmp_path).search("Qwertyuiop Nonexistent", "person") is None
    assert len(wikidata.requests) == asked == 1
    cached = [json.loads(p.read_text()) for p in tmp_path.rglob("*.json")]
    assert cached == [
        {
            "match": None,
            "query": {"kind": "person", "label": "Qwertyuiop Nonexistent", "language": "en"},
        }
    ]


def test_country_mention_links_only_to_the_country(wikidata, tmp_path):
    found = linker(wikidata.url, tmp_path).search("Georgia", "Country")

    assert found is not None and found.qid == "Q230"


def test_place_mention_that_fits_two_items_equally_is_left_unlinked(wikidata, tmp_path):
    assert linker(wikidata.url, tmp_path).search("Georgia", "place") is None


def test_person_mention_does_not_link_to_a_place(wikidata, tmp_path):
    assert linker(wikidata.url, tmp_path).search("Georgia", "person") is None


def test_server_errors_are_retried_with_backoff(wikidata, tmp_path):
    wikidata.fail_next = 2

    found = linker(wikidata.url, tmp_path, retries=2).search("Vladimir Putin", "person")

    assert found is not None and found.qid == "Q7747"
    assert len(wikidata.requests) == 4  # two 503s, then search and entities


def test_rate_limit_answers_are_retried(wikidata, tmp_path):
    wikidata.fail_next, wikidata.fail_status = 1, 429

    found = linker(wikidata.url, tmp_path).search("Georgia", "country")

    assert found is not None and found.qid == "Q230"


def test_persistent_failure_warns_and_stops_asking(wikidata, tmp_path, caplog):
    wikidata.fail_next = 100
    online = linker(wikidata.url, tmp_path, retries=1)

    with caplog.at_level(logging.WARNING, logger="graph.linking"):
        assert online.search("Vladimir Putin", "person") is None
        assert online.search("Georgia", "country") is None

    assert len(wikidata.requests) == 2  # one try and one retry, then no more
    assert online.offline
    assert [r.levelname for r in caplog.records] == ["WARNING"]
    assert "unreachable" in caplog.records[0].getMessage()
    assert not list(tmp_path.rglob("*.json")), "a failure must not be cached"


def test_slow_answers_time_out_and_warn(wikidata, tmp_path, caplog):
    wikidata.delay = 0.5
    online = linker(wikidata.url, tmp_path, timeout=0.1, retries=0)

    with caplog.at_level(logging.WARNING, logger="graph.linking"):
        assert online.search("Vladimir Putin", "person") is None

    assert "unreachable" in caplog.text


def test_no_server_at_all_warns_instead_of_failing(tmp_path, caplog):
    with socket.socket() as s:  # a port nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    online = linker(f"http://127.0.0.1:{port}/w/api.php", tmp_path, retries=1)

    with caplog.at_level(logging.WARNING, logger="graph.linking"):
        assert online.search("Vladimir Putin", "person") is None

    assert "Wikidata is unreachable" in caplog.text


def test_unknown_kinds_and_empty_names_are_not_asked(wikidata, tmp_path):
    online = linker(wikidata.url, tmp_path)

    assert online.search("Vladimir Putin", "commodity") is None
    assert online.search("  ", "person") is None
    assert wikidata.requests == []


def _document(*actors: Actor) -> Extraction:
    text = "Vladimir Putin spoke to reporters."
    info = DocumentInfo(id="d1", text=text, sha256="0" * 64)
    return Extraction(document=info, actors=actors)


def _actor(key: str, label: str, kind: ActorKind, qid: str | None = None) -> Actor:
    return Actor(
        key=key, label=label, kind=kind, mentions=(Mention(label, 0, len(label)),), qid=qid
    )


def test_ingest_hook_links_an_actor_the_gazetteer_left_unlinked(wikidata, tmp_path):
    hook = online_link_hook(cache_dir=tmp_path, endpoint=wikidata.url, timeout=2.0)

    linked = hook(_document(_actor("a1", "Vladimir Putin", ActorKind.PERSON)))

    (putin,) = linked.actors
    assert (putin.qid, putin.link_confidence) == ("Q7747", 0.8)
    assert putin.description == "President of Russia since 2012"
    assert linked.document == _document().document


def test_ingest_hook_keeps_gazetteer_links_and_never_links_anonymous_sources(wikidata, tmp_path):
    hook = online_link_hook(cache_dir=tmp_path, endpoint=wikidata.url, timeout=2.0)
    known = _actor("a1", "Georgia", ActorKind.COUNTRY, qid="Q230")
    anonymous = _actor("a2", "officials", ActorKind.ANONYMOUS)

    linked = hook(_document(known, anonymous))

    assert linked.actors == (known, anonymous)
    assert wikidata.requests == []


def test_ingest_hook_with_wikidata_unreachable_leaves_the_extraction_as_it_was(tmp_path, caplog):
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        dead = f"http://127.0.0.1:{s.getsockname()[1]}/w/api.php"
    hook = online_link_hook(cache_dir=tmp_path, endpoint=dead, timeout=0.5)
    hook.linker.backoff = 0.01
    document = _document(_actor("a1", "Vladimir Putin", ActorKind.PERSON))

    with caplog.at_level(logging.WARNING, logger="graph.linking"):
        assert hook(document) == document

    assert hook.linker.offline
    assert "unreachable" in caplog.text


@pytest.mark.model
def test_ingest_with_online_linking_links_what_the_gazetteer_does_not_know(
    wikidata, tmp_path, monkeypatch
):
    from click.testing import CliRunner
    from pyoxigraph import Store
    from tests_support import SEEDS

    from newskg.cli import main

    monkeypatch.setenv("NEWSKG_WIKIDATA_API", wikidata.url)
    monkeypatch.setenv("NEWSKG_WIKIDATA_USER_AGENT", "newskg-tests/1.0 (nobody@example.org)")
    monkeypatch.setenv("NEWSKG_CACHE_DIR", str(tmp_path / "cache"))

    def ingest(store: str) -> None:
        result = CliRunner().invoke(
            main,
            ["ingest", str(SEEDS), "--online-linking", "-j", "1", "--store", str(tmp_path / store)],
        )
        assert result.exit_code == 0, result.output

    ingest("first")
    asked = len(wikidata.requests)
    ingest("second")

    assert asked > 0 and len(wikidata.requests) == asked, "answers come from the disk cache"
    assert {ua for _, ua in wikidata.requests} == {"newskg-tests/1.0 (nobody@example.org)"}
    searched = {
        params["search"][0]
        for params, _ in wikidata.requests
        if params["action"] == ["wbsearchentities"]
    }
    assert "Scott Bessent" in searched and "Xi Jinping" not in searched, (
        "only mentions the gazetteer left unlinked are asked"
    )
    store = Store.read_only(str(tmp_path / "second"))
    found = store.query("""SELECT ?label WHERE { GRAPH ?g {
        ?x <http://www.w3.org/2002/07/owl#sameAs> <http://www.wikidata.org/entity/Q990010> ;
           <http://www.w3.org/2000/01/rdf-schema#label> ?label } }""")
    assert [s["label"].value for s in found] == ["Scott Bessent"]
