#!/bin/bash
# bench-ui of two built jars, alternated (before, after, before, after, ...), each run headed by the time and
# the load average: the quiet-machine rounds of issue 12 (p95 frame time <= 18 ms, <= 1 % of frames over 25 ms).
#   src/bench/bench-ui-rounds.sh BEFORE.jar AFTER.jar [ROUNDS] [JAVA_OPTIONS] [AFTER_JAVA_OPTIONS]
# e.g. src/bench/bench-ui-rounds.sh /tmp/bench7-before.jar target/rnnlab.jar 7 > docs/quiet-YYYY-MM-DD.txt
# JAVA_OPTIONS (e.g. "-Xlog:gc:file=/tmp/gc-%p.log:uptime" or "-Drnnlab.bench.longFrames=true", which lists every
# frame over 25 ms with its JVM uptime, FX and renderer CPU and GC count) go to both runs; AFTER_JAVA_OPTIONS to the
# second jar's only (the same jar twice compares JVM flags, e.g. "" -Xmn256m). Needs Xvfb (xvfb-run).
set -euo pipefail
BEFORE=$1; AFTER=$2; ROUNDS=${3:-7}; OPTS=${4:-}; AFTER_OPTS=${5:-}
for r in $(seq 1 "$ROUNDS"); do
  for side in before after; do
    jar=$AFTER; extra=$AFTER_OPTS; [ $side = before ] && jar=$BEFORE && extra=
    echo "### round $r $side $(date -u +%H:%M:%S) load $(cut -d' ' -f1-3 /proc/loadavg) ($jar $OPTS $extra)"
    # shellcheck disable=SC2086
    xvfb-run -a -s "-screen 0 1600x1000x24" java -Dprism.order=sw $OPTS $extra -jar "$jar" bench-ui 2>&1 \
      | grep -Ev "^(WARNING|\(java|Dec |[A-Z][a-z][a-z] [0-9])" || true
  done
done
