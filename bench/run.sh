#!/usr/bin/env bash
# guidegen benchmark: guidegen vs Hugo vs cmark-gfm on generated bilingual sites. See bench/README.md.
#
#   bash bench/run.sh [sizes…]        default: 1000 10000 (pages, both languages together)
#
# Environment:
#   BENCH_RUNS=5          timed runs per tool and size (after BENCH_WARMUP untimed warm-up runs, default 1)
#   BENCH_TOOLS="guidegen hugo cmark-gfm guidegen-lint"   which tools to run
#   BENCH_SLOW=300        a tool whose warm-up took longer than this many seconds gets BENCH_SLOW_RUNS
#   BENCH_SLOW_RUNS=2     timed runs instead (reported in the runs column)
#   BENCH_OUT=bench/out   where corpora and results go (ignored by git)
#   BENCH_OUTPUTS=…       where the tools write their sites: default a folder on /dev/shm (tmpfs) when it has
#                         room, else beside the corpora; `disk` forces beside the corpora (see bench/README.md)
#   BENCH_SEED=1          corpus seed
#   GUIDEGEN_BIN=path     use this guidegen binary instead of `swift build -c release --product guidegen`
#   BENCH_KEEP_OUTPUT=1   keep each tool's last output (default: removed after checking, they are large)
#
# Prints the results table and writes it to $BENCH_OUT/results.md; raw timings go to $BENCH_OUT/raw.tsv.
# Timings are measurements, never assertions: the run fails only when a tool fails or misses a page.
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

RUNS="${BENCH_RUNS:-5}"
WARMUP="${BENCH_WARMUP:-1}"
TOOLS="${BENCH_TOOLS:-guidegen hugo cmark-gfm guidegen-lint}"
SLOW="${BENCH_SLOW:-300}"
SLOW_RUNS="${BENCH_SLOW_RUNS:-2}"
SEED="${BENCH_SEED:-1}"
if [ "$#" -gt 0 ]; then SIZES=("$@"); else SIZES=(1000 10000); fi

choose_outputs   # sets OUTPUTS (bench/common.sh): tmpfs unless BENCH_OUTPUTS says otherwise

# --- tools -------------------------------------------------------------------------------------------
need=()
command -v hugo >/dev/null 2>&1 || need+=(hugo)
command -v cmark-gfm >/dev/null 2>&1 || need+=(cmark-gfm)
[ -x /usr/bin/time ] || need+=(time)
command -v python3 >/dev/null 2>&1 || need+=(python3)
apt_install "${need[@]}"
build_guidegen

RAW="$OUT/raw.tsv"
{
    echo "# date = $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo "# machine = $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)"
    head_ref="$(sed -n 's/^ref: //p' "$ROOT/.git/HEAD" 2>/dev/null || true)"
    commit="$(cat "$ROOT/.git/$head_ref" 2>/dev/null || head -c 40 "$ROOT/.git/HEAD" 2>/dev/null || echo unknown)"
    echo "# guidegen = $BIN, built $(date -u -r "$BIN" '+%Y-%m-%d %H:%M UTC') from a tree at commit ${commit:0:12} (plus any uncommitted changes)"
    echo "# hugo = $(hugo version 2>/dev/null | awk '{print $1, $2}')"
    echo "# cmark-gfm = $(cmark-gfm --version | head -1 | awk '{print $2}')"
    echo "# runs = $WARMUP warm-up + $RUNS timed per tool and size, the tools taking turns; wall time from a nanosecond clock around the command, CPU time and peak RSS from /usr/bin/time -v; outputs removed before each run"
    echo "# outputs = ${OUTPUTS:-beside the corpora in $OUT} ($(df -PT "${OUTPUTS:-$OUT}" | awk 'NR == 2 {print $2}'))"
} > "$RAW"

