"""What a reader sees: the shipped site in headless Chromium from file://, at desktop and phone widths,
light and dark. Screenshots land in Tests/browser/screenshots/ for a person to look at."""
import pathlib
import shutil

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
