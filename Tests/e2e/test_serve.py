"""`guidegen serve`: the preview server answers from the in-memory site, refuses unsafe paths, reloads on
changes, shows build errors in the browser, and listens on loopback only."""
import contextlib
import http.client
import os
import re
import selectors
import signal
import socket
import subprocess
import time

import pytest

from conftest import run, tree

RELOAD_SCRIPT = re.compile(rb'<script data-guidegen-reload>.*?</script>\n', re.S)
BANNER = re.compile(r"^Serving at http://127\.0\.0\.1:(\d+)/ \(Ctrl-C to stop\)$")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def serving(guidegen, project, *args):
    """Starts `guidegen serve` in the project, waits (at most 30 s) for the banner, yields (port, stderr
    path) and always stops the server."""
    port = free_port()
    log = project / "serve-stderr.txt"
    with open(log, "wb") as err:
        proc = subprocess.Popen([guidegen, "serve", "--port", str(port), *args], cwd=project, stdout=subprocess.PIPE,
                                stderr=err, env=dict(os.environ, NO_COLOR="1"))
    try:
        banner = read_line(proc, timeout=30)
        match = BANNER.match(banner)
        assert match, f"no banner: {banner!r}; stderr: {log.read_text()}"
        assert int(match.group(1)) == port
        yield proc, port, log
    finally:
        if proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=10)
        proc.stdout.close()


def read_line(proc, timeout):
    selector = selectors.DefaultSelector()
    selector.register(proc.stdout, selectors.EVENT_READ)
    deadline = time.monotonic() + timeout
    line = b""
    while not line.endswith(b"\n") and time.monotonic() < deadline:
        if not selector.select(timeout=max(0.0, deadline - time.monotonic())):
            break
        chunk = os.read(proc.stdout.fileno(), 1)
        if not chunk:
            break
        line += chunk
    selector.close()
    return line.decode().rstrip("\n")


def fetch(port, path, method="GET", body=None, host="127.0.0.1"):
    """One request with the path sent exactly as given; returns (status, headers, body)."""
    conn = http.client.HTTPConnection(host, port, timeout=10)
    try:
        conn.putrequest(method, path, skip_accept_encoding=True)
        if body is not None:
            conn.putheader("Content-Length", str(len(body)))
        conn.endheaders(body)
        response = conn.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    finally:
        conn.close()


def wait_until(predicate, timeout):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.1)
    return predicate()


def version(port):
    status, headers, body = fetch(port, "/__guidegen/version")
    assert status == 200 and headers["content-type"] == "text/plain; charset=utf-8"
    return int(body)


def built(guidegen, project):
    """The same site written by `guidegen build`, to compare served bytes with."""
    code, _, err = run(guidegen, "build", "--output", "built", cwd=project)
    assert code == 0, err
    return tree(project / "built")


def test_pages_are_the_built_pages_plus_the_reload_script(guidegen, site_copy):
    project = site_copy("basic")
    files = built(guidegen, project)
    assert not any(RELOAD_SCRIPT.search(data) for data in files.values()), "build output must not carry the script"
    with serving(guidegen, project) as (_, port, _):
        for path, key in [("/", "index.html"), ("/en/policies/windows/", "en/policies/windows/index.html"),
                          ("/zh-Hans/", "zh-Hans/index.html")]:
            status, headers, body = fetch(port, path)
            assert status == 200, path
            assert headers["content-type"] == "text/html; charset=utf-8"
            assert headers["cache-control"] == "no-store"
            assert headers["connection"] == "close"
            assert int(headers["content-length"]) == len(body)
            scripts = RELOAD_SCRIPT.findall(body)
            assert len(scripts) == 1 and b'new EventSource("/__guidegen/events")' in scripts[0]
            assert body.index(scripts[0]) + len(scripts[0]) == body.rindex(b"</body>")
            assert RELOAD_SCRIPT.sub(b"", body) == files[key], path

        status, headers, body = fetch(port, "/theme/style.css")
        assert (status, headers["content-type"], body) == (200, "text/css; charset=utf-8", files["theme/style.css"])
        status, headers, body = fetch(port, "/sitemap.xml", method="HEAD")
        assert (status, headers["content-type"], body) == (200, "application/xml; charset=utf-8", b"")
        assert int(headers["content-length"]) == len(files["sitemap.xml"])
        status, headers, body = fetch(port, "/en/policies/windows/?utm=1#x")
        assert status == 200 and RELOAD_SCRIPT.sub(b"", body) == files["en/policies/windows/index.html"]


