"""What a reader sees: the shipped site in headless Chromium from file://, at desktop and phone widths,
light and dark. Screenshots land in Tests/browser/screenshots/ for a person to look at."""
import pathlib
import re
import shutil
import time

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

from conftest import REPO, run

SHOTS = REPO / "Tests" / "browser" / "screenshots"


@pytest.fixture(scope="module")
def built_site(guidegen, tmp_path_factory):
    out = tmp_path_factory.mktemp("site") / "public"
    code, _, err = run(guidegen, "build", "--content", str(REPO / "content"), "--templates", str(REPO / "site-templates"), "--output", str(out))
    assert code == 0, err
    return out


def browser(width, height, dark=False):
    options = webdriver.ChromeOptions()
    for arg in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", f"--window-size={width},{height}", "--hide-scrollbars"]:
        options.add_argument(arg)
    if dark:
        options.add_argument("--force-dark-mode")
        options.add_argument("--blink-settings=preferredColorScheme=0")
    chromium = shutil.which("chromium")
    if chromium:
        options.binary_location = chromium
    driver = shutil.which("chromedriver") or "/usr/bin/chromedriver"
    d = webdriver.Chrome(service=Service(driver), options=options)
    # Headless windows have a minimum width; emulate the exact viewport (a 360 px phone included).
    d.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600})
    if dark:
        d.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": "dark"}]})
    return d


@pytest.fixture(scope="module")
def desktop():
    d = browser(1280, 900)
    yield d
    d.quit()


def test_root_sends_reader_to_a_language_and_switcher_keeps_the_page(built_site, desktop):
    desktop.get((built_site / "index.html").as_uri())
    desktop.implicitly_wait(3)
    assert "/zh-Hans/" in desktop.current_url or "/en/" in desktop.current_url
    page = next(p for p in sorted((built_site / "zh-Hans").rglob("index.html")) if p.parent.parent.name not in ("zh-Hans",) and len(p.relative_to(built_site).parts) == 4)
    desktop.get(page.as_uri())
    assert desktop.find_element(By.TAG_NAME, "html").get_attribute("lang") == "zh-Hans"
    h1 = desktop.find_element(By.TAG_NAME, "h1").text
    assert h1
    desktop.find_element(By.CSS_SELECTOR, ".lang-switch a[hreflang='en']").click()
    assert desktop.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en"
    assert desktop.current_url.endswith(str(page.relative_to(built_site / "zh-Hans")).replace("\\", "/"))
    # A sidebar link leads to another page that renders with the theme's stylesheet applied.
    link = desktop.find_elements(By.CSS_SELECTOR, ".sidebar .nav ul a:not([aria-current])")[0]
    target_title = link.text
    link.click()
    assert desktop.find_element(By.TAG_NAME, "h1").text == target_title
    assert desktop.find_element(By.CSS_SELECTOR, ".site-header").value_of_css_property("position") == "sticky"


@pytest.mark.parametrize("languages,accept,expected", [
    ("zh-Hans zh-Hant en", "zh-Hant-TW,en", "zh-Hant"), ("zh-Hans zh-Hant en", "zh-TW", "zh-Hant"),
    ("zh-Hans zh-Hant en", "zh-HK,zh", "zh-Hant"), ("zh-Hans zh-Hant en", "zh-Hans-CN", "zh-Hans"),
    ("zh-Hans zh-Hant en", "zh-CN,en", "zh-Hans"), ("zh-Hans zh-Hant en", "en-GB,zh", "en"),
    ("zh-Hans zh-Hant en", "fr-FR,de", "zh-Hans"),
    # Traditional Chinese under a regional name: zh-TW must not fall back to Simplified.
    ("zh-Hans zh-Hant-TW zh-Hant-HK en", "zh-TW", "zh-Hant-TW"), ("zh-Hans zh-Hant-TW zh-Hant-HK en", "zh-HK", "zh-Hant-HK"),
    ("zh-Hans zh-Hant-TW zh-Hant-HK en", "zh-Hant", "zh-Hant-TW"), ("zh-Hans zh-Hant-TW zh-Hant-HK en", "zh-SG", "zh-Hans"),
])
def test_root_picks_the_readers_language_by_script(guidegen, tmp_path, desktop, languages, accept, expected):
    content = tmp_path / "content"
    (content / "s").mkdir(parents=True)
    langs = languages.split()
    (content / "guidegen.yaml").write_text(
        "title: {" + ", ".join(f"{l}: 指南" for l in langs) + "}\nlanguages: [" + ", ".join(langs) + "]\n")
    for lang in langs:
        (content / "s" / f"p.{lang}.md").write_text(f"---\ntitle: {lang}\ntype: article\n---\nText.\n")
    out = tmp_path / "public"
    code, _, err = run(guidegen, "build", "--content", str(content), "--templates", str(REPO / "site-templates"), "--output", str(out))
    assert code == 0, err
    agent = desktop.execute_script("return navigator.userAgent")
    desktop.execute_cdp_cmd("Network.setUserAgentOverride", {"userAgent": agent, "acceptLanguage": accept})
    try:
        desktop.get((out / "index.html").as_uri())
        assert desktop.execute_script("return navigator.languages")[0] == accept.split(",")[0]
        desktop.implicitly_wait(3)
        assert desktop.find_element(By.TAG_NAME, "html").get_attribute("lang") == expected
    finally:
        desktop.execute_cdp_cmd("Network.setUserAgentOverride", {"userAgent": agent})


