"""The HTML pages in a real browser: headless Chromium (Debian's `chromium`) driven by Selenium.

Each test opens a page from disk, checks the browser logged no console errors,
checks what the browser shows against the analysis, and saves a screenshot
under the test's tmp_path. Skipped only when Chromium or its driver is absent.
"""

from __future__ import annotations

import base64
import json
import shutil
from pathlib import Path

import pytest

from nlp_news.report.html import render_article, render_batch
from tests.report_fixtures import battery_article, build

pytestmark = pytest.mark.slow

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver") or (
    "/usr/lib/chromium/chromedriver"
    if Path("/usr/lib/chromium/chromedriver").exists()
    else None
)
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1200,900",
]

# The text under each mark as the browser lays it out, fragments of one mark joined.
MARK_TEXTS_JS = """
const out = {};
for (const attr of ["data-ent", "data-fact"]) {
  out[attr] = {};
  for (const el of document.querySelectorAll("[" + attr + "]")) {
    const id = el.getAttribute(attr);
    if (el.parentElement.closest("[" + attr + "='" + id + "']")) continue;
    out[attr][id] = (out[attr][id] || "") + el.textContent;
  }
}
return out;
"""


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    if not CHROMIUM or not CHROMEDRIVER:
        pytest.skip(
            "Chromium is not installed (apt-get install chromium chromium-driver)"
        )
    webdriver = pytest.importorskip(
        "selenium.webdriver", reason="pip install 'nlp-news[test]' for selenium"
    )
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(
        f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}"
    )
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()


def open_page(driver, path: Path) -> list[dict]:
    """Load a page from disk; return what it logged to the console."""
    driver.get_log("browser")  # drop what earlier pages logged
    driver.get(path.as_uri())
    assert driver.execute_script("return document.readyState") == "complete"
    return driver.get_log("browser")


def screenshot(driver, path: Path) -> None:
    """The whole page, not only the window."""
    shot = driver.execute_cdp_cmd(
        "Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True}
    )
    path.write_bytes(base64.b64decode(shot["data"]))
    assert path.stat().st_size > 10_000


def errors_in(log: list[dict]) -> list[str]:
    return [e["message"] for e in log if e.get("level") == "SEVERE"]


def check_marks(driver, d: dict) -> None:
    shown = driver.execute_script(MARK_TEXTS_JS)
    assert shown["data-ent"] == {
        str(i): d["text"][e["start"] : e["end"]] for i, e in enumerate(d["entities"])
    }
    assert shown["data-fact"] == {
        str(j): d["text"][f["start"] : f["end"]] for j, f in enumerate(d["facts"])
    }


def test_article_page_shows_the_analysis_in_chromium(browser, tmp_path):
    d = battery_article(published="2025-10-28", id="xh-001")
    page = tmp_path / "article.html"
    page.write_text(render_article(d), encoding="utf-8")
    log = open_page(browser, page)
    assert errors_in(log) == []
    check_marks(browser, d)
    # Marks are visibly highlighted: an entity has its label's background, a fact its underline.
    bg = browser.execute_script(
        "return getComputedStyle(document.querySelector('mark.ent-ORG')).backgroundColor"
    )
    assert bg == "rgb(204, 227, 240)"
    deco = browser.execute_script(
        "return getComputedStyle(document.querySelector('.fact')).textDecorationStyle"
    )
    assert deco == "dotted"
    # The sorting script works: sort the facts by value, largest first.
    from selenium.webdriver.common.by import By

    header = browser.find_element(By.XPATH, "//table[@id='fact-table']//th[4]/button")
    header.click()
    values = [
        c.text
        for c in browser.find_elements(
            By.XPATH, "//table[@id='fact-table']/tbody/tr/td[4]"
        )
    ]
    assert values[0] == "5,230,000,000"
    assert errors_in(browser.get_log("browser")) == []
    screenshot(browser, tmp_path / "article.png")


def test_malicious_article_runs_no_script_in_chromium(browser, tmp_path):
    text = (
        "标题<script>window.pwned = 1</script>\n\n"
        '正文<img src=x onerror="window.pwned = 2">与<svg onload="window.pwned = 3">提到腾讯。\n'
    )
    d = build(
        text,
        entities=[("腾讯", "ORG", "company", "腾讯<script>window.pwned = 4</script>")],
    )
    page = tmp_path / "malicious.html"
    page.write_text(render_article(d), encoding="utf-8")
    log = open_page(browser, page)
    assert errors_in(log) == []
    assert browser.execute_script("return window.pwned === undefined")
    assert (
        browser.execute_script("return document.querySelectorAll('img, svg').length")
        == 0
    )
    assert "<img src=x onerror=" in browser.execute_script(
        "return document.querySelector('article').textContent"
    )
    check_marks(browser, d)
    screenshot(browser, tmp_path / "malicious.png")


def test_article_page_of_a_real_analysis_in_chromium(browser, analyzer, tmp_path):
    root = Path(__file__).resolve().parents[1]
    text = (root / "samples" / "ipo-finance.txt").read_text(encoding="utf-8")
    d = analyzer.analyze(text).to_dict()
    page = tmp_path / "ipo.html"
    page.write_text(render_article(d), encoding="utf-8")
    assert errors_in(open_page(browser, page)) == []
    check_marks(browser, d)
    screenshot(browser, tmp_path / "ipo.png")


def test_batch_page_in_chromium(browser, tmp_path):
    from tests.test_report import _records

    records = _records()
    src = tmp_path / "scored.jsonl"
    src.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records),
        encoding="utf-8",
    )
    page = tmp_path / "batch.html"
    from nlp_news.report.html import read_output

    page.write_text(
        render_batch(read_output(src), title="Browser test"), encoding="utf-8"
    )
    log = open_page(browser, page)
    assert errors_in(log) == []
    assert browser.title == "Browser test"
    broken = browser.execute_script(
        "return Array.from(document.querySelectorAll('a[href^=\"#\"]'))"
        ".filter(a => !document.getElementById(a.getAttribute('href').slice(1))).length"
    )
    assert broken == 0
    # The charts are drawn: one bar per sentiment class and per day.
    assert (
        browser.execute_script("return document.querySelectorAll('svg.chart').length")
        == 3
    )
    assert (
        browser.execute_script(
            "return document.querySelectorAll('svg.chart rect').length"
        )
        >= 3 + 2 + 2
    )
    screenshot(browser, tmp_path / "batch.png")
