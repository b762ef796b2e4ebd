"""Query time and bytes downloaded by the search page of a served site, in headless Chromium.
Usage: search_timing.py ROOT_URL QUERY... (each query on a fresh page, so nothing is cached)."""
import os
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "../SiteChecks"))
from selenium.webdriver.common.by import By  # noqa: E402

from pages import chromium  # noqa: E402


def main(root, queries):
    driver = chromium(1280)
    try:
        for query in queries:
            driver.get(root + "search/")
            time.sleep(0.3)
            driver.execute_script("performance.clearResourceTimings()")
            box = driver.find_element(By.ID, "search-query")
            box.send_keys(query)
            driver.find_element(By.CSS_SELECTOR, "#search-form button").click()
            deadline = time.monotonic() + 30
            while time.monotonic() < deadline:
                status = driver.find_element(By.ID, "search-status").text
                if status and status != "正在搜索…":
                    break
                time.sleep(0.02)
            elapsed = driver.find_element(By.ID, "search-status").get_attribute("data-elapsed")
            fetched = driver.execute_script(
                "return performance.getEntriesByType('resource').filter(e => e.name.includes('/search/') && e.name.endsWith('.json'))"
                ".map(e => e.decodedBodySize)")
            print(f"{query}: {elapsed} ms, {len(fetched)} index files, {sum(fetched) / 1024:.0f} KB — {status}")
    finally:
        driver.quit()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
