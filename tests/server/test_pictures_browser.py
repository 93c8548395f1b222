"""The pictures in a real browser (headless Chromium, as test_browser.py): an actor's page
draws its network with vis-network (served by this server, no CDN) and its timeline; clicking
a node opens that actor's page; the search box suggests names as one types."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import researcher_seed as seed
from chromium import CHROMIUM, console_errors, node_point

from graph.store import KnowledgeStore
from tests.server.conftest import LiveServer, serving

pytestmark = [
    pytest.mark.skipif(
        not CHROMIUM.exists(),
        reason="needs Debian's chromium at /usr/bin/chromium "
        "(apt-get install chromium chromium-driver; .ci/run does)",
    ),
    pytest.mark.slow,
]


CAP = 5
"""The server's row cap: small, so that the editor's notice can be seen."""


@pytest.fixture(scope="module")
def rich_server() -> Iterator[LiveServer]:
    store = KnowledgeStore()
    seed.load(store)
    with serving(store, max_rows=CAP) as server:
        yield server


def _wait(driver: object, seconds: float = 20) -> object:
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, seconds)


def test_actor_page_draws_its_network_and_a_click_opens_a_node(
    browser: object, rich_server: LiveServer
) -> None:
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    driver = browser
    page = rich_server.url + "resource/entity/person/Q15031"
    driver.get(page)  # type: ignore[attr-defined]
    box = _wait(driver).until(
        lambda d: d.find_element(By.CSS_SELECTOR, "#newskg-network[data-ready='true']")
    )
    assert box.find_elements(By.TAG_NAME, "canvas")
    ids = driver.execute_script("return window.newskgNetworkNodes.getIds()")  # type: ignore[attr-defined]
    assert sorted(ids) == sorted([seed.XI, seed.TRUMP])
    # The timeline shows the statement and the meeting.
    items = _wait(driver).until(
        lambda d: d.find_elements(By.CSS_SELECTOR, "#newskg-timeline .vis-item-content") or None
    )
    assert sorted(i.text for i in items) == sorted(
        [seed.XI_SENTENCE, "meeting of Xi and Trump"]  # both under 60 characters
    )
    scripts = [
        s.get_attribute("src")
        for s in driver.find_elements(By.TAG_NAME, "script")  # type: ignore[attr-defined]
        if s.get_attribute("src")
    ]
    assert scripts and all(s.startswith(rich_server.url) for s in scripts), scripts
    assert console_errors(driver) == []

    canvas = box.find_element(By.TAG_NAME, "canvas")
    x, y = node_point(driver, seed.TRUMP)
    width, height = canvas.size["width"], canvas.size["height"]
    # Selenium 4 offsets are from the element's centre.
    ActionChains(driver).move_to_element_with_offset(
        canvas, int(x - width / 2), int(y - height / 2)
    ).click().perform()
    _wait(driver).until(lambda d: d.current_url != page)
    assert driver.current_url == rich_server.url + "resource/entity/person/Q22686"  # type: ignore[attr-defined]
    assert driver.find_element(By.TAG_NAME, "h1").text == "Donald Trump"  # type: ignore[attr-defined]


def test_search_box_suggests_labels_as_one_types(browser: object, rich_server: LiveServer) -> None:
    from selenium.webdriver.common.by import By

    driver = browser
    driver.get(rich_server.url + "resource/doc/r1")  # type: ignore[attr-defined]
    box = driver.find_element(By.ID, "newskg-search")  # type: ignore[attr-defined]
    box.send_keys("jin")
    options = _wait(driver).until(
        lambda d: d.find_elements(By.CSS_SELECTOR, "#newskg-suggestions option") or None
    )
    assert [o.get_attribute("value") for o in options] == ["Xi Jinping"]
    # the document's text is marked in the page the browser shows
    marks = driver.find_elements(By.CSS_SELECTOR, "#article-text mark.hl")  # type: ignore[attr-defined]
    assert {m.get_attribute("class") for m in marks} >= {
        "hl hl-statement",
        "hl hl-summit",
        "hl hl-policy",
        "hl hl-actor",
    }


def test_editor_says_when_the_row_cap_cut_a_result(
    browser: object, rich_server: LiveServer
) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec

    driver = browser
    driver.get(rich_server.url)  # type: ignore[attr-defined]
    wait = _wait(driver)
    wait.until(lambda d: d.execute_script("return !!window.newskgYasgui"))
    notice = driver.find_element(By.ID, "newskg-cap-notice")  # type: ignore[attr-defined]
    assert not notice.is_displayed()
    driver.execute_script(  # type: ignore[attr-defined]
        "window.newskgYasgui.getTab().setQuery('SELECT * WHERE { ?s ?p ?o }')"
    )
    wait.until(
        ec.element_to_be_clickable((By.CSS_SELECTOR, ".tabPanel.active .yasqe_queryButton"))
    ).click()
    wait.until(lambda d: notice.is_displayed())
    assert f"cap of {CAP} rows" in notice.text
    # a result under the cap hides it again
    driver.execute_script(  # type: ignore[attr-defined]
        "window.newskgYasgui.getTab().setQuery('SELECT * WHERE { ?s a nkg:Person }')"
    )
    driver.find_element(By.CSS_SELECTOR, ".tabPanel.active .yasqe_queryButton").click()  # type: ignore[attr-defined]
    wait.until(lambda d: not notice.is_displayed())