def test_redirects_not_found_methods_and_unsafe_paths(guidegen, site_copy):
    project = site_copy("basic")
    files = built(guidegen, project)
    with serving(guidegen, project) as (_, port, _):
        status, headers, _ = fetch(port, "/en/policies/windows")
        assert (status, headers["location"]) == (301, "/en/policies/windows/")
        status, headers, _ = fetch(port, "/en/policies/windows?lang=1")
        assert (status, headers["location"]) == (301, "/en/policies/windows/?lang=1")

        for path in ["/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/en/..%2f..%2fetc/passwd",
                     "/en/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/..\\..\\etc\\passwd", "/en%5c..%5cindex.html",
                     "/index.html%00.css", "/%zz", "//etc/passwd", "/./index.html/..", "/etc/passwd"]:
            status, _, body = fetch(port, path)
            assert status in (400, 404), path
            assert b"root:" not in body, path

        for method in ["POST", "PUT", "DELETE", "OPTIONS"]:
            status, headers, _ = fetch(port, "/", method=method, body=b"x=1" if method == "POST" else None)
            assert (status, headers["allow"]) == (405, "GET, HEAD"), method

        status, headers, body = fetch(port, "/en/no-such-page/")
        assert (status, headers["content-type"]) == (404, "text/html; charset=utf-8")
        assert RELOAD_SCRIPT.sub(b"", body) == files["404.html"]
        status, _, _ = fetch(port, "/no-such-file.png")
        assert status == 404

        # DNS rebinding: a foreign host name pointing at 127.0.0.1 gets nothing.
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        conn.request("GET", "/", headers={"Host": "attacker.example:%d" % port})
        assert conn.getresponse().status == 403
        conn.close()


