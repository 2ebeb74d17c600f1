#!/usr/bin/env python3
"""How many cores a build kept busy, slice by slice, and what ran in each slice.

    perf record -e cpu-clock -F 999 -g -o t.data -- guidegen build …
    perf script -i t.data -F tid,time,ip,sym | swift demangle --simplified | python3 bench/perf_timeline.py [SLICE_S] [HZ]

Prints one line per slice (default 0.02 s): the cores busy (samples ÷ the sampling rate, default 999 Hz)
and the three stages with the most samples, named by the first guidegen stage found on each sample's
stack. A slice well under 2 cores on this 2-core VM is a stretch where one thread works while the other
waits; those are what a parallel stage cannot hide.
"""
import collections
import re
import sys

STAGES = [
    "ContentReader.read", "PageValidator.validate", "SiteIndex.init", "BodyRenderer.render", "TranslationChecker",
    "RuleUsageChecker", "AnchorChecker", "Theme.load", "Sitemap", "SearchIndex", "renderPlatform", "renderTag",
    "renderPage", "SiteRenderer.render", "Navigation", "OutputStaging.commit", "removeTree", "SiteOptions.report", "Pipeline.run", "Build.run",
]


def main():
    slice_s = float(sys.argv[1]) if len(sys.argv) > 1 else 0.02
    hz = float(sys.argv[2]) if len(sys.argv) > 2 else 999.0
    samples, current = [], None
    for line in sys.stdin:
        header = re.match(r"^\s*(\d+)\s+([\d.]+):\s*$", line)
        if header:
            current = [float(header.group(2)), []]
            samples.append(current)
        elif current is not None and line.strip():
            parts = line.strip().split(" ", 1)
            current[1].append(parts[1] if len(parts) > 1 else "")
    if not samples:
        sys.exit("no samples: pass `perf script -F tid,time,ip,sym` output")
    start = min(t for t, _ in samples)

    def stage(stack):
        for name in STAGES:
            if any(name in frame for frame in stack):
                return name
        return stack[0][:40] if stack else "?"

    slices = collections.defaultdict(collections.Counter)
    for t, stack in samples:
        slices[int((t - start) / slice_s)][stage(stack)] += 1
    for index in sorted(slices):
        counts = slices[index]
        busy = sum(counts.values()) / (slice_s * hz)
        top = ", ".join(f"{name}:{n}" for name, n in counts.most_common(3))
        print(f"{index * slice_s:6.2f}s {busy:4.2f} cores  {top}")


if __name__ == "__main__":
    main()
