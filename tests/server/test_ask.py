"""``GET /ask``: JSON for scripts, a page for people, helpful answers, never a traceback; and the
ask box of the query page in a real browser."""

from __future__ import annotations

import io
import subprocess
import sys
from urllib.parse import unquote

import pytest
from chromium import CHROMIUM
from chromium import console_errors as _console_errors
from flask import Flask
from flask.testing import FlaskClient
from pyoxigraph import RdfFormat

from graph.store import KnowledgeStore
from server.ask import NLP_EXTENSION
from tests.server.conftest import BROWSER_STATEMENT, LIVE_NQUADS, LiveServer

pytestmark = pytest.mark.model

JSON = {"Accept": "application/json"}
XI_TAIWAN = "Xi said Taiwan's return to China is an integral part of the post-war order."


@pytest.fixture
def asking(app: Flask, nlp) -> FlaskClient:
    app.extensions[NLP_EXTENSION] = nlp
    return app.test_client()


def test_json_answer_has_question_sparql_results_understood(asking: FlaskClient) -> None:
    r = asking.get("/ask", query_string={"q": "what did Xi say about Taiwan"}, headers=JSON)
    assert r.status_code == 200 and r.mimetype == "application/json"
    data = r.get_json()
    assert data["question"] == "what did Xi say about Taiwan"
    assert data["status"] == "answered"
    assert "nkg:speaker ?who" in data["sparql"]
    assert [(x["speaker"], x["text"]) for x in data["results"]] == [("Xi Jinping", XI_TAIWAN)]
    assert data["results"][0]["document"] == "https://w3id.org/newskg/id/doc/d1"
    assert [n["text"] for n in data["understood"]["names"]] == ["Xi", "Taiwan"]


def test_format_json_works_from_a_browser_link(asking: FlaskClient) -> None:
    r = asking.get("/ask", query_string={"q": "who said what about Taiwan", "format": "json"})
    assert r.get_json()["results"][0]["speaker"] == "Xi Jinping"


def test_the_page_shows_the_sparql_with_a_link_into_the_editor(asking: FlaskClient) -> None:
    r = asking.get("/ask", query_string={"q": "what did Xi say about Taiwan"})
    assert r.status_code == 200 and r.mimetype == "text/html"
    page = r.get_data(as_text=True)
    assert "nkg:speaker ?who" in page and XI_TAIWAN.replace("'", "&#39;") in page
    link = page.split('href="/#query=', 1)[1].split('"', 1)[0]
    r2 = asking.get("/ask", query_string={"q": "what did Xi say about Taiwan"}, headers=JSON)
    assert unquote(link) == r2.get_json()["sparql"]
    assert 'href="/resource/entity/Q15031"' in page  # graph resources link to their pages


def test_an_unsupported_question_is_a_helpful_answer_not_an_error(asking: FlaskClient) -> None:
    r = asking.get("/ask", query_string={"q": "what is the weather in Paris"}, headers=JSON)
    assert r.status_code == 200
    data = r.get_json()
    assert data["status"] == "unsupported" and data["results"] == []
    assert len(data["nearest"]) == 3 and data["sparql"].startswith("PREFIX")
    page = asking.get("/ask", query_string={"q": "what is the weather in Paris"})
    assert "Questions of this kind work" in page.get_data(as_text=True)


@pytest.mark.parametrize("q, message", [("", "no question"), ("x" * 600, "at most 500")])
def test_a_missing_or_overlong_question_is_a_400(asking: FlaskClient, q, message) -> None:
    r = asking.get("/ask", query_string={"q": q}, headers=JSON)
    assert r.status_code == 400
    assert message in r.get_json()["message"]


def test_the_ask_page_without_a_question_is_a_form(asking: FlaskClient) -> None:
    r = asking.get("/ask")
    assert r.status_code == 200 and '<form method="get" action="/ask">' in r.get_data(as_text=True)


def test_the_configured_model_is_the_one_asked_for_and_its_absence_is_a_503(
    store: KnowledgeStore, make_app
) -> None:
    app = make_app(store=store, model="no_such_model_newskg")
    r = app.test_client().get("/ask", query_string={"q": "who met whom"}, headers=JSON)
    assert r.status_code == 503
    message = r.get_json()["message"]
    assert "'no_such_model_newskg' is not installed" in message
    assert "Traceback" not in r.get_data(as_text=True)
    assert (
        app.test_client().get("/sparql", query_string={"query": "ASK {}"}, headers=JSON).status_code
        == 200
    )


def test_serving_sparql_never_imports_spacy() -> None:
    script = (
        "import sys\n"
        "from server import ServerConfig, create_app\n"
        "app = create_app(ServerConfig())\n"
        "r = app.test_client().get('/sparql', query_string={'query': 'ASK {}'})\n"
        "assert r.status_code == 200, r.status_code\n"
        "print('spacy' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=True
    )
    assert done.stdout.strip() == "False"


