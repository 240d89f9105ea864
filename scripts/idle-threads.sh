#!/usr/bin/env bash
# scripts/idle-threads.sh [SECONDS]   (default 30)
#
# Where a paused and a minimized desktop app spend their CPU, per thread. Starts the app as the
# README does (`java -jar target/herakles-proc-mem.jar`, re-executed in place) on its own Xvfb with
# openbox, waits 22 s, pauses it with Space (the title must then end in "(paused)"), and prints the
# CPU of the whole process and of each thread (utime+stime from /proc/PID/task/*/stat, names from
# comm) over SECONDS; then resumes, minimizes (xdotool windowminimize) and prints the same. Use it
# beside a population (`scripts/population.sh start -f 1000`) to see the idle cost at that size.
# HERAKLES_REEXEC_EXTRA_FLAGS (see the README) tries other JVM or JavaFX flags.
# Needs xvfb, openbox, xdotool, python3. Stops what it started.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
SECS=${1:-30}
between "$SECS" 1 600 || die "SECONDS must be 1..600"
need_tool Xvfb xvfb; need_tool openbox openbox; need_tool xdotool xdotool; need_tool python3 python3
JAR=${JAR:-target/herakles-proc-mem.jar}
[ -f "$JAR" ] || mvn -B -q -o package -DskipTests
export DISPLAY=${IDLE_DISPLAY:-:79}
CONF=$(mktemp -d)
Xvfb "$DISPLAY" -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 & XV=$!
sleep 1; openbox >/dev/null 2>&1 & WM=$!; sleep 1
XDG_CONFIG_HOME=$CONF java -jar "$JAR" >"$CONF/app.log" 2>&1 & P=$!
trap 'kill $P 2>/dev/null; wait $P 2>/dev/null; kill $WM $XV 2>/dev/null; rm -rf "$CONF"' EXIT

threads() {   # threads PID SECONDS: process and per-thread CPU ticks (1/100 s) over SECONDS
    python3 - "$@" <<'PY'
import collections, os, sys, time
pid, secs = sys.argv[1], float(sys.argv[2])
def ticks(stat):
    f = open(stat).read().rsplit(')', 1)[1].split()
    return int(f[11]) + int(f[12])
def per_thread():
    d = collections.Counter()
    for t in os.listdir(f'/proc/{pid}/task'):
        try:
            d[open(f'/proc/{pid}/task/{t}/comm').read().strip()] += ticks(f'/proc/{pid}/task/{t}/stat')
        except OSError:
            pass   # a thread that ended between listing and reading
    return d
p0, a = ticks(f'/proc/{pid}/stat'), per_thread()
time.sleep(secs)
p1, b = ticks(f'/proc/{pid}/stat'), per_thread()
print(f"process: {p1 - p0} ticks in {secs:.0f} s = {(p1 - p0) / secs:.2f} % of a core")
for name in sorted(b, key=lambda k: a.get(k, 0) - b[k]):
    if b[name] - a.get(name, 0) > 0:
        print(f"  {b[name] - a.get(name, 0):5d}  {name}")
PY
}

sleep 22
w=$(xdotool search --name '^Herakles' | head -1)
[ -n "$w" ] || die "the window did not open (log: $CONF/app.log)"
xdotool windowactivate --sync "$w" key space; sleep 3
title=$(xdotool getwindowname "$w")
[[ "$title" == *"(paused)" ]] || die "not paused: window title is '$title'"
echo "## paused"; threads "$P" "$SECS"
xdotool windowactivate --sync "$w" key space; sleep 3
xdotool windowminimize --sync "$w"; sleep 5
echo "## minimized"; threads "$P" "$SECS"
