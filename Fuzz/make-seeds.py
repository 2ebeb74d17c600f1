#!/usr/bin/env python3
"""Writes the seed corpus of every fuzz target from the repository's content and test fixtures.

Usage: make-seeds.py REPO_ROOT OUT_DIR   (OUT_DIR/<Target>/<name> files; OUT_DIR is emptied first)
"""
import hashlib
import pathlib
import re
import shutil
import sys

root = pathlib.Path(sys.argv[1])
out = pathlib.Path(sys.argv[2])
shutil.rmtree(out, ignore_errors=True)

MAX_LEN = 65536
counts = {}


def seed(target, data):
    if isinstance(data, str):
        data = data.encode("utf-8")
    if not data or len(data) > MAX_LEN:
        return
    folder = out / target
    folder.mkdir(parents=True, exist_ok=True)
    (folder / hashlib.sha1(data).hexdigest()).write_bytes(data)
    counts[target] = counts.get(target, 0) + 1


def pages():
    for base in [root / "content", root / "Tests/GuideGenTests/Fixtures/sites", root / "docs"]:
        yield from sorted(base.rglob("*.md"))


def body(text):
    """The Markdown after the front matter (the whole text when there is none)."""
    m = re.match(r"---[ \t]*\n.*?\n---[ \t]*\n", text, re.S)
    return text[m.end():] if m else text


def mermaid_blocks(text):
    return re.findall(r"^(`{3,}|~{3,})[ \t]*mermaid[^\n]*\n(.*?)^\1", text, re.S | re.M)


def swift_strings(path):
    """Multi-line and one-line string literals of a Swift test file, escapes resolved roughly."""
    text = path.read_text(encoding="utf-8", errors="replace")
    for m in re.finditer(r'"""\n(.*?)\n([ \t]*)"""', text, re.S):
        indent = m.group(2)
        lines = [line[len(indent):] if line.startswith(indent) else line.lstrip() for line in m.group(1).split("\n")]
        yield "\n".join(lines)
    for m in re.finditer(r'"((?:[^"\\\n]|\\.){4,})"', text):
        s = m.group(1)
        s = s.replace("\\n", "\n").replace("\\t", "\t").replace('\\"', '"').replace("\\\\", "\\")
        yield s


# Front matter + schema: whole page files, and configuration files wrapped as front matter.
for path in pages():
    seed("FuzzFrontMatter", path.read_bytes())
fixtures = [root / "content", root / "Tests/GuideGenTests/Fixtures"]
for path in sorted(p for base in fixtures for p in base.rglob("guidegen.yaml")):
    seed("FuzzFrontMatter", b"---\n" + path.read_bytes() + b"---\n")
seed("FuzzFrontMatter", "\ufeff---\r\ntitle: 标题\r\ntype: policy\r\nplatforms: [taobao, jd]\r\nreviewed: 2026-02-29\r\n---\r\nbody\r\n")
seed("FuzzFrontMatter", "---\ntitle: x\ntype: faq\nsources:\n  - {title: a, url: https://example.org/}\norder: 3\ndraft: false\n---\n")

# Rule tables.
for path in sorted(p for base in fixtures for p in base.rglob("rules/*.yaml")):
    seed("FuzzRuleTable", path.read_bytes())
bomb = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]\n" for i in range(1, 6)) + "title: {en: T}\n"
seed("FuzzRuleTable", bomb)

# Flows: mermaid blocks in pages, and flow sources in the flow tests.
for path in pages():
    for _, block in mermaid_blocks(path.read_text(encoding="utf-8", errors="replace")):
        seed("FuzzFlow", block)
for path in sorted((root / "Tests/GuideGenTests/Flows").glob("*.swift")):
    for s in swift_strings(path):
        if re.match(r"\s*(flowchart|graph)\b", s):
            seed("FuzzFlow", s)

# Claims: page bodies and paragraphs (first line: extra terms, empty here), and the claims tests' strings.
for path in pages():
    text = body(path.read_text(encoding="utf-8", errors="replace"))
    seed("FuzzClaims", "\n" + text)
    for paragraph in re.split(r"\n\s*\n", text):
        if len(paragraph) > 20 and not paragraph.lstrip().startswith(("```", "---", "|")):
            seed("FuzzClaims", "\n" + paragraph)
for path in sorted((root / "Tests/GuideGenTests/Claims").glob("*.swift")):
    for s in swift_strings(path):
        seed("FuzzClaims", "\n" + s)
seed("FuzzClaims", "售后期|after-sales window|Durable Goods\nThe after-sales window is 15 days; 三包耐用品售后期为一百八十天。e.g. 3 hours.")

# Markdown: page bodies, and the cmark-gfm spec and extension examples.
for path in pages():
    seed("FuzzMarkdown", body(path.read_text(encoding="utf-8", errors="replace")))
for spec in sorted((root / "Tests/GuideGenTests/Fixtures/cmark").glob("*.txt")):
    text = spec.read_text(encoding="utf-8", errors="replace")
    for m in re.finditer(r"^`{32} example[^\n]*\n(.*?)^\.\n", text, re.S | re.M):
        seed("FuzzMarkdown", m.group(1).replace("\u2192", "\t"))
seed("FuzzMarkdown", "> [!WARNING]\n> Careful <script>x</script>\n\n# A\n# A\n## A-1\n\nText[^1] and [l](javascript:alert(1)).\n\n[^1]: Note <b>x</b>\n")

for target in sorted(counts):
    print(f"{target}: {counts[target]} seeds")
