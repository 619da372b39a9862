#!/usr/bin/env bash
# How long RNN Lab takes to put its window up: launches it RUNS times under a private Xvfb, waits for
# a visible window named "RNN Lab" (xdotool, looked for every 20 ms), prints each time, the median and the spread.
# With the window it also prints the CPU time (user + system) the process had used when its window was
# found: on a machine shared with other builds the wall-clock time mostly measures the load, the CPU much less.
# Usage: src/packaging/startup-time.sh [RUNS] [COMMAND...]
#   src/packaging/startup-time.sh 7 java -jar target/rnnlab.jar   (default command)
#   src/packaging/startup-time.sh 7 target/dist/rnnlab/bin/rnnlab  (the packaged app)
#   src/packaging/startup-time.sh 7 --version java -jar target/rnnlab.jar  (time `--version` instead)
# Needs Xvfb and xdotool. Each run uses a fresh RNNLAB_HOME (no saved session).
set -euo pipefail
runs=${1:-5}; shift || true
mode=window
if [ "${1:-}" = "--version" ]; then mode=version; shift; fi
[ $# -gt 0 ] || set -- java -jar target/rnnlab.jar

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

times=()
cpus=()
for i in $(seq "$runs"); do
    export RNNLAB_HOME="$work/home$i"
    start=$(date +%s%N)
    if [ "$mode" = version ]; then
        "$@" --version >/dev/null
    else
        "$@" >"$work/log$i" 2>&1 & pid=$!
        # Polled every 20 ms: xdotool's own --sync sleeps half a second between looks, which rounded
        # every figure up to the next half second.
        deadline=$(( start + 60000000000 ))
        until xdotool search --onlyvisible --name "RNN Lab" >/dev/null 2>&1; do
            if [ "$(date +%s%N)" -gt "$deadline" ] || ! kill -0 "$pid" 2>/dev/null; then
                echo "run $i: no window within 60 s; log:" >&2; cat "$work/log$i" >&2; kill "$pid" 2>/dev/null; exit 1
            fi
            sleep 0.02
        done
    fi
    end=$(date +%s%N)
    cpu=""
    if [ "$mode" = window ]; then
        # utime + stime (fields 14, 15 of /proc/PID/stat, in clock ticks) of the launched process, so
        # the command must be the JVM itself or exec it (java, the jpackage launcher, an `exec` script)
        ticks=$(awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$pid/stat" 2>/dev/null || echo "")
        [ -n "$ticks" ] && cpu=$(( ticks * 1000 / $(getconf CLK_TCK) )) && cpus+=("$cpu")
        kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true
    fi
    ms=$(( (end - start) / 1000000 ))
    times+=("$ms")
    echo "run $i: $ms ms${cpu:+ (cpu $cpu ms)}"
done
printf '%s\n' "${times[@]}" | sort -n | awk -v what="$mode" '
    { t[NR] = $1 }
    END { n = NR; med = (n % 2) ? t[(n + 1) / 2] : (t[n / 2] + t[n / 2 + 1]) / 2;
          printf "%s: median %d ms, min %d ms, max %d ms over %d runs\n", what, med, t[1], t[n], n }'
if [ "${#cpus[@]}" -gt 0 ]; then
    printf '%s\n' "${cpus[@]}" | sort -n | awk '
        { t[NR] = $1 }
        END { n = NR; med = (n % 2) ? t[(n + 1) / 2] : (t[n / 2] + t[n / 2 + 1]) / 2;
              printf "cpu at window: median %d ms, min %d ms, max %d ms over %d runs\n", med, t[1], t[n], n }'
fi
uptime | sed 's/.*load/load/'
