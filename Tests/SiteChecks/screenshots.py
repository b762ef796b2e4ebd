"""Screenshots of what readers see: home, a base, a bulletin and a write-up with photos and a table at
phone (390 px) and desktop (1280 px) widths, the home page in 适老化 mode, the table at 320 px with the
largest text, and a bulletin printed on A4 (PDF, then PNG pages by pdftoppm). Writes them to the
folder given; exits 1 if any is missing."""
import base64
import os
import subprocess
import sys

from pages import chromium, set_viewport

SHOTS = {"home": "", "base": "bases/wanzhou-shahe-primary/", "bulletin": "bulletins/2021/1/",
         "writeup-photos": "bases/wanzhou-shahe-primary/example-photos/"}


def full_page(driver, path):
    height = driver.execute_script("return document.documentElement.scrollHeight")
    set_viewport(driver, driver.execute_script("return window.innerWidth"), min(height + 100, 6000))
    driver.save_screenshot(path)


def main(root, folder):
    os.makedirs(folder, exist_ok=True)
    written = []
    for width in (390, 1280):
        driver = chromium(width)
        try:
            driver.get(root)
            driver.execute_script("localStorage.clear()")
            for name, path in SHOTS.items():
                set_viewport(driver, width, 900)
                driver.get(root + path)
                target = os.path.join(folder, f"{name}-{width}.png")
                full_page(driver, target)
                written.append(target)
            if width == 390:
                driver.execute_script("localStorage.setItem('care.size', '2'); localStorage.setItem('care.contrast', 'on')")
                set_viewport(driver, width, 900)
                driver.get(root)
                target = os.path.join(folder, "home-care-390.png")
                full_page(driver, target)
                written.append(target)
                # The narrowest phone, the largest text: the sample write-up's table scrolls in its own box.
                driver.execute_script("localStorage.setItem('care.size', '4'); localStorage.setItem('care.contrast', 'off')")
                set_viewport(driver, 320, 900)
                driver.get(root + SHOTS["writeup-photos"])
                driver.execute_script("document.querySelector('main .table-scroll').scrollIntoView()")
                target = os.path.join(folder, "writeup-table-320-largest.png")
                driver.save_screenshot(target)
                written.append(target)
                driver.execute_script("localStorage.clear()")
            else:
                driver.get(root + SHOTS["bulletin"])
                pdf = driver.execute_cdp_cmd("Page.printToPDF", {"preferCSSPageSize": True, "printBackground": True})
                pdf_path = os.path.join(folder, "bulletin-a4.pdf")
                with open(pdf_path, "wb") as handle:
                    handle.write(base64.b64decode(pdf["data"]))
                subprocess.run(["pdftoppm", "-png", "-r", "60", pdf_path, os.path.join(folder, "bulletin-a4")], check=True)
                written += [os.path.join(folder, name) for name in sorted(os.listdir(folder)) if name.startswith("bulletin-a4-")]
        finally:
            driver.quit()
    missing = [path for path in written if not os.path.getsize(path)]
    print(f"screenshots: {len(written)} PNG files in {folder}")
    return 1 if missing or len(written) < 8 else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
