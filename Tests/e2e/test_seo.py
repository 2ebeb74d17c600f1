"""SEO gate over built sites, as a crawler reads them: every page has one language, one <h1>, a title unique in
its language, a description, and (with base_url) a canonical URL and hreflang alternates that are absolute,
exist and point back; the sitemap lists exactly the canonical pages; robots.txt names the sitemap; the 404
page is not indexed; every internal link and anchor resolves. Run on the shipped site and on a site with a
missing translation (whose fallback copy must name its original as canonical and stay out of the sitemap)."""
import html.parser
import pathlib
import posixpath
import urllib.parse
import xml.etree.ElementTree as ET

import pytest

from conftest import REPO, run, write_files
from test_accessibility import FEATURE_SITE

BASE = "https://example.org/guide/"
LANGUAGES = {"zh-Hans", "en"}


class Page(html.parser.HTMLParser):
    """What a crawler takes from one page."""

    def __init__(self, text):
        super().__init__(convert_charrefs=True)
        self.lang, self.title, self.h1 = None, None, 0
        self.meta, self.links, self.alternates, self.ids, self.hrefs = {}, {}, {}, set(), []
        self._in_title = False
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"])
        if tag == "html":
            self.lang = a.get("lang")
        elif tag == "title" and self.title is None:
            self._in_title, self.title = True, ""
        elif tag == "h1":
            self.h1 += 1
        elif tag == "meta":
            key = a.get("name") or a.get("property")
            if key:
                self.meta[key] = a.get("content", "")
        elif tag == "link" and a.get("rel") == "alternate" and a.get("hreflang"):
            self.alternates[a["hreflang"]] = a["href"]
        elif tag == "link" and a.get("rel"):
            self.links[a["rel"]] = a["href"]
        # Links a reader or browser follows (alternates and canonical are checked on their own).
        for attr in ("href", "src"):
            if a.get(attr) and (tag != "link" or a.get("rel") == "stylesheet"):
                self.hrefs.append(a[attr])

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False

    def handle_data(self, data):
        if self._in_title:
            self.title += data


def build(guidegen, content, out, *extra):
    code, _, err = run(guidegen, "build", "--content", str(content), "--templates", str(REPO / "site-templates"), "--output", str(out), *extra)
    assert code == 0, err
    return out


def url_to_file(out, url):
    """The output file a site URL (absolute under BASE) names, or None when it is outside the site."""
    if not url.startswith(BASE):
        return None
    path = urllib.parse.unquote(urllib.parse.urlsplit(url).path[len(urllib.parse.urlsplit(BASE).path):])
    target = out / path
    return target / "index.html" if path == "" or path.endswith("/") else target


def own_url(out, file):
    rel = file.relative_to(out).as_posix()
    rel = rel[: -len("index.html")] if rel.endswith("index.html") else rel
    return BASE + urllib.parse.quote(rel)


@pytest.fixture(scope="module")
def feature_content(tmp_path_factory):
    return write_files(tmp_path_factory.mktemp("seo-content"), FEATURE_SITE)


