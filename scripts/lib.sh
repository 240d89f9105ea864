# shellcheck shell=bash
# Helpers shared by the scripts in this folder (sourced, not run). Everything the benchmarks need
# is in this repository: population.sh/population.c (test processes), floor/floor.c (the C floor),
# correctness.sh (the smem comparison). Binaries are built with cc into scripts/.build/ on first use.
#
# Optional: BENCH_REFERENCE_DIR names an external harness with its own `floor` program (same
# options and RESULT line). When it is set, scripts/bench.sh also runs that floor in every round,
# so our floor can be checked against it. Nothing reads it unless it is set.

SCRIPTS_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(cd "$SCRIPTS_DIR/.." && pwd)
BUILD_DIR=${BUILD_DIR:-$SCRIPTS_DIR/.build}
# where population.sh keeps its pid files and data file (procs.pids: exactly the spawned pids)
SPAWN_DIR=${SPAWN_DIR:-$REPO_ROOT/target/population}

die() { echo "$(basename "$0"): error: $*" >&2; exit 2; }
log() { echo "[$(date +%H:%M:%S)] $*" >&2; }

# between VALUE MIN MAX: VALUE is a whole number in MIN..MAX
between() { [[ "$1" =~ ^[0-9]+$ ]] && [ "$1" -ge "$2" ] && [ "$1" -le "$3" ]; }
# require_between NAME MIN MAX: the variable NAME holds a whole number in MIN..MAX, or the script stops
require_between() { between "${!1}" "$2" "$3" || die "$1 must be $2..$3"; }

# need_tool COMMAND PACKAGE: makes sure COMMAND exists; as root it installs the Debian/Ubuntu
# PACKAGE with apt-get, otherwise it names the command that would.
need_tool() {
    command -v "$1" >/dev/null 2>&1 && return 0
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        log "installing $2 (for $1)"
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$2" >&2 \
            || { apt-get update -q >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$2" >&2; } \
            || die "apt-get install $2 failed"
        command -v "$1" >/dev/null 2>&1 && return 0
    fi
    die "$1 is required (sudo apt-get install $2)"
}

# build_c NAME: prints the path of scripts/.build/NAME, compiled from scripts/NAME.c when missing
# or older than its source. The new binary replaces the old one by rename, so processes still
# running the old one keep their (now deleted) inode and population.sh still recognises them.
build_c() {
    local name=$1 src=$SCRIPTS_DIR/$1.c bin=$BUILD_DIR/$1
    if [ ! -x "$bin" ] || [ "$src" -nt "$bin" ]; then
        need_tool cc gcc
        mkdir -p "$BUILD_DIR"
        cc -O2 -Wall -Wextra -pthread -o "$bin.tmp.$$" "$src" >&2 || die "compiling $src failed"
        mv -f "$bin.tmp.$$" "$bin"
    fi
    echo "$bin"
}

# require_loopback_url URL: dies unless URL is http:// on 127.0.0.0/8, localhost or [::1]
# (the scripts only ever talk to what they started on this machine).
require_loopback_url() {
    local rest=${1#http://} host
    [ "$rest" != "$1" ] || die "only http:// URLs on the loopback interface: $1"
    rest=${rest%%/*}
    case "$rest" in *@*) die "no user info in URLs: $1" ;; esac
    case "$rest" in "[::1]" | "[::1]:"*) return 0 ;; esac
    host=${rest%%:*}
    [[ "$host" == localhost || "$host" =~ ^127\.[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}$ ]] \
        || die "refusing '$host': loopback only (127.0.0.0/8, localhost, [::1])"
}

# num_stats: numbers on stdin -> "min median max count"
num_stats() {
    sort -g | awk '{ v[NR] = $1 }
        END { if (NR == 0) { print "nan nan nan 0"; exit }
              m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
              print v[1], m, v[NR], NR }'
}

# wait_http URL SECONDS: 0 as soon as URL answers 200, 1 after SECONDS
wait_http() {
    local end=$(( $(date +%s) + $2 ))
    until [ "$(curl -s --noproxy '*' --max-time 5 -o /dev/null -w '%{http_code}' "$1" 2>/dev/null)" = 200 ]; do
        [ "$(date +%s)" -lt "$end" ] || return 1
        sleep 0.3
    done
}

# cpu_ticks PID: utime + stime of PID in clock ticks (0 when it is gone)
cpu_ticks() {
    local stat
    stat=$(cat "/proc/$1/stat" 2>/dev/null) || { echo 0; return; }
    # the comm may hold spaces and ')': split only what follows the last ') '
    awk '{ print $12 + $13 }' <<<"${stat##*) }"
}

# status_kib PID FIELD: a kB value of /proc/PID/status (VmRSS, VmHWM, RssAnon, ...); 0 when absent
status_kib() {
    awk -v f="$2:" '$1 == f { v = $2 } END { print v + 0 }' "/proc/$1/status" 2>/dev/null || echo 0
}

# stop_pid PID [SECONDS]: SIGTERM to a child this shell started, SIGKILL after SECONDS, then reap
stop_pid() {
    local pid=$1 end=$(( $(date +%s) + ${2:-10} ))
    [ -n "$pid" ] || return 0
    kill -TERM "$pid" 2>/dev/null || return 0
    while kill -0 "$pid" 2>/dev/null && [ "$(date +%s)" -lt "$end" ]; do
        # a zombie still answers kill -0; its state letter (after the comm) says it is finished
        [ "$(sed -n 's/.*) \(.\).*/\1/p' "/proc/$pid/stat" 2>/dev/null)" != Z ] || break
        sleep 0.1
    done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
}

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# start_population N LOG: starts N test processes (scripts/population.sh start -f N) in the
# background, SPAWN_PID being the population's supervisor, and returns once their pid file
# $SPAWN_DIR/procs.pids is written; dies with the log when it fails or takes too long.
# MEM_BUDGET_MIB and SPAWN_DIR are passed on.
start_population() {
    local n=$1 log=$2 deadline
    export SPAWN_DIR
    rm -f "$SPAWN_DIR/procs.pids"
    "$SCRIPTS_DIR/population.sh" start -f "$n" >"$log" 2>&1 &
    SPAWN_PID=$!
    deadline=$(( $(date +%s) + 120 + n / 10 ))
    until [ -s "$SPAWN_DIR/procs.pids" ]; do
        kill -0 "$SPAWN_PID" 2>/dev/null || { cat "$log" >&2; die "population of $n did not start"; }
        [ "$(date +%s)" -lt "$deadline" ] || { stop_population; die "population of $n not ready in time"; }
        sleep 0.3
    done
}

# stop_population: stops the population start_population started (exactly its pids) and reaps its
# supervisor; does nothing when none runs. Safe to call from an EXIT trap.
stop_population() {
    [ -n "${SPAWN_PID:-}" ] || return 0
    SPAWN_DIR=$SPAWN_DIR "$SCRIPTS_DIR/population.sh" stop >&2 || true
    stop_pid "$SPAWN_PID" 5
    SPAWN_PID=""
}
