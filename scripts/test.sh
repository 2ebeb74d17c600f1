#!/usr/bin/env bash
# Runs every test: Swift unit, golden and CLI tests, then the Python end-to-end checks (JSON Schema
# against the shipped content with an independent validator) and the headless-Chromium browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh --test
swift format lint --strict --recursive Sources Tests Package.swift   # the checked-in .swift-format
swift build --product guidegen
swift test
# The slow tier: hostile-input timing bounds, asserted on a release build.
GUIDEGEN_SLOW_TESTS=1 swift test -c release --filter "HostileInputTests|FlowLimitTests"
# libFuzzer targets (-sanitize=fuzzer,address): every saved finding replays clean, then 20 s per target
# with a fixed seed (repeatable on one build only: run `bash Fuzz/sweep.sh` before pushing, see Fuzz/README.md).
FUZZ_SEED=${FUZZ_SEED:-1} bash Fuzz/run.sh 20
# The benchmark at a small size, only to prove it works (timings are never asserted).
BENCH_RUNS=1 BENCH_WARMUP=0 BENCH_OUT="${TMPDIR:-/tmp}/guidegen-bench-smoke" bash bench/run.sh 200 >/dev/null
# The stage micro-benchmarks on the shipped content, likewise only to prove they run.
swift run -c release stage-benchmarks content >/dev/null
GUIDEGEN=.build/debug/guidegen python3 -m pytest -q Tests/e2e
