"""Accessibility gate: axe-core (the engine behind Lighthouse's and Deque's audits) over every page of the shipped
site and of a site using every reader-facing feature, served over HTTP (the 404 page's links are root-absolute),
in light and dark, at desktop and phone widths, plus the open search panel. Any WCAG 2.2 A/AA or best-practice
violation fails the test with the rule, the page and the element.

axe-core comes from the `selenium-axe-python` package (scripts/install-deps.sh --test installs it)."""
import functools
import http.server
import pathlib
import threading

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import REPO, run, write_files
from test_browser import browser

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]

# A page per feature a reader meets: callouts, footnotes, task lists, code, GFM and rule tables, a flow, FAQ
# questions, tags and platforms, sources, a draft left out, a missing translation (the fallback notice) and an
# outdated one (the "original was updated" notice).
FEATURE_SITE = {
    "guidegen.yaml": """title: {zh-Hans: 无障碍检查, en: Accessibility check}
languages: [zh-Hans, en]
platforms:
  taobao: {zh-Hans: 淘宝, en: Taobao}
""",
    "rules/windows.yaml": """title: {zh-Hans: 售后期限, en: After-sales windows}
changed: 2026-11-01
columns:
  window: {type: duration, title: {zh-Hans: 期限, en: Window}}
  paid:   {type: boolean, title: {zh-Hans: 卖家承担运费, en: Seller pays shipping}}
rows:
  general:
    label: {zh-Hans: 一般商品, en: Ordinary goods}
    terms: {zh-Hans: [售后期], en: [after-sales window]}
    window: 15 days
    paid: true
""",
    "guides/everything.zh-Hans.md": """---
title: 功能一览
type: policy
summary: 每种写法各一例。
platforms: [taobao]
rules: [windows]
reviewed: 2026-11-20
tags: [示例]
sources:
  - {title: 淘宝规则, url: "https://rule.taobao.com/"}
---
售后期是{{rule windows.general.window}}[^1]。

> [!WARNING]
> 过了售后期就不能在订单页申请了。

- [x] 保留包装
- [ ] 拍照

| 项目 | 说明 |
|---|---|
| 期限 | {{rule windows.general.window}} |

{{table windows}}

```text
订单号 1234567890 1234567890 1234567890 1234567890 1234567890 1234567890
```

```mermaid
flowchart LR
  start([收到商品]) --> ok{"在售后期内?"}
  ok -->|是| apply[申请售后]
  ok -->|否| talk[联系卖家]
```

[^1]: 从交易成功算起。
""",
    "guides/everything.en.md": """---
title: Every feature
type: policy
summary: One example of each way to write.
platforms: [taobao]
rules: [windows]
reviewed: 2026-11-20
tags: [example]
translation_of: 0000000
sources:
  - {title: Taobao rules, url: "https://rule.taobao.com/"}
---
The after-sales window is {{rule windows.general.window}}[^1].

> [!WARNING]
> After the after-sales window you can no longer apply on the order page.

- [x] Keep the packaging
- [ ] Take photos

| Item | Detail |
|---|---|
| Window | {{rule windows.general.window}} |

{{table windows}}

```text
order 1234567890 1234567890 1234567890 1234567890 1234567890 1234567890
```

```mermaid
flowchart LR
  start([Goods received]) --> ok{"Within the after-sales window?"}
  ok -->|yes| apply[Apply for after-sales]
  ok -->|no| talk[Contact the seller]
```

[^1]: Counted from trade success.
""",
    "guides/questions.zh-Hans.md": """---
title: 常见问题
type: faq
---
## 售后期从哪天算？

从交易成功算起。

## 运费谁出？

看情况。
""",
    "guides/_index.zh-Hans.md": """---
title: 指南
type: article
---
这一栏的页面。
""",
    "guides/draft.zh-Hans.md": """---
title: 草稿
type: article
draft: true
---
不发布。
""",
}


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def sites(guidegen, tmp_path_factory):
    """Builds both sites and serves each on a localhost port; yields {name: (folder, base URL)}."""
    feature_content = write_files(tmp_path_factory.mktemp("a11y-content"), FEATURE_SITE)
    servers, served = [], {}
    for name, content in [("shipped", REPO / "content"), ("features", feature_content)]:
        out = tmp_path_factory.mktemp(f"a11y-{name}") / "public"
        code, _, err = run(guidegen, "build", "--content", str(content), "--templates", str(REPO / "site-templates"), "--output", str(out))
        assert code == 0, err
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(out)))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        served[name] = (out, f"http://127.0.0.1:{server.server_address[1]}/")
    # The feature site must really show what it is here to check.
    features = served["features"][0]
    fallback = (features / "en" / "guides" / "questions" / "index.html").read_text(encoding="utf-8")
    assert 'lang="zh-Hans"' in fallback, "the missing English FAQ is served in Chinese with a notice"
    assert "<svg" in (features / "en" / "guides" / "everything" / "index.html").read_text(encoding="utf-8")
    yield served
    for server in servers:
        server.shutdown()


@functools.lru_cache(maxsize=1)
def axe_source():
    try:
        import selenium_axe_python
    except ImportError:
        pytest.fail("axe-core is missing: run `bash scripts/install-deps.sh --test` (pip package selenium-axe-python)")
    return (pathlib.Path(selenium_axe_python.__file__).parent / "axe-core" / "axe.min.js").read_text(encoding="utf-8")


def violations(driver):
    """axe's violations on the page on show, as readable lines."""
    driver.execute_script(axe_source())
    found = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}})"
        ".then(r => done(r.violations.map(v => ({id: v.id, help: v.help,"
        " nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ') + ': ' + n.failureSummary.split('\\n').slice(1, 2).join('').trim())}))))"
        ".catch(e => done([{id: 'axe-error', help: String(e), nodes: []}]));",
        TAGS,
    )
    return [f"{v['id']} ({v['help']}): " + "; ".join(v["nodes"]) for v in found]


def pages(folder):
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*.html"))


@pytest.mark.parametrize("width,height,dark", [(1280, 900, False), (1280, 900, True), (360, 780, False), (360, 780, True)])
def test_every_page_passes_axe(sites, width, height, dark):
    driver = browser(width, height, dark)
    driver.set_script_timeout(60)
    problems = []
    try:
        for name, (folder, base) in sites.items():
            listed = pages(folder)
            assert len(listed) > (50 if name == "shipped" else 10), listed
            for rel in listed:
                driver.get(base + rel)
                problems += [f"{name}/{rel}: {line}" for line in violations(driver)]
    finally:
        driver.quit()
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("dark", [False, True])
def test_open_search_panel_passes_axe(sites, dark):
    folder, base = sites["shipped"]
    driver = browser(1280, 900, dark)
    driver.set_script_timeout(60)
    try:
        for lang, query in [("zh-Hans", "退货"), ("en", "return")]:
            driver.get(f"{base}{lang}/index.html")
            box = driver.find_element(By.CSS_SELECTOR, ".search__input")
            box.send_keys(query)
            form = driver.find_element(By.CSS_SELECTOR, "form.search")
            WebDriverWait(driver, 15).until(lambda d: form.get_attribute("data-searched") == query)
            assert driver.find_elements(By.CSS_SELECTOR, ".search__results a"), "the query finds pages"
            found = violations(driver)
            assert not found, f"{lang} search panel:\n" + "\n".join(found)
    finally:
        driver.quit()
