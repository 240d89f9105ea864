# Shared by scripts/bench.sh and scripts/bench-jvm-flags.sh (sourced, not run).
# BENCH_DIR: the workspace harness, ../shared/bench beside the repository unless set.
BENCH_DIR=${BENCH_DIR:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../../shared/bench" 2>/dev/null && pwd)}

# start_population N LOG: starts N test processes in the background (SPAWN_PID) and waits, bounded,
# until their pid file is written; dies with the spawner's log when it fails.
start_population() {
    local n=$1 log=$2 deadline
    rm -f "$SPAWN_DIR/procs.pids"
    "$BENCH_DIR/spawn-procs.sh" -f "$n" >"$log" 2>&1 &
    SPAWN_PID=$!
    deadline=$(( $(date +%s) + 120 + n / 10 ))
    until [ -s "$SPAWN_DIR/procs.pids" ]; do
        kill -0 "$SPAWN_PID" 2>/dev/null || { cat "$log" >&2; die "spawn-procs.sh failed for N=$n"; }
        [ "$(date +%s)" -lt "$deadline" ] || die "population of $n not ready"
        sleep 0.5
    done
}
