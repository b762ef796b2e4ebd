"""The search regression set (search_queries.json) in a real headless browser: each query typed
into /search/ must put the expected page first (or return exactly the listed pages, or nothing),
and each of the first five results must hold the query as typed (every word of it, invisible
characters and full-width forms folded; the page's names of its base, district and models count);
results are announced in a status region, and the page says so when JavaScript is off.
Also reports the index size and the slowest query time. Exits 1 on any failure."""
import html
import json
import os
import re
import sys
import time
import urllib.parse

from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from pages import Failures, chromium

fail = Failures()
INVISIBLE = re.compile("[\u200b-\u200d\u2060\ufeff\u202a-\u202e\u2066-\u2069]")


def fold(text):
    """Full-width forms as ASCII, ASCII in lower case, invisible characters gone: as the index reads text."""
    text = INVISIBLE.sub("", text)
    return "".join(chr(ord(c) - 0xFEE0) if 0xFF01 <= ord(c) <= 0xFF5E else c for c in text).lower()


def phrases(query):
    """The Chinese runs and the words of a query, folded: what a result must hold."""
    return re.findall(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003ffff]+|[a-z0-9]+", fold(query))


def page_text(site_folder, path):
    """The text of a built page's <main>."""
    with open(os.path.join(site_folder, path, "index.html"), encoding="utf-8") as handle:
        page = handle.read()
    main = page[page.find("<main"):page.find("</main>")]
    return fold(html.unescape(re.sub(r"<[^>]+>", "", main)))


def results(driver, root):
    links = driver.find_elements(By.CSS_SELECTOR, "#search-results li a.entry-title")
    return [urllib.parse.urlparse(link.get_attribute("href")).path[len(urllib.parse.urlparse(root).path):] for link in links]


def run_case(driver, root, site_folder, case):
    driver.get(root + "search/")
    if case.get("kind"):
        Select(driver.find_element(By.ID, "search-kind")).select_by_value(case["kind"])
    if case.get("district"):
        Select(driver.find_element(By.ID, "search-district")).select_by_value(case["district"])
    box = driver.find_element(By.ID, "search-query")
    box.send_keys(case["query"])
    driver.find_element(By.CSS_SELECTOR, "#search-form button").click()
    # A click before the script has loaded submits the form the plain way; the new page then
    # searches for ?q= itself. The status, the results and the highlights are read together, and
    # read again from the new page when it replaced the old one in between.
    deadline = time.monotonic() + 10
    while True:
        try:
            status = driver.find_element(By.ID, "search-status")
            text = status.text
            if text not in ("", "正在搜索…") or time.monotonic() > deadline:
                found = results(driver, root)
                elapsed = int(status.get_attribute("data-elapsed") or 0)
                highlighted = bool(driver.find_elements(By.CSS_SELECTOR, "#search-results mark"))
                break
        except StaleElementReferenceException:
            pass
        time.sleep(0.05)
    label = f"{case['query']!r}" + (f" [{case.get('kind') or case.get('district')}]" if case.get("kind") or case.get("district") else "")
    if case.get("expect_none"):
        if found or "没有找到" not in text:
            fail(f"{label}: expected nothing, got {found[:3]} / {text!r}")
    elif "only" in case:
        # A filter's case: which pages, not their ranking (that is what "top" checks).
        if sorted(found) != sorted(case["only"]):
            fail(f"{label}: expected exactly {case['only']}, got {found}")
    elif not found or found[0] != case["top"]:
        fail(f"{label}: expected {case['top']} first, got {found[:3]}")
    announced = text.split(" ")[1] if text.startswith("找到 ") else ""
    if found and not (announced.isdigit() and int(announced) >= len(found)):
        fail(f"{label}: the status does not announce the count: {text!r}")
    if found and not highlighted:
        fail(f"{label}: no highlighted match in the results")
    for path in found[:5]:
        missing = [phrase for phrase in phrases(case["query"]) if phrase not in page_text(site_folder, path)]
        if missing:
            fail(f"{label}: {path} is among the first five but does not hold {missing}")
    return elapsed


def main(root, site_folder):
    here = os.path.dirname(os.path.abspath(__file__))
    cases = json.load(open(os.path.join(here, "search_queries.json"), encoding="utf-8"))
    driver = chromium(1280)
    slowest = 0
    try:
        for case in cases:
            try:
                slowest = max(slowest, run_case(driver, root, site_folder, case))
            except Exception as error:  # a browser error names its case instead of ending the run
                fail(f"{case['query']!r}: {type(error).__name__}: {str(error).splitlines()[0] if str(error) else ''}")
        if driver.find_element(By.ID, "search-status").get_attribute("role") != "status":
            fail("the result count is not in a status region")
    finally:
        driver.quit()


    driver = chromium(390)
    try:
        driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
        driver.get(root + "search/")
        if "站内搜索需要浏览器启用 JavaScript" not in driver.find_element(By.TAG_NAME, "main").text:
            fail("without JavaScript the search page does not say that it needs it")
    finally:
        driver.quit()

    folder = os.path.join(site_folder, "search")
    sizes = [os.path.getsize(os.path.join(place, name)) for place, _, names in os.walk(folder) for name in names if name.endswith(".json")]
    print(f"search: {len(cases)} queries, slowest {slowest} ms; index {sum(sizes) / 1024:.0f} KB in {len(sizes)} files, "
          f"largest {max(sizes) / 1024:.0f} KB")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
    print(f"search checks: {fail.count} failures")
    sys.exit(1 if fail.count else 0)