# --- one run of one tool on one corpus ----------------------------------------------------------------
# run_once TOOL SIZE DIR LABEL: removes the tool's previous output, runs it under /usr/bin/time -v, fails on a
# non-zero exit or a missing page, and sets MEASURED (wall s, CPU s, peak RSS KB, bytes written, load).
output_of() {
    local base="$2"
    if [ -n "$OUTPUTS" ]; then base="$OUTPUTS/$(basename "$2")"; mkdir -p "$base"; fi
    case "$1" in
        guidegen) echo "$base/out-guidegen" ;;
        hugo) echo "$base/out-hugo" ;;
        cmark-gfm) echo "$base/out-cmark-gfm.html" ;;
        guidegen-lint) echo "$base/out-lint.txt" ;;
        *) log "unknown tool $1"; exit 2 ;;
    esac
}
MEASURED=""
run_once() {
    local tool="$1" size="$2" dir="$3" label="$4"
    local target tf="$dir/time.txt" rc=0 load t0 t1 timing written
    target="$(output_of "$tool" "$dir")"
    rm -rf "$target"
    load="$(cut -d' ' -f1 /proc/loadavg)"  # other work on the machine shows here
    t0="$(date +%s%N)"
    case "$tool" in
        guidegen)
            /usr/bin/time -v -o "$tf" "$BIN" build --content "$dir/guidegen/content" \
                --templates "$ROOT/site-templates" --output "$target" > "$dir/log-$tool.txt" 2>&1 || rc=$? ;;
        hugo)
            /usr/bin/time -v -o "$tf" hugo --quiet -s "$dir/hugo" -d "$target" > "$dir/log-$tool.txt" 2>&1 || rc=$? ;;
        cmark-gfm)
            /usr/bin/time -v -o "$tf" cmark-gfm -e table -e strikethrough -e autolink -e tagfilter -e tasklist \
                "$dir/flat/all.zh-Hans.md" "$dir/flat/all.en.md" > "$target" 2> "$dir/log-$tool.txt" || rc=$? ;;
        guidegen-lint)
            /usr/bin/time -v -o "$tf" "$BIN" lint --content "$dir/guidegen/content" > "$target" 2>&1 || rc=$? ;;
    esac
    t1="$(date +%s%N)"
    if [ "$rc" -ne 0 ]; then
        log "$tool failed on $size pages (exit $rc):"
        tail -n 30 "$dir/log-$tool.txt" "$target" 2>/dev/null >&2 || true
        exit 1
    fi
    timing="$(python3 "$BENCH_DIR/report.py" time "$tf" $((t1 - t0)))"
    written="$(python3 "$BENCH_DIR/report.py" verify "$tool" "$dir" "$target")"
    MEASURED="$(printf '%s\t%s\t%s' "$timing" "$written" "$load")"
    log "$tool, $size pages, $label: $(cut -f1 <<< "$timing") s, CPU $(cut -f2 <<< "$timing") s, peak RSS $(( $(cut -f3 <<< "$timing") / 1024 )) MB, load $load"
}

# The tools take turns (warm-up round, then round 1 of every tool, round 2, …), so that other work on the
# machine during the benchmark falls on all of them alike rather than on whichever tool ran at the time.
for size in "${SIZES[@]}"; do
    dir="$OUT/$size"
    log "generating $size pages in $dir"
    python3 "$BENCH_DIR/generate.py" --pages "$size" --out "$dir" --seed "$SEED" >&2
    # The corpus must lint clean (warnings allowed) or the comparison is meaningless.
    if ! "$BIN" lint --content "$dir/guidegen/content" > "$dir/lint-check.txt" 2>&1; then
        log "the generated site does not lint clean:"; tail -n 30 "$dir/lint-check.txt" >&2; exit 1
    fi
    declare -A runs_of=()
    for tool in $TOOLS; do
        runs_of[$tool]="$RUNS"
        for ((w = 1; w <= WARMUP; w++)); do
            start=$SECONDS
            run_once "$tool" "$size" "$dir" "warm-up"
            if [ $((SECONDS - start)) -gt "$SLOW" ] && [ "$RUNS" -gt "$SLOW_RUNS" ]; then
                runs_of[$tool]="$SLOW_RUNS"
                log "$tool is slow at $size pages: $SLOW_RUNS timed runs instead of $RUNS"
            fi
        done
    done
    for ((i = 1; i <= RUNS; i++)); do
        for tool in $TOOLS; do
            [ "$i" -le "${runs_of[$tool]}" ] || continue
            run_once "$tool" "$size" "$dir" "run $i/${runs_of[$tool]}"
            printf '%s\t%s\t%s\t%s\n' "$tool" "$size" "$i" "$MEASURED" >> "$RAW"
        done
    done
    if [ -z "${BENCH_KEEP_OUTPUT:-}" ]; then
        for tool in $TOOLS; do rm -rf "$(output_of "$tool" "$dir")"; done
    fi
    unset runs_of
done

echo
python3 "$BENCH_DIR/report.py" summary "$RAW" "$OUT/results.md"
echo
log "results written to $OUT/results.md"
