"""Regenerate docs/*.png: one screenshot of each view of the demo graph (``make docs``).

Builds the bundled examples into a temporary store, writes every view and captures
it in headless Chromium once its layout is stable.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.support.ui import WebDriverWait

from partnerkg.graph.store import open_store
from partnerkg.graph.viz import write_view
from partnerkg.pipeline import build_store
from partnerkg.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
VIEWS = {"collaboration": {}, "institutions": {}, "topics": {}, "timeline": {}}


def main() -> None:
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1400,900",
                 "--disable-background-networking", "--hide-scrollbars"):
        options.add_argument(flag)
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(store=str(Path(tmp) / "store"))
        build_store([ROOT / "examples" / "newsletters"], settings)
        store = open_store(settings.store)
        driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
        try:
            for view in VIEWS:
                page = write_view(store, view, Path(tmp) / f"{view}.html")
                driver.get(page.as_uri())
                WebDriverWait(driver, 30).until(
                    lambda d: d.execute_script("return document.body.dataset.stabilized === 'true'")
                )
                driver.save_screenshot(str(ROOT / "docs" / f"view-{view}.png"))
                print(f"docs/view-{view}.png")
        finally:
            driver.quit()


if __name__ == "__main__":
    main()
