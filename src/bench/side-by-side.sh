#!/bin/bash
# Training throughput of RNN Lab and of PyTorch, side by side in one run (these machines are shared
# and noisy: only figures taken together compare). Each round runs the PyTorch reference
# (src/main/python/torch_train_bench.py, Debian's python3-torch) and then `rnnlab bench-train` on the
# same text and configurations, and prints both.
#   src/bench/side-by-side.sh [ROUNDS] [CELLS] [HS] [T]
#   e.g. src/bench/side-by-side.sh 3 lstm,gru 32,128,512 25
set -euo pipefail
cd "$(dirname "$0")/../.."
ROUNDS=${1:-3}; CELLS=${2:-lstm,gru}; HS=${3:-32,128}; T=${4:-25}
TEXT=${TEXT:-/usr/share/common-licenses/GPL-3}
JAR=target/rnnlab.jar
[ -f "$JAR" ] || { echo "build first: mvn -B -DskipTests package" >&2; exit 2; }
/usr/bin/python3 -c "import torch" 2>/dev/null || { echo "PyTorch is missing: apt-get install -y python3-torch" >&2; exit 2; }
for r in $(seq 1 "$ROUNDS"); do
  echo "## round $r of $ROUNDS"
  echo "# PyTorch (float64, one thread)"
  /usr/bin/python3 src/main/python/torch_train_bench.py --text "$TEXT" --cells "$CELLS" --H "$HS" --T "$T" \
      --dtypes float64 --threads 1 --rounds 1 2>&1 | grep -E "median"
  echo "# RNN Lab (float64, one thread)"
  java -jar "$JAR" bench-train --text "$TEXT" --cells "$CELLS" --H "$HS" --T "$T" --rounds 1 2>&1 | grep -E "median"
done
