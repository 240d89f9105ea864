#!/usr/bin/env bash
# scripts/population.sh start [-f] N | stop | status
#
# A stable population of N test processes (1..5000) for the benchmarks and the smem comparison
# (scripts/population.c, built with cc on first use): server-like families (postgres with its
# workers, nginx master and workers, Tomcat and Spring Boot JVMs, redis, node, python, sshd,
# memcached, haproxy) plus a few names that are hard to parse. Each process has its own private
# anonymous memory; families share anonymous memory between parent and children (shmem or
# copy-on-write) and the JVM/node/python processes map one data file, so PSS differs from RSS.
# Once ready, nothing changes: the values can be compared seconds apart.
#
#   start N     returns when all N are ready; the supervisor keeps running in the background
#   start -f N  stays in the foreground as the supervisor (for scripts that start it with &)
#   stop        stops exactly the processes of the population in SPAWN_DIR, by pid, and only
#               while /proc/PID/exe is still our binary (a recycled pid is never signalled)
#   status      how many of them are alive
#
# Files in SPAWN_DIR (default target/population): procs.pids (the N pids, one a line, written
# once all are ready), procs.tsv (pid, family, comm and planned sizes), supervisor.pid,
# population.data (the shared data file), population.log (start without -f).
#
# Environment: MEM_BUDGET_MIB (1024: memory the population writes in total, scaled down to fit;
# refused above 60% of MemAvailable), POPULATION_TTL_S (7200: everything ends after this even if
# nobody stops it), STOP_TIMEOUT_S (30), SPAWN_DIR.
set -euo pipefail
# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"

usage() { sed -n '2,25p' "$0" | sed 's/^# \{0,1\}//'; }

BUDGET=${MEM_BUDGET_MIB:-1024}
TTL=${POPULATION_TTL_S:-7200}
STOP_TIMEOUT=${STOP_TIMEOUT_S:-30}
PIDFILE=$SPAWN_DIR/procs.pids
SUPFILE=$SPAWN_DIR/supervisor.pid

# ours PID: true while PID runs our population binary (also after a rebuild replaced the file).
# The common cases need no fork: -ef compares the inodes (a zombie or a gone pid has no exe).
ours() {
    [[ "$1" =~ ^[0-9]+$ ]] && [ -e "/proc/$1/exe" ] || return 1
    [ "/proc/$1/exe" -ef "$BIN" ] && return 0
    [ "$(readlink "/proc/$1/exe" 2>/dev/null)" = "$BIN (deleted)" ]
}

alive() { # alive PID...: prints those still ours
    local p
    for p in "$@"; do if ours "$p"; then echo "$p"; fi; done
}

supervisor() { cat "$SUPFILE" 2>/dev/null || true; }

