#!/usr/bin/env bash
# Profile guidegen on a generated corpus with perf (sampling, call graphs by frame pointer).
#
#   bash bench/profile.sh [SIZE] [build|lint]      default: 10000 build
#
# Uses $BENCH_OUT/SIZE from bench/run.sh when present (else generates it), GUIDEGEN_BIN or a release
# build, and writes $BENCH_OUT/profile-COMMAND-SIZE.md: the top functions by self time, by nearest
# guidegen frame, and inclusive (see bench/perf_summary.py). Needs perf (Debian: linux-perf); in a VM without
# hardware counters it samples the cpu-clock software event, which works as well.
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
SIZE="${1:-10000}"
CMD="${2:-build}"

command -v perf >/dev/null 2>&1 || apt_install linux-perf
build_guidegen
DEMANGLE="$(command -v swift-demangle || echo "swift demangle")"

dir="$OUT/$SIZE"
[ -f "$dir/manifest.json" ] || python3 "$BENCH_DIR/generate.py" --pages "$SIZE" --out "$dir" >&2
data="$OUT/perf-$CMD-$SIZE.data"
case "$CMD" in
    build)
        # The site goes where bench/run.sh writes it (tmpfs), so the profile shows the build, not the disk.
        choose_outputs
        site="${OUTPUTS:-$dir}/out-profile-$SIZE"
        rm -rf "$site"
        perf record -e cpu-clock -F 499 -g -o "$data" -- "$BIN" build --content "$dir/guidegen/content" \
            --templates "$ROOT/site-templates" --output "$site" >&2
        rm -rf "$site" ;;
    lint)
        perf record -e cpu-clock -F 999 -g -o "$data" -- "$BIN" lint --content "$dir/guidegen/content" >&2 ;;
    *) echo "usage: bash bench/profile.sh [SIZE] [build|lint]" >&2; exit 2 ;;
esac
report="$OUT/profile-$CMD-$SIZE.md"
{
    echo "# perf profile: guidegen $CMD, $SIZE pages"
    perf script -i "$data" -F tid,ip,sym,dso 2>/dev/null | $DEMANGLE --simplified | python3 "$BENCH_DIR/perf_summary.py" 25
} > "$report"
cat "$report"
echo "profile written to $report (raw data: $data; browse it with: perf report -i $data)" >&2