def read_event(sock, timeout):
    """The next `data:` line of an event stream, or None after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    buffer = b""
    while time.monotonic() < deadline:
        match = re.search(rb"^data: (\d+)\n\n", buffer, re.M)
        if match:
            return int(match.group(1)), buffer[match.end():]
        sock.settimeout(max(0.01, deadline - time.monotonic()))
        try:
            chunk = sock.recv(4096)
        except socket.timeout:
            break
        if not chunk:
            break
        buffer += chunk
    return None, buffer


def test_editing_a_page_rebuilds_and_notifies(guidegen, site_copy):
    project = site_copy("basic")
    page = project / "content" / "policies" / "windows.en.md"
    with serving(guidegen, project) as (_, port, _):
        before = version(port)
        events = socket.create_connection(("127.0.0.1", port), timeout=10)
        try:
            events.sendall(b"GET /__guidegen/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            head = b""
            while b"\r\n\r\n" not in head:
                chunk = events.recv(1)
                assert chunk, "event stream closed"
                head += chunk
            assert head.startswith(b"HTTP/1.1 200 OK\r\n") and b"Content-Type: text/event-stream\r\n" in head
            first, _ = read_event(events, timeout=20)
            assert first == before

            page.write_text(page.read_text().replace("title: After-sales windows", "title: Windows, edited live"))
            assert wait_until(lambda: version(port) > before, timeout=20), "no rebuild within 20 s"
            status, _, body = fetch(port, "/en/policies/windows/")
            assert status == 200 and b"Windows, edited live" in body
            assert f'var b="{version(port)}"'.encode() in body
            pushed, _ = read_event(events, timeout=20)
            assert pushed is not None and pushed > before
        finally:
            events.close()


def test_build_errors_show_an_overlay_and_keep_the_last_good_site(guidegen, site_copy):
    project = site_copy("basic")
    page = project / "content" / "policies" / "windows.en.md"
    good = page.read_text()
    with serving(guidegen, project) as (_, port, log):
        _, _, css = fetch(port, "/theme/style.css")
        before = version(port)
        page.write_text(good.replace("title: After-sales windows", "titel: <b>broken</b>"))
        assert wait_until(lambda: version(port) > before, timeout=20), "no rebuild within 20 s"

        for path in ["/en/policies/windows/", "/", "/zh-Hans/faq/basics/", "/en/no-such-page/"]:
            status, headers, body = fetch(port, path)
            assert (status, headers["content-type"]) == (500, "text/html; charset=utf-8"), path
            assert b'id="guidegen-error-overlay"' in body
            assert b"content/policies/windows.en.md:2:1: error[unknown-key]: `titel`: unknown key" in body
            assert b"titel: &lt;b&gt;broken&lt;/b&gt;" in body and b"<b>broken</b>" not in body
            assert len(RELOAD_SCRIPT.findall(body)) == 1
        assert fetch(port, "/theme/style.css")[::2] == (200, css)
        assert wait_until(lambda: "error[unknown-key]" in log.read_text(), timeout=20)

        broken = version(port)
        page.write_text(good.replace("title: After-sales windows", "title: Fixed again"))
        assert wait_until(lambda: version(port) > broken, timeout=20), "no rebuild within 20 s"
        status, _, body = fetch(port, "/en/policies/windows/")
        assert status == 200 and b"Fixed again" in body and b"guidegen-error-overlay" not in body


def test_a_site_that_never_built_shows_the_overlay_everywhere(guidegen, site_copy):
    project = site_copy("broken")
    with serving(guidegen, project) as (_, port, _):
        for path in ["/", "/en/", "/anything/at/all"]:
            status, _, body = fetch(port, path)
            assert status == 500 and b"There has been no successful build yet" in body, path
            assert b"error[unknown-key]" in body
        assert fetch(port, "/theme/style.css")[0] == 404


def non_loopback_address():
    """An address of this machine other than loopback (no packet is sent), or None."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        try:
            s.connect(("192.0.2.1", 9))  # TEST-NET-1: only picks the outgoing interface
            address = s.getsockname()[0]
        except OSError:
            return None
    return None if address.startswith("127.") or address == "0.0.0.0" else address


def test_listens_on_loopback_only(guidegen, site_copy):
    project = site_copy("basic")
    for host in ["0.0.0.0", "::", "192.168.1.10", "example.org"]:
        code, _, err = run(guidegen, "serve", "--host", host, "--port", "0", cwd=project)
        assert code == 2 and "--host must be localhost, 127.0.0.1 or ::1" in err, host
    address = non_loopback_address()
    if address is None:
        pytest.skip("this machine has no non-loopback address")
    with serving(guidegen, project) as (_, port, _):
        assert fetch(port, "/")[0] == 200
        with pytest.raises(OSError):
            socket.create_connection((address, port), timeout=2).close()


def test_ctrl_c_stops_cleanly(guidegen, site_copy):
    project = site_copy("basic")
    with serving(guidegen, project) as (proc, port, log):
        events = socket.create_connection(("127.0.0.1", port), timeout=10)
        try:
            events.sendall(b"GET /__guidegen/events HTTP/1.1\r\nHost: localhost\r\n\r\n")
            assert read_event(events, timeout=5)[0] == version(port)
            proc.send_signal(signal.SIGINT)
            assert proc.wait(timeout=5) == 0
        finally:
            events.close()
        assert log.read_text().endswith("stopped\n")
        with pytest.raises(OSError):
            socket.create_connection(("127.0.0.1", port), timeout=2).close()


