#!/usr/bin/env bash
# scripts/desktop-bench.sh [N]
#
# What the desktop app costs while it shows N stable test processes (default 1000), measured beside
# gnome-system-monitor on the same population in the same run. The app is started exactly as the
# README starts it: `java -jar target/herakles-proc-mem.jar` (which re-executes itself with its
# tuned JVM flags, in place; were a launcher JVM kept instead, it would be counted too).
#
# For each monitor in turn (ours, then `gnome-system-monitor -p`), on its own Xvfb (1600x1000) with
# a small window manager (openbox, so that "minimize" means what it means on a desktop):
#   - waits WARM_S (20) seconds, then over WIN_S (60) seconds measures
#       cpu: utime+stime of every process in the monitor's session, in % of one core
#       rss: VmRSS summed over the monitor's own processes (also shown: the app JVM alone and the
#            PSS sum, which counts pages shared between them once)
#   - ours only: SOAK_S (0) more seconds with its RSS every 60 s; then IDLE_S (30) seconds paused
#     (Space, checked by the window title) and IDLE_S seconds minimized, CPU for each; with JFR=1
#     a JFR recording of the app JVM over WIN_S seconds (restored and running again), summarised
#     by thread and by top frames (where the remaining CPU goes).
# Prints one line per monitor and "ratio ours/gnome-system-monitor: cpu X, rss Y". Everything also
# goes to target/bench/out/desktop-*/ (logs, JFR file, SHOT=1 screenshots).
#
# Environment: JAR (target/herakles-proc-mem.jar), WARM_S, WIN_S, SOAK_S, IDLE_S, JFR (0),
# GSM (1: also measure gnome-system-monitor), SHOT (0), MEM_BUDGET_MIB (passed to the population).
# Needs (installed with apt-get when run as root): xvfb, xdotool, openbox, x11-utils, dbus,
# gnome-system-monitor (GSM=1), imagemagick (SHOT=1). Stops everything it started (EXIT trap).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
# shellcheck source=lib.sh
. scripts/lib.sh       # die, log, need_tool, start_population, stop_population, stop_pid

N=${1:-1000}
WARM_S=${WARM_S:-20}; WIN_S=${WIN_S:-60}; SOAK_S=${SOAK_S:-0}; IDLE_S=${IDLE_S:-30}
JFR=${JFR:-0}; GSM=${GSM:-1}; SHOT=${SHOT:-0}
JAR=${JAR:-$ROOT/target/herakles-proc-mem.jar}
[[ "$N" =~ ^[0-9]+$ ]] && [ "$N" -ge 1 ] && [ "$N" -le 5000 ] || die "N must be 1..5000"
for v in WARM_S WIN_S SOAK_S IDLE_S; do
    [[ "${!v}" =~ ^[0-9]+$ ]] && [ "${!v}" -le 7200 ] || die "$v must be 0..7200 seconds"
done
[ "$WIN_S" -ge 1 ] || die "WIN_S must be at least 1"
[ -f "$JAR" ] || die "no $JAR (mvn -B -q -o package -DskipTests)"
need_tool Xvfb xvfb
need_tool xdotool xdotool
need_tool openbox openbox
need_tool xprop x11-utils
[ "$GSM" = 0 ] || { need_tool dbus-run-session dbus; need_tool gnome-system-monitor gnome-system-monitor; }
[ "$SHOT" = 0 ] || need_tool import imagemagick
[ "$JFR" = 0 ] || { need_tool jcmd openjdk-17-jdk-headless; need_tool jfr openjdk-17-jdk-headless; }

