#!/usr/bin/env python3
"""Summarise a `perf record -g` profile of guidegen (standard library only).

    perf script -i perf.data -F tid,ip,sym,dso | swift-demangle --simplified | python3 bench/perf_summary.py [TOP]

Prints three tables, each as a share of all samples:
  self      the function the CPU was in (the Swift runtime, malloc and the kernel show up here)
  own code  each sample charged to its nearest frame in the guidegen binary (guidegen, GuideGen and the
            statically linked packages: Mustache, Yams), so runtime time lands on the code that asked for it
  inclusive every guidegen-binary function on the stack (counted once per sample): where the time goes
"""

import collections
import re
import sys

NOISE = re.compile(r"^(partial apply|thunk|reabstraction thunk|specialized closure #1 in static ParallelMap|"
                   r"closure #1 in static ParallelMap|protocol witness for ParsableCommand|guidegen_main|"
                   r"specialized static GuideGenCommand.main|Build.run|static Pipeline.run|merged )")


def samples(lines):
    frames = []
    for line in lines:
        if not line.strip():
            if frames:
                yield frames
            frames = []
            continue
        if not line.startswith(("\t", " ")):
            continue  # the sample header (tid)
        m = re.match(r"\s*[0-9a-f]+\s+(.*?)\s+\(([^)]*)\)\s*$", line)
        if m:
            frames.append((m.group(1), m.group(2)))
        else:
            parts = line.strip().split(None, 1)
            frames.append((parts[1] if len(parts) > 1 else "?", ""))
    if frames:
        yield frames


def short(name, width=110):
    name = re.sub(r"\s+", " ", name)
    return name if len(name) <= width else name[: width - 1] + "…"


def main():
    top = int(sys.argv[1]) if len(sys.argv) > 1 else 25
    self_count = collections.Counter()
    own = collections.Counter()
    inclusive = collections.Counter()
    total = 0
    binary = None  # the executable's dso, found from the frame of its entry point
    for frames in samples(sys.stdin):
        total += 1
        self_count[frames[0][0]] += 1
        if binary is None:
            binary = next((dso for name, dso in frames if name == "guidegen_main"), None)
        mine = [name for name, dso in frames if dso == binary] if binary else []
        charged = next((n for n in mine if not NOISE.match(n)), mine[0] if mine else "(outside guidegen: " + frames[-1][0] + ")")
        own[charged] += 1
        for name in set(mine):
            if not NOISE.match(name):
                inclusive[name] += 1
    if not total:
        sys.exit("perf_summary.py: no samples on standard input")
    for title, counter in (("self (leaf function)", self_count),
                           ("own code (nearest guidegen-binary frame)", own),
                           ("inclusive (guidegen-binary frames on the stack)", inclusive)):
        print(f"\n## {title}, {total} samples\n")
        print("| share | function |\n|---:|---|")
        for name, n in counter.most_common(top):
            print(f"| {100 * n / total:.1f}% | `{short(name)}` |")


if __name__ == "__main__":
    main()
