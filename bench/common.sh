# Shared by bench/run.sh and bench/profile.sh (sourced, not run): where things are, logging, Debian
# packages and the guidegen binary.

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$BENCH_DIR")"
cd "$ROOT"
OUT="${BENCH_OUT:-$BENCH_DIR/out}"
mkdir -p "$OUT"
OUT="$(cd "$OUT" && pwd)"

log() { printf '[bench] %s\n' "$*" >&2; }

# apt_install PACKAGE…: installs Debian packages (with sudo when not root).
apt_install() {
    [ "$#" -gt 0 ] || return 0
    log "installing from Debian: $*"
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "$@" >&2
}

# Sets BIN: $GUIDEGEN_BIN, or a release build copied to $OUT/guidegen (a private copy, so that another build
# in the same tree cannot swap the binary in the middle of a run). The build is retried, because a source
# file saved during it (an editor, another checkout tool) fails it.
build_guidegen() {
    if [ -n "${GUIDEGEN_BIN:-}" ]; then
        BIN="$GUIDEGEN_BIN"
    else
        log "building guidegen (release)"
        local attempt
        for attempt in 1 2 3; do
            swift build -c release --product guidegen >&2 && break
            [ "$attempt" -lt 3 ] || { log "swift build failed"; exit 1; }
            log "swift build failed; trying again"; sleep 5
        done
        cp "$(swift build -c release --show-bin-path)/guidegen" "$OUT/guidegen"
        BIN="$OUT/guidegen"
    fi
    [ -x "$BIN" ] || { log "no guidegen binary at $BIN"; exit 2; }
}

# choose_outputs: sets OUTPUTS, where the tools write (empty: beside the corpora). This VM's ext4 root (no
# journal) allocates inodes slowly for minutes after many files were deleted (`recently_deleted` scans), so on disk each run after the first measures the previous
# run's deletion more than the tool: `cp -r` of a 10,000-page output takes 0.65 s on a quiet disk and 3.5-6 s
# right after deleting a copy. tmpfs takes the disk out for every tool alike.
choose_outputs() {
    OUTPUTS="${BENCH_OUTPUTS:-}"
    if [ -z "$OUTPUTS" ] && [ -d /dev/shm ] && [ "$(df -Pk /dev/shm | awk 'NR == 2 {print $4}')" -gt 4000000 ]; then
        OUTPUTS="/dev/shm/guidegen-bench-outputs"
    fi
    [ "$OUTPUTS" = "disk" ] && OUTPUTS=""
    if [ -n "$OUTPUTS" ]; then mkdir -p "$OUTPUTS"; OUTPUTS="$(cd "$OUTPUTS" && pwd)"; fi
}
