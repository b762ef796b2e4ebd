"""deploy/nginx.conf with real nginx on loopback over a fresh `build --precompress`: status codes,
content types with UTF-8, precompressed files sent as they are, security headers, cache lifetimes,
SVG and HTML files in /assets/ kept inert (as if copied there by hand past the build's refusal),
the 404 page, no directory listing, and every page of every kind loaded in headless Chromium with
no Content-Security-Policy violation (search included). Served over HTTPS with a certificate made
here (openssl): port 80 redirects, TLS 1.2 and 1.3 only, HTTP/2 offered, HSTS on every answer.
Usage: deploy_check.py BINARY PROJECT."""
import gzip
import glob
import os
import re
import shutil
import socket
import ssl
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import warnings

from selenium.webdriver.common.by import By

from pages import Failures, PAGE_KINDS, chromium

fail = Failures()
# Trusts the certificate `make_certificate` makes, and only that.
TLS = None


def fetch(url, gzip_ok=False):
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"} if gzip_ok else {})
    try:
        with urllib.request.urlopen(request, timeout=10, context=TLS) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def make_certificate(work):
    """A self-signed certificate for 127.0.0.1, as a test's stand-in for the site's real one."""
    global TLS
    certificate, key = os.path.join(work, "cert.pem"), os.path.join(work, "key.pem")
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1",
                    "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", key, "-out", certificate],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    TLS = ssl.create_default_context(cafile=certificate)
    global TLS_CERTIFICATE
    TLS_CERTIFICATE = certificate
    return certificate, key


def start_nginx(project, site, work):
    """deploy/nginx.conf as shipped, but for its addresses, certificate and root; returns the HTTPS
    address and the plain HTTP one that redirects."""
    port, http_port = free_port(), free_port()
    certificate, key = make_certificate(work)
    server = open(os.path.join(project, "deploy/nginx.conf"), encoding="utf-8").read()
    replacements = [
        (r"listen 80;\n\s*listen \[::\]:80;", f"listen 127.0.0.1:{http_port};"),
        (r"listen 443 ssl http2;\n\s*listen \[::\]:443 ssl http2;", f"listen 127.0.0.1:{port} ssl http2;"),
        (r"ssl_certificate \S+;", f"ssl_certificate {certificate};"),
        (r"ssl_certificate_key \S+;", f"ssl_certificate_key {key};"),
        (r"root /srv/bulletin/current;", f"root {site};"),
    ]
    for pattern, replacement in replacements:
        server, count = re.subn(pattern, replacement, server)
        if count != 1:
            raise SystemExit(f"deploy/nginx.conf: '{pattern}' found {count} times")
    os.makedirs(os.path.join(work, "tmp"))
    with open(os.path.join(work, "nginx.conf"), "w") as handle:
        handle.write(f"""worker_processes 1;
pid {work}/nginx.pid;
error_log {work}/error.log;
events {{ worker_connections 256; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path {work}/tmp; proxy_temp_path {work}/tmp; fastcgi_temp_path {work}/tmp;
    uwsgi_temp_path {work}/tmp; scgi_temp_path {work}/tmp;
{server}
}}
""")
    subprocess.run(["nginx", "-t", "-q", "-c", f"{work}/nginx.conf", "-p", work], check=True)
    subprocess.run(["nginx", "-c", f"{work}/nginx.conf", "-p", work], check=True)
    root = f"https://127.0.0.1:{port}/"
    for _ in range(50):
        try:
            urllib.request.urlopen(root, timeout=1, context=TLS)
            break
        except Exception:
            time.sleep(0.1)
    return root, f"http://127.0.0.1:{http_port}/"


