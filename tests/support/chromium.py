"""Headless Chromium for the browser tests and the README screenshots: Debian's
/usr/bin/chromium driven by its /usr/bin/chromedriver through Selenium, with an explicit driver
path so that Selenium Manager never runs (nothing is downloaded)."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")

CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--window-size=1400,1000",
)


@contextmanager
def chromium(window: str = "1400,1000") -> Iterator[Any]:
    """A Selenium driver of a fresh headless Chromium profile, quit afterwards."""
    from selenium import webdriver

    profile = tempfile.mkdtemp(prefix="newskg-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in CHROMIUM_FLAGS:
        options.add_argument(
            flag if not flag.startswith("--window-size") else f"--window-size={window}"
        )
    options.add_argument(f"--user-data-dir={profile}")
    service = webdriver.ChromeService(executable_path=str(CHROMEDRIVER))
    driver = webdriver.Chrome(options=options, service=service)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def console_errors(driver: Any) -> list[str]:
    return [e["message"] for e in driver.get_log("browser") if e.get("level") == "SEVERE"]


def node_point(driver: Any, node_id: str) -> tuple[float, float]:
    """Where vis-network drew ``node_id``, in page coordinates relative to the canvas's
    top-left corner (for a click with an offset)."""
    return tuple(
        driver.execute_script(
            "var n = window.newskgNetwork; var p = n.getPositions([arguments[0]])[arguments[0]];"
            "var d = n.canvasToDOM(p); return [d.x, d.y];",
            node_id,
        )
    )
