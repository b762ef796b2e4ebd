"""What readers do with their hands: reflow at 320 and 390 px in every 适老化 setting (largest text,
high contrast) without sideways scrolling, photos, code and long addresses in bodies included; a wide
table scrolled in its own region, with the keyboard too; the 适老化 toolbar used with the keyboard
alone and remembered across pages; and every page still readable with JavaScript off. Exits 1 on any failure."""
import sys

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from pages import Failures, PAGE_KINDS, chromium

fail = Failures()


def overflow(driver):
    return driver.execute_script(
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth")


# The 适老化 settings a reader can choose, as the toolbar stores them: the default, the largest text
# size, high contrast, and both at once.
CARE_SETTINGS = {
    "default": {"size": "0", "contrast": "off"},
    "largest text": {"size": "4", "contrast": "off"},
    "high contrast": {"size": "0", "contrast": "on"},
    "largest text and high contrast": {"size": "4", "contrast": "on"},
}


def phone_settings(root):
    """Each phone width (320 and 390 px) in each 适老化 setting, stored as the reader's toolbar
    stores it: yields the browser on the site's home page, the width and the setting's name."""
    for width in (320, 390):
        driver = chromium(width)
        try:
            for setting, stored in CARE_SETTINGS.items():
                driver.get(root)
                for key, value in stored.items():
                    driver.execute_script(f"localStorage.setItem('care.{key}', '{value}')")
                yield driver, width, setting
            driver.get(root)
            driver.execute_script("localStorage.clear()")
        finally:
            driver.quit()


def check_reflow(root):
    """No page is wider than a phone's screen, photos, code and long addresses included, in every
    适老化 setting: the document's scroll width never exceeds its client width."""
    for driver, width, setting in phone_settings(root):
        for kind, path in PAGE_KINDS.items():
            driver.get(root + path)
            extra = overflow(driver)
            if extra > 0:
                wide = driver.execute_script(
                    "var w = document.documentElement.clientWidth;"
                    "return Array.from(document.querySelectorAll('main *')).filter(function (e) {"
                    "  return e.getBoundingClientRect().right > w + 0.5; }).slice(0, 3).map(function (e) {"
                    "  return e.tagName.toLowerCase() + (e.className ? '.' + e.className : ''); }).join(', ')")
                fail(f"{kind} scrolls sideways by {extra}px at {width}px ({setting}); too wide: {wide or '?'}")


TABLE_PAGE = PAGE_KINDS["write-up with photos"]


def check_table(root):
    """A wide table in a body at 320 and 390 px, in every 适老化 setting: it scrolls inside its own
    region, which is named, reached with the Tab key and scrolled with the arrow keys, while the page
    does not scroll; its caption stays within the screen; its header cells have a scope."""
    for driver, width, setting in phone_settings(root):
        driver.get(root + TABLE_PAGE)
        where = f"the table of {TABLE_PAGE} at {width}px ({setting})"
        regions = driver.find_elements(By.CSS_SELECTOR, "main .table-scroll")
        if not regions:
            fail(f"{TABLE_PAGE} has no table")
            return
        region = regions[0]
        if region.get_attribute("role") != "region" or not region.get_attribute("aria-label"):
            fail(f"{where}: its scrolling box is not a named region")
        # Chromium lets the keyboard reach any scrolling box; older browsers (and WeChat's) need tabindex.
        if region.get_attribute("tabindex") != "0":
            fail(f"{where}: its scrolling box has no tabindex=\"0\"")
        headers = driver.execute_script(
            "return Array.from(arguments[0].querySelectorAll('thead th')).map(function (th) {"
            "  return th.getAttribute('scope'); })", region)
        if not headers or any(scope != "col" for scope in headers):
            fail(f"{where}: header cells without scope=\"col\": {headers}")
        box = driver.execute_script(
            "var r = arguments[0], c = r.querySelector('caption');"
            "return {scroll: r.scrollWidth, client: r.clientWidth, right: r.getBoundingClientRect().right,"
            " caption: c ? c.getBoundingClientRect().right : null, page: document.documentElement.clientWidth}", region)
        if box["scroll"] <= box["client"]:
            fail(f"{where}: is not wider than its box, so this check cannot see it scroll: {box}")
        if box["right"] > box["page"] + 0.5 or overflow(driver) > 0:
            fail(f"{where}: the page scrolls sideways instead of the table: {box}")
        if box["caption"] is not None and box["caption"] > box["right"] + 0.5:
            fail(f"{where}: the caption runs past the edge of its box: {box}")
        body = driver.find_element(By.TAG_NAME, "body")
        body.send_keys(Keys.TAB)
        for _ in range(80):
            active = driver.switch_to.active_element
            if "table-scroll" in (active.get_attribute("class") or ""):
                break
            active.send_keys(Keys.TAB)
        else:
            fail(f"{where}: cannot be reached with the Tab key")
            continue
        active.send_keys(Keys.ARROW_RIGHT)
        driver.execute_script("return new Promise(function (done) { setTimeout(done, 300); })")
        if driver.execute_script("return arguments[0].scrollLeft", region) <= 0 or overflow(driver) > 0:
            fail(f"{where}: the arrow key does not scroll it, or scrolls the page")


def check_keyboard_toolbar(root):
    driver = chromium(390)
    try:
        driver.get(root)
        driver.execute_script("localStorage.clear()")
        driver.get(root + "bases/")
        toolbar = driver.find_element(By.ID, "care-toolbar")
        if not toolbar.is_displayed():
            fail("the 适老化 toolbar is not shown when JavaScript runs")
            return
        before = driver.execute_script("return parseFloat(getComputedStyle(document.documentElement).fontSize)")
        body = driver.find_element(By.TAG_NAME, "body")
        # Tab from the top of the page to the 'larger text' button, then press it with Enter twice.
        body.send_keys(Keys.TAB)  # skip link
        for _ in range(10):
            active = driver.switch_to.active_element
            if active.get_attribute("data-care") == "larger":
                break
            active.send_keys(Keys.TAB)
        active = driver.switch_to.active_element
        if active.get_attribute("data-care") != "larger":
            fail("the 'larger text' button cannot be reached with the Tab key")
            return
        active.send_keys(Keys.ENTER)
        active.send_keys(Keys.ENTER)
        after = driver.execute_script("return parseFloat(getComputedStyle(document.documentElement).fontSize)")
        if not after >= before * 1.25:
            fail(f"two presses of 'larger text' changed the root font size from {before}px to {after}px only")
        contrast = driver.find_element(By.CSS_SELECTOR, '[data-care="contrast"]')
        contrast.send_keys(Keys.SPACE)
        if contrast.get_attribute("aria-pressed") != "true":
            fail("the high-contrast button does not report its state with aria-pressed")
        driver.get(root + "notices/")
        remembered = driver.execute_script(
            "return [parseFloat(getComputedStyle(document.documentElement).fontSize),"
            " document.documentElement.classList.contains('care-contrast')]")
        if remembered[0] != after or not remembered[1]:
            fail(f"the 适老化 settings were not remembered on the next page: {remembered}")
        background = driver.execute_script("return getComputedStyle(document.body).backgroundColor")
        if background != "rgb(0, 0, 0)":
            fail(f"high contrast did not darken the page: {background}")
        driver.find_element(By.CSS_SELECTOR, '[data-care="reset"]').send_keys(Keys.ENTER)
        if driver.execute_script("return document.documentElement.classList.contains('care-contrast')"):
            fail("恢复默认 did not turn high contrast off")
    finally:
        driver.quit()


def check_without_javascript(root):
    from selenium import webdriver  # noqa: F401  (options come from pages.chromium)
    driver = chromium(390)
    try:
        driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
        for kind, path in PAGE_KINDS.items():
            driver.get(root + path)
            if driver.find_element(By.ID, "care-toolbar").is_displayed():
                fail(f"{kind}: the 适老化 toolbar shows without JavaScript, where its buttons cannot work")
            main = driver.find_element(By.TAG_NAME, "main").text.strip()
            if len(main) < 10:
                fail(f"{kind}: the main text is missing without JavaScript")
    finally:
        driver.quit()


if __name__ == "__main__":
    root = sys.argv[1]
    check_reflow(root)
    check_table(root)
    check_keyboard_toolbar(root)
    check_without_javascript(root)
    print(f"reader checks: {fail.count} failures")
    sys.exit(1 if fail.count else 0)