def test_a_question_past_the_time_limit_is_a_503_and_the_server_still_answers(
    disk_store_path: str, make_app, nlp
) -> None:
    app = make_app(store_path=disk_store_path, workers=1, query_timeout_s=0.001)
    app.extensions[NLP_EXTENSION] = nlp
    client = app.test_client()
    r = client.get("/ask", query_string={"q": "what did Xi say about Taiwan"}, headers=JSON)
    assert r.status_code == 503
    assert "time limit of 0.001 s" in r.get_json()["message"]
    assert "Traceback" not in r.get_data(as_text=True)
    assert client.get("/healthz").get_json()["status"] == "ok"


def test_questions_run_in_the_query_workers(disk_store_path: str, make_app, nlp) -> None:
    app = make_app(store_path=disk_store_path, workers=1)
    app.extensions[NLP_EXTENSION] = nlp
    r = app.test_client().get(
        "/ask", query_string={"q": "what did Xi say about Taiwan"}, headers=JSON
    )
    assert r.status_code == 200
    assert [x["text"] for x in r.get_json()["results"]] == [XI_TAIWAN]


def test_the_row_cap_cuts_an_answer_and_says_so(make_app, nlp) -> None:
    live = KnowledgeStore()
    live.oxigraph.load(io.BytesIO(LIVE_NQUADS.encode("utf-8")), format=RdfFormat.N_QUADS)
    app = make_app(store=live, max_rows=1)
    app.extensions[NLP_EXTENSION] = nlp
    r = app.test_client().get(
        "/ask", query_string={"q": "what did Xi say about Taiwan"}, headers=JSON
    )
    data = r.get_json()
    assert len(data["results"]) == 1
    assert data["truncated"] is True and data["maxRows"] == 1
    assert r.headers["X-Result-Truncated"] == "true"


def test_an_uncut_answer_says_it_is_whole(asking: FlaskClient) -> None:
    r = asking.get("/ask", query_string={"q": "what did Xi say about Taiwan"}, headers=JSON)
    assert r.headers["X-Result-Truncated"] == "false"
    assert "truncated" not in r.get_json()


def test_the_query_page_has_the_ask_box(client: FlaskClient) -> None:
    for url in ("/", "/?plain=1"):
        page = client.get(url).get_data(as_text=True)
        assert 'id="newskg-ask" method="get" action="/ask"' in page


@pytest.mark.slow
@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium")
def test_the_ask_box_answers_and_opens_the_sparql_in_a_new_tab(
    browser,  # noqa: F811  (the imported fixture, requested by name)
    live_server: LiveServer,
    nlp,
) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    live_server.app.extensions[NLP_EXTENSION] = nlp
    driver = browser
    driver.get(live_server.url)
    wait = WebDriverWait(driver, 20)
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, ".yasgui .tabsList .tab a"))
    before = driver.execute_script("return Object.keys(window.newskgYasgui._tabs).length")
    box = driver.find_element(By.ID, "newskg-ask-q")
    box.send_keys("what did Xi say about Taiwan")
    driver.find_element(By.CSS_SELECTOR, "#newskg-ask button[type=submit]").click()
    sparql = wait.until(
        ec.visibility_of_element_located((By.CSS_SELECTOR, "#newskg-ask-answer .ask-sparql"))
    ).text
    assert "VALUES ?who" in sparql
    assert "2 result(s)" in driver.find_element(By.CSS_SELECTOR, ".ask-count").text
    driver.find_element(By.CSS_SELECTOR, "#newskg-ask-answer .ask-open").click()
    query = wait.until(
        lambda d: d.execute_script("var t = window.newskgYasgui.getTab(); return t.getQuery()")
    )
    assert query.strip() == sparql.strip()
    after = driver.execute_script("return Object.keys(window.newskgYasgui._tabs).length")
    assert after == before + 1
    # The new tab runs: the README's sentence is among its rows.
    wait.until(
        ec.element_to_be_clickable((By.CSS_SELECTOR, ".tabPanel.active .yasqe_queryButton"))
    ).click()
    wait.until(
        ec.presence_of_element_located(
            (
                By.XPATH,
                "//div[contains(@class,'tabPanel') and contains(@class,'active')]"
                "//div[contains(@class,'yasr')]//table//td"
                f'[contains(normalize-space(.), "{BROWSER_STATEMENT[:60]}")]',
            )
        )
    )
    assert _console_errors(driver) == []


def test_no_query_of_a_question_starts_once_the_question_is_past_the_time_limit(
    app: Flask, nlp, monkeypatch
) -> None:
    """The question's clock moves 20 s per reading (limit 30 s): the first query starts, later
    ones do not, whatever each query took."""
    app.extensions[NLP_EXTENSION] = nlp
    readings = iter(range(0, 10_000, 20))
    monkeypatch.setattr("server.ask._clock", lambda: next(readings))
    r = app.test_client().get(
        "/ask", query_string={"q": "what did Xi say about Taiwan"}, headers=JSON
    )
    assert r.status_code == 503
    assert "time limit of 30 s" in r.get_json()["message"]
