#!/usr/bin/env python3
"""Helpers for bench/run.sh (standard library only).

    report.py time FILE [WALL_NS]             elapsed seconds, CPU seconds and peak RSS (KB) from `/usr/bin/time -v`
    report.py verify TOOL SIZE_DIR OUTPUT     exit 1 unless TOOL's output has every page of the corpus
    report.py summary RAW.tsv RESULTS.md      the results table (printed and written as Markdown)
"""

import json
import os
import statistics
import sys


def parse_time(path, wall_ns=None):
    wall = cpu = rss = None
    user = sys_ = 0.0
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            line = line.strip()
            if line.startswith("Elapsed (wall clock) time"):
                value = line.rsplit(": ", 1)[1]
                parts = [float(p) for p in value.split(":")]
                wall = 0.0
                for p in parts:
                    wall = wall * 60 + p
            elif line.startswith("User time (seconds)"):
                user = float(line.rsplit(": ", 1)[1])
            elif line.startswith("System time (seconds)"):
                sys_ = float(line.rsplit(": ", 1)[1])
            elif line.startswith("Maximum resident set size (kbytes)"):
                rss = int(line.rsplit(": ", 1)[1])
            elif line.startswith("Exit status"):
                status = int(line.rsplit(": ", 1)[1])
                if status != 0:
                    sys.exit(f"report.py: the timed command exited {status} (see {path})")
    if wall is None or rss is None:
        sys.exit(f"report.py: no /usr/bin/time -v report in {path}")
    cpu = user + sys_
    if wall_ns is not None:
        # /usr/bin/time prints wall time to 10 ms; the caller's nanosecond clock around the same command
        # (which adds only the fork of /usr/bin/time itself) is used instead.
        wall = int(wall_ns) / 1e9
    print(f"{wall:.3f}\t{cpu:.3f}\t{rss}")


def dir_bytes(path):
    total = 0
    for d, _, files in os.walk(path):
        for f in files:
            total += os.path.getsize(os.path.join(d, f))
    return total


def verify(tool, size_dir, output):
    """Every guide, section and home page must be in the output, non-empty. Prints bytes written."""
    with open(os.path.join(size_dir, "manifest.json")) as f:
        m = json.load(f)
    missing = []
    if tool in ("guidegen", "hugo"):
        langs = m["languages"] if tool == "guidegen" else m["hugo_languages"]
        expected = []
        for lang in langs:
            expected.append(os.path.join(output, lang, "index.html"))
            expected += [os.path.join(output, lang, s, "index.html") for s in m["sections"]]
            expected += [os.path.join(output, lang, s, g, "index.html") for s, g in m["guides"]]
        for path in expected:
            try:
                if os.path.getsize(path) == 0:
                    missing.append(path + " (empty)")
            except OSError:
                missing.append(path)
        found = len(expected) - len(missing)
        written = dir_bytes(output)
    elif tool == "cmark-gfm":
        # One HTML stream for all pages; each page opens with `# <title>`, so count the <h1>s.
        expected = [None] * (m["flat_pages_per_language"] * len(m["languages"]))
        with open(output, "rb") as f:
            data = f.read()
        found = data.count(b"<h1>")
        if found != len(expected):
            missing.append(f"{len(expected) - found} pages (found {found} <h1> of {len(expected)})")
        written = len(data)
    elif tool == "guidegen-lint":
        with open(output, encoding="utf-8") as f:
            text = f.read()
        if "0 errors," not in text:
            missing.append("lint did not report a clean site: " + text.strip().splitlines()[-1] if text.strip() else "no output")
        expected = [None]
        found = 1
        written = 0
    else:
        sys.exit(f"report.py: unknown tool {tool}")
    if missing:
        print(f"report.py: {tool} output {output} lacks {len(missing)} of {len(expected)} pages, e.g. "
              + ", ".join(missing[:3]), file=sys.stderr)
        sys.exit(1)
    print(written)


def fmt_s(x):
    return f"{x:.3f}" if x < 1 else f"{x:.2f}" if x < 100 else f"{x:.0f}"


