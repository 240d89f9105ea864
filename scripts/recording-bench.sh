#!/usr/bin/env bash
# scripts/recording-bench.sh [PROCESSES] [SAMPLES]
#
# Recordings and diffs on generated data (no /proc, no population needed), with the packaged jar:
#   1. a recording of PROCESSES (3000) synthetic processes, SAMPLES (120) samples 5 s apart, values
#      drifting per sample: bytes per sample, the file size projected to 8 h at 5 s (5760 samples),
#      compress + write time per sample (scripts/RecordingBench.java write);
#   2. opening it as the desktop does (every sample read into memory), time to the first sample,
#      and scrub steps (nearest sample to a random time, grouped by subgroup) (RecordingBench open);
#   3. `java -jar JAR diff A B` of two 5000-process snapshot files, wall time including JVM start,
#      as a user runs it: the first run after `mvn package` (`java -jar target/herakles-proc-mem.jar`
#      from the repository, with the class archive the build wrote), the first run with no archive
#      (a fresh cache: after it, a background copy writes the class archive; the script waits for
#      it and prints how long it took), then RUNS (5) times.
# Prints key=value lines; everything also goes to target/bench/out/recording/. Numbers from a busy
# host are not results: run it on a quiet one.
#
# Environment: JAR (target/herakles-proc-mem.jar), RUNS (5), DIFF_PROCESSES (5000).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
# shellcheck source=lib.sh
. scripts/lib.sh       # die, log, require_between, now_ms

PROCESSES=${1:-3000}
SAMPLES=${2:-120}
RUNS=${RUNS:-5}
DIFF_PROCESSES=${DIFF_PROCESSES:-5000}
JAR=${JAR:-$ROOT/target/herakles-proc-mem.jar}
require_between PROCESSES 1 20000
require_between SAMPLES 2 20000
require_between RUNS 1 100
require_between DIFF_PROCESSES 1 20000
[ -f "$JAR" ] || die "no $JAR: run 'mvn -DskipTests package' first"

OUT=$ROOT/target/bench/out/recording
mkdir -p "$OUT/classes"
javac -cp "$JAR" -d "$OUT/classes" scripts/RecordingBench.java
bench() { java -XX:+UseSerialGC -Xmx2g -cp "$JAR:$OUT/classes" RecordingBench "$@"; }

log "writing a recording of $PROCESSES processes x $SAMPLES samples"
bench write "$OUT/synthetic.hrec" "$PROCESSES" "$SAMPLES" | tee "$OUT/write.txt"
log "opening it and scrubbing"
# opened in the desktop's own JVM, all of TunedFlags.DESKTOP (Serial GC, 256 MiB, an 8 MiB young
# generation, tight free ratios): a recording need not fit in it, and its collections are the app's
# shellcheck disable=SC2046   # the flags are words
java $(bench desktop-flags) -cp "$JAR:$OUT/classes" RecordingBench open "$OUT/synthetic.hrec" 200 \
    | tee "$OUT/open.txt"

log "diff of two $DIFF_PROCESSES-process snapshots, $RUNS runs of java -jar"
bench snapshots "$OUT/a.json" "$OUT/b.json" "$DIFF_PROCESSES" >"$OUT/snapshots.txt"
# the user's first diff after `mvn package`, as the README runs it (from here, the jar by its
# relative path, the user's cache): the build wrote the class archive for it (pom.xml,
# class-archive-for-first-diff); only for the jar the build made, not for a JAR given
after_package=-
if [ "$JAR" -ef target/herakles-proc-mem.jar ]; then
    t0=$(now_ms)
    java -jar target/herakles-proc-mem.jar --no-config diff "$OUT/a.json" "$OUT/b.json" --top 20 >"$OUT/diff.txt"
    after_package=$(( $(now_ms) - t0 ))
    # none written by the build (-Dherakles.cds.skip, another java): that run started a copy that
    # writes one now; let it finish before the timed runs
    sleep 0.5
    for _ in $(seq 600); do
        compgen -G "${XDG_CACHE_HOME:-$HOME/.cache}/herakles/cds/*.training" >/dev/null || break
        sleep 0.1
    done
fi
# a cache of our own, so the next run is the first with no archive at all (another path, another
# java, -Dherakles.cds.skip): a copy of it writes the archive in the background (ClassArchive)
export XDG_CACHE_HOME=$OUT/cache
rm -rf "$XDG_CACHE_HOME"
t0=$(now_ms)
java -jar "$JAR" --no-config diff "$OUT/a.json" "$OUT/b.json" --top 20 >"$OUT/diff.txt"
first=$(( $(now_ms) - t0 ))
# the first run's background copy writes the archive (ClassArchive): wait for it, as a user's next
# run would come later, and so that it does not share the CPU with the timed runs
t0=$(now_ms)
for _ in $(seq 600); do
    compgen -G "$XDG_CACHE_HOME/herakles/cds/*.training" >/dev/null || break
    sleep 0.1
done
archived=$(( $(now_ms) - t0 ))
compgen -G "$XDG_CACHE_HOME/herakles/cds/*.jsa" >/dev/null || log "no class archive was written"
times=()
for _ in $(seq "$RUNS"); do
    t0=$(now_ms)
    java -jar "$JAR" --no-config diff "$OUT/a.json" "$OUT/b.json" --top 20 >"$OUT/diff.txt"
    times+=( $(( $(now_ms) - t0 )) )
done
sorted=$(printf '%s\n' "${times[@]}" | sort -n)
echo "diff_processes=$DIFF_PROCESSES diff_first_after_package_ms=$after_package diff_first_run_no_archive_ms=$first archive_written_after_ms=$archived runs=$RUNS diff_wall_ms_min=$(echo "$sorted" | head -1)" \
     "diff_wall_ms_median=$(echo "$sorted" | sed -n "$(( (RUNS + 1) / 2 ))p")" \
     "diff_wall_ms_max=$(echo "$sorted" | tail -1)" | tee "$OUT/diff-times.txt"
