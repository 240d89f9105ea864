#!/usr/bin/env bash
# scripts/scrape-bench.sh [N ...]   (default: 1000 3000)
#
# What a /metrics scrape costs. For each N (stable test processes started with start_population
# from scripts/lib.sh) and for two starts of the exporter,
#   plain: java -jar JAR --exporter ...                 (the README's exporter line: no JVM flags;
#          the jar re-executes itself with its tuned flags, launch.TunedFlags.EXPORTER)
#   flags: java $JVM_FLAGS -jar JAR --exporter ...       (flags given by hand, e.g. an older README's)
# both with `--bind 127.0.0.1 --port PORT $EXPORTER_ARGS`, it measures with scripts/ScrapeLoad.java:
#   1. scrape latency p50/p99 over K sequential keep-alive scrapes, plain and gzip (gzip asked for
#      as Prometheus asks: its Accept header and Accept-Encoding: gzip);
#   2. requests/s with CLIENTS keep-alive clients scraping back to back for LOAD_S seconds, plain
#      and gzip;
#   3. the exporter's VmRSS before and after SOAK_S seconds of that load (gzip), and its VmHWM
#      (with a child JVM, if a plain start had to keep a launcher, summed).
# Once per run (without a population; synthetic snapshots in-process) it also prints the heap
# allocated by the server's threads per repeated scrape at 100 and 3000 processes
# (ThreadMXBean.getThreadAllocatedBytes, ScrapeAllocationTest run through Maven offline).
#
# Environment (defaults): JAR (target/herakles-proc-mem.jar, built with `mvn -B -q -o package
# -DskipTests` when missing), JVM_FLAGS (an older README's line), EXPORTER_ARGS ("--top-n-others 100000":
# every process its own series), PORT (19416), K (200), CLIENTS (16), LOAD_S (15), SOAK_S (300),
# WARMUP_S (10), STARTS ("plain"; "plain flags" adds the hand-flagged start), ALLOC (1; 0 skips the allocation measurement),
# RUN_DEADLINE_S (3600). Loopback only; every loop is bounded (counts, seconds, RUN_DEADLINE_S).
# It stops what it started (EXIT trap): the exporter by pid, the population. Prints one table,
# also saved as target/bench/scrape-DATE/summary.md with the raw outputs beside it.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
# shellcheck source=lib.sh
. "$ROOT/scripts/lib.sh"   # start_population, stop_population
JAR=${JAR:-$ROOT/target/herakles-proc-mem.jar}
JVM_FLAGS=${JVM_FLAGS:--XX:+UseSerialGC -Xms8m -Xmx64m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -Xss512k -XX:TieredStopAtLevel=1}
EXPORTER_ARGS=${EXPORTER_ARGS:---top-n-others 100000}
PORT=${PORT:-19416}
K=${K:-200}
CLIENTS=${CLIENTS:-16}
LOAD_S=${LOAD_S:-15}
SOAK_S=${SOAK_S:-300}
WARMUP_S=${WARMUP_S:-10}
STARTS=${STARTS:-plain}
ALLOC=${ALLOC:-1}
RUN_DEADLINE_S=${RUN_DEADLINE_S:-3600}
WORK=$ROOT/target/bench
OUT=$WORK/scrape-$(date +%Y%m%d-%H%M%S)
export SPAWN_DIR=${SPAWN_DIR:-$WORK/run} BUILD_DIR=${BUILD_DIR:-$WORK/build}
export MEM_BUDGET_MIB=${MEM_BUDGET_MIB:-2048}
mkdir -p "$OUT" "$SPAWN_DIR" "$BUILD_DIR"

require_between PORT 1024 65535
require_between K 1 10000
require_between CLIENTS 1 64
require_between LOAD_S 1 600
require_between SOAK_S 1 3600
require_between WARMUP_S 0 600
require_between RUN_DEADLINE_S 60 86400
for s in $STARTS; do
    [ "$s" = plain ] || [ "$s" = flags ] || die "STARTS holds 'plain' and/or 'flags', got '$s'"
