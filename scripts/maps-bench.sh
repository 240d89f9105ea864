#!/usr/bin/env bash
# scripts/maps-bench.sh [live|N ...]   (default: live 1000 3000)
#
# What `maps --all` (and the desktop's Shared memory scan) costs against the C floor, in the same
# run, on the same processes. Reading every process's smaps makes the kernel walk every page
# table; the floor (`scripts/floor -m smaps`: stat + statm + smaps of every pid, the Rss/Pss/
# Private lines summed) is the least any tool can pay for it. For the live machine ("live": every
# pid in /proc) and for each N (1..5000 test processes from scripts/population.sh, started for the
# target and stopped after it), ROUNDS times, alternated:
#   1. the floor: PASSES passes, median pass time;
#   2. ours as a user starts it, `java -jar JAR maps --all --passes PASSES`: the first scan of a
#      fresh JVM (what one `maps --all` costs inside the JVM) and the median of the later scans
#      (what a second Scan in the desktop costs), both as the command itself timed them; the scan
#      uses one thread per core (at most 4), the floor one, so the same with `--threads 1` too
#      (later scans), for the cost on one core;
#   3. ours end to end: the wall time of one plain `java -jar JAR maps --all` (JVM start included).
# Every scan covers all of /proc, so the floor and ours read the same processes. It prints one
# table with the medians over the rounds and the ratios ours/floor (target: first scan within
# 1.5x), also saved under target/bench/out/. Stops the population it started (EXIT trap); every
# loop is bounded (counts and RUN_DEADLINE_S).
#
# Environment (defaults): JAR (target/herakles-proc-mem.jar, built with `mvn -B -q -o package
# -DskipTests` when missing), ROUNDS (3), PASSES (5), MEM_BUDGET_MIB (1024: memory the whole
# population touches), RUN_DEADLINE_S (3600), SPAWN_DIR (target/population).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"   # die log between require_between num_stats now_ms start_population stop_population
JAR=${JAR:-$ROOT/target/herakles-proc-mem.jar}
ROUNDS=${ROUNDS:-3}
PASSES=${PASSES:-5}
RUN_DEADLINE_S=${RUN_DEADLINE_S:-3600}
export MEM_BUDGET_MIB=${MEM_BUDGET_MIB:-1024}
require_between ROUNDS 1 20
require_between PASSES 2 100
require_between RUN_DEADLINE_S 60 86400
[ $# -gt 0 ] || set -- live 1000 3000
[ $# -le 10 ] || die "at most 10 targets"
for t in "$@"; do
    [ "$t" = live ] || between "$t" 1 5000 || die "each target is 'live' or N in 1..5000, got '$t'"
done
RUN_OUT=$ROOT/target/bench/out/maps-$(date +%Y%m%d-%H%M%S)
mkdir -p "$RUN_OUT"
if [ ! -f "$JAR" ]; then
    log "building $JAR"
    mvn -B -q -o package -DskipTests
fi

SPAWN_PID=""
trap stop_population EXIT
trap 'exit 130' INT TERM
START_S=$(date +%s)
check_deadline() {
    [ $(( $(date +%s) - START_S )) -lt "$RUN_DEADLINE_S" ] || die "RUN_DEADLINE_S=$RUN_DEADLINE_S reached"
}
field() { tr ' ' '\n' <<<"$2" | awk -F= -v k="$1" '$1 == k { print $2 }'; }
median() { printf '%s\n' "$@" | num_stats | awk '{ print $2 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a != "" && b > 0) printf "%.2f", a / b; else print "n/a" }'; }

# ours [ARGS]: one JVM, PASSES scans; prints "first_ms later_median_ms processes_scanned"
ours() {
    local out times
    out=$(java -jar "$JAR" maps --all --top 3 --passes "$PASSES" "$@" 2>>"$RUN_OUT/ours.err")
    printf '%s\n' "$out" >>"$RUN_OUT/ours.txt"
    times=$(sed -n 's/^scan times (ms)://p' <<<"$out")
    [ -n "$times" ] || die "no scan times in the output of maps --all (see $RUN_OUT/ours.txt)"
    # shellcheck disable=SC2086  # the times are words
    set -- $times
    local first=$1
    shift
    echo "$first $(median "$@") $(sed -n 's/.*; \([0-9]*\) processes scanned in .*/\1/p' <<<"$out")"
}

# wall: one plain `java -jar JAR maps --all`, start to exit, in ms
wall() {
    local t0 t1
    t0=$(now_ms)
    java -jar "$JAR" maps --all >/dev/null 2>>"$RUN_OUT/ours.err"
    t1=$(now_ms)
    echo $(( t1 - t0 ))
}

ROWS=()
for t in "$@"; do
    check_deadline
    if [ "$t" != live ]; then
        log "starting a population of $t"
        start_population "$t" "$RUN_OUT/population-$t.log"
        sleep 3 # let the spawner's own activity settle
    fi
    fl=() first=() later=() single=() walls=() procs="" scanned=""
    for r in $(seq "$ROUNDS"); do
        check_deadline
        floor=$("$SCRIPTS_DIR/floor" -m smaps -n "$PASSES" -q | tail -1)
        printf 'target %s round %s\n%s\n' "$t" "$r" "$floor" >>"$RUN_OUT/floor.txt"
        fl+=("$(field pass_ms_median "$floor")"); procs=$(field procs "$floor")
        read -r f l scanned < <(ours)
        first+=("$f"); later+=("$l")
        read -r _ s1 _ < <(ours --threads 1)
        single+=("$s1")
        walls+=("$(wall)")
        log "$t round $r: floor $(field pass_ms_median "$floor") ms, ours first $f ms, later $l ms, 1 thread $s1 ms"
    done
    stop_population
    fms=$(median "${fl[@]}"); fi_ms=$(median "${first[@]}"); la_ms=$(median "${later[@]}")
    s1_ms=$(median "${single[@]}"); wa_ms=$(median "${walls[@]}")
    ROWS+=("$(printf '%-6s %6s %8s %9.1f %9.1f %9.1f %9.1f %8s %8s %8s %8s %8s' "$t" "$procs" "$scanned" "$fms" \
        "$fi_ms" "$la_ms" "$s1_ms" "$wa_ms" "$(ratio "$fi_ms" "$fms")" "$(ratio "$la_ms" "$fms")" \
        "$(ratio "$s1_ms" "$fms")" "$(ratio "$wa_ms" "$fms")")")
done

{
    echo "maps --all against the C floor (scripts/floor -m smaps); medians of $ROUNDS rounds, $PASSES passes each"
    echo "host: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(uname -r)"
    printf '%-6s %6s %8s %9s %9s %9s %9s %8s %8s %8s %8s %8s\n' target procs scanned floor_ms first_ms later_ms \
        1thr_ms wall_ms first/fl later/fl 1thr/fl wall/fl
    printf '%s\n' "${ROWS[@]}"
} | tee "$RUN_OUT/summary.txt"