@pytest.mark.parametrize("site", ["shipped", "features"])
def test_pages_sitemap_and_robots_read_well_to_a_crawler(guidegen, tmp_path, feature_content, site):
    content = REPO / "content" if site == "shipped" else feature_content
    out = build(guidegen, content, tmp_path / "public", "--base-url", BASE)
    files = sorted(out.rglob("*.html"))
    pages = {f: Page(f.read_text(encoding="utf-8")) for f in files}
    problems = []
    titles = {}
    for file, page in pages.items():
        rel = file.relative_to(out).as_posix()
        if rel == "index.html":  # the language chooser: alternates only, and the x-default of the language homes
            assert set(page.alternates) == LANGUAGES | {"x-default"}, page.alternates
            assert page.alternates["x-default"] == BASE, page.alternates
            for lang, href in page.alternates.items():
                assert pages[url_to_file(out, href)].alternates.get("x-default") == BASE, (lang, href)
            continue
        if rel == "404.html":
            assert page.meta.get("robots") == "noindex" and "canonical" not in page.links and not page.alternates, rel
            continue
        if page.lang not in LANGUAGES:
            problems.append(f"{rel}: html lang {page.lang!r}")
        if page.h1 != 1:
            problems.append(f"{rel}: {page.h1} <h1> elements")
        if not (page.title or "").strip():
            problems.append(f"{rel}: empty <title>")
        titles.setdefault((page.lang, page.title), []).append(rel)
        if not page.meta.get("description", "").strip():
            problems.append(f"{rel}: no meta description")
        for key in ["og:title", "og:type", "og:site_name"]:
            if not page.meta.get(key):
                problems.append(f"{rel}: no {key}")
        canonical = page.links.get("canonical", "")
        if not canonical.startswith(BASE) or not url_to_file(out, canonical).is_file():
            problems.append(f"{rel}: canonical {canonical!r} is not a page of the site")
        if page.meta.get("og:url") != canonical:
            problems.append(f"{rel}: og:url {page.meta.get('og:url')!r} is not the canonical URL")
        if "robots" in page.meta:
            problems.append(f"{rel}: robots {page.meta['robots']!r}")
        # hreflang: absolute, existing, one per language plus x-default, and each alternate names this page back.
        if canonical == own_url(out, file):
            if "x-default" not in page.alternates or page.lang not in page.alternates:
                problems.append(f"{rel}: alternates {sorted(page.alternates)} lack x-default or its own language")
            for lang, href in page.alternates.items():
                target = url_to_file(out, href)
                if target is None or not target.is_file():
                    problems.append(f"{rel}: hreflang {lang} → {href} is not a page of the site")
                elif lang != "x-default" and pages[target].alternates.get(page.lang) != canonical:
                    problems.append(f"{rel}: hreflang {lang} → {href} does not name this page back")
                elif pages[target].alternates.get("x-default") != page.alternates.get("x-default"):
                    # One cluster, one x-default: the language homes named themselves while the chooser named the root.
                    problems.append(f"{rel}: x-default {page.alternates.get('x-default')} but {href} says {pages[target].alternates.get('x-default')}")
    for (lang, title), where in titles.items():
        if len(where) > 1:
            problems.append(f"title {title!r} ({lang}) on {len(where)} pages: {where[:3]}")
    assert not problems, "\n".join(problems)

    # The sitemap lists each canonical page once (so no fallback copy and no 404), and only pages that exist.
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locs = [e.text for e in ET.parse(out / "sitemap.xml").getroot().findall("s:url/s:loc", ns)]
    assert len(locs) == len(set(locs)), "a URL listed twice"
    canonical_pages = {
        own_url(out, f) for f, p in pages.items() if f.name == "index.html" and f != out / "index.html" and p.links.get("canonical") == own_url(out, f)
    }
    assert set(locs) == canonical_pages, (sorted(set(locs) - canonical_pages)[:5], sorted(canonical_pages - set(locs))[:5])
    assert (out / "robots.txt").read_text(encoding="utf-8").splitlines()[-1] == f"Sitemap: {BASE}sitemap.xml"

    if site == "features":
        # The missing English FAQ is a copy of the Chinese page: canonical is the original, not announced as English.
        copy = pages[out / "en" / "guides" / "questions" / "index.html"]
        assert copy.links["canonical"] == BASE + "zh-Hans/guides/questions/"
        assert "en" not in copy.alternates


@pytest.mark.parametrize("base_url", [None, BASE])
def test_every_internal_link_and_anchor_resolves(guidegen, tmp_path, feature_content, base_url):
    extra = ["--base-url", base_url] if base_url else []
    problems = []
    for name, content in [("shipped", REPO / "content"), ("features", feature_content)]:
        out = build(guidegen, content, tmp_path / name, *extra)
        pages = {}
        for file in sorted(out.rglob("*.html")):
            pages[file] = Page(file.read_text(encoding="utf-8"))
        for file, page in pages.items():
            rel = file.relative_to(out).as_posix()
            if rel == "404.html" and not base_url:
                continue  # served from any depth: its links are root-absolute by design
            for href in page.hrefs:
                parts = urllib.parse.urlsplit(href)
                if parts.scheme in ("http", "https") and not href.startswith(BASE) or parts.scheme in ("mailto", "data"):
                    continue
                if href.startswith(BASE):
                    target = url_to_file(out, href.split("#")[0])
                elif parts.path == "":
                    target = file
                else:
                    joined = posixpath.normpath(posixpath.join(posixpath.dirname(rel), urllib.parse.unquote(parts.path)))
                    target = out / joined
                    if href.split("#")[0].endswith("/"):
                        target = target / "index.html"
                if target.is_dir():
                    target = target / "index.html"
                if not target.exists():
                    problems.append(f"{name}/{rel}: {href} → nothing")
                elif parts.fragment and target.suffix == ".html":
                    ids = pages[target].ids if target in pages else Page(target.read_text(encoding="utf-8")).ids
                    if urllib.parse.unquote(parts.fragment) not in ids:
                        problems.append(f"{name}/{rel}: {href} → no #{parts.fragment}")
    assert not problems, "\n".join(problems[:40])
