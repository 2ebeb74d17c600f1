"""Output safety and transactional builds: an XSS corpus, determinism across environments, kill -9."""
import os
import random
import re
import shutil
import signal
import subprocess
import time
from html.parser import HTMLParser

from conftest import REPO, run, tree

PAYLOADS = [
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<svg onload=alert(1)>", "<iframe src=javascript:alert(1)>",
    "<a href=\"javascript:alert(1)\">x</a>", "<body onload=alert(1)>", "<details open ontoggle=alert(1)>", "<math><mi xlink:href=javascript:alert(1)>",
    "\"><script>alert(1)</script>", "'><img src=x onerror=alert(1)>", "</title><script>alert(1)</script>", "</textarea><script>alert(1)</script>",
    "<style>@import 'javascript:alert(1)'</style>", "<object data=javascript:alert(1)>", "<embed src=javascript:alert(1)>", "<form action=javascript:alert(1)><button>x",
    "<input autofocus onfocus=alert(1)>", "<video><source onerror=alert(1)>", "<marquee onstart=alert(1)>", "<base href=javascript:alert(1)//>",
    "<meta http-equiv=refresh content=0;url=javascript:alert(1)>", "<link rel=import href=data:text/html,x>", "<div style=\"background:url(javascript:alert(1))\">",
    "<scr<script>ipt>alert(1)</script>", "<SCRIPT SRC=//evil/x.js></SCRIPT>", "<!--<script>alert(1)//-->", "<![CDATA[<script>alert(1)</script>]]>",
    "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">", "<template><script>alert(1)</script></template>", "<plaintext><script>",
    "{{{html}}}", "{{> partials/head}}", "&lt;script&gt;alert(1)&lt;/script&gt;", "javascript&colon;alert(1)", "<xmp><script>alert(1)</script></xmp>",
    "<isindex action=javascript:alert(1)>", "<keygen autofocus onfocus=alert(1)>", "<select onfocus=alert(1) autofocus>", "<table background=javascript:alert(1)>",
    "<a href=vbscript:msgbox(1)>x</a>", "<img src=\"data:text/html,<script>alert(1)</script>\">", "<svg><animate onbegin=alert(1) attributeName=x>",
    "<audio src=x onerror=alert(1)>", "<body/onload=alert(1)>", "<img/src/onerror=alert(1)>", "<x onclick=alert(1)>click", "<a href=\"  javascript:alert(1)\">",
    "<a href=\"java\tscript:alert(1)\">", "<a href=\"JaVaScRiPt:alert(1)\">", "<iframe srcdoc=\"<script>alert(1)</script>\">",
]
URLS = ["javascript:alert(1)", "JAVASCRIPT:alert(1)", "vbscript:msgbox(1)", "data:text/html,<script>alert(1)</script>", "data:text/html;base64,PHNjcmlwdD4=", " javascript:alert(1)"]


class TagAudit(HTMLParser):
    """Walks the real tags of a page (not escaped text) and records anything executable."""

    FORBIDDEN = {"iframe", "object", "embed", "base", "form", "textarea", "plaintext", "xmp", "template", "frame", "frameset",
                 "applet", "isindex", "keygen", "marquee", "math", "noscript", "audio", "video", "source", "input", "button",
                 "select", "img_onerror"}
    URL_ATTRS = {"href", "src", "action", "formaction", "data", "xlink:href", "background", "poster", "srcdoc"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems = []
        self.theme_search = []

    def theme_search_part(self, tag, attrs):
        """The default theme's own search box (one form, its input, its script), exactly as the theme writes them."""
        a = dict(attrs)
        if tag == "form" and a.get("class") == "search" and a.get("role") == "search" and "hidden" in a:
            return re.fullmatch(r"(\.\./)*|/", a.get("data-root") or "") is not None and (a.get("data-index") or "").endswith("search-index.js")
        if tag == "input":
            return a.get("id") == "search-input" and a.get("type") == "search" and set(a) <= {
                "id", "class", "type", "placeholder", "autocomplete", "spellcheck", "aria-controls"}
        if tag == "script":
            return re.fullmatch(r"(\.\./)*theme/search\.js|/theme/search\.js", a.get("src") or "") is not None and set(a) == {"src", "defer"}
        return False

    def handle_starttag(self, tag, attrs):
        if self.theme_search_part(tag, attrs):
            self.theme_search.append(tag)
            if self.theme_search.count(tag) > 1:
                self.problems.append(f"a second theme search <{tag}>")
            return
        if tag == "script":
            allowed = dict(attrs).get("type") == "application/ld+json" or dict(attrs).get("src") == "theme/choose-language.js"
            if not allowed:
                self.problems.append(f"<script {attrs}>")
        if tag in self.FORBIDDEN:
            self.problems.append(f"<{tag}>")
        if tag == "meta" and any(k == "http-equiv" for k, _ in attrs):
            # Only the theme's own root refresh to a language folder is allowed.
            content = dict(attrs).get("content") or ""
            if not re.fullmatch(r"\d+; url=[A-Za-z-]+/(index\.html)?", content):
                self.problems.append(f"<meta http-equiv content={content}>")
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}=>")
            if name == "style" and value and ("javascript" in value.lower() or "expression(" in value.lower()):
                self.problems.append(f"<{tag} style={value}>")
            if name in self.URL_ATTRS and value:
                v = re.sub(r"[\x00-\x20]", "", value).lower()
                if v.startswith(("javascript:", "vbscript:", "data:text/html", "file:")):
                    self.problems.append(f"<{tag} {name}={value}>")

    handle_startendtag = handle_starttag


