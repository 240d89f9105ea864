#!/usr/bin/env bash
# scripts/bench.sh [N...]   (default: 100 1000)
#
# For each N: spawns N stable test processes with /work/shared/bench/spawn-procs.sh, runs the C
# floor (`floor -m rollup -P procs.pids`: stat + statm + smaps_rollup) and our collection pass
# (BenchmarkCommand: the engine's Collector, every rollup, no budget; stat + statm + smaps_rollup
# + status) over exactly those pids, prints both RESULT lines and a side-by-side table, then stops
# the processes. All outputs go under target/bench/ (the shared bench folder is read-only in CI).
#
# Each N runs floor, ours on 1 thread and ours on THREADS threads in turn, ROUNDS times (default 3),
# and the table shows the median of each figure over the rounds.
# Environment: BENCH_DIR (default /work/shared/bench), PASSES (default 20), MEM_BUDGET_MIB
# (default 2048: touched memory of the whole population), THREADS (our worker threads for the
# second run, default 0 = auto; the first run is always 1 thread, like the floor), HERAKLES_CP
# (class path; default target/classes, compiled with `mvn -o -q compile` when missing).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
BENCH_DIR=${BENCH_DIR:-/work/shared/bench}
PASSES=${PASSES:-20}
THREADS=${THREADS:-0}
ROUNDS=${ROUNDS:-3}
export MEM_BUDGET_MIB=${MEM_BUDGET_MIB:-2048}
WORK=$ROOT/target/bench
export SPAWN_DIR=$WORK/run BUILD_DIR=$WORK/build OUT=$WORK/out
mkdir -p "$WORK" "$SPAWN_DIR" "$BUILD_DIR" "$OUT"
[ $# -gt 0 ] || set -- 100 1000
for n in "$@"; do
    [[ "$n" =~ ^[0-9]+$ ]] && [ "$n" -ge 1 ] && [ "$n" -le 5000 ] || { echo "bench.sh: N must be 1..5000, got '$n'" >&2; exit 2; }
done
[[ "$ROUNDS" =~ ^[0-9]+$ ]] && [ "$ROUNDS" -ge 1 ] && [ "$ROUNDS" -le 20 ] || { echo "bench.sh: ROUNDS must be 1..20" >&2; exit 2; }
[[ "$PASSES" =~ ^[0-9]+$ ]] && [ "$PASSES" -ge 1 ] && [ "$PASSES" -le 1000 ] || { echo "bench.sh: PASSES must be 1..1000" >&2; exit 2; }

CP=${HERAKLES_CP:-$ROOT/target/classes}
if [ -z "${HERAKLES_CP:-}" ] && [ ! -f "$CP/io/herakles/procmem/cli/BenchmarkCommand.class" ]; then
    mvn -B -q -o compile
fi
# until the CLI wires `benchmark`, a one-line launcher (java's single-file source mode)
cat >"$WORK/BenchMain.java" <<'JAVA'
public class BenchMain {
    public static void main(String[] a) {
        System.exit(io.herakles.procmem.cli.BenchmarkCommand.run(a, System.out));
    }
}
JAVA
ours() { java -XX:+UseSerialGC -Xmx256m -cp "$CP" "$WORK/BenchMain.java" "$@"; }

SPAWN_PID=""
cleanup() {
    "$BENCH_DIR/stop-procs.sh" >/dev/null 2>&1 || true
    if [ -n "$SPAWN_PID" ]; then wait "$SPAWN_PID" 2>/dev/null || true; fi
}
trap cleanup EXIT INT TERM

field() { # field NAME LINE
    echo "$2" | tr ' ' '\n' | awk -F= -v k="$1" '$1 == k { print $2 }'
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
per_proc() { awk -v ms="$1" -v n="$2" 'BEGIN { if (n > 0) printf "%.1f", ms * 1000 / n; else print "n/a" }'; }

TABLE=$OUT/bench-$(date +%Y%m%d-%H%M%S).md
{
    echo "Median over $ROUNDS rounds. Wall time is the median pass; CPU is user+sys of the whole process per pass (ours includes JIT/GC threads)."
    echo "On a shared machine the CPU columns are the steadier comparison."
    echo
    echo "| N | floor µs/proc | ours 1 thread µs/proc | ratio | ours auto µs/proc (threads) | ratio | floor CPU µs/proc | ours 1 thread CPU µs/proc | CPU ratio | our first pass ms |"
    echo "|---|---|---|---|---|---|---|---|---|---|"
} >"$TABLE"
for n in "$@"; do
    echo "== N=$n: spawning" >&2
    "$BENCH_DIR/spawn-procs.sh" -f "$n" >"$WORK/spawn-$n.log" 2>&1 &
    SPAWN_PID=$!
    deadline=$(( $(date +%s) + 120 + n / 10 ))
    until [ -s "$SPAWN_DIR/procs.pids" ]; do
        kill -0 "$SPAWN_PID" 2>/dev/null || { cat "$WORK/spawn-$n.log" >&2; exit 1; }
        [ "$(date +%s)" -lt "$deadline" ] || { echo "bench.sh: population not ready" >&2; exit 1; }
        sleep 0.5
    done
    sleep 1
    # alternate the three runs ROUNDS times and keep the median of each figure: the machine is shared
    fl=(); on=(); au=(); flc=(); onc=(); fp=(); th=""
    for r in $(seq "$ROUNDS"); do
        floor=$("$BENCH_DIR/floor" -m rollup -n "$PASSES" -q -P "$SPAWN_DIR/procs.pids" | tail -1)
        one=$(ours -n "$PASSES" -q -j 1 -P "$SPAWN_DIR/procs.pids" | tail -1)
        auto=$(ours -n "$PASSES" -q -j "$THREADS" -P "$SPAWN_DIR/procs.pids" | tail -1)
        printf 'round %s\n%s\n%s\n%s\n' "$r" "$floor" "$one" "$auto"
        fl+=("$(field us_per_proc "$floor")"); on+=("$(field us_per_proc "$one")"); au+=("$(field us_per_proc "$auto")")
        flc+=("$(per_proc "$(field cpu_ms_per_pass "$floor")" "$(field procs "$floor")")")
        onc+=("$(per_proc "$(field cpu_ms_per_pass "$one")" "$(field procs "$one")")")
        fp+=("$(field first_pass_ms "$one")"); th=$(field threads "$auto")
    done
    f=$(median "${fl[@]}"); o=$(median "${on[@]}"); a=$(median "${au[@]}")
    fc=$(median "${flc[@]}"); oc=$(median "${onc[@]}")
    printf '| %s | %s | %s | %s | %s (%s) | %s | %s | %s | %s | %s |\n' "$n" "$f" "$o" "$(ratio "$o" "$f")" \
        "$a" "$th" "$(ratio "$a" "$f")" "$fc" "$oc" "$(ratio "$oc" "$fc")" "$(median "${fp[@]}")" >>"$TABLE"
    "$BENCH_DIR/stop-procs.sh" >&2 || true
    wait "$SPAWN_PID" 2>/dev/null || true
    SPAWN_PID=""
done
echo
cat "$TABLE"
echo "(table saved to $TABLE)"