@pytest.mark.parametrize("width,height,dark", [(1280, 900, False), (1280, 900, True), (360, 780, False), (360, 780, True)])
def test_screenshots_both_languages(built_site, width, height, dark):
    SHOTS.mkdir(parents=True, exist_ok=True)
    d = browser(width, height, dark)
    try:
        pages = {
            "home": "index.html",
            "policy": next(str(p.relative_to(built_site / "en")) for p in sorted((built_site / "en" / "policies").rglob("index.html")) if p.parent.name != "policies"),
        }
        flows = built_site / "en" / "flows"
        if flows.exists():
            pages["flow"] = next(str(p.relative_to(built_site / "en")) for p in sorted(flows.rglob("index.html")) if p.parent.name != "flows")
        for lang in ["zh-Hans", "en"]:
            for name, rel in pages.items():
                d.get((built_site / lang / rel).as_uri())
                body_width = d.execute_script("return document.documentElement.scrollWidth")
                assert d.execute_script("return window.innerWidth") == width
                assert body_width <= width + 1, f"{lang}/{rel} overflows horizontally at {width}px ({body_width}px)"
                mode = "dark" if dark else "light"
                d.save_screenshot(str(SHOTS / f"{name}-{lang}-{width}-{mode}.png"))
    finally:
        d.quit()


