"""What the site checks share: one page of every kind of the site, by path below the site root; a
headless Chromium; the bulletin command run in a given locale; and the failure count each check
prints and exits with."""

import hashlib
import os
import subprocess

PAGE_KINDS = {
    "home": "",
    "bulletin list": "bulletins/",
    "bulletin": "bulletins/2021/1/",
    "base directory": "bases/",
    "base": "bases/wanzhou-shahe-primary/",
    "write-up": "bases/wanzhou-shahe-primary/example-practice/",
    "write-up with photos": "bases/wanzhou-shahe-primary/example-photos/",  # and a table
    "model list": "models/",
    "model": "models/home-school-community/",
    "reports": "reports/",
    "notice list": "notices/",
    "notice": "notices/naming-2020/",
    "attachment page": "notices/naming-2020/measures/",
    "attachment list": "notices/naming-2020/bases-2020/",
    "free page": "about/",
    "search": "search/?q=家校社",
    "not found": "no-such-page/",
}


def chromium(width, height=900, arguments=()):
    """A headless Chromium from Debian, driven by Debian's chromedriver (no download)."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     f"--window-size={width},{height}", "--lang=zh-CN", *arguments):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    set_viewport(driver, width, height)
    driver.set_script_timeout(120)
    return driver


def set_viewport(driver, width, height):
    """Chromium keeps a window at least 500 px wide, whatever --window-size says: a phone's width is
    emulated, or a check "at 320 px" would look at 500."""
    driver.set_window_size(max(width, 500), height)
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})


def run_bulletin(binary, work, arguments, language, path=None, timeout=300):
    """The bulletin command run in `work` as an editor whose locale is `language`: LANG set, LC_ALL
    and LC_MESSAGES emptied so that they do not override it; `path` replaces PATH when given."""
    environment = dict(os.environ, LANG=language, LC_ALL="", LC_MESSAGES="")
    if path is not None:
        environment["PATH"] = path
    return subprocess.run([binary, *arguments], cwd=work, env=environment, capture_output=True, text=True, timeout=timeout)


def tree_hash(folder):
    """One digest of every file's path and bytes below `folder`: equal when the folder is byte for byte the same."""
    digest = hashlib.sha256()
    for directory, _, files in sorted(os.walk(folder)):
        for name in sorted(files):
            path = os.path.join(directory, name)
            digest.update(os.path.relpath(path, folder).encode())
            with open(path, "rb") as handle:
                digest.update(handle.read())
    return digest.hexdigest()


class Failures:
    """Counts the failures of one check and prints each as it is found."""

    def __init__(self):
        self.count = 0

    def __call__(self, message):
        self.count += 1
        print("FAIL " + message)
