#!/usr/bin/env bash
# Builds the libFuzzer targets and runs each one for a set time on a seed corpus made from the
# repository's content and test fixtures. Exits non-zero when any target crashes, times out (an input
# over 1 s), runs out of memory, or when a saved finding still fails.
#
#   bash Fuzz/run.sh [seconds-per-target] [target...]     (default: 60 s, every target)
#   bash Fuzz/run.sh 0                                       (only replay the saved findings)
#
# Environment: FUZZ_JOBS=N runs N fuzzing processes per target (default 1); FUZZ_TIMEOUT=S is the
# per-input limit in seconds (default 1; the instrumented build is 5-50x slower than release, so confirm a
# timeout with the release CLI before reporting it); FUZZ_NO_SNAPSHOT=1 builds
# against the working tree instead of a copy; FUZZ_ALLOW=check,... skips named invariants (local only).
# FUZZ_SEED=N fixes libFuzzer's random seed, so a run from the same corpus tries the same inputs in the
# same order (the test script sets it: a CI run then fails only on what a local run with that seed finds).
set -uo pipefail

fuzz_dir=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$fuzz_dir")
seconds=${1:-60}
shift || true
all_targets=(FuzzFrontMatter FuzzRuleTable FuzzFlow FuzzClaims FuzzMarkdown)
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=("${all_targets[@]}")
jobs=${FUZZ_JOBS:-1}
timeout=${FUZZ_TIMEOUT:-1}
scratch="$fuzz_dir/.build"
work="$scratch/work"

# The crash backtracer of the Swift runtime reads foreign memory, which ASan reports as a second error.
export SWIFT_BACKTRACE=enable=no
# Leaks: libFuzzer's own leak check; Swift's runtime caches are reachable and not reported.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}

# Build from a snapshot of the sources: others may be editing the tree while a build runs, and SwiftPM
# fails a build whose inputs change under it. `cp -p` keeps times, so rebuilds stay incremental.
if [ -z "${FUZZ_NO_SNAPSHOT:-}" ]; then
  snapshot="$scratch/snapshot"
  rm -rf "$snapshot" && mkdir -p "$snapshot"
  cp -Rp "$root/Package.swift" "$root/Sources" "$root/Tests" "$snapshot/"
  [ -f "$root/Package.resolved" ] && cp -p "$root/Package.resolved" "$snapshot/"
  export GUIDEGEN_PACKAGE_PATH="$snapshot"
fi
[ -f "$fuzz_dir/Package.resolved" ] || { [ -f "$root/Package.resolved" ] && cp "$root/Package.resolved" "$fuzz_dir/"; }

echo "fuzz: building (release, -sanitize=fuzzer,address)"
# --sanitize=fuzzer makes SwiftPM link libFuzzer's main (and not rename the targets' entry points) and
# compiles the C of Yams with -fsanitize=fuzzer,address. It passes the two sanitizers to swiftc as two
# `-sanitize=` flags in no fixed order, and swiftc keeps only the last, so the combined flag is added
# after them; without it the Swift code lacks either coverage or ASan.
mkdir -p "$scratch"
if ! swift build -c release --package-path "$fuzz_dir" --scratch-path "$scratch" \
  --sanitize=fuzzer --sanitize=address -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library \
  >"$scratch/build.log" 2>&1; then
  grep -E "error:" "$scratch/build.log" | head -20
  echo "fuzz: build failed (log: $scratch/build.log)"
  exit 2
fi
bin="$scratch/release"
for target in "${targets[@]}"; do
  counters=$("$bin/$target" -runs=0 2>&1 | sed -n 's/.*Loaded 1 modules *(\([0-9]*\) inline 8-bit counters.*/\1/p')
  if [ "${counters:-0}" -lt 20000 ]; then
    echo "fuzz: $target has ${counters:-no} coverage counters; the Swift code was built without -sanitize=fuzzer"
    exit 2
  fi
done

rm -rf "$work/seeds" && mkdir -p "$work"
if ! python3 "$fuzz_dir/make-seeds.py" "$root" "$work/seeds" >"$work/seeds.log" 2>&1; then
  cat "$work/seeds.log"
  echo "fuzz: could not make the seed corpus"
  exit 2
fi

