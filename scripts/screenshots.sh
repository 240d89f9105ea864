#!/usr/bin/env bash
# scripts/screenshots.sh [OUT_DIR]: retakes the README's screenshots from the real app on this
# machine's live /proc, each under its own Xvfb + openbox with fresh preferences, driven by the
# keyboard with xdotool. Needs: xvfb, openbox, xdotool, imagemagick; a built jar
# (mvn -B -q package -DskipTests). Starts a population of 300 benchmark processes
# (scripts/population.sh) so the treemap has something to show, and stops it again.
#
# Shots (OUT_DIR, default assets/screenshots):
#   main-light.png, main-dark.png   1440x900, light and dark look
#   small-1024x700.png              a 1024x700 screen: figures first, tiles folded into one line
#   treemap-zoomed.png              Ctrl+2, an arrow key selects a process, Enter zooms into its group
#   cpu-chart.png                   a process selected in the table (Ctrl+1, Down), then Ctrl+3
#   hidpi-2x-detail.png             2880x1800 with -Dglass.gtk.uiScale=2: a crop of the treemap and
#                                   details at 2x, to check that canvases are drawn sharp
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${1:-assets/screenshots}
JAR=target/herakles-proc-mem.jar
WAIT_S=${WAIT_S:-25}
for t in Xvfb openbox xdotool import convert; do
    command -v "$t" >/dev/null || { echo "screenshots.sh: $t is missing (apt-get install xvfb openbox xdotool imagemagick)" >&2; exit 1; }
done
[ -f "$JAR" ] || { echo "screenshots.sh: $JAR is missing: run mvn -B -q package -DskipTests first" >&2; exit 1; }
mkdir -p "$OUT"
WORK=$(mktemp -d)
export SPAWN_DIR="$WORK/pop"
PIDS=()
cleanup() {
    for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
    scripts/population.sh stop >/dev/null 2>&1 || true
    rm -rf "$WORK"
}
trap cleanup EXIT
scripts/population.sh start 300 >/dev/null

# shot NAME DISPLAY SCREEN PREFS_JSON KEYS [JAVA_FLAGS...]: KEYS is a space-separated xdotool key list ("-" for none)
shot() {
    local name=$1 display=$2 screen=$3 prefs=$4 keys=$5
    shift 5
    local cfg="$WORK/cfg-$name"
    mkdir -p "$cfg/herakles"
    printf '%s\n' "$prefs" > "$cfg/herakles/desktop.json"
    Xvfb ":$display" -screen 0 "${screen}x24" -nolisten tcp >/dev/null 2>&1 & local xvfb=$!
    PIDS+=("$xvfb")
    sleep 1
    DISPLAY=":$display" openbox >/dev/null 2>&1 & local wm=$!
    PIDS+=("$wm")
    sleep 1
    DISPLAY=":$display" XDG_CONFIG_HOME="$cfg" java "$@" -jar "$JAR" >"$WORK/$name.log" 2>&1 & local app=$!
    PIDS+=("$app")
    sleep "$WAIT_S"
    if [ "$keys" != "-" ]; then
        for k in $keys; do DISPLAY=":$display" xdotool key "$k"; sleep 1; done
        sleep 3
    fi
    DISPLAY=":$display" import -window root "$OUT/$name.png"
    kill "$app"; sleep 2; kill "$wm" "$xvfb" 2>/dev/null || true
    echo "$OUT/$name.png"
}

full() { # prefs for a maximized window on a W x H screen, with theme $3 and tab $4
    printf '{"version":1,"window":{"x":0,"y":0,"width":%s,"height":%s,"maximized":true},"theme":"%s","tab":"%s"}' "$1" "$2" "$3" "$4"
}

shot main-light 91 1440x900 "$(full 1440 900 light treemapTab)" -
shot main-dark 92 1440x900 "$(full 1440 900 dark treemapTab)" -
shot small-1024x700 93 1024x700 "$(full 1024 700 light treemapTab)" -
shot treemap-zoomed 94 1440x900 "$(full 1440 900 light treemapTab)" "ctrl+2 Right Right Return"
shot cpu-chart 95 1440x900 "$(full 1440 900 light cpuTab)" "ctrl+1 Down Down ctrl+3"
shot hidpi-full 96 2880x1800 "$(full 2880 1800 light treemapTab)" "ctrl+1 Down Down" -Dglass.gtk.uiScale=2
convert "$OUT/hidpi-full.png" -crop 1100x760+1740+560 "$OUT/hidpi-2x-detail.png"
rm -f "$OUT/hidpi-full.png"
echo "$OUT/hidpi-2x-detail.png"