start() {
    local foreground=0 n
    [ "${1:-}" != -f ] || { foreground=1; shift; }
    [ $# -eq 1 ] || { usage >&2; exit 2; }
    n=$1
    [[ "$n" =~ ^[0-9]+$ ]] && [ "$n" -ge 1 ] && [ "$n" -le 5000 ] || die "N must be 1..5000, got '$n'"
    [[ "$BUDGET" =~ ^[0-9]+$ ]] && [ "$BUDGET" -ge 16 ] && [ "$BUDGET" -le 16384 ] \
        || die "MEM_BUDGET_MIB must be 16..16384, got '$BUDGET'"
    [[ "$TTL" =~ ^[0-9]+$ ]] && [ "$TTL" -ge 1 ] && [ "$TTL" -le 604800 ] \
        || die "POPULATION_TTL_S must be 1..604800, got '$TTL'"
    local avail need
    avail=$(( $(awk '$1 == "MemAvailable:" { print $2 }' /proc/meminfo) / 1024 ))
    need=$(( BUDGET + 16 + n * 2 / 5 )) # + the data file + stacks, page tables, libc per process
    [ "$need" -le $(( avail * 6 / 10 )) ] \
        || die "the population needs about $need MiB, more than 60% of MemAvailable ($avail MiB): lower MEM_BUDGET_MIB or N"
    if ours "$(supervisor)"; then
        die "a population is already running in $SPAWN_DIR (supervisor $(supervisor)): scripts/population.sh stop"
    fi
    mkdir -p "$SPAWN_DIR"
    rm -f "$PIDFILE" "$SUPFILE" "$SPAWN_DIR/procs.tsv"
    if [ "$foreground" = 1 ]; then
        exec "$BIN" run "$n" "$SPAWN_DIR" "$BUDGET" "$TTL" </dev/null
    fi
    local log=$SPAWN_DIR/population.log pid deadline
    setsid "$BIN" run "$n" "$SPAWN_DIR" "$BUDGET" "$TTL" </dev/null >"$log" 2>&1 &
    pid=$!
    deadline=$(( $(date +%s) + 90 + n / 20 ))
    until [ -s "$PIDFILE" ]; do
        # not `ours`: until setsid has exec'd, the child still runs bash or setsid
        if [ "$(sed -n 's/.*) \(.\).*/\1/p' "/proc/$pid/stat" 2>/dev/null)" = Z ] || [ ! -e "/proc/$pid" ]; then
            cat "$log" >&2
            die "the population did not start"
        fi
        if [ "$(date +%s)" -ge "$deadline" ]; then
            kill -TERM "$pid" 2>/dev/null || true
            cat "$log" >&2
            die "the population was not ready in time"
        fi
        sleep 0.2
    done
    cat "$log"
    echo "pids: $PIDFILE (stop: scripts/population.sh stop)"
}

stop() {
    local sup pids=() left end
    sup=$(supervisor)
    [ -f "$PIDFILE" ] && mapfile -t pids <"$PIDFILE"
    if ! ours "$sup" && [ -z "$(alive "${pids[@]}")" ]; then
        # left behind by a supervisor that was killed outright
        rm -f "$PIDFILE" "$SUPFILE" "$SPAWN_DIR/procs.tsv" "$SPAWN_DIR/population.data"
        echo "no population running in $SPAWN_DIR"
        return 0
    fi
    # the supervisor stops its processes itself (SIGTERM to each leader, members follow their
    # leader) and reaps them before it exits
    end=$(( $(date +%s) + STOP_TIMEOUT ))
    if ours "$sup"; then
        kill -TERM "$sup" 2>/dev/null || true
        while [ "$(date +%s)" -lt "$end" ] && ours "$sup"; do sleep 0.2; done
    fi
    while [ "$(date +%s)" -lt "$end" ] && [ -n "$(alive "${pids[@]}")" ]; do sleep 0.5; done
    left=$(alive "$sup" "${pids[@]}")
    if [ -n "$left" ]; then
        echo "SIGKILL to $(wc -l <<<"$left") process(es) still running after ${STOP_TIMEOUT}s" >&2
        # shellcheck disable=SC2086 # one pid per word
        kill -KILL $left 2>/dev/null || true
        sleep 0.5
    fi
    rm -f "$PIDFILE" "$SUPFILE" "$SPAWN_DIR/procs.tsv" "$SPAWN_DIR/population.data"
    left=$(alive "$sup" "${pids[@]}")
    [ -z "$left" ] || die "$(wc -l <<<"$left") process(es) could not be stopped: $(tr '\n' ' ' <<<"$left")"
    echo "stopped the population of ${#pids[@]} in $SPAWN_DIR"
}

status() {
    local pids=()
    [ -f "$PIDFILE" ] && mapfile -t pids <"$PIDFILE"
    if ours "$(supervisor)"; then
        echo "supervisor $(supervisor): $(alive "${pids[@]}" | wc -l) of ${#pids[@]} processes alive ($PIDFILE)"
    else
        echo "no population running in $SPAWN_DIR"
        return 1
    fi
}

BIN=$(readlink -f "$(build_c population)")
case "${1:-}" in
    start) shift; start "$@" ;;
    stop) [ $# -eq 1 ] || { usage >&2; exit 2; }; stop ;;
    status) status ;;
    -h | --help) usage ;;
    *) usage >&2; exit 2 ;;
esac
