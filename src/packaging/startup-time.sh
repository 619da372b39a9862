#!/usr/bin/env bash
# How long RNN Lab takes to put its window up: launches it RUNS times under a private Xvfb, waits for
# a visible window named "RNN Lab" (xdotool, looked for every 20 ms), prints each time, the median and the spread.
# With the window it also prints the CPU time (user + system) the process had used when its window was
# found, its own and that of the child processes it had started and waited for (jpackage's launcher runs
# `dpkg -S` before Java starts): on a machine shared with other builds the wall-clock time mostly measures
# the load, the CPU much less. Each run's line ends with the 1-minute load average at its start.
# Several commands separated by --vs are measured alternately, one run of each per round (so the load of
# the shared machine falls on all of them alike), and summed up each on its own.
# Usage: src/packaging/startup-time.sh [RUNS] [--version] [COMMAND... [--vs COMMAND...]...]
#   src/packaging/startup-time.sh 7 java -jar target/rnnlab.jar   (default command)
#   src/packaging/startup-time.sh 7 target/dist/rnnlab/bin/rnnlab  (the packaged app)
#   src/packaging/startup-time.sh 7 target/dist/rnnlab/bin/rnnlab --vs java -jar target/rnnlab.jar
#   src/packaging/startup-time.sh 7 --version java -jar target/rnnlab.jar  (time `--version` instead)
# Needs Xvfb and xdotool. Each run uses a fresh RNNLAB_HOME (no saved session).
set -euo pipefail
runs=${1:-5}; shift || true
mode=window
if [ "${1:-}" = "--version" ]; then mode=version; shift; fi
[ $# -gt 0 ] || set -- java -jar target/rnnlab.jar

# the commands, each as one string of shell-quoted words
cmds=()
cur=""
for w in "$@"; do
    if [ "$w" = "--vs" ]; then cmds+=("$cur"); cur=""; else cur+="${cur:+ }$(printf '%q' "$w")"; fi
done
cmds+=("$cur")
n=${#cmds[@]}

work=$(mktemp -d)
xpid=""
cleanup() { [ -n "$xpid" ] && kill "$xpid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
if [ "$mode" = window ]; then
    disp=:$(( 90 + RANDOM % 400 ))
    Xvfb "$disp" -screen 0 1280x720x24 -nolisten tcp >/dev/null 2>&1 & xpid=$!
    sleep 1
    export DISPLAY=$disp
fi

# per command k: its times in $work/times.k, its CPU figures in $work/cpus.k
summary() { # FILE WHAT
    [ -s "$1" ] || return 0
    sort -n "$1" | awk -v what="$2" '
        { t[NR] = $1 }
        END { n = NR; med = (n % 2) ? t[(n + 1) / 2] : (t[n / 2] + t[n / 2 + 1]) / 2;
              printf "%s: median %d ms, min %d ms, max %d ms over %d runs\n", what, med, t[1], t[n], n }'
}

for i in $(seq "$runs"); do
    for k in $(seq 0 $((n - 1))); do
        export RNNLAB_HOME="$work/home$i-$k"
        load=$(cut -d' ' -f1 /proc/loadavg)
        start=$(date +%s%N)
        if [ "$mode" = version ]; then
            eval "${cmds[$k]} --version" >/dev/null
        else
            eval "exec ${cmds[$k]}" >"$work/log$i-$k" 2>&1 & pid=$!
            # Polled every 20 ms: xdotool's own --sync sleeps half a second between looks, which rounded
            # every figure up to the next half second.
            deadline=$(( start + 60000000000 ))
            until xdotool search --onlyvisible --name "RNN Lab" >/dev/null 2>&1; do
                if [ "$(date +%s%N)" -gt "$deadline" ] || ! kill -0 "$pid" 2>/dev/null; then
                    echo "run $i of ${cmds[$k]}: no window within 60 s; log:" >&2; cat "$work/log$i-$k" >&2
                    kill "$pid" 2>/dev/null; exit 1
                fi
                sleep 0.02
            done
        fi
        end=$(date +%s%N)
        cpu=""
        if [ "$mode" = window ]; then
            # utime + stime + cutime + cstime (fields 14-17 of /proc/PID/stat, in clock ticks) of the launched
            # process, so the command must be the JVM itself or exec it (java, a launcher, an `exec` script)
            ticks=$(awk '{ sub(/^.*\) /, ""); print $12 + $13 + $14 + $15 }' "/proc/$pid/stat" 2>/dev/null || echo "")
            [ -n "$ticks" ] && cpu=$(( ticks * 1000 / $(getconf CLK_TCK) )) && echo "$cpu" >>"$work/cpus.$k"
            kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true
            # the window must be gone before the next command's run looks for one
            gone=$(( $(date +%s%N) + 10000000000 ))
            while xdotool search --onlyvisible --name "RNN Lab" >/dev/null 2>&1; do
                [ "$(date +%s%N)" -lt "$gone" ] || { echo "run $i: the window is still up 10 s after kill" >&2; exit 1; }
                sleep 0.05
            done
        fi
        ms=$(( (end - start) / 1000000 ))
        echo "$ms" >>"$work/times.$k"
        label=""
        [ "$n" -gt 1 ] && label=" of ${cmds[$k]}"
        echo "run $i$label: $ms ms${cpu:+ (cpu $cpu ms)} [load $load]"
    done
done
for k in $(seq 0 $((n - 1))); do
    [ "$n" -gt 1 ] && echo "== ${cmds[$k]}"
    summary "$work/times.$k" "$mode"
    summary "$work/cpus.$k" "cpu at window"
done
uptime | sed 's/.*load/load/'
