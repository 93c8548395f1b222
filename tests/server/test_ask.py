"""``GET /ask``: JSON for scripts, a page for people, helpful answers, never a traceback; and the
ask box of the query page in a real browser."""

from __future__ import annotations

from urllib.parse import unquote

import pytest
from flask import Flask
from flask.testing import FlaskClient

from server.ask import NLP_EXTENSION
from tests.server.conftest import BROWSER_STATEMENT, LiveServer
from tests.server.test_browser import (
    CHROMIUM,
    _console_errors,
    browser,  # noqa: F401  (the fixture, shared)
)

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


def test_a_parser_that_cannot_load_is_a_503_without_traceback(app: Flask, monkeypatch) -> None:
    from extract.nlp import ModelNotFound

    def missing(model: str):
        raise ModelNotFound(f"spaCy model {model!r} is not installed")

    monkeypatch.setattr("server.ask.load_pipeline", missing)
    r = app.test_client().get("/ask", query_string={"q": "who met whom"}, headers=JSON)
    assert r.status_code == 503
    assert "is not installed" in r.get_json()["message"]
    assert "Traceback" not in r.get_data(as_text=True)


def test_the_query_page_has_the_ask_box(client: FlaskClient) -> None:
    for url in ("/", "/?plain=1"):
        page = client.get(url).get_data(as_text=True)
        assert 'id="newskg-ask" method="get" action="/ask"' in page


@pytest.mark.slow
@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium")
def test_the_ask_box_answers_and_opens_the_sparql_in_a_new_tab(
        browser, live_server: LiveServer, nlp) -> None:  # noqa: F811
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
    sparql = wait.until(ec.visibility_of_element_located(
        (By.CSS_SELECTOR, "#newskg-ask-answer .ask-sparql"))).text
    assert "VALUES ?who" in sparql
    assert "2 result(s)" in driver.find_element(By.CSS_SELECTOR, ".ask-count").text
    driver.find_element(By.CSS_SELECTOR, "#newskg-ask-answer .ask-open").click()
    query = wait.until(lambda d: d.execute_script(
        "var t = window.newskgYasgui.getTab(); return t.getQuery()"))
    assert query.strip() == sparql.strip()
    after = driver.execute_script("return Object.keys(window.newskgYasgui._tabs).length")
    assert after == before + 1
    # The new tab runs: the README's sentence is among its rows.
    wait.until(ec.element_to_be_clickable(
        (By.CSS_SELECTOR, ".tabPanel.active .yasqe_queryButton"))).click()
    wait.until(ec.presence_of_element_located(
        (By.XPATH, "//div[contains(@class,'tabPanel') and contains(@class,'active')]"
                   "//div[contains(@class,'yasr')]//table//td"
                   f"[contains(normalize-space(.), \"{BROWSER_STATEMENT[:60]}\")]")))
    assert _console_errors(driver) == []