done
[ $# -gt 0 ] || set -- 1000 3000
[ $# -le 6 ] || die "at most 6 populations"
for n in "$@"; do between "$n" 1 5000 || die "each N must be 1..5000, got '$n'"; done
URL=http://127.0.0.1:$PORT/metrics

if [ ! -f "$JAR" ]; then
    log "building $JAR"
    mvn -B -q -o package -DskipTests
fi
# the load client, compiled once (its JVM is kept small so it competes little with the exporter)
javac -d "$OUT/client" scripts/ScrapeLoad.java
load() { java -XX:+UseSerialGC -Xmx64m -XX:TieredStopAtLevel=1 -cp "$OUT/client" ScrapeLoad "$@"; }

EXP_PID=""; SPAWNED=""
stop_exporter() {
    [ -n "$EXP_PID" ] || return 0
    kill -TERM "$EXP_PID" 2>/dev/null || true
    local i
    for i in $(seq 1 100); do kill -0 "$EXP_PID" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$EXP_PID" 2>/dev/null || true
    wait "$EXP_PID" 2>/dev/null || true
    EXP_PID=""
}
stop_population_started() {
    [ -n "$SPAWNED" ] || return 0
    stop_population >&2 || true
    SPAWNED=""
}
cleanup() { stop_exporter; stop_population_started; }
trap cleanup EXIT
trap 'exit 130' INT TERM
START_S=$(date +%s)
check_deadline() { [ $(( $(date +%s) - START_S )) -lt "$RUN_DEADLINE_S" ] || die "RUN_DEADLINE_S=$RUN_DEADLINE_S reached"; }

field() { tr ' ' '\n' <<<"$2" | awk -F= -v k="$1" '$1 == k { print $2 }'; }
# rss_mib PID FIELD: FIELD (VmRSS, VmHWM) of PID and its children, summed: a plain `java -jar` start
# re-executes itself in place (one JVM), but where exec is impossible it is a waiting launcher JVM
# and its child, and then both cost memory
rss_mib() {
    local pids="$1 $(pgrep -P "$1" | tr '\n' ' ')"
    # shellcheck disable=SC2086
    (cd /proc && awk -v f="$2:" '$1 == f { t += $2; found = 1 } END { if (found) printf "%.1f", t / 1024; else print "n/a" }' \
        $(for p in $pids; do [ -r "$p/status" ] && echo "$p/status"; done) </dev/null)
}
wait_metrics() {
    local end=$(( $(date +%s) + 180 ))
    while [ "$(date +%s)" -lt "$end" ]; do
        kill -0 "$EXP_PID" 2>/dev/null || return 1
        load latency "$URL" 1 plain >/dev/null 2>&1 && return 0
        sleep 0.5
    done
    return 1
}

# measure N START: one exporter start, all its measurements; appends a table row
measure() {
    local n=$1 start=$2 log=$OUT/exporter-$1-$2.log flags=""
    check_deadline
    [ "$start" = flags ] && flags=$JVM_FLAGS
    # shellcheck disable=SC2086  # flag lists
    java $flags -jar "$JAR" --exporter --bind 127.0.0.1 --port "$PORT" $EXPORTER_ARGS >"$log" 2>&1 &
    EXP_PID=$!
    wait_metrics || { tail -5 "$log" >&2; die "the exporter did not answer on $URL (log: $log)"; }
    local end=$(( $(date +%s) + WARMUP_S ))
    while [ "$(date +%s)" -lt "$end" ]; do load latency "$URL" 5 gzip >/dev/null; load latency "$URL" 5 plain >/dev/null; done
    local lp lg rp rg soak rss0 rss1 hwm
    lp=$(load latency "$URL" "$K" plain | tee -a "$OUT/raw.txt")
    lg=$(load latency "$URL" "$K" gzip | tee -a "$OUT/raw.txt")
    rp=$(load load "$URL" "$CLIENTS" "$LOAD_S" plain | tee -a "$OUT/raw.txt")
    rg=$(load load "$URL" "$CLIENTS" "$LOAD_S" gzip | tee -a "$OUT/raw.txt")
    check_deadline
    rss0=$(rss_mib "$EXP_PID" VmRSS)
    log "N=$n $start: soak ${SOAK_S}s with $CLIENTS clients (gzip)"
    soak=$(load load "$URL" "$CLIENTS" "$SOAK_S" gzip | tee -a "$OUT/raw.txt")
    kill -0 "$EXP_PID" 2>/dev/null || die "the exporter died during the soak (log: $log)"
    rss1=$(rss_mib "$EXP_PID" VmRSS); hwm=$(rss_mib "$EXP_PID" VmHWM)
    cp "/proc/$EXP_PID/status" "$OUT/exporter-$n-$start.status"
    stop_exporter
    printf '| %s | %s | %s | %s / %s | %s / %s | %s / %s | %s | %s | %s (%s %%) | %s | %s / %s |\n' \
        "$n" "$start" "$(( $(field bytes "$lp") / 1024 ))" \
        "$(field p50_ms "$lp")" "$(field p99_ms "$lp")" "$(field p50_ms "$lg")" "$(field p99_ms "$lg")" \
        "$(field rps "$rp")" "$(field rps "$rg")" "$(field p50_ms "$rg")" "$rss0" "$rss1" \
        "$(awk -v a="$rss0" -v b="$rss1" 'BEGIN { if (a > 0) printf "%+.0f", 100 * (b - a) / a; else print "n/a" }')" \
        "$hwm" "$(( $(field errors "$soak") + $(field errors "$rg") + $(field errors "$rp") ))" \
        "$(( $(field status_503 "$soak") + $(field status_503 "$rg") + $(field status_503 "$rp") ))" >>"$TABLE"
    tail -1 "$TABLE" >&2
}

TABLE=$OUT/summary.md
{
    echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(uname -r), $(nproc) cpus, $(java -version 2>&1 | head -1), load1 $(cut -d' ' -f1 /proc/loadavg) at start"
    echo "Exporter: \`java [JVM_FLAGS] -jar $(basename "$JAR") --exporter --bind 127.0.0.1 --port $PORT $EXPORTER_ARGS\`; plain = no JVM flags, flags = \`$JVM_FLAGS\`."
    echo "Latency: $K sequential keep-alive scrapes after ${WARMUP_S}s warm-up. Load: $CLIENTS keep-alive clients for ${LOAD_S}s; soak: the same (gzip) for ${SOAK_S}s between the two RSS readings."
    echo
    echo "| N | start | body KiB | plain p50 / p99 ms | gzip p50 / p99 ms | req/s plain / gzip ($CLIENTS clients) | gzip p50 ms under load | RSS MiB before | RSS MiB after soak (growth) | HWM MiB | errors / 503 |"
    echo "|---|---|---|---|---|---|---|---|---|---|---|"
} >"$TABLE"
for n in "$@"; do
    check_deadline
    log "=== N=$n: starting the population"
    start_population "$n" "$OUT/spawn-$n.log"
    SPAWNED=1
    sleep 3 # let the spawner settle
    for s in $STARTS; do
        measure "$n" "$s"
    done
    stop_population_started
done
if [ "$ALLOC" = 1 ]; then
    check_deadline
    log "allocation per repeated scrape (in-process, synthetic snapshots of 100 and 3000 processes)"
    mvn -B -q -o test -Dtest=ScrapeAllocationTest -Dsurefire.failIfNoSpecifiedTests=false \
        -Dherakles.bench.out="$OUT/alloc.txt" >"$OUT/alloc-mvn.log" 2>&1 || log "allocation measurement failed (see $OUT/alloc-mvn.log)"
    {
        echo
        echo "Heap allocated by the server's threads per repeated scrape of one snapshot (ThreadMXBean):"
        echo
        echo "| processes | format | bytes per scrape |"
        echo "|---|---|---|"
        awk '/^RESULT scrape_alloc/ { split($3, p, "="); split($4, f, "="); split($5, b, "="); printf "| %s | %s | %s |\n", p[2], f[2], b[2] }' \
            "$OUT/alloc.txt" 2>/dev/null
    } >>"$TABLE"
fi
echo
cat "$TABLE"
echo "(saved to $TABLE; raw outputs in $OUT)"
