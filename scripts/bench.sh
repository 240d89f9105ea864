#!/usr/bin/env bash
# scripts/bench.sh [live|N ...]   (default: live 100 1000 3000)
#
# The README's "Performance" numbers in one command, from this repository alone. For the live
# machine ("live": every pid in /proc, nothing spawned) and for each N (1..5000 stable test
# processes started with scripts/population.sh) it measures, on the same processes:
#   1. one full collection pass: the C floor (`scripts/floor -m rollup`: stat + statm + smaps_rollup) and
#      ours (`java -jar JAR bench ...`: the engine's Collector, every rollup, no budget; it also
#      reads status), on 1 thread and on THREADS threads, alternated ROUNDS times; total ms and µs
#      per process (medians over the rounds) and our/floor ratios (wall and CPU);
#   2. our exporter, started headless on 127.0.0.1:PORT with the README's JVM flags (JVM_FLAGS) and
#      `--cache-ttl 5 --top-n-others 100000` (every process gets its own series): after WARMUP_S of
#      warm-up, K timed sequential scrapes with curl (one untimed first), plain and gzip
#      (p50/min/max; served from the snapshot), then a soak of SOAK_S seconds with one gzip scrape
#      every SOAK_SCRAPE_S seconds, then the exporter's VmRSS/VmHWM/threads and its CPU use;
#   3. for N (not live): scripts/correctness.sh against smem (fraction of pid×{rss,pss,uss}
#      within 2%).
# It prints one summary table (also saved under target/bench/out/) with the host's load: the cores
# used by everything else during each soak and the 1-minute load average. It stops everything it
# started (EXIT trap): the exporter by pid, the population with population.sh stop. Loopback only;
# every loop is bounded (counts and RUN_DEADLINE_S).
#
# Environment (defaults): JAR (target/herakles-proc-mem.jar, built with `mvn -B -q -o package
# -DskipTests` when missing), JVM_FLAGS ("-XX:+UseSerialGC -Xms8m -Xmx64m -XX:MinHeapFreeRatio=10
# -XX:MaxHeapFreeRatio=30 -Xss512k -XX:TieredStopAtLevel=1"), PORT (19415), PASSES (20), ROUNDS (3),
# THREADS (0 = auto), MEM_BUDGET_MIB (2048: touched memory of the whole population), K (30),
# WARMUP_S (20), SOAK_S (150), SOAK_SCRAPE_S (5), EXPORTER (1; 0 = collection pass only),
# CORRECTNESS (1), RUN_DEADLINE_S (5400). Outputs (logs, RSS series, RESULT lines) go to
# target/bench/out/run-DATE/; the population's pid files to SPAWN_DIR (target/population).
# Optional, off unless set: BENCH_REFERENCE_DIR, an external harness whose `floor` takes the same
# options and prints the same RESULT line; each round then also runs it, and the summary shows its
# µs per process beside ours (to check our floor against another one).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"   # die log need_tool wait_http cpu_ticks status_kib stop_pid num_stats now_ms
                             # require_loopback_url start_population stop_population
JAR=${JAR:-$ROOT/target/herakles-proc-mem.jar}
JVM_FLAGS=${JVM_FLAGS:--XX:+UseSerialGC -Xms8m -Xmx64m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -Xss512k -XX:TieredStopAtLevel=1}
PORT=${PORT:-19415}
PASSES=${PASSES:-20}
ROUNDS=${ROUNDS:-3}
THREADS=${THREADS:-0}
K=${K:-30}
WARMUP_S=${WARMUP_S:-20}
SOAK_S=${SOAK_S:-150}
SOAK_SCRAPE_S=${SOAK_SCRAPE_S:-5}
EXPORTER=${EXPORTER:-1}
CORRECTNESS=${CORRECTNESS:-1}
RUN_DEADLINE_S=${RUN_DEADLINE_S:-5400}
export MEM_BUDGET_MIB=${MEM_BUDGET_MIB:-2048}
WORK=$ROOT/target/bench
RUN_OUT=$WORK/out/run-$(date +%Y%m%d-%H%M%S)
export OUT=$RUN_OUT
mkdir -p "$RUN_OUT"
REFERENCE_FLOOR=""
if [ -n "${BENCH_REFERENCE_DIR:-}" ]; then
    REFERENCE_FLOOR=$BENCH_REFERENCE_DIR/floor
    [ -x "$REFERENCE_FLOOR" ] || die "BENCH_REFERENCE_DIR=$BENCH_REFERENCE_DIR has no executable floor"
