#!/usr/bin/env bash
# scripts/bench-jvm-flags.sh N 'FLAGS A' ['FLAGS B' ...]   (at most 6 flag sets)
#
# Compares the exporter's resident memory under several JVM flag sets on one population: spawns N
# test processes (scripts/population.sh; N=0 = the live machine only), starts one exporter per
# flag set side by side (127.0.0.1, ports PORT, PORT+1, ...; `--cache-ttl 5 --top-n-others
# 100000`), scrapes each (gzip) every SCRAPE_S seconds for SOAK_S seconds and samples VmRSS after
# every round. Prints VmRSS per flag set over time, then VmRSS/VmHWM/RssAnon/RssFile, heap in use
# after a full GC (jcmd) and the exporter's CPU. The exporters run at the same time, so their
# collection passes compete for the CPU: compare memory here, time with scripts/bench.sh.
# Stops everything it started (EXIT trap). Environment: JAR (target/herakles-proc-mem.jar), PORT
# (19421), SOAK_S (240), SCRAPE_S (5), MEM_BUDGET_MIB (2048), SPAWN_DIR (target/population).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"   # die wait_http cpu_ticks status_kib stop_pid now_ms start_population stop_population
JAR=${JAR:-$ROOT/target/herakles-proc-mem.jar}
PORT=${PORT:-19421}
SOAK_S=${SOAK_S:-240}
SCRAPE_S=${SCRAPE_S:-5}
export MEM_BUDGET_MIB=${MEM_BUDGET_MIB:-2048}
WORK=$ROOT/target/bench
OUTDIR=$WORK/out/flags-$(date +%Y%m%d-%H%M%S)
mkdir -p "$OUTDIR"

[ $# -ge 2 ] && [ $# -le 7 ] || { sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
N=$1; shift
[[ "$N" =~ ^[0-9]+$ ]] && [ "$N" -le 5000 ] || die "N must be 0..5000"
[[ "$SOAK_S" =~ ^[0-9]+$ ]] && [ "$SOAK_S" -le 3600 ] || die "SOAK_S must be 0..3600"
[[ "$SCRAPE_S" =~ ^[0-9]+$ ]] && [ "$SCRAPE_S" -ge 1 ] && [ "$SCRAPE_S" -le 300 ] || die "SCRAPE_S must be 1..300"
[[ "$PORT" =~ ^[0-9]+$ ]] && [ "$PORT" -ge 1024 ] && [ "$PORT" -le 65500 ] || die "PORT must be 1024..65500"
[ -f "$JAR" ] || die "no $JAR (mvn -B -q -o package -DskipTests)"
FLAGS=("$@")

SPAWN_PID=""; PIDS=()
cleanup() {
    local p
    for p in "${PIDS[@]}"; do stop_pid "$p" 15; done
    stop_population
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [ "$N" -gt 0 ]; then
    start_population "$N" "$OUTDIR/spawn.log"
fi
for i in "${!FLAGS[@]}"; do
    # shellcheck disable=SC2086  # a flag set is a list of flags
    java ${FLAGS[$i]} -jar "$JAR" --exporter --bind 127.0.0.1 --port $((PORT + i)) --cache-ttl 5 \
        --top-n-others 100000 >"$OUTDIR/exporter-$i.log" 2>&1 &
    PIDS+=($!)
done
for i in "${!FLAGS[@]}"; do
    wait_http "http://127.0.0.1:$((PORT + i))/metrics" 180 || die "exporter $i (${FLAGS[$i]}) did not answer"
done
c0=(); for p in "${PIDS[@]}"; do c0+=("$(cpu_ticks "$p")"); done
ms0=$(now_ms)
{
    printf 'seconds'; for i in "${!FLAGS[@]}"; do printf '\tset%s_rss_mib' "$i"; done; echo
} >"$OUTDIR/rss.tsv"
end=$(( $(date +%s) + SOAK_S ))
for _ in $(seq 1 $(( SOAK_S / SCRAPE_S + 1 ))); do
    [ "$(date +%s)" -lt "$end" ] || break
    row=$(( ($(now_ms) - ms0) / 1000 ))
    for i in "${!FLAGS[@]}"; do
        kill -0 "${PIDS[$i]}" 2>/dev/null || die "exporter $i died (log: $OUTDIR/exporter-$i.log)"
        curl -sS --noproxy '*' --max-time 60 --compressed -o /dev/null "http://127.0.0.1:$((PORT + i))/metrics" || true
        row+=$(awk -v k="$(status_kib "${PIDS[$i]}" VmRSS)" 'BEGIN { printf "\t%.1f", k / 1024 }')
    done
    echo "$row" >>"$OUTDIR/rss.tsv"
    sleep "$SCRAPE_S"
done
ms1=$(now_ms)
CLK_TCK=$(getconf CLK_TCK)
echo "N=$N, soak ${SOAK_S}s, a gzip scrape every ${SCRAPE_S}s; $(date -u '+%Y-%m-%d %H:%M UTC'); load $(cut -d' ' -f1-3 /proc/loadavg)"
column -t "$OUTDIR/rss.tsv" | awk 'NR == 1 || NR % 6 == 2'
echo
echo "| set | JVM flags | VmRSS MiB | VmHWM MiB | RssAnon MiB | RssFile MiB | heap used after full GC MiB | threads | CPU % of a core |"
echo "|---|---|---|---|---|---|---|---|---|"
for i in "${!FLAGS[@]}"; do
    p=${PIDS[$i]}
    mib() { awk -v k="$(status_kib "$p" "$1")" 'BEGIN { printf "%.1f", k / 1024 }'; }
    rss=$(mib VmRSS); hwm=$(mib VmHWM); anon=$(mib RssAnon); file=$(mib RssFile)
    threads=$(awk '$1 == "Threads:" { print $2 }' "/proc/$p/status")
    cpu=$(awk -v c=$(( ($(cpu_ticks "$p") - c0[i]) * 1000 / CLK_TCK )) -v w=$((ms1 - ms0)) 'BEGIN { printf "%.1f", (w > 0 ? 100 * c / w : 0) }')
    used=$( (timeout 60 jcmd "$p" GC.run >/dev/null 2>&1 && timeout 60 jcmd "$p" GC.heap_info 2>/dev/null) \
        | awk '/generation|garbage-first heap/ { for (f = 1; f <= NF; f++) if ($f == "used") { v = $(f + 1); sub(/K,?/, "", v); s += v } }
               END { if (s) printf "%.1f", s / 1024; else print "n/a" }')
    echo "| $i | \`${FLAGS[$i]}\` | $rss | $hwm | $anon | $file | $used | $threads | $cpu |"
done | tee "$OUTDIR/summary.md"
echo "(raw: $OUTDIR)"