def test_search_finds_pages_offline_in_both_languages(built_site, desktop):
    from urllib.parse import unquote, urlparse

    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import WebDriverWait

    def results():
        return desktop.find_elements(By.CSS_SELECTOR, ".search__results a")

    def read(what):
        """`what()` over the results, again if the list was redrawn meanwhile (a late keystroke's update)."""
        from selenium.common.exceptions import StaleElementReferenceException
        for _ in range(10):
            try:
                return what()
            except StaleElementReferenceException:
                time.sleep(0.2)
        return what()

    def search(query):
        box = desktop.find_element(By.CSS_SELECTOR, ".search__input")
        box.clear()
        box.send_keys(query)
        # Until the results on show are this query's, not those of a previous one or of its first letters.
        form = desktop.find_element(By.CSS_SELECTOR, "form.search")
        WebDriverWait(desktop, 15).until(lambda d: form.get_attribute("data-searched") == query.strip())
        return box

    desktop.get((built_site / "zh-Hans" / "policies" / "claim-windows" / "index.html").as_uri())
    # search.js shows the box (it is hidden in the HTML: without JavaScript it could not search).
    assert desktop.find_element(By.CSS_SELECTOR, "form.search").is_displayed()
    box = search("退货运费")
    status = desktop.find_element(By.CSS_SELECTOR, ".search__status").text
    assert status.startswith("找到 ") and status.endswith(" 条结果"), status
    # Screen readers hear the count from a live region outside the panel (one inside it was hidden until now).
    live = desktop.find_element(By.CSS_SELECTOR, "form.search > .search__live")
    assert live.get_attribute("role") == "status" and live.get_attribute("textContent") == status
    first = results()[0]
    assert "退货运费" in first.find_element(By.CSS_SELECTOR, ".search__title").text
    assert first.find_elements(By.TAG_NAME, "mark"), "the matched words are marked"
    # Every result is a page that exists, in the reader's language.
    for link in results():
        path = pathlib.Path(unquote(urlparse(link.get_attribute("href")).path))
        assert path.is_file(), path
        assert "/zh-Hans/" in str(path)
    # Rule values read `7 天` on the pages: 7天 and 七天 find them too, and punctuation is no part of a word.
    def hrefs(query):
        search(query)
        return read(lambda: [link.get_attribute("href") for link in results()])

    spaced = hrefs("7 天")
    assert spaced and hrefs("7天") == spaced and hrefs("七天") == spaced
    assert hrefs("退货？") == hrefs("退货")
    # Enter opens the best match.
    box = search("退货运费")
    target = results()[0].get_attribute("href")
    box.send_keys(Keys.ENTER)
    WebDriverWait(desktop, 15).until(lambda d: d.current_url == target)

    desktop.get((built_site / "en" / "index.html").as_uri())
    # Words in any order and case; the page whose title holds both is among the first results.
    search("SHIPPING return")
    titles = read(lambda: [link.find_element(By.CSS_SELECTOR, ".search__title").text for link in results()])
    assert "Who pays return shipping" in titles[:3], titles
    # A snippet cut from a page's text starts and ends at a word's edge, not inside one.
    import json
    script = (built_site / "en" / "search-index.js").read_text(encoding="utf-8")
    bodies = [e[5] for e in json.loads(script[script.index("= [") + 2:script.rindex("]") + 1])]
    snippets = read(lambda: [el.text for el in desktop.find_elements(By.CSS_SELECTOR, ".search__results .search__snippet")])
    cuts = []
    for text in snippets:
        if not text.startswith("\u2026"):
            continue
        inner = text[1:].removesuffix("\u2026")
        for body in bodies:
            at = body.find(inner)
            if at >= 0:
                cuts.append((body[at - 1] if at > 0 else "", inner[0], inner[-1], body[at + len(inner):at + len(inner) + 1]))
    assert cuts, "some snippets are cut from the text"
    letter = re.compile(r"[A-Za-z0-9]")
    for before, first, last, after in cuts:
        assert not (letter.match(before or " ") and letter.match(first)), (before, first)
        assert not (letter.match(last) and letter.match(after or " ")), (last, after)
    # A quoted phrase, a plural and a past tense find what their words find.
    assert hrefs('"return shipping"') == hrefs("return shipping")
    # (The longer query first: typing "refunds" passes through "refund", which the wait would take as done.)
    plural = hrefs("refunds")
    assert plural and set(hrefs("refund")) <= set(plural)
    # Full-width letters are folded: ＴＡＯＢＡＯ finds Taobao.
    search("ＴＡＯＢＡＯ")
    assert results()
    box = search("zzqxjv")
    assert desktop.find_element(By.CSS_SELECTOR, ".search__status").text == "Nothing matches. Try fewer or other words."
    assert not results()
    box.send_keys(Keys.ESCAPE)
    assert not desktop.find_element(By.CSS_SELECTOR, ".search__panel").is_displayed()


def test_a_rule_tables_title_stays_in_view_while_it_scrolls_sideways(built_site):
    """On a phone a wide rule table scrolls in its frame; its caption is as wide as the table and scrolled
    away with the columns, leaving a cut-off title over the values."""
    d = browser(360, 780)
    try:
        d.get((built_site / "en" / "policies" / "claim-windows" / "index.html").as_uri())
        checked = d.execute_script("""
            const out = [];
            for (const frame of document.querySelectorAll('.rule-table .table-scroll')) {
                if (frame.scrollWidth <= frame.clientWidth + 1) continue;
                frame.scrollLeft = frame.scrollWidth;
                const f = frame.getBoundingClientRect();
                const t = frame.querySelector('caption .rule-table__title').getBoundingClientRect();
                out.push([Math.round(t.left - f.left), Math.round(window.innerWidth - t.right), frame.scrollLeft]);
            }
            return out;
        """)
    finally:
        d.quit()
    # At least one table is wider than the phone (else this proves nothing), and every title is in view.
    assert checked and all(scrolled > 0 for _, _, scrolled in checked), checked
    assert all(left >= -1 and right >= -1 for left, right, _ in checked), checked


