#!/usr/bin/env bash
# scripts/correctness.sh N            (N = 1..5000)
# scripts/correctness.sh --url URL    (an exporter that is already running, loopback only)
#
# Are our RSS/PSS/USS right? Compares, per process, what our exporter publishes with smem, which
# sums the full /proc/PID/smaps, and prints the share of values within TOLERANCE (2 %).
#
# With N it starts a population of N test processes (scripts/population.sh) and our exporter
# (`java -jar JAR --exporter --no-config --bind 127.0.0.1 --port PORT --cache-ttl 5`), compares,
# and stops both. With --url it starts nothing and checks the exporter at URL (its base address,
# e.g. http://127.0.0.1:19415) for the pids in PIDFILE. Our values come from the exporter's
# /snapshot (every process, sizes in bytes; `test --format json` prints only the top 10).
# The test processes keep their memory constant, so reading ours and smem's seconds apart is fair.
# The C floor's own smaps_rollup values (scripts/floor -p) are compared with smem the same way, as a
# check of the comparison itself.
#
# Output: a table per metric, the worst mismatches, and last
#   RESULT rss_fraction=.. pss_fraction=.. uss_fraction=.. overall=.. compared=.. missing=.. tolerance=..
# (missing: values we did not publish for a pid smem saw; each counts as a miss). Exit status 0 when
# every metric reaches MIN_FRACTION, 1 when one does not, 2 on errors.
#
# It installs smem (and python3, curl, cc) with apt-get when run as root and they are missing.
# Environment: TOLERANCE (0.02), MIN_FRACTION (0.95), PIDFILE ($SPAWN_DIR/procs.pids), JAR
# (target/herakles-proc-mem.jar, built when missing), PORT (19416), JVM_FLAGS (-Xmx64m
# -XX:+UseSerialGC), MEM_BUDGET_MIB (1024), SPAWN_DIR (target/population).
set -euo pipefail
# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"

usage() { sed -n '2,25p' "$0" | sed 's/^# \{0,1\}//'; }
TOLERANCE=${TOLERANCE:-0.02}
MIN_FRACTION=${MIN_FRACTION:-0.95}
JAR=${JAR:-$REPO_ROOT/target/herakles-proc-mem.jar}
PORT=${PORT:-19416}
JVM_FLAGS=${JVM_FLAGS:--Xmx64m -XX:+UseSerialGC}
export MEM_BUDGET_MIB=${MEM_BUDGET_MIB:-1024}

