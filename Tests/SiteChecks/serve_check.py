"""`bulletin serve` tried as a new user would: start it, fetch pages, edit a write-up and watch
the open page reload with the change, break the front matter and see the error overlay, fix it,
try path traversal, start a second server on the same port, and stop it with Ctrl-C.
Usage: serve_check.py BULLETIN_BINARY PROJECT_FOLDER. Exits 1 on any failure."""
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

from selenium.webdriver.common.by import By

from pages import Failures, chromium

fail = Failures()


def get(url):
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.headers.get("Content-Type"), response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Content-Type"), error.read().decode("utf-8", "replace")


def raw_status(port, path):
    """The status line for a path sent exactly as written (urllib would normalise '..')."""
    with socket.create_connection(("127.0.0.1", port), timeout=5) as connection:
        connection.sendall(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode())
        return int(connection.recv(200).split(b" ")[1])


def wait_for(condition, seconds):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return time.monotonic()
        time.sleep(0.02)
    return None


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def main(binary, project):
    work = tempfile.mkdtemp(prefix="bulletin-serve-check-")
    for folder in ("Content", "Templates"):
        shutil.copytree(os.path.join(project, folder), os.path.join(work, folder))
    port = free_port()
    root = f"http://127.0.0.1:{port}/"
    server = subprocess.Popen([binary, "--lang", "en", "serve", "--port", str(port)], cwd=work,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        first_line = ""
        started = time.monotonic()
        while "Serving the preview at" not in first_line and time.monotonic() - started < 30:
            first_line = server.stdout.readline()
        if root not in first_line:
            fail(f"serve did not say its address: {first_line!r}")
            return
        status, kind, body = get(root)
        if status != 200 or kind != "text/html; charset=utf-8" or "重庆市家庭教育创新实践基地" not in body:
            fail(f"home page: {status} {kind}")
        stylesheet = re.search(r'<link rel="stylesheet" href="/([^"]+)">', body).group(1)
        status, kind, _ = get(root + stylesheet)
        if status != 200 or kind != "text/css; charset=utf-8":
            fail(f"stylesheet: {status} {kind}")
        status, kind, body = get(root + "no-such-page/")
        if status != 404 or "页面未找到" not in body:
            fail(f"missing page: {status}, not the site's 404 page")

        for path in ("/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/static/%2E%2E/%2E%2E/etc/passwd", "/..%2f..%2fetc/passwd"):
            code = raw_status(port, path)
            if code not in (400, 404):
                fail(f"{path} answered {code}")

        write_up = os.path.join(work, "Content/bases/wanzhou-shahe-primary/example-practice.md")
        original = open(write_up, encoding="utf-8").read()
        driver = chromium(1280)
        try:
            driver.get(root + "bases/wanzhou-shahe-primary/example-practice/")
            time.sleep(0.5)  # the page opens its event stream
            changed = original.replace("## 做法概述", "## 做法概述\n\n预览自动刷新测试。")
            edited_at = time.monotonic()
            with open(write_up, "w", encoding="utf-8") as handle:
                handle.write(changed)
            served_at = wait_for(lambda: "预览自动刷新测试" in get(root + "bases/wanzhou-shahe-primary/example-practice/")[2], 5)
            shown_at = wait_for(lambda: "预览自动刷新测试" in driver.page_source, 5)
            if served_at is None or shown_at is None:
                fail("the edit was not served and shown within 5 seconds")
            else:
                print(f"edit served after {(served_at - edited_at) * 1000:.0f} ms, open page reloaded after {(shown_at - edited_at) * 1000:.0f} ms")
                if shown_at - edited_at > 1.0:
                    fail("the open page took more than a second to show the edit")

            with open(write_up, "w", encoding="utf-8") as handle:
                handle.write(changed.replace("kind: practice", "kind: [practice"))
            overlay_at = wait_for(lambda: len(driver.find_elements(By.ID, "bulletin-errors")) > 0, 5)
            if overlay_at is None:
                fail("broken front matter did not show the error overlay")
            else:
                text = driver.find_element(By.ID, "bulletin-errors").text
                if "Content/bases/wanzhou-shahe-primary/example-practice.md:4:7" not in text or "opens a list with [" not in text:
                    fail(f"the overlay does not name the file, line and column: {text!r}")
            with open(write_up, "w", encoding="utf-8") as handle:
                handle.write(original)
            if wait_for(lambda: not driver.find_elements(By.ID, "bulletin-errors") and "预览自动刷新测试" not in driver.page_source, 5) is None:
                fail("fixing the file did not clear the overlay")
        finally:
            driver.quit()

        second = subprocess.run([binary, "--lang", "en", "serve", "--port", str(port)], cwd=work, capture_output=True, text=True, timeout=30)
        if second.returncode != 2 or f"port {port} on 127.0.0.1 is already in use" not in second.stderr:
            fail(f"a second server on the same port: exit {second.returncode}, {second.stderr!r}")
    finally:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=10)
            rest = server.stdout.read()
            if server.returncode != 0 or "Stopped; the preview folder was removed." not in rest:
                fail(f"Ctrl-C: exit {server.returncode}, {rest[-200:]!r}")
        except subprocess.TimeoutExpired:
            server.kill()
            fail("Ctrl-C did not stop the server within 10 seconds")
        leftovers = [name for name in os.listdir(tempfile.gettempdir()) if name.startswith(f"bulletin-preview-{server.pid}-")]
        if leftovers:
            fail(f"temporary folders left behind: {leftovers}")
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
    print(f"serve checks: {fail.count} failures")
    sys.exit(1 if fail.count else 0)
