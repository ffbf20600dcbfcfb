"""Views in a real headless Chromium, network disabled: drawn, searchable, error-free."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from partnerkg.graph.viz import write_view
from tests.graph.network_fixture import contract_store

pytestmark = pytest.mark.browser


def _browser_or_skip() -> tuple[str, str]:
    browser, driver = shutil.which("chromium"), shutil.which("chromedriver")
    if not browser or not driver:
        message = "Debian chromium and chromium-driver are needed (.ci/system-deps installs them)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return browser, driver


@pytest.fixture(scope="module")
def driver() -> Iterator[object]:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    browser, chromedriver = _browser_or_skip()
    options = webdriver.ChromeOptions()
    options.binary_location = browser
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1200,800",
    ):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    chrome = webdriver.Chrome(service=Service(chromedriver), options=options)
    chrome.set_network_conditions(
        offline=True, latency=0, download_throughput=0, upload_throughput=0
    )
    yield chrome
    chrome.quit()


def open_view(driver: object, path: Path) -> None:
    """Load a view and wait until its layout is stable."""
    from selenium.webdriver.support.ui import WebDriverWait

    driver.get(path.as_uri())  # type: ignore[attr-defined]
    WebDriverWait(driver, 20).until(
        lambda d: d.execute_script("return document.body.dataset.stabilized === 'true'")
    )


@pytest.mark.parametrize("view", ["collaboration", "institutions", "topics", "timeline"])
def test_view_draws_every_node_offline_without_console_errors(
    driver: object, tmp_path: Path, view: str
) -> None:
    path = write_view(contract_store(), view, tmp_path / f"{view}.html")
    open_view(driver, path)
    drawn = driver.execute_script(  # type: ignore[attr-defined]
        "return window.partnerkgView.view.length"
    )
    expected = {"collaboration": 5, "institutions": 2, "topics": 1, "timeline": 5}[view]
    assert drawn == expected
    errors = [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]  # type: ignore[attr-defined]
    assert errors == []


def test_search_finds_a_known_person(driver: object, tmp_path: Path) -> None:
    open_view(driver, write_view(contract_store(), "collaboration", tmp_path / "c.html"))
    found = driver.execute_script("return window.partnerkgView.search('bo tr')")  # type: ignore[attr-defined]
    assert found.endswith("/person/bo")
    selected = driver.execute_script(  # type: ignore[attr-defined]
        "return window.partnerkgView.network.getSelectedNodes()"
    )
    assert selected == [found]


def test_injected_payloads_do_not_execute(driver: object, tmp_path: Path) -> None:
    names = {
        "ada": '<img src=x onerror="window.pwned=1">Ada',
        "cy": "</script><script>window.pwned=2</script>",
    }
    open_view(driver, write_view(contract_store(names), "collaboration", tmp_path / "x.html"))
    # Show every tooltip: building them must not run anything either.
    driver.execute_script(  # type: ignore[attr-defined]
        "var v = window.partnerkgView; v.nodes.forEach(function (n) {"
        " document.body.appendChild(n.title); });"
    )
    assert driver.execute_script("return window.pwned === undefined")  # type: ignore[attr-defined]
    links = driver.execute_script(  # type: ignore[attr-defined]
        "return Array.from(document.querySelectorAll('a')).map(function (a) { return a.href; })"
    )
    assert not any(link.startswith("javascript:") for link in links)


@pytest.fixture(scope="module")
def corpus_store_path(corpus_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> str:
    from partnerkg.pipeline import build_store
    from partnerkg.settings import Settings

    location = str(tmp_path_factory.mktemp("corpus") / "store")
    build_store([corpus_dir], Settings(store=location))
    return location


@pytest.mark.corpus
@pytest.mark.slow
@pytest.mark.parametrize("view", ["collaboration", "institutions", "topics", "timeline"])
def test_corpus_views_render_capped_and_searchable(
    driver: object, corpus_store_path: str, tmp_path: Path, view: str
) -> None:
    from partnerkg.graph.store import open_store

    with open_store(corpus_store_path) as store:
        path = write_view(store, view, tmp_path / f"{view}.html", limit=120)
    open_view(driver, path)
    drawn = driver.execute_script("return window.partnerkgView.view.length")  # type: ignore[attr-defined]
    assert 10 <= drawn <= 120
    first = driver.execute_script(  # type: ignore[attr-defined]
        "return window.partnerkgView.nodes.get()[0].label"
    )
    assert driver.execute_script(  # type: ignore[attr-defined]
        "return window.partnerkgView.search(arguments[0])", first.lower()
    )
    errors = [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]  # type: ignore[attr-defined]
    assert errors == []