def yaml_quote(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def xss_site(root):
    content = root / "content"
    (content / "s").mkdir(parents=True)
    (content / "rules").mkdir()
    label = yaml_quote(PAYLOADS[0])
    (content / "guidegen.yaml").write_text(f"title: {{zh-Hans: {label}, en: {yaml_quote(PAYLOADS[1])}}}\nlanguages: [zh-Hans, en]\nplatforms:\n  p: {{zh-Hans: {yaml_quote(PAYLOADS[2])}, en: {yaml_quote(PAYLOADS[3])}}}\n")
    (content / "rules" / "r.yaml").write_text(
        "title: {zh-Hans: " + yaml_quote(PAYLOADS[4]) + ", en: " + yaml_quote(PAYLOADS[5]) + "}\nchanged: 2026-11-01\n"
        "sources:\n  - {title: " + yaml_quote(PAYLOADS[6]) + ", url: \"https://x.example/\\\"><script>alert(1)</script>\"}\n"
        "columns:\n  t: {type: text, title: {zh-Hans: " + yaml_quote(PAYLOADS[7]) + ", en: " + yaml_quote(PAYLOADS[8]) + "}}\n"
        "rows:\n  a:\n    label: {zh-Hans: " + yaml_quote(PAYLOADS[9]) + ", en: " + yaml_quote(PAYLOADS[10]) + "}\n"
        "    t: {zh-Hans: " + yaml_quote(PAYLOADS[11]) + ", en: " + yaml_quote(PAYLOADS[12]) + "}\n")
    # `{{…}}` in prose is a rule reference (an error when unknown), so template-looking payloads go in front matter.
    body = "\n\n".join(p for p in PAYLOADS if "{{" not in p) + "\n\n" + "\n\n".join(f"[link {i}]({u}) ![img {i}]({u})" for i, u in enumerate(URLS))
    body += "\n\n{{rule r.a.t}}\n\n{{table r}}\n\n```mermaid\nflowchart TD\n"
    # Mermaid quoted labels cannot hold `"`; everything else of the payload goes in.
    body += "\n".join(f"  n{i}[\"{p.replace(chr(34), chr(39))}\"] --> n{i + 1}" for i, p in enumerate(PAYLOADS[:10])) + "\n```\n"
    for lang in ["zh-Hans", "en"]:
        (content / "s" / f"p.{lang}.md").write_text(
            f"---\ntitle: {yaml_quote(PAYLOADS[13])}\ntype: article\nsummary: {yaml_quote(PAYLOADS[14])}\nplatforms: [p]\ntags: [{yaml_quote(PAYLOADS[15])}, {yaml_quote(PAYLOADS[30])}, {yaml_quote(PAYLOADS[31])}]\n"
            f"sources:\n  - {{title: {yaml_quote(PAYLOADS[16])}, url: \"https://x.example/?q=<script>\"}}\n---\n" + body)
    return content


def test_xss_corpus_leaves_no_executable_content(guidegen, tmp_path):
    assert len(PAYLOADS) >= 50
    content = xss_site(tmp_path)
    out = tmp_path / "public"
    code, _, err = run(guidegen, "build", "--content", str(content), "--templates", str(REPO / "site-templates"), "--output", str(out))
    assert code == 0, err
    pages = {p: b.decode("utf-8") for p, b in tree(out).items() if p.endswith((".html", ".xml"))}
    assert any("alert(1)" in html for html in pages.values()), "the payloads should appear, escaped"
    for path, html in pages.items():
        audit = TagAudit()
        audit.feed(html)
        assert audit.problems == [], (path, audit.problems[:5])
    # The search indexes hold the payloads as JavaScript strings in which no `<` can start a tag.
    indexes = {p: b.decode("utf-8") for p, b in tree(out).items() if p.endswith("search-index.js")}
    assert sorted(indexes) == ["en/search-index.js", "zh-Hans/search-index.js"]
    for path, script in indexes.items():
        assert "alert" in script and "<" not in script.split("*/", 1)[1], path
        assert "\u2028" not in script and "\u2029" not in script, path


def test_builds_are_byte_identical_across_path_timezone_locale_and_threads(guidegen, tmp_path):
    a = tmp_path / "checkout-a"
    b = tmp_path / "deeper" / "checkout-b"
    for dest in (a, b):
        shutil.copytree(REPO / "content", dest / "content")
        shutil.copytree(REPO / "site-templates", dest / "site-templates")
    # A different file creation order in the second copy.
    for p in sorted((b / "content").rglob("*.md"), reverse=True):
        data = p.read_bytes()
        p.unlink()
        p.write_bytes(data)
    env = dict(os.environ, TZ="America/Los_Angeles", LANG="zh_CN.UTF-8", LC_ALL="C")
    subprocess.run([guidegen, "build", "--threads", "1"], cwd=a, check=True, capture_output=True)
    subprocess.run([guidegen, "build", "--threads", "4"], cwd=b, check=True, capture_output=True, env=env)
    assert tree(a / "public") == tree(b / "public")


def test_kill_9_at_random_points_leaves_previous_output(guidegen, tmp_path):
    project = tmp_path / "p"
    shutil.copytree(REPO / "content", project / "content")
    shutil.copytree(REPO / "site-templates", project / "site-templates")
    subprocess.run([guidegen, "build"], cwd=project, check=True, capture_output=True)
    before = tree(project / "public")
    # Make the next build different, so a half-written swap would show.
    page = next((project / "content" / "policies").glob("claim-windows.en.md"))
    page.write_text(page.read_text() + "\nAn added sentence.\n")
    rng = random.Random(7)
    for attempt in range(12):
        proc = subprocess.Popen([guidegen, "build"], cwd=project, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.0, 0.4))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        after = tree(project / "public") if (project / "public").exists() else None
        if after != before:
            # The only other acceptable state is the complete new build (the kill came after the swap),
            # or the swap was interrupted: the next run must put things right.
            subprocess.run([guidegen, "build"], cwd=project, check=True, capture_output=True)
            new = tree(project / "public")
            assert after is None or after == new, f"attempt {attempt}: a partial tree was left"
            page.write_text(page.read_text() + f"\nAttempt {attempt}.\n")
            before = new
    # The next successful run removes leftovers of killed runs.
    subprocess.run([guidegen, "build"], cwd=project, check=True, capture_output=True)
    assert not [p.name for p in project.iterdir() if p.name.startswith(".guidegen-")]