OUT=$ROOT/target/bench/out/desktop-$(date +%Y%m%d-%H%M%S)
mkdir -p "$OUT"
HZ=$(getconf CLK_TCK)
MON=""; XV=""; WM=""
cleanup() {
    [ -z "$MON" ] || { kill -TERM -- "-$MON" 2>/dev/null || true; sleep 2; kill -KILL -- "-$MON" 2>/dev/null || true; }
    [ -z "$WM" ] || stop_pid "$WM" 5
    [ -z "$XV" ] || stop_pid "$XV" 5
    stop_population
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# session_ticks SID: utime+stime of every process in session SID (the monitor and its children)
session_ticks() {
    local p t=0 s
    for p in $(pgrep -s "$1" 2>/dev/null); do
        s=$(cat "/proc/$p/stat" 2>/dev/null) || continue
        s=${s##*) }
        t=$(( t + $(awk '{ print $12 + $13 }' <<<"$s") ))
    done
    echo "$t"
}
# kib_sum SID COMM FIELD: FIELD (VmRSS from status, Pss from smaps_rollup) summed over the
# session's processes named COMM, in KiB
kib_sum() {
    local p t=0 file=status
    [ "$3" = Pss ] && file=smaps_rollup
    for p in $(pgrep -s "$1" -x "$2" 2>/dev/null); do
        t=$(( t + $(awk -v f="$3:" '$1 == f { v = $2 } END { print v + 0 }' "/proc/$p/$file" 2>/dev/null || echo 0) ))
    done
    echo "$t"
}
mib() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }
pct() { awk -v a="$1" -v b="$2" -v hz="$HZ" -v s="$3" 'BEGIN { printf "%.2f", (b - a) / hz / s * 100 }'; }
cpu_over() { # SID SECONDS: CPU % of one core of the session over the next SECONDS
    local t0; t0=$(session_ticks "$1"); sleep "$2"; pct "$t0" "$(session_ticks "$1")" "$2"
}

start_display() {
    local d
    for d in $(seq 90 120); do [ -e "/tmp/.X11-unix/X$d" ] || [ -e "/tmp/.X$d-lock" ] || break; done
    DISPLAY_NUM=":$d"
    Xvfb "$DISPLAY_NUM" -screen 0 1600x1000x24 -nolisten tcp >"$OUT/xvfb-$1.log" 2>&1 & XV=$!
    sleep 1
    DISPLAY=$DISPLAY_NUM openbox >"$OUT/openbox-$1.log" 2>&1 & WM=$!
    sleep 1
}
stop_monitor() {
    kill -TERM -- "-$MON" 2>/dev/null || true
    local end=$(( $(date +%s) + 15 ))
    while pgrep -s "$MON" >/dev/null 2>&1 && [ "$(date +%s)" -lt "$end" ]; do sleep 0.3; done
    kill -KILL -- "-$MON" 2>/dev/null || true
    wait "$MON" 2>/dev/null || true
    MON=""
    stop_pid "$WM" 5; WM=""
    stop_pid "$XV" 5; XV=""
}
our_window() { { DISPLAY=$DISPLAY_NUM xdotool search --name '^Herakles' 2>/dev/null || true; } | head -1; }
window_name() { DISPLAY=$DISPLAY_NUM xdotool getwindowname "$1" 2>/dev/null || true; }
app_jvm() { # the JVM that runs the app: the launcher's child, or the launcher when it did not re-execute
    local c; c=$({ pgrep -P "$MON" -x java || true; } | head -1)
    echo "${c:-$MON}"
}

measure() { # NAME COMM CMD...: starts CMD in its own session on a fresh display and measures it
    local name=$1 comm=$2; shift 2
    start_display "$name"
    DISPLAY=$DISPLAY_NUM NO_AT_BRIDGE=1 setsid "$@" >"$OUT/$name.log" 2>&1 </dev/null & MON=$!
    log "$name: started ($*), warming up ${WARM_S} s"
    sleep "$WARM_S"
    local cpu rss pss
    cpu=$(cpu_over "$MON" "$WIN_S")
    rss=$(kib_sum "$MON" "$comm" VmRSS); pss=$(kib_sum "$MON" "$comm" Pss)
    LAST_CPU=$cpu LAST_RSS=$(mib "$rss")
    local extra=""
    if [ "$name" = ours ]; then
        extra=", app JVM alone $(mib "$(awk '/^VmRSS:/ { print $2 }' "/proc/$(app_jvm)/status" 2>/dev/null || echo 0)") MiB"
    fi
    echo "$name: cpu ${cpu}% of one core, RSS $(mib "$rss") MiB (PSS $(mib "$pss") MiB$extra)" \
         "(N=$N, ${WIN_S} s after ${WARM_S} s warm-up)" | tee -a "$OUT/summary.txt"
    [ "$SHOT" = 0 ] || DISPLAY=$DISPLAY_NUM import -window root "$OUT/$name.png" 2>/dev/null || true
    [ "$name" != ours ] || measure_ours_further "$comm"
    stop_monitor
}

measure_ours_further() {
    local comm=$1 s w
    for ((s = 60; s <= SOAK_S; s += 60)); do
        sleep 60
        echo "ours: RSS $(mib "$(kib_sum "$MON" "$comm" VmRSS)") MiB at +$((WARM_S + WIN_S + s)) s" | tee -a "$OUT/summary.txt"
    done
    w=$(our_window)
    if [ -z "$w" ]; then
        echo "ours: no window named Herakles found: paused/minimized not measured" | tee -a "$OUT/summary.txt"
    elif [ "$IDLE_S" -gt 0 ]; then
        DISPLAY=$DISPLAY_NUM xdotool windowactivate --sync "$w" key space 2>/dev/null || true
        sleep 2
        if [[ "$(window_name "$w")" == *"(paused)"* ]]; then
            echo "ours paused: cpu $(cpu_over "$MON" "$IDLE_S")% of one core over ${IDLE_S} s" | tee -a "$OUT/summary.txt"
            DISPLAY=$DISPLAY_NUM xdotool windowactivate --sync "$w" key space 2>/dev/null || true
        else
            echo "ours paused: not measured (Space did not pause; title '$(window_name "$w")')" | tee -a "$OUT/summary.txt"
        fi
        DISPLAY=$DISPLAY_NUM xdotool windowminimize --sync "$w" 2>/dev/null || true
        sleep 2
        echo "ours minimized: cpu $(cpu_over "$MON" "$IDLE_S")% of one core over ${IDLE_S} s" \
             "(window state: $({ DISPLAY=$DISPLAY_NUM xprop -id "$w" WM_STATE 2>/dev/null || true; } | grep -o 'Iconic\|Normal' | head -1))" \
             | tee -a "$OUT/summary.txt"
        DISPLAY=$DISPLAY_NUM xdotool windowmap "$w" windowactivate "$w" 2>/dev/null || true
        sleep 2
    fi
    [ "$JFR" = 0 ] || profile "$(app_jvm)"
}

# profile PID: records the app JVM for WIN_S seconds and prints where its CPU goes
profile() {
    local pid=$1 rec=$OUT/ours.jfr
    log "JFR: recording pid $pid for ${WIN_S} s"
    jcmd "$pid" JFR.start name=bench settings=profile filename="$rec" >"$OUT/jfr-start.log" 2>&1 \
        || { echo "JFR: could not start ($(tail -1 "$OUT/jfr-start.log"))"; return; }
    sleep "$WIN_S"
    jcmd "$pid" JFR.stop name=bench >"$OUT/jfr-stop.log" 2>&1 || true
    [ -s "$rec" ] || { echo "JFR: no recording"; return; }
    jfr print --events jdk.ExecutionSample "$rec" >"$OUT/samples.txt"
    echo "JFR: CPU samples by thread (of $(grep -c 'jdk.ExecutionSample' "$OUT/samples.txt") samples in ${WIN_S} s)" \
        | tee -a "$OUT/summary.txt"
    awk -F'"' '/sampledThread = / { print $2 }' "$OUT/samples.txt" | sort | uniq -c | sort -rn | head -10 \
        | tee -a "$OUT/summary.txt"
    echo "JFR: top frames (innermost method of each sample)" | tee -a "$OUT/summary.txt"
    awk '/stackTrace = \[/ { getline; sub(/^[ \t]+/, ""); sub(/[ \t]+line:.*/, ""); print }' "$OUT/samples.txt" \
        | sort | uniq -c | sort -rn | head -15 | tee -a "$OUT/summary.txt"
    echo "JFR: samples by our package or library (first io.herakles/javafx/... frame of each sample)" \
        | tee -a "$OUT/summary.txt"
    awk '/stackTrace = \[/ { inside = 1; found = ""; next }
         inside && /^[ \t]*\]/ { print (found == "" ? "(jdk only)" : found); inside = 0; next }
         inside && found == "" && match($0, /(io\.herakles\.procmem\.[a-z]+(\.[a-z]+)?|com\.sun\.(javafx|prism|glass)\.[a-z]+|javafx\.[a-z]+(\.[a-z]+)?|eu\.hansolo\.[a-z]+|org\.controlsfx)/) {
             found = substr($0, RSTART, RLENGTH) }' "$OUT/samples.txt" \
        | sort | uniq -c | sort -rn | head -15 | tee -a "$OUT/summary.txt"
}

log "population of $N processes"
start_population "$N" "$OUT/population.log"
log "writing to $OUT"

# a fresh preferences folder: the user's remembered window size, columns and tab would change what
# is drawn (a first start opens at 1024x680, WindowPrefs.DEFAULT_WIDTH x DEFAULT_HEIGHT, with the default columns)
mkdir -p "$OUT/config"
export XDG_CONFIG_HOME=$OUT/config
measure ours java java -jar "$JAR"
ours_cpu=$LAST_CPU ours_rss=$LAST_RSS
if [ "$GSM" != 0 ]; then
    measure gnome-system-monitor gnome-system-mo dbus-run-session -- gnome-system-monitor -p
    awk -v a="$ours_cpu" -v b="$LAST_CPU" -v r="$ours_rss" -v s="$LAST_RSS" \
        'BEGIN { printf "ratio ours/gnome-system-monitor: cpu %.2f, rss %.2f\n", (b > 0 ? a / b : 0), (s > 0 ? r / s : 0) }' \
        | tee -a "$OUT/summary.txt"
fi