def check_https(root, http_root):
    """Port 80 redirects to HTTPS, only TLS 1.2 and 1.3 are spoken, HTTP/2 is offered, HSTS is sent."""
    opener = urllib.request.build_opener(NoRedirect)
    try:
        opener.open(http_root + "bases/?x=1", timeout=10)
        fail("port 80 answers without redirecting to HTTPS")
    except urllib.error.HTTPError as error:
        if error.code != 301 or error.headers.get("Location") != "https://127.0.0.1/bases/?x=1":
            fail(f"port 80 answered {error.code} {error.headers.get('Location')!r}")
    host, port = "127.0.0.1", int(root.rsplit(":", 1)[1].strip("/"))
    for version in (ssl.TLSVersion.TLSv1_2, ssl.TLSVersion.TLSv1_3):
        context = ssl.create_default_context(cafile=TLS_CERTIFICATE)
        context.minimum_version = context.maximum_version = version
        context.set_alpn_protocols(["h2", "http/1.1"])
        try:
            with socket.create_connection((host, port), timeout=10) as raw, context.wrap_socket(raw, server_hostname=host) as tls:
                if tls.selected_alpn_protocol() != "h2":
                    fail(f"{version.name}: HTTP/2 not offered (ALPN {tls.selected_alpn_protocol()!r})")
        except ssl.SSLError as error:
            fail(f"{version.name} refused: {error}")
    # TLS 1.1 and 1.0 are offered by this client (security level 0 lets OpenSSL offer them): the
    # server must refuse them itself.
    warnings.filterwarnings("ignore", category=DeprecationWarning, message=".*TLSv1")
    for version in (ssl.TLSVersion.TLSv1, ssl.TLSVersion.TLSv1_1):
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
        context.set_ciphers("DEFAULT@SECLEVEL=0")
        context.minimum_version = context.maximum_version = version
        try:
            with socket.create_connection((host, port), timeout=10) as raw, context.wrap_socket(raw, server_hostname=host):
                fail(f"{version.name} accepted")
        except ssl.SSLError as error:
            if "NO_PROTOCOLS_AVAILABLE" in str(error):
                fail(f"{version.name}: this client could not offer it, so the server's refusal was not tested")
    _, headers, _ = fetch(root)
    if headers.get("Strict-Transport-Security") != "max-age=63072000":
        fail(f"HSTS: {headers.get('Strict-Transport-Security')!r}")
    _, headers, _ = fetch(root + "assets/hand-copied.svg")
    if headers.get("Strict-Transport-Security") != "max-age=63072000":
        fail("an SVG in /assets/ is sent without HSTS")


