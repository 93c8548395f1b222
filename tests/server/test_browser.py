"""The query page in a real browser: headless Chromium (Debian's chromium + chromium-driver)
driven by Selenium loads YASGUI from this server, runs the preloaded Xi/Taiwan tab, and shows
the sentence in the result table. Skipped only when /usr/bin/chromium is not installed."""

from __future__ import annotations

import pytest
from chromium import CHROMIUM

from tests.server.conftest import BROWSER_STATEMENT, LiveServer

pytestmark = [
    pytest.mark.skipif(
        not CHROMIUM.exists(),
        reason="needs Debian's chromium at /usr/bin/chromium "
        "(apt-get install chromium chromium-driver; .ci/run does)",
    ),
]
# The driver is the `browser` fixture of tests/server/conftest.py.


def _console_errors(driver: object) -> list[str]:
    logs = driver.get_log("browser")  # type: ignore[attr-defined]
    return [e["message"] for e in logs if e.get("level") == "SEVERE"]


@pytest.mark.slow
def test_query_page_runs_the_xi_taiwan_example(browser: object, live_server: LiveServer) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    driver = browser
    driver.get(live_server.url)  # type: ignore[attr-defined]
    wait = WebDriverWait(driver, 20)
    # The examples are preloaded as tabs, the first (Xi on Taiwan) active, on a fresh profile.
    tabs = wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, ".yasgui .tabsList .tab a"))
    names = [t.text.splitlines()[0] for t in tabs]  # each tab also has a close button
    assert names[:4] == [
        "Xi on Taiwan",
        "Statements per speaker",
        "Who said what",
        "One article as Turtle",
    ], names
    endpoint = driver.execute_script(  # type: ignore[attr-defined]
        "return window.newskgYasgui.getTab().getEndpoint()"
    )
    assert endpoint == live_server.sparql
    query = driver.execute_script(  # type: ignore[attr-defined]
        "return window.newskgYasgui.getTab().getQuery()"
    )
    assert 'FILTER(CONTAINS(?t, "Taiwan"))' in query

    run = wait.until(
        ec.element_to_be_clickable((By.CSS_SELECTOR, ".tabPanel.active .yasqe_queryButton"))
    )
    run.click()
    cell = wait.until(
        ec.presence_of_element_located(
            (
                By.XPATH,
                "//div[contains(@class,'tabPanel') and contains(@class,'active')]"
                "//div[contains(@class,'yasr')]//table//td"
                f'[contains(normalize-space(.), "{BROWSER_STATEMENT[:60]}")]',
            )
        )
    )
    assert BROWSER_STATEMENT in cell.text
    # Both statements by Xi about Taiwan are rows of the table.
    rows = driver.find_elements(  # type: ignore[attr-defined]
        By.CSS_SELECTOR, ".tabPanel.active .yasr table tbody tr"
    )
    assert len(rows) == 2
    # YASGUI came from this server, not a CDN, and the page logged no errors.
    scripts = [
        s.get_attribute("src")
        for s in driver.find_elements(  # type: ignore[attr-defined]
            By.TAG_NAME, "script"
        )
        if s.get_attribute("src")
    ]
    assert scripts and all(s.startswith(live_server.url) for s in scripts), scripts
    assert _console_errors(driver) == []

    # The CONSTRUCT tab shows one article's graph as Turtle.
    tabs[3].click()
    wait.until(
        ec.element_to_be_clickable((By.CSS_SELECTOR, ".tabPanel.active .yasqe_queryButton"))
    ).click()
    shown = wait.until(
        lambda d: d.execute_script(
            "var r = window.newskgYasgui.getTab().getYasr().results; "
            "return r ? [r.getContentType(), r.getOriginalResponseAsString()] : null"
        )
    )
    assert shown[0].startswith("text/turtle") and BROWSER_STATEMENT in shown[1]
    assert (
        BROWSER_STATEMENT[:40]
        in driver.find_element(  # type: ignore[attr-defined]
            By.CSS_SELECTOR, ".tabPanel.active .yasr"
        ).text
    )
    assert _console_errors(driver) == []


@pytest.mark.slow
def test_iris_in_the_result_table_link_to_resource_pages(
    browser: object, live_server: LiveServer
) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    driver = browser
    driver.get(live_server.url)  # type: ignore[attr-defined]
    wait = WebDriverWait(driver, 20)
    wait.until(lambda d: d.execute_script("return !!window.newskgYasgui"))
    driver.execute_script(  # type: ignore[attr-defined]
        "window.newskgYasgui.getTab().setQuery("
        "'PREFIX nkg: <https://w3id.org/newskg/ontology#> "
        "SELECT DISTINCT ?who WHERE { ?s nkg:speaker ?who }')"
    )
    wait.until(
        ec.element_to_be_clickable((By.CSS_SELECTOR, ".tabPanel.active .yasqe_queryButton"))
    ).click()
    link = wait.until(
        ec.element_to_be_clickable((By.CSS_SELECTOR, ".tabPanel.active .yasr table td a.iri"))
    )
    before = set(driver.window_handles)  # type: ignore[attr-defined]
    link.click()  # YASR opens links in a new tab; the page points ours at /resource/
    assert link.get_attribute("href") == live_server.url + "resource/entity/Q15031"
    opened = wait.until(lambda d: set(d.window_handles) - before)
    main = driver.current_window_handle  # type: ignore[attr-defined]
    driver.switch_to.window(opened.pop())  # type: ignore[attr-defined]
    try:
        heading = wait.until(ec.presence_of_element_located((By.TAG_NAME, "h1")))
        assert driver.current_url == live_server.url + "resource/entity/Q15031"  # type: ignore[attr-defined]
        assert heading.text == "Xi Jinping"
    finally:
        driver.close()  # type: ignore[attr-defined]
        driver.switch_to.window(main)  # type: ignore[attr-defined]
