#!/usr/bin/env bash
# Counts the instructions of a one-thread guidegen build with valgrind's callgrind: repeatable to a few
# parts in a million whatever else the machine does, unlike wall time on a shared 2-core VM, so it shows
# whether a change made the build cheaper. Use it to compare two binaries; time them with run.sh.
#
#   bash bench/instructions.sh [SIZE] [BINARY…]     default: 1000, a release build of this tree
#
# Writes $BENCH_OUT/callgrind-<name>.out for each binary (read it with
# `callgrind_annotate --inclusive=yes FILE | swift demangle --simplified`). Valgrind 3.19 cannot read the
# Swift toolchain's debug info, so each binary is copied without it first (symbols stay).
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
SIZE="${1:-1000}"
shift || true
command -v valgrind >/dev/null 2>&1 || apt_install valgrind
binaries=("$@")
if [ "${#binaries[@]}" -eq 0 ]; then
    build_guidegen
    binaries=("$BIN")
fi
dir="$OUT/$SIZE"
[ -f "$dir/manifest.json" ] || python3 "$BENCH_DIR/generate.py" --pages "$SIZE" --out "$dir" >&2

for binary in "${binaries[@]}"; do
    name="$(basename "$binary")"
    stripped="$OUT/$name.nodebug"
    strip --strip-debug -o "$stripped" "$binary"
    site="$OUT/instructions-site-$name"
    rm -rf "$site"
    count=$(valgrind --tool=callgrind --callgrind-out-file="$OUT/callgrind-$name.out" "$stripped" build --threads 1 \
        --content "$dir/guidegen/content" --templates "$ROOT/site-templates" --output "$site" 2>&1 |
        sed -n 's/.*I *refs: *//p')
    rm -rf "$site" "$stripped"
    printf '%s\t%s instructions (one-thread build, %s pages)\n' "$binary" "$count" "$SIZE"
done
