#!/bin/bash
# The frame and training benchmarks of this checkout and of an earlier revision, side by side in one
# run (these machines are shared and noisy: only figures taken together compare). Used to check that a
# refactoring leaves the speed where it was.
#   src/bench/before-after.sh [BEFORE_REV] [ROUNDS] [BENCH_UI_OPTIONS]
# BEFORE_REV defaults to e1243fb, the last commit before the structure work (issue 15).
# BENCH_UI_OPTIONS, e.g. "--seq2seq", are passed to both bench-ui runs.
# bench-ui needs Xvfb (xvfb-run).
set -euo pipefail
cd "$(dirname "$0")/../.."
BEFORE=${1:-e1243fb}; ROUNDS=${2:-3}; UI_OPTIONS=${3:-}
OLD=$(mktemp -d /tmp/rnnlab-before.XXXXXX)
trap 'git worktree remove --force "$OLD/src" >/dev/null 2>&1 || true; rm -rf "$OLD"' EXIT
git worktree add -q --detach "$OLD/src" "$BEFORE"
(cd "$OLD/src" && mvn -B -o -q -DskipTests package >/dev/null 2>&1 || mvn -B -q -DskipTests package >/dev/null)
[ -f target/rnnlab.jar ] || mvn -B -o -DskipTests package >/dev/null
ui() {  # frame intervals of the main window while an LSTM plays (--seq2seq: of the encoder-decoder window)
  # shellcheck disable=SC2086
  xvfb-run -a -s "-screen 0 1600x1000x24" java -Dprism.order=sw -jar "$1" bench-ui $UI_OPTIONS 2>&1 \
    | grep -Ei "fps|p50|p95|over 25|CPU ms" | head -6
}
train() {
  java -jar "$1" bench-train --cells lstm --H 128 --T 25 --rounds 3 --clock cpu 2>&1 | grep -E "median"
}
for r in $(seq 1 "$ROUNDS"); do
  for side in before after; do
    jar=target/rnnlab.jar; [ $side = before ] && jar="$OLD/src/target/rnnlab.jar"
    echo "## round $r, $side ($( [ $side = before ] && echo "$BEFORE" || git rev-parse --short HEAD))"
    echo "# bench-train"; train "$jar"
    echo "# bench-ui"; ui "$jar"
  done
done