def _mount_tmpfs(path, size):
    path.mkdir(parents=True, exist_ok=True)
    return subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path)], capture_output=True).returncode == 0


def test_full_disk_and_template_failures_leave_previous_output(guidegen, tmp_path):
    """A disk that fills up mid-write, a read-only disk and a theme that stops parsing all leave the old
    site as it was."""
    import pytest
    disk = tmp_path / "disk"
    if not _mount_tmpfs(disk, "1m"):
        pytest.skip("cannot mount a small tmpfs here (needs root)")
    try:
        project = tmp_path / "p"
        shutil.copytree(REPO / "Tests" / "GuideGenTests" / "Fixtures" / "sites" / "basic" / "content", project / "content")
        shutil.copytree(REPO / "site-templates", project / "site-templates")
        out = disk / "public"
        code, _, err = run(guidegen, "build", "--output", str(out), cwd=project)
        assert code == 0, err
        before = tree(out)
        # Fill the disk, then change the site so the next build has to write everything again.
        filler = disk / "filler"
        with open(filler, "wb") as f:
            try:
                while True:
                    f.write(b"\0" * 65536)
            except OSError:
                pass
        page = project / "content" / "policies" / "windows.en.md"
        page.write_text(page.read_text() + "\nMore text.\n")
        code, _, err = run(guidegen, "build", "--output", str(out), cwd=project)
        assert code == 2, err
        assert tree(out) == before
        assert not [p.name for p in disk.iterdir() if p.name.startswith(".guidegen-")]
        filler.unlink()
        # A read-only file system (root ignores permission bits, so remount the disk read-only).
        if subprocess.run(["mount", "-o", "remount,ro", str(disk)], capture_output=True).returncode == 0:
            try:
                code, _, err = run(guidegen, "build", "--output", str(out), cwd=project)
                assert code == 2, err
                assert tree(out) == before
            finally:
                subprocess.run(["mount", "-o", "remount,rw", str(disk)], capture_output=True)
        # A template that no longer parses: an error, and the output stays.
        (project / "site-templates" / "page.mustache").write_text("{{#page}} unclosed")
        code, _, err = run(guidegen, "build", "--output", str(out), cwd=project)
        assert code == 1 and "error[template]" in err, err
        assert tree(out) == before
    finally:
        subprocess.run(["umount", str(disk)], capture_output=True)


def test_a_name_that_is_not_utf8_is_named_as_such_and_skipped(guidegen, site_copy):
    """Decoded, such a name (`bad\\xffname.en.md`) names no file: it was reported as "cannot read"."""
    project = site_copy("basic")
    content = os.fsencode(project / "content")
    with open(os.path.join(content, b"bad\xffname.en.md"), "wb") as f:
        f.write(b"---\ntitle: X\ntype: article\n---\nText.\n")
    os.mkdir(os.path.join(content, b"sec\xfe"))
    code, _, err = run(guidegen, "lint", cwd=project)
    assert code == 0, err
    assert "warning[bad-file-name]: this name is not valid UTF-8" in err and "rename it in UTF-8, e.g. `bad-name.en.md`" in err, err
    assert "cannot read" not in err