N="" URL=""
case "${1:-}" in
    --url) [ $# -eq 2 ] || { usage >&2; exit 2; }; URL=${2%/} ;;
    -h | --help) usage; exit 0 ;;
    *) [ $# -eq 1 ] || { usage >&2; exit 2; }; N=$1
       [[ "$N" =~ ^[0-9]+$ ]] && [ "$N" -ge 1 ] && [ "$N" -le 5000 ] || die "N must be 1..5000, got '$N'" ;;
esac
[[ "$TOLERANCE" =~ ^0?\.[0-9]+$ ]] || die "TOLERANCE must be a fraction like 0.02, got '$TOLERANCE'"
[[ "$MIN_FRACTION" =~ ^(0?\.[0-9]+|1|1\.0)$ ]] || die "MIN_FRACTION must be 0..1, got '$MIN_FRACTION'"
PIDFILE=${PIDFILE:-$SPAWN_DIR/procs.pids}
need_tool curl curl
need_tool python3 python3
need_tool smem smem

WORK=$(mktemp -d)
SPAWN_PID="" EXPORTER_PID=""
cleanup() {
    stop_pid "$EXPORTER_PID" 10
    stop_population
    rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [ -n "$N" ]; then
    [[ "$PORT" =~ ^[0-9]+$ ]] && [ "$PORT" -ge 1024 ] && [ "$PORT" -le 65535 ] || die "PORT must be 1024..65535"
    need_tool java default-jre-headless
    if [ ! -f "$JAR" ]; then
        log "building $JAR"
        (cd "$REPO_ROOT" && { mvn -B -q -o package -DskipTests || mvn -B -q package -DskipTests; }) >&2 \
            || die "building the jar failed (mvn -B package -DskipTests)"
    fi
    PIDFILE=$SPAWN_DIR/procs.pids
    log "starting $N test processes"
    start_population "$N" "$WORK/population.log"
    URL=http://127.0.0.1:$PORT
    # shellcheck disable=SC2086 # JVM_FLAGS is a list of flags
    java $JVM_FLAGS -jar "$JAR" --exporter --no-config --bind 127.0.0.1 --port "$PORT" --cache-ttl 5 \
        >"$WORK/exporter.log" 2>&1 &
    EXPORTER_PID=$!
    wait_http "$URL/metrics" 120 || { tail -5 "$WORK/exporter.log" >&2; die "the exporter did not answer on $URL"; }
fi
require_loopback_url "$URL"
[ -s "$PIDFILE" ] || die "no pid file $PIDFILE: start a population first (scripts/population.sh start N) or set PIDFILE"

# The first snapshot can predate the exporter's first complete pass: wait (bounded) until it holds
# every pid of the population.
fetch_snapshot() {
    curl -sS --noproxy '*' --max-time 120 -o "$WORK/snapshot.json" -w '%{http_code}' "$URL/snapshot" \
        2>"$WORK/curl.err" | grep -qx 200
}
deadline=$(( $(date +%s) + 60 ))
until fetch_snapshot && python3 - "$WORK/snapshot.json" "$PIDFILE" <<'PY'
import json, sys
procs = {p["pid"] for p in json.load(open(sys.argv[1]))["processes"]}
wanted = {int(w) for w in open(sys.argv[2]).read().split()}
sys.exit(0 if wanted <= procs else 1)
PY
do
    [ "$(date +%s)" -lt "$deadline" ] || { log "the snapshot still lacks some pids after 60 s; comparing anyway"; break; }
    sleep 1
done
[ -s "$WORK/snapshot.json" ] || die "no snapshot from $URL/snapshot: $(cat "$WORK/curl.err")"
timeout 600 smem -c "pid uss pss rss" -H >"$WORK/smem.txt" 2>"$WORK/smem.err" \
    || die "smem failed: $(head -c 300 "$WORK/smem.err")"
"$SCRIPTS_DIR/floor" -m rollup -n 1 -w 0 -q -p -P "$PIDFILE" >"$WORK/floor.txt" 2>/dev/null || true

python3 - "$WORK/snapshot.json" "$WORK/smem.txt" "$WORK/floor.txt" "$PIDFILE" "$TOLERANCE" "$MIN_FRACTION" <<'PY'
import json, math, sys

snapshot_path, smem_path, floor_path, pidfile, tolerance, min_fraction = sys.argv[1:]
tolerance, min_fraction = float(tolerance), float(min_fraction)
METRICS = ("rss", "pss", "uss")

# ours: bytes, null when unknown
ours = {p["pid"]: p for p in json.load(open(snapshot_path))["processes"]}
# smem -c "pid uss pss rss" -H: KiB
smem = {}
for line in open(smem_path):
    cols = line.split()
    if len(cols) == 4 and all(c.isdigit() for c in cols):
        pid, uss, pss, rss = map(int, cols)
        smem[pid] = {"uss": uss * 1024, "pss": pss * 1024, "rss": rss * 1024}
# floor -p: pid rss pss uss utime stime comm, KiB
floor = {}
for line in open(floor_path):
    cols = line.split()
    if len(cols) >= 4 and not line.startswith(("floor", "RESULT")):
        floor[int(cols[0])] = {"rss": int(cols[1]) * 1024, "pss": int(cols[2]) * 1024, "uss": int(cols[3]) * 1024}

pids = [int(w) for w in open(pidfile).read().split()]
compared = [p for p in pids if p in smem]
print(f"{len(pids)} pids in {pidfile}, {len(compared)} seen by smem; values within {tolerance:.0%} of smem:")


def compare(source, name):
    """(fractions by metric, within, total, missing, mismatches) of source against smem"""
    fractions, mismatches, within_all, missing_all = {}, [], 0, 0
    print(f"  {name:<8} {'metric':<6} {'within':>7} {'of':>6} {'fraction':>9} {'missing':>8} {'median error':>13}")
    for metric in METRICS:
        within = missing = 0
        errors = []
        for pid in compared:
            ref = smem[pid][metric]
            value = source.get(pid, {}).get(metric)
            if value is None or value < 0:
                missing += 1
                continue
            error = abs(value - ref) / ref if ref else (0.0 if value == 0 else math.inf)
            errors.append(error)
            if error <= tolerance:
                within += 1
            else:
                mismatches.append((error, metric, pid, value, ref))
        fractions[metric] = within / len(compared) if compared else 0.0
        within_all += within
        missing_all += missing
        errors.sort()
        median = f"{errors[len(errors) // 2]:.3%}" if errors else "n/a"
        print(f"  {name:<8} {metric:<6} {within:>7} {len(compared):>6} {fractions[metric]:>9.4f} {missing:>8} {median:>13}")
    return fractions, within_all, len(compared) * len(METRICS), missing_all, mismatches


fractions, within, total, missing, mismatches = compare(ours, "ours")
if floor:
    compare(floor, "floor")
if mismatches:
    print("worst mismatches of ours (metric pid ours_bytes smem_bytes error):")
    for error, metric, pid, value, ref in sorted(mismatches, reverse=True)[:8]:
        print(f"  {metric} {pid} {value:.0f} {ref:.0f} {error:.2%}")
overall = within / total if total else 0.0
print(f"RESULT rss_fraction={fractions['rss']:.4f} pss_fraction={fractions['pss']:.4f} "
      f"uss_fraction={fractions['uss']:.4f} overall={overall:.4f} compared={len(compared)} "
      f"missing={missing} tolerance={tolerance}")
if not compared:
    print("no pid of the population could be compared", file=sys.stderr)
    sys.exit(2)
sys.exit(0 if all(f >= min_fraction for f in fractions.values()) else 1)
PY