def main(binary, project):
    work = tempfile.mkdtemp(prefix="bulletin-deploy-check-")
    os.chmod(work, 0o755)
    site = os.path.join(work, "site")
    try:
        # A build for publishing refuses the content's localhost address: the served one is given.
        subprocess.run([binary, "build", "--as-of", "2023-06-01", "--precompress", "--base-url", "https://jtjy.cqwomen.cn/",
                        "--output", site,
                        "--content", os.path.join(project, "Content"), "--templates", os.path.join(project, "Templates")],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        # Files a browser would run, as if copied into Public/ by hand past the build's refusal.
        with open(os.path.join(site, "assets", "hand-copied.svg"), "w") as handle:
            handle.write('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
                         '<script>console.log("svg script ran")</script><rect width="10" height="10"/></svg>')
        with open(os.path.join(site, "assets", "hand-copied.html"), "w") as handle:
            handle.write("<!doctype html><title>x</title><script>console.log('html script ran')</script>")
        root, http_root = start_nginx(project, site, work)
        check_https(root, http_root)
        style = next(name for name in os.listdir(os.path.join(site, "static")) if name.startswith("style.") and name.endswith(".css"))
        script = next(name for name in os.listdir(os.path.join(site, "static")) if name.startswith("care.") and name.endswith(".js"))
        expected_types = {
            "": "text/html; charset=utf-8", "bases/": "text/html; charset=utf-8",
            f"static/{style}": "text/css; charset=utf-8", f"static/{script}": "application/javascript; charset=utf-8",
            "feed.xml": "application/atom+xml; charset=utf-8", "sitemap.xml": "text/xml; charset=utf-8",
            "search/meta.json": "application/json; charset=utf-8", "robots.txt": "text/plain; charset=utf-8",
        }
        for path, kind in expected_types.items():
            status, headers, _ = fetch(root + path)
            if status != 200 or headers.get("Content-Type") != kind:
                fail(f"/{path}: {status} {headers.get('Content-Type')}, expected 200 {kind}")
        status, headers, body = fetch(root + "no-such-page/")
        if status != 404 or "页面未找到" not in body.decode("utf-8", "replace"):
            fail(f"a missing page answers {status} without the site's 404 page")
        for path in (".bulletin-build", "static/", "bases/wanzhou-shahe-primary/.hidden"):
            status, _, body = fetch(root + path)
            if status not in (403, 404) or b"Index of" in body:
                fail(f"/{path} answered {status}")
        opener = urllib.request.build_opener(NoRedirect, urllib.request.HTTPSHandler(context=TLS))
        try:
            opener.open(root + "bases")
            fail("/bases does not redirect to /bases/")
        except urllib.error.HTTPError as error:
            if error.code != 301 or not error.headers.get("Location", "").endswith("/bases/"):
                fail(f"/bases answered {error.code} {error.headers.get('Location')}")

        status, headers, body = fetch(root, gzip_ok=True)
        on_disk = open(os.path.join(site, "index.html.gz"), "rb").read()
        if headers.get("Content-Encoding") != "gzip" or body != on_disk:
            fail("the home page is not sent as the build's precompressed file")
        if gzip.decompress(body) != open(os.path.join(site, "index.html"), "rb").read():
            fail("the precompressed home page differs from the page")
        status, headers, body = fetch(root + f"static/{style}", gzip_ok=True)
        if headers.get("Content-Encoding") != "gzip":
            fail("the stylesheet is not sent compressed")

        _, headers, _ = fetch(root + "bases/")
        for name, value in {"X-Content-Type-Options": "nosniff", "X-Frame-Options": "SAMEORIGIN",
                            "Referrer-Policy": "strict-origin-when-cross-origin"}.items():
            if headers.get(name) != value:
                fail(f"header {name}: {headers.get(name)!r}")
        csp = headers.get("Content-Security-Policy", "")
        if "default-src 'self'" not in csp or "script-src 'self'" not in csp or "unsafe-inline" in csp:
            fail(f"Content-Security-Policy: {csp!r}")
        if headers.get("Cache-Control") != "max-age=300":
            fail(f"pages: Cache-Control {headers.get('Cache-Control')!r}")
        _, headers, _ = fetch(root + f"static/{style}")
        if headers.get("Cache-Control") != "max-age=31536000" or headers.get("Content-Security-Policy") is None:
            fail(f"fingerprinted files: Cache-Control {headers.get('Cache-Control')!r}, headers kept: {headers.get('Content-Security-Policy') is not None}")
        _, headers, _ = fetch(root + "no-such-page/")
        if headers.get("Content-Security-Policy") is None:
            fail("the 404 page has no security headers")
        # A photo is published as the versions the image stage makes, named by its content.
        versions = sorted(glob.glob(os.path.join(site, "assets", "example-yard.w960.*.jpg")))
        if not versions:
            fail("no 960 px version of the example photo was published")
        else:
            status, headers, _ = fetch(root + "assets/" + os.path.basename(versions[0]))
            if status != 200 or headers.get("Cache-Control") != "max-age=31536000" \
                    or "default-src 'self'" not in headers.get("Content-Security-Policy", ""):
                fail(f"photo versions: {status}, Cache-Control {headers.get('Cache-Control')!r}, CSP {headers.get('Content-Security-Policy')!r}")
        status, headers, _ = fetch(root + "assets/example-yard.jpg")
        if status != 404:
            fail(f"the original photo is published: {status}")
        _, headers, _ = fetch(root + "assets/hand-copied.svg")
        csp = headers.get("Content-Security-Policy", "")
        if "default-src 'none'" not in csp or "sandbox" not in csp or headers.get("X-Content-Type-Options") != "nosniff":
            fail(f"an SVG in /assets/ is not kept inert: CSP {csp!r}, nosniff {headers.get('X-Content-Type-Options')!r}")
        _, headers, _ = fetch(root + "assets/hand-copied.html")
        csp = headers.get("Content-Security-Policy", "")
        if headers.get("Content-Disposition") != "attachment" or "sandbox" not in csp or headers.get("X-Content-Type-Options") != "nosniff":
            fail(f"an HTML file in /assets/ is not kept inert: Content-Disposition {headers.get('Content-Disposition')!r}, CSP {csp!r}")

        options_logging = True
        driver = chromium(1280, arguments=["--ignore-certificate-errors"])
        try:
            pages = 0
            for kind, path in PAGE_KINDS.items():
                driver.get(root + path)
                time.sleep(0.4 if "search" in path else 0.1)
                pages += 1
                for entry in driver.get_log("browser"):
                    if "Content Security Policy" in entry["message"] or "Refused to" in entry["message"]:
                        fail(f"{kind}: {entry['message'][:200]}")
            driver.get(root + "search/?q=%E5%AE%B6%E6%A0%A1%E7%A4%BE")
            deadline = time.monotonic() + 10
            while time.monotonic() < deadline and not driver.find_elements(By.CSS_SELECTOR, "#search-results li"):
                time.sleep(0.1)
            if not driver.find_elements(By.CSS_SELECTOR, "#search-results li"):
                fail("search finds nothing behind the Content-Security-Policy")
            for entry in driver.get_log("browser"):
                if "Content Security Policy" in entry["message"]:
                    fail(f"search: {entry['message'][:200]}")
            driver.get(root + "assets/hand-copied.svg")
            time.sleep(0.2)
            if any("svg script ran" in entry["message"] for entry in driver.get_log("browser")):
                fail("a script in an SVG under /assets/ ran")
        finally:
            driver.quit()
        print(f"deployment: {len(expected_types)} content types, compression, headers, caching, 404 and HTTPS checked; "
              f"{pages} pages loaded in Chromium behind the Content-Security-Policy; {fail.count} problems")
    finally:
        if os.path.exists(os.path.join(work, "nginx.pid")):
            subprocess.run(["nginx", "-c", f"{work}/nginx.conf", "-p", work, "-s", "quit"], stderr=subprocess.DEVNULL)
        time.sleep(0.2)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
    sys.exit(1 if fail.count else 0)