status=0
summary=()
for target in "${targets[@]}"; do
  corpus="$fuzz_dir/corpus/$target"
  findings="$fuzz_dir/findings/$target"
  mkdir -p "$corpus" "$findings"
  log="$work/$target.log"

  # Saved findings are regression inputs: each must now pass.
  regressions=$(find "$findings" -maxdepth 1 -type f ! -name '*.md' ! -name '.*' | sort)
  still=0
  if [ -n "$regressions" ]; then
    for input in $regressions; do
      # FUZZ_ALLOW must not hide a finding that is still there.
      if ! env -u FUZZ_ALLOW "$bin/$target" -timeout="$timeout" -rss_limit_mb=2048 "$input" >"$work/$target.replay.log" 2>&1; then
        still=$((still + 1))
        why=$(grep -oE 'ERROR: libFuzzer: [a-z-]+|ERROR: AddressSanitizer: [a-z-]+|invariant `[^`]*` failed|Swift runtime failure: [a-z ]+' "$work/$target.replay.log" | head -1)
        echo "fuzz: $target: saved finding still fails (${why:-exit status}): ${input#"$root"/}"
      fi
    done
  fi

  if [ "$seconds" -eq 0 ]; then  # replay only
    if [ $still -gt 0 ]; then status=1; line="$target: FAILED still_failing=$still"; else line="$target: ok (saved findings pass)"; fi
    echo "$line"
    summary+=("$line")
    continue
  fi

  before=$(ls "$findings" | wc -l)
  touch "$work/$target.started"
  dict=()
  [ -f "$fuzz_dir/dicts/$target.dict" ] && dict=(-dict="$fuzz_dir/dicts/$target.dict")
  extra=()
  [ "$jobs" -gt 1 ] && extra=(-jobs="$jobs" -workers="$jobs")
  # Swift seeds its hashing per process; dictionary order steers coverage, so a fixed seed needs it fixed too.
  [ -n "${FUZZ_SEED:-}" ] && extra+=(-seed="$FUZZ_SEED") && export SWIFT_DETERMINISTIC_HASHING=1
  rm -f "$work"/fuzz-*.log
  (cd "$work" && "$bin/$target" "$corpus" "$work/seeds/$target" "${dict[@]}" "${extra[@]}" \
    -max_total_time="$seconds" -timeout="$timeout" -rss_limit_mb=2048 -max_len=65536 \
    -artifact_prefix="$findings/" -print_final_stats=1 >"$log" 2>&1)
  rc=$?
  [ "$jobs" -gt 1 ] && cat "$work"/fuzz-*.log >>"$log" 2>/dev/null

  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | awk '{s += $2} END {print s + 0}')
  rate=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | awk '{s += $2} END {print s + 0}')
  rss=$(grep -o 'stat::peak_rss_mb: *[0-9]*' "$log" | awk '{if ($2 > m) m = $2} END {print m + 0}')
  cov=$(grep -oE '(DONE|INITED|NEW|REDUCE|pulse) +cov: [0-9]+ ft: [0-9]+' "$log" | tail -1 | awk '{print "cov=" $3 " ft=" $5}')
  corp=$(ls "$corpus" | wc -l)
  new=$(($(ls "$findings" | wc -l) - before))
  # A CI machine's files are gone after the run: print each new finding, so it can be replayed from the log
  # (`base64 -d > Fuzz/findings/<target>/<name>`).
  find "$findings" -maxdepth 1 -type f -newer "$work/$target.started" | while read -r input; do
    echo "fuzz: $target: new finding ${input#"$root"/} ($(wc -c <"$input") bytes), base64:"
    head -c 8192 "$input" | base64 -w 0
    echo
  done
  if [ $rc -ne 0 ] || [ $new -gt 0 ] || [ $still -gt 0 ]; then
    status=1
    what=$(grep -oE 'ERROR: libFuzzer: [a-z-]+|ERROR: AddressSanitizer: [a-z-]+|invariant `[^`]*` failed|Fatal error[^\n]*' "$log" | head -1)
    line="$target: FAILED rc=$rc ${what:-} new_findings=$new still_failing=$still execs=$execs ${cov:-} corpus=$corp peak_rss=${rss}MB (log: ${log#"$root"/})"
  else
    line="$target: ok ${seconds}s execs=$execs (${rate}/s) ${cov:-} corpus=$corp peak_rss=${rss}MB"
  fi
  echo "$line"
  summary+=("$line")
done

echo "---- fuzz summary"
printf '%s\n' "${summary[@]}"
exit $status
