"""axe-core (WCAG 2.1 A and AA) on one page of every kind, at phone and desktop widths, in the
normal and the 适老化 (large text, high contrast) modes. Prints each violation; exits 1 on any."""
import json
import os
import sys

from axe_selenium_python import Axe

from pages import PAGE_KINDS, chromium

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def set_mode(driver, root, care):
    driver.get(root)
    if care:
        driver.execute_script("localStorage.setItem('care.size', '3'); localStorage.setItem('care.contrast', 'on');")
    else:
        driver.execute_script("localStorage.clear();")


def main(root):
    violations = 0
    runs = 0
    for width in (390, 1280):
        driver = chromium(width)
        try:
            for care in (False, True):
                set_mode(driver, root, care)
                for kind, path in PAGE_KINDS.items():
                    driver.get(root + path)
                    applied = driver.execute_script(
                        "return document.documentElement.classList.contains('care-contrast')")
                    if applied != care:
                        print(f"FAIL {kind} at {width}px: 适老化 mode {'not ' if care else ''}applied")
                        violations += 1
                    axe = Axe(driver, script_url=os.environ["AXE_SCRIPT"]) if "AXE_SCRIPT" in os.environ else Axe(driver)
                    axe.inject()
                    result = axe.run(options=json.dumps({"runOnly": {"type": "tag", "values": TAGS}}))
                    runs += 1
                    mode = "适老化" if care else "normal"
                    for violation in result["violations"]:
                        violations += 1
                        targets = [", ".join(node["target"]) for node in violation["nodes"]][:5]
                        print(f"FAIL {kind} ({path or '/'}) at {width}px, {mode}: {violation['id']}: "
                              f"{violation['help']} — {targets}")
        finally:
            driver.quit()
    print(f"axe-core: {runs} page runs, {violations} violations")
    return 1 if violations else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