fi

require_between PASSES 1 1000
require_between ROUNDS 1 20
require_between K 1 1000
require_between WARMUP_S 0 600
require_between SOAK_S 0 3600
require_between SOAK_SCRAPE_S 1 300
require_between PORT 1024 65535
require_between RUN_DEADLINE_S 60 86400
[ $# -gt 0 ] || set -- live 100 1000 3000
[ $# -le 10 ] || die "at most 10 targets"
for t in "$@"; do
    [ "$t" = live ] || between "$t" 1 5000 || die "each target is 'live' or N in 1..5000, got '$t'"
done
URL=http://127.0.0.1:$PORT/metrics
require_loopback_url "$URL"
need_tool curl curl

if [ ! -f "$JAR" ]; then
    log "building $JAR"
    mvn -B -q -o package -DskipTests
fi
# shellcheck disable=SC2086  # JVM_FLAGS is a list of flags
ours() { java $JVM_FLAGS -jar "$JAR" bench "$@"; }

SPAWN_PID=""; EXP_PID=""
cleanup() {
    if [ -n "$EXP_PID" ]; then stop_pid "$EXP_PID" 15; fi
    stop_population
}
trap cleanup EXIT
trap 'exit 130' INT TERM
START_S=$(date +%s)
check_deadline() {
    [ $(( $(date +%s) - START_S )) -lt "$RUN_DEADLINE_S" ] || die "RUN_DEADLINE_S=$RUN_DEADLINE_S reached"
}

field() { tr ' ' '\n' <<<"$2" | awk -F= -v k="$1" '$1 == k { print $2 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a != "" && b > 0) printf "%.2f", a / b; else print "n/a" }'; }
median() { printf '%s\n' "$@" | num_stats | awk '{ print $2 }'; }
per_proc() { awk -v ms="$1" -v n="$2" 'BEGIN { if (n > 0) printf "%.1f", ms * 1000 / n; else print "n/a" }'; }
NCPU=$(nproc)
CLK_TCK=$(getconf CLK_TCK)
host_jiffies() { awk '/^cpu / { b = $2 + $3 + $4 + $7 + $8 + $9; print b, b + $5 + $6 }' /proc/stat; }
# busy_cores B0 T0 B1 T1 OWN_TICKS -> cores used by everything but OWN in the window
busy_cores() {
    awk -v b0="$1" -v t0="$2" -v b1="$3" -v t1="$4" -v own="$5" -v n="$NCPU" \
        'BEGIN { w = (t1 - t0) / n; if (w <= 0) { print "nan"; exit } v = (b1 - b0 - own) / w; if (v < 0) v = 0; printf "%.2f", v }'
}

spawn() { # spawn N: starts the population and waits until its pid file is written
    start_population "$1" "$RUN_OUT/spawn-$1.log"
    sleep 3 # let the spawner's own activity settle
}


# collection T [PIDFILE]: floor, ours on 1 thread, ours on THREADS threads, ROUNDS times; sets COLL
# to "procs floor_ms floor_us ours1_us ours_auto_us auto_threads floor_cpu_us ours1_cpu_us first_pass_ms
# floor_min_us ours1_min_us" (the *_min_us are the fastest pass of each run: the least disturbed)
COLL="" REF_US="" REF_NOTES=()
collection() {
    local t=$1 sel=() fl=() on=() au=() flc=() onc=() fp=() flm=() onm=() rf=() floor one auto reference th="" procs="" r
    [ $# -lt 2 ] || sel=(-P "$2")
    for r in $(seq "$ROUNDS"); do
        check_deadline
        floor=$("$SCRIPTS_DIR/floor" -m rollup -n "$PASSES" -q "${sel[@]}" | tail -1)
        if [ -n "$REFERENCE_FLOOR" ]; then
            reference=$("$REFERENCE_FLOOR" -m rollup -n "$PASSES" -q "${sel[@]}" | tail -1)
            printf 'target %s round %s reference\n%s\n' "$t" "$r" "$reference" >>"$RUN_OUT/collection.txt"
            rf+=("$(field us_per_proc "$reference")")
        fi
        one=$(ours -n "$PASSES" -q -j 1 "${sel[@]}" | tail -1)
        auto=$(ours -n "$PASSES" -q -j "$THREADS" "${sel[@]}" | tail -1)
        printf 'target %s round %s\n%s\n%s\n%s\n' "$t" "$r" "$floor" "$one" "$auto" >>"$RUN_OUT/collection.txt"
        fl+=("$(field pass_ms_median "$floor")")
        on+=("$(field us_per_proc "$one")"); au+=("$(field us_per_proc "$auto")")
        flc+=("$(per_proc "$(field cpu_ms_per_pass "$floor")" "$(field procs "$floor")")")
        onc+=("$(per_proc "$(field cpu_ms_per_pass "$one")" "$(field procs "$one")")")
        fp+=("$(field first_pass_ms "$one")"); th=$(field threads "$auto"); procs=$(field procs "$floor")
        flm+=("$(per_proc "$(field pass_ms_min "$floor")" "$procs")")
        onm+=("$(per_proc "$(field pass_ms_min "$one")" "$(field procs "$one")")")
    done
    local fms
    fms=$(median "${fl[@]}")
    REF_US=""
    [ ${#rf[@]} -eq 0 ] || REF_US=$(median "${rf[@]}")
    COLL="$procs $fms $(per_proc "$fms" "$procs") $(median "${on[@]}") $(median "${au[@]}") $th $(median "${flc[@]}") $(median "${onc[@]}") $(median "${fp[@]}") $(median "${flm[@]}") $(median "${onm[@]}")"
}

# time_scrapes URL K identity|gzip: one untimed scrape, then K sequential ones, each on a new
# connection, asking for the given Content-Encoding as Prometheus does; prints each curl time_total
# and last "RESULT k=.. ok=.. failed=.. min_ms=.. median_ms=.. max_ms=.. bytes=.. series=.."
# (bytes as transferred; series = sample lines of the last body).
time_scrapes() {
    local url=$1 k=$2 encoding=$3 body=$RUN_OUT/scrape-body ok=0 failed=0 i out code secs bytes series
    local times=()
    for i in $(seq 0 "$k"); do
        out=$(curl -sS --noproxy '*' --max-time 60 -H "Accept-Encoding: $encoding" -o "$body" \
            -w '%{http_code} %{time_total} %{size_download}' "$url" 2>/dev/null) || out="000 0 0"
        read -r code secs bytes <<<"$out"
        [ "$i" -gt 0 ] || continue
        if [ "$code" = 200 ]; then
            ok=$((ok + 1)); times+=("$(awk -v s="$secs" 'BEGIN { printf "%.3f", s * 1000 }')")
            echo "scrape $i: ${times[-1]} ms, $bytes bytes"
        else
            failed=$((failed + 1)); echo "scrape $i: HTTP $code"
        fi
    done
    series=$( { if [ "$encoding" = gzip ]; then gzip -dc "$body" 2>/dev/null; else cat "$body"; fi; } | grep -vc '^#' || true)
    local min=nan med=nan max=nan
    [ "$ok" -eq 0 ] || read -r min med max _ < <(printf '%s\n' "${times[@]}" | num_stats)
    echo "RESULT k=$k ok=$ok failed=$failed min_ms=$min median_ms=$med max_ms=$max bytes=${bytes:-0} series=$series"
}

# exporter T [PIDFILE]: starts the exporter, warms up, times scrapes, soaks, checks correctness,
# stops it; sets EXP to "plain_p50 plain_min plain_max gzip_p50 gzip_min gzip_max kib series
# rss_mib hwm_mib threads cpu_pct others_cores load1 correct missing"
EXP=""
exporter() {
    local t=$1 pidfile=${2:-} log=$RUN_OUT/exporter-$1.log
    check_deadline
    # shellcheck disable=SC2086
    java $JVM_FLAGS -jar "$JAR" --exporter --bind 127.0.0.1 --port "$PORT" --cache-ttl 5 \
        --top-n-others 100000 >"$log" 2>&1 &
    EXP_PID=$!
    wait_http "$URL" 180 || { tail -5 "$log" >&2; die "the exporter did not answer on $URL (log: $log)"; }
    local i end
    end=$(( $(date +%s) + WARMUP_S ))
    for i in $(seq 1 $(( WARMUP_S / 2 + 1 ))); do
        [ "$(date +%s)" -lt "$end" ] || break
        curl -sS --noproxy '*' --max-time 60 --compressed -o /dev/null "$URL" || true
        sleep 2
    done
    local plain gz
    plain=$(time_scrapes "$URL" "$K" identity | tee "$RUN_OUT/scrape-$t-plain.txt" | tail -1) || true
    gz=$(time_scrapes "$URL" "$K" gzip | tee "$RUN_OUT/scrape-$t-gzip.txt" | tail -1) || true
    # soak: one gzip scrape every SOAK_SCRAPE_S, VmRSS sampled after each
    local hb0 ht0 hb1 ht1 c0 c1 ms0 ms1 series=$RUN_OUT/rss-$t.tsv
    printf 'seconds\tvmrss_kib\tthreads\n' >"$series"
    read -r hb0 ht0 < <(host_jiffies); c0=$(cpu_ticks "$EXP_PID"); ms0=$(now_ms)
    end=$(( $(date +%s) + SOAK_S ))
    for i in $(seq 1 $(( SOAK_S / SOAK_SCRAPE_S + 1 ))); do
        [ "$(date +%s)" -lt "$end" ] || break
        kill -0 "$EXP_PID" 2>/dev/null || die "the exporter died during the soak (log: $log)"
        curl -sS --noproxy '*' --max-time 60 --compressed -o /dev/null "$URL" || log "soak scrape $i failed"
        printf '%s\t%s\t%s\n' $(( $(now_ms) / 1000 - ms0 / 1000 )) "$(status_kib "$EXP_PID" VmRSS)" \
            "$(awk '$1 == "Threads:" { print $2 }' "/proc/$EXP_PID/status")" >>"$series"
        sleep "$SOAK_SCRAPE_S"
    done
    read -r hb1 ht1 < <(host_jiffies); c1=$(cpu_ticks "$EXP_PID"); ms1=$(now_ms)
    local rss hwm threads cpu_pct others load1 correct="n/a" missing="n/a"
    cp "/proc/$EXP_PID/status" "$RUN_OUT/exporter-$t.status"
    rss=$(status_kib "$EXP_PID" VmRSS); hwm=$(status_kib "$EXP_PID" VmHWM)
    threads=$(awk '$1 == "Threads:" { print $2 }' "/proc/$EXP_PID/status")
    cpu_pct=$(awk -v c=$(( (c1 - c0) * 1000 / CLK_TCK )) -v w=$((ms1 - ms0)) 'BEGIN { printf "%.1f", (w > 0 ? 100 * c / w : 0) }')
    others=$(busy_cores "$hb0" "$ht0" "$hb1" "$ht1" $((c1 - c0)))
    load1=$(cut -d' ' -f1 /proc/loadavg)
    if [ -n "$pidfile" ] && [ "$CORRECTNESS" = 1 ]; then
        local res
        res=$(PIDFILE=$pidfile "$SCRIPTS_DIR/correctness.sh" --url "http://127.0.0.1:$PORT" 2>&1 | tee "$RUN_OUT/correctness-$t.txt" | tail -1) || true
        correct=$(field overall "$res"); missing=$(field missing "$res")
        [ -n "$correct" ] || { correct=failed; missing=n/a; }
    fi
    stop_pid "$EXP_PID" 15; EXP_PID=""
    EXP="$(field median_ms "$plain") $(field min_ms "$plain") $(field max_ms "$plain") $(field median_ms "$gz") \
$(field min_ms "$gz") $(field max_ms "$gz") $(( $(field bytes "$plain") / 1024 )) $(field series "$plain") \
$(awk -v k="$rss" 'BEGIN { printf "%.1f", k / 1024 }') $(awk -v k="$hwm" 'BEGIN { printf "%.1f", k / 1024 }') \
$threads $cpu_pct $others $load1 $correct $missing"
}

TABLE=$RUN_OUT/summary.md
log "run: $* ; outputs in $RUN_OUT"
{
    echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(uname -r), $NCPU cpus, $(java -version 2>&1 | head -1)"
    echo "Collection: median over $ROUNDS rounds of $PASSES passes; ours = \`java $JVM_FLAGS -jar $(basename "$JAR") bench\`."
    echo "Exporter: \`java $JVM_FLAGS -jar $(basename "$JAR") --exporter --bind 127.0.0.1 --port $PORT --cache-ttl 5 --top-n-others 100000\`;"
    echo "K=$K sequential scrapes after ${WARMUP_S}s warm-up; RSS after a ${SOAK_S}s soak with a gzip scrape every ${SOAK_SCRAPE_S}s."
    echo "Others = cores used by the rest of the host during the soak (of $NCPU); load1 at its end."
    echo
    echo "| target | pids | floor pass ms | floor µs/proc | ours µs/proc (1 thr) | ratio | ours µs/proc (auto, thr) | ratio | CPU ratio (1 thr) | fastest pass µs/proc: floor / ours (ratio) | ours first pass ms | scrape p50 ms (min–max) | gzip p50 ms (min–max) | body KiB / series | RSS MiB (HWM) | threads | exporter CPU % | correct within 2% | others cores | load1 |"
    echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
} >"$TABLE"
for t in "$@"; do
    check_deadline
    pidfile=""
    if [ "$t" != live ]; then
        log "=== N=$t: spawning"
        spawn "$t"
        pidfile=$SPAWN_DIR/procs.pids
    else
        log "=== live machine"
    fi
    log "collection pass: floor vs ours"
    # shellcheck disable=SC2086
    collection "$t" $pidfile
    read -r procs fms fus o1 oa th fc oc fp fmin omin <<<"$COLL"
    exp="n/a n/a n/a n/a n/a n/a n/a n/a n/a n/a n/a n/a n/a n/a n/a n/a"
    if [ "$EXPORTER" = 1 ]; then
        log "exporter: warm-up ${WARMUP_S}s, $K+$K scrapes, soak ${SOAK_S}s"
        # shellcheck disable=SC2086
        exporter "$t" $pidfile
        exp=$EXP
    fi
    read -r p50 pmin pmax g50 gmin gmax kib series rss hwm threads cpu others load1 correct missing <<<"$exp"
    printf '| %s | %s | %s | %s | %s | %s | %s (%s) | %s | %s | %s / %s (%s) | %s | %s (%s–%s) | %s (%s–%s) | %s / %s | %s (%s) | %s | %s | %s (%s missing) | %s | %s |\n' \
        "$t" "$procs" "$fms" "$fus" "$o1" "$(ratio "$o1" "$fus")" "$oa" "$th" "$(ratio "$oa" "$fus")" "$(ratio "$oc" "$fc")" \
        "$fmin" "$omin" "$(ratio "$omin" "$fmin")" "$fp" "$p50" "$pmin" "$pmax" "$g50" "$gmin" "$gmax" "$kib" "$series" "$rss" "$hwm" "$threads" "$cpu" \
        "$correct" "$missing" "$others" "$load1" >>"$TABLE"
    tail -1 "$TABLE" >&2
    [ -z "$REF_US" ] || REF_NOTES+=("- $t: reference floor ($REFERENCE_FLOOR) $REF_US µs/proc, ours $fus µs/proc")
    stop_population
done
if [ ${#REF_NOTES[@]} -gt 0 ]; then
    { echo; printf '%s\n' "${REF_NOTES[@]}"; } >>"$TABLE"
fi
echo
cat "$TABLE"
echo "(saved to $TABLE; raw outputs in $RUN_OUT)"
[ "${SCRAPE_BENCH:-1}" = 0 ] || "$ROOT/scripts/scrape-bench.sh" 1000 3000 # what a scrape costs (docs/PERFORMANCE.md#scrapes); SCRAPE_BENCH=0 skips it