def summary(raw, out_md):
    rows = {}
    meta = {}
    with open(raw, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                key, _, value = line[1:].strip().partition("=")
                meta[key.strip()] = value.strip()
                continue
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 7:
                continue
            tool, size, run, wall, cpu, rss, written = parts[:7]
            load = float(parts[7]) if len(parts) > 7 else 0.0
            rows.setdefault((tool, int(size)), []).append((float(wall), float(cpu), int(rss), int(written), load))

    order = {"guidegen": 0, "hugo": 1, "cmark-gfm": 2, "guidegen-lint": 3}
    sizes = sorted({s for _, s in rows})
    med = {}
    lines = ["| tool | pages | runs | median s | min–max s | pages/s | CPU s (median) | peak RSS MB | output MB | load before |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for key in sorted(rows, key=lambda k: (k[1], order.get(k[0], 9))):
        tool, size = key
        runs = rows[key]
        walls = [r[0] for r in runs]
        m = statistics.median(walls)
        med[key] = m
        cpu = statistics.median(r[1] for r in runs)
        rss = max(r[2] for r in runs) / 1024
        written = max(r[3] for r in runs) / 1e6
        rate = size / m if m > 0 else float("inf")
        load = f"{max(r[4] for r in runs):.1f}"
        lines.append(f"| {tool} | {size:,} | {len(runs)} | {fmt_s(m)} | {fmt_s(min(walls))}–{fmt_s(max(walls))} | "
                     f"{rate:,.0f} | {fmt_s(cpu)} | {rss:,.0f} | {written:,.0f} | {load} |" if tool != "guidegen-lint" else
                     f"| {tool} | {size:,} | {len(runs)} | {fmt_s(m)} | {fmt_s(min(walls))}–{fmt_s(max(walls))} | "
                     f"{rate:,.0f} | {fmt_s(cpu)} | {rss:,.0f} | – | {load} |")
    lines.append("")
    lines.append("| ratio of wall times (median unless noted) | " + " | ".join(f"{s:,} pages" for s in sizes) + " |")
    lines.append("|---|" + "---:|" * len(sizes))

    best = {k: min(r[0] for r in v) for k, v in rows.items()}

    def ratio(a, b, s, times=med):
        if (a, s) in times and (b, s) in times and times[(b, s)] > 0:
            return f"{times[(a, s)] / times[(b, s)]:.2f}×"
        return "–"
    lines.append("| guidegen / Hugo | " + " | ".join(ratio("guidegen", "hugo", s) for s in sizes) + " |")
    lines.append("| guidegen / cmark-gfm | " + " | ".join(ratio("guidegen", "cmark-gfm", s) for s in sizes) + " |")
    lines.append("| guidegen / Hugo, fastest runs | " + " | ".join(ratio("guidegen", "hugo", s, best) for s in sizes) + " |")
    lines.append("| guidegen / cmark-gfm, fastest runs | " + " | ".join(ratio("guidegen", "cmark-gfm", s, best) for s in sizes) + " |")
    lines.append("| guidegen lint / guidegen build | " + " | ".join(ratio("guidegen-lint", "guidegen", s) for s in sizes) + " |")
    if len(sizes) >= 2:
        lines.append("")
        for tool in ("guidegen", "hugo", "cmark-gfm", "guidegen-lint"):
            parts = []
            for a, b in zip(sizes, sizes[1:]):
                if (tool, a) in med and (tool, b) in med and med[(tool, a)] > 0:
                    parts.append(f"{b:,}/{a:,} pages: time ×{med[(tool, b)] / med[(tool, a)]:.1f} for ×{b / a:g} pages")
            if parts:
                lines.append(f"- scaling, {tool}: " + "; ".join(parts))
    text = "\n".join(lines)
    header = ["# guidegen benchmark results", ""]
    if meta:
        header += [f"- {k}: {v}" for k, v in meta.items()] + [""]
    with open(out_md, "w", encoding="utf-8") as f:
        f.write("\n".join(header) + "\n" + text + "\n")
    print(text)


def main():
    if len(sys.argv) >= 3 and sys.argv[1] == "time":
        parse_time(sys.argv[2], sys.argv[3] if len(sys.argv) > 3 else None)
    elif len(sys.argv) == 5 and sys.argv[1] == "verify":
        verify(sys.argv[2], sys.argv[3], sys.argv[4])
    elif len(sys.argv) == 4 and sys.argv[1] == "summary":
        summary(sys.argv[2], sys.argv[3])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