def headless_chromium():
    """A headless Chromium under Selenium; skips the test when either is missing."""
    webdriver = pytest.importorskip("selenium.webdriver")
    from selenium.webdriver.chrome.service import Service
    import shutil
    if not shutil.which("chromedriver") and not os.path.exists("/usr/bin/chromedriver"):
        pytest.skip("no chromedriver")
    options = webdriver.ChromeOptions()
    for arg in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"]:
        options.add_argument(arg)
    if shutil.which("chromium"):
        options.binary_location = shutil.which("chromium")
    return webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"), options=options)


@pytest.mark.parametrize("event_source", [True, False], ids=["events", "polling"])
def test_an_open_browser_tab_reloads_after_an_edit(guidegen, site_copy, event_source):
    """The injected script really reloads: headless Chromium keeps the page open while the Markdown changes,
    through the event stream, and through version polling when the browser has no EventSource."""
    project = site_copy("basic")
    page = project / "content" / "policies" / "windows.en.md"
    with serving(guidegen, project) as (_, port, _):
        driver = headless_chromium()
        try:
            driver.set_page_load_timeout(20)
            if not event_source:
                driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": "delete window.EventSource;"})
            driver.get(f"http://127.0.0.1:{port}/en/policies/windows/")
            assert "After-sales windows" in driver.title
            assert driver.execute_script("return typeof window.EventSource") == ("function" if event_source else "undefined")
            time.sleep(0.5)  # let the event stream connect
            page.write_text(page.read_text().replace("title: After-sales windows", "title: Reloaded by itself"))
            assert wait_until(lambda: "Reloaded by itself" in driver.title, timeout=10), driver.title
            # A broken build replaces the page with the overlay, and fixing it brings the page back.
            page.write_text(page.read_text().replace("title: Reloaded by itself", "titel: x"))
            assert wait_until(lambda: "Build failed" in driver.title, timeout=10), driver.title
            page.write_text(page.read_text().replace("titel: x", "title: Back again"))
            assert wait_until(lambda: "Back again" in driver.title, timeout=10), driver.title
        finally:
            driver.quit()


@pytest.mark.parametrize("kind", ["tab", "window"])
def test_many_open_pages_share_one_stream_and_all_reload(guidegen, site_copy, kind):
    """Chromium allows six connections per host: with an event stream held by every open page, the seventh
    never loaded. The pages share one stream through a Web Lock and a BroadcastChannel, so nine tabs (hidden
    but one) and nine windows (all visible) load, and every one of them reloads after an edit."""
    project = site_copy("basic")
    page = project / "content" / "policies" / "windows.en.md"
    with serving(guidegen, project) as (_, port, _):
        driver = headless_chromium()
        try:
            driver.set_page_load_timeout(10)
            for opened in range(9):
                if opened:
                    driver.switch_to.new_window(kind)
                driver.get(f"http://127.0.0.1:{port}/en/policies/windows/")
                assert "After-sales windows" in driver.title, opened
            time.sleep(1)
            page.write_text(page.read_text().replace("title: After-sales windows", "title: All of them reload"))
            for handle in driver.window_handles:
                driver.switch_to.window(handle)
                assert wait_until(lambda: "All of them reload" in driver.title, timeout=10), driver.title
        finally:
            driver.quit()


def test_assets_are_served_with_their_types(guidegen, site_copy):
    """Fonts, video, WebAssembly and manifests under content/assets/ carry their own types, not
    application/octet-stream (which a browser will not use as a font or play as a video)."""
    project = site_copy("basic")
    types = {"font.ttf": "font/ttf", "clip.mp4": "video/mp4", "app.wasm": "application/wasm",
             "site.webmanifest": "application/manifest+json", "photo.avif": "image/avif", "data.csv": "text/csv; charset=utf-8"}
    for name in types:
        (project / "content" / "assets" / name).parent.mkdir(parents=True, exist_ok=True)
        (project / "content" / "assets" / name).write_bytes(b"x")
    with serving(guidegen, project) as (_, port, _):
        for name, expected in types.items():
            status, headers, _ = fetch(port, f"/assets/{name}")
            assert (status, headers["content-type"]) == (200, expected), name