def flow_site(guidegen, tmp_path, mermaid):
    """A one-language site of one flow page (no headings, so no table of contents), built with the theme."""
    content = tmp_path / "content"
    (content / "s").mkdir(parents=True)
    (content / "guidegen.yaml").write_text("title: {en: Guide}\nlanguages: [en]\n")
    (content / "s" / "f.en.md").write_text("---\ntitle: F\ntype: flow\n---\n\n```mermaid\n" + mermaid + "\n```\n")
    out = tmp_path / "public"
    code, _, err = run(guidegen, "build", "--content", str(content), "--templates", str(REPO / "site-templates"), "--output", str(out))
    assert code == 0, err
    return (out / "en" / "s" / "f" / "index.html").as_uri()


WIDE_RL = """flowchart RL
  a([Request an exchange at the order page]) --> b[Send the original item back] --> c[The seller inspects the item]
  c --> d[The seller ships a new item] --> e((New item delivered))
  c -- Fails inspection --> a"""


def test_a_right_to_left_flow_opens_at_its_start(guidegen, tmp_path):
    """A flow wider than a phone scrolls; a right-to-left one opened scrolled to its end, its first step out of view."""
    url = flow_site(guidegen, tmp_path, WIDE_RL)
    d = browser(360, 780)
    try:
        d.get(url)
        box = d.execute_script("""
            const frame = document.querySelector('.flowchart__figure');
            const f = frame.getBoundingClientRect();
            const start = [...frame.querySelectorAll('text')].find(t => t.textContent.includes('Request'));
            const s = start.getBoundingClientRect();
            return [frame.scrollWidth > frame.clientWidth + 1, Math.round(s.left - f.left), Math.round(f.right - s.right)];
        """)
    finally:
        d.quit()
    scrolls, left, right = box
    assert scrolls, box  # wider than the phone, or this proves nothing
    assert left >= 0 and right >= 0, box


def test_a_wide_flow_uses_the_column_a_page_without_contents_leaves(guidegen, tmp_path):
    """Flows were held to the prose's 46rem beside an empty contents column, so a wide one shrank to 70 %."""
    url = flow_site(guidegen, tmp_path, WIDE_RL.replace("flowchart RL", "flowchart LR"))
    d = browser(1280, 900)
    try:
        d.get(url)
        natural, shown, prose, room, scrolls = d.execute_script("""
            const frame = document.querySelector('.flowchart__figure');
            const svg = frame.querySelector('svg');
            const rem = parseFloat(getComputedStyle(document.documentElement).fontSize);
            return [parseFloat(frame.style.getPropertyValue('--flow-width')), svg.getBoundingClientRect().width,
                    rem * 46, document.querySelector('.flowchart').getBoundingClientRect().width - 2 * rem - 2,
                    frame.scrollWidth > frame.clientWidth + 1];
        """)
    finally:
        d.quit()
    assert natural > prose, (natural, prose)  # wider than the prose measure, or this proves nothing
    # As large as it is drawn, or as the whole column allows, without scrolling.
    assert not scrolls and shown >= min(natural, room) - 1 and shown > prose, (natural, shown, room, scrolls)


def test_a_flow_that_scrolls_on_a_phone_says_so_there(guidegen, tmp_path):
    """On a phone a wide flow showed a fragment with only faint edge shadows to say there was more."""
    url = flow_site(guidegen, tmp_path, WIDE_RL.replace("flowchart RL", "flowchart LR"))
    shown = {}
    for width in (360, 1280):
        d = browser(width, 800)
        try:
            d.get(url)
            shown[width] = d.execute_script("""
                const hint = document.querySelector('.flowchart__hint');
                const frame = document.querySelector('.flowchart__figure');
                return [hint !== null && hint.offsetHeight > 0, frame.scrollWidth > frame.clientWidth + 1];
            """)
        finally:
            d.quit()
    assert shown[360] == [True, True], shown  # it scrolls there, and says so
    assert shown[1280] == [False, False], shown
