#!/usr/bin/env bash
# Runs every target the way the test script does (20 s from the seed corpus only, an empty corpus, one fixed
# seed) once per seed in a range, on all cores. A fixed seed repeats a run only on the same build: a build in
# another folder or on another machine can take other paths, so one clean seed locally does not promise a
# clean CI run. Run this before pushing; it exits 1 when any run found something, saved under
# Fuzz/findings/<target>/seed<N>-… to minimise, fix and commit under a name that says what broke.
#
#   bash Fuzz/sweep.sh [first-seed] [last-seed] [seconds]     (default: seeds 1–12, 20 s)
set -uo pipefail

fuzz_dir=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$fuzz_dir")
first=${1:-1}
last=${2:-12}
seconds=${3:-20}
targets=(FuzzFrontMatter FuzzRuleTable FuzzFlow FuzzClaims FuzzMarkdown)
work="$fuzz_dir/.build/work"
sweep="$fuzz_dir/.build/sweep"

# Builds the targets, makes the seed corpus and checks that the saved findings pass.
bash "$fuzz_dir/run.sh" 0 || exit $?
rm -rf "$sweep" && mkdir -p "$sweep"
export SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1} SWIFT_DETERMINISTIC_HASHING=1

runs=()
for seed in $(seq "$first" "$last"); do
  for target in "${targets[@]}"; do runs+=("$target $seed"); done
done

# One run: its own empty corpus, the shared seeds, findings straight into findings/<target>/.
one() {
  local target=$1 seed=$2 corpus="$sweep/corpus-$1-$2" dict=()
  mkdir -p "$corpus" "$fuzz_dir/findings/$target"
  [ -f "$fuzz_dir/dicts/$target.dict" ] && dict=(-dict="$fuzz_dir/dicts/$target.dict")
  (cd "$work" && "$fuzz_dir/.build/release/$target" "$corpus" "$work/seeds/$target" "${dict[@]}" -seed="$seed" \
    -max_total_time="$seconds" -timeout=1 -rss_limit_mb=2048 -max_len=65536 \
    -artifact_prefix="$fuzz_dir/findings/$target/seed$seed-" -print_final_stats=1 >"$sweep/$target-$seed.log" 2>&1)
  local rc=$?
  rm -rf "$corpus"
  if [ $rc -ne 0 ]; then
    echo "$target seed=$seed: FAILED rc=$rc $(grep -oE 'ERROR: libFuzzer: [a-z-]+|ERROR: AddressSanitizer: [a-z-]+|invariant `[^`]*` failed' "$sweep/$target-$seed.log" | head -1) (log: ${sweep#"$root"/}/$target-$seed.log)"
  else
    echo "$target seed=$seed: ok $(grep -oE 'DONE +cov: [0-9]+ ft: [0-9]+' "$sweep/$target-$seed.log" | tail -1)"
  fi
}
export -f one
export fuzz_dir root work sweep seconds
printf '%s\n' "${runs[@]}" | xargs -P "$(nproc)" -L 1 bash -c 'one $0 $1' | tee "$sweep/summary"
! grep -q FAILED "$sweep/summary"
