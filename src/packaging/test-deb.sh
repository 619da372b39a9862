#!/usr/bin/env bash
# Installs the .deb into a fresh Debian bookworm chroot, runs `rnnlab --version` from the installed
# launcher, then starts the installed app against an Xvfb on the host, waits for its window and
# takes a screenshot. Run as root (chroot, mount). Usage:
#   src/packaging/test-deb.sh [DEB] [WORKDIR]
#   (defaults: target/dist/rnnlab_*.deb, /tmp/rnnlab-deb-test; the debootstrapped base is kept in
#    WORKDIR/base and copied for every run, so each install starts from a clean system)
# Needs debootstrap (apt-get install debootstrap), Xvfb, xdotool, imagemagick, network to Debian's mirror.
set -euo pipefail
deb=${1:-$(ls target/dist/rnnlab_*.deb | head -1)}
work=${2:-/tmp/rnnlab-deb-test}
base=$work/base
root=$work/root
mkdir -p "$work"
if [ ! -x "$base/bin/sh" ]; then
    echo "== debootstrap bookworm into $base"
    debootstrap --variant=minbase bookworm "$base" http://deb.debian.org/debian >"$work/debootstrap.log"
fi
rm -rf "$root"; cp -a "$base" "$root"
xpid=""
cleanup() {
    [ -n "$xpid" ] && kill "$xpid" 2>/dev/null || true
    for m in tmp/.X11-unix dev/pts dev proc; do umount "$root/$m" 2>/dev/null || true; done
}
trap cleanup EXIT
mount -t proc proc "$root/proc"; mount --bind /dev "$root/dev"; mount --bind /dev/pts "$root/dev/pts"
cp /etc/resolv.conf "$root/etc/resolv.conf"
cp "$deb" "$root/tmp/rnnlab.deb"

echo "== install $(basename "$deb") ($(du -h "$deb" | cut -f1))"
t0=$(date +%s)
chroot "$root" /bin/sh -c 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq /tmp/rnnlab.deb' >"$work/install.log" 2>&1 \
    || { tail -30 "$work/install.log"; exit 1; }
echo "installed in $(( $(date +%s) - t0 )) s; $(du -sh "$root/opt/rnnlab" | cut -f1) in /opt/rnnlab"
ls "$root"/usr/share/applications/ 2>/dev/null | grep -i rnnlab || true
desktop="$root/opt/rnnlab/lib/rnnlab-rnnlab.desktop"
grep -h '^Name=\|^Exec\|^MimeType\|^Icon' "$desktop"
grep -q '^Name=RNN Lab$' "$desktop" && grep -q '^Exec=/opt/rnnlab/bin/rnnlab %f$' "$desktop" \
    && grep -q 'x-rnnlab-scenario' "$desktop" || { echo "FAIL: desktop entry (name, %f, file types)" >&2; exit 1; }
grep -q '\*\.rnnlab\.json' "$root/opt/rnnlab/lib/rnnlab-rnnlab-MimeInfo.xml" || { echo "FAIL: no *.rnnlab.json file type" >&2; exit 1; }

echo "== rnnlab --version"
v=$(chroot "$root" /opt/rnnlab/bin/rnnlab --version)
echo "$v"
case "$v" in "RNN Lab "*) ;; *) echo "FAIL: unexpected --version output" >&2; exit 1 ;; esac

echo "== class-data sharing (the archive postinst dumped for /opt/rnnlab; -Xshare:on fails if it does not match)"
shared=$(chroot "$root" /usr/bin/env JAVA_TOOL_OPTIONS="-Xshare:on -Xlog:class+load=info" /opt/rnnlab/bin/rnnlab --version 2>/dev/null \
    | grep -c 'source: shared objects file' || true)
app=$(chroot "$root" /usr/bin/env JAVA_TOOL_OPTIONS="-Xshare:on -Xlog:class+load=info" /opt/rnnlab/bin/rnnlab --version 2>/dev/null \
    | grep -c '^.*rnnlab\.app\.Launcher source: shared objects file' || true)
echo "$shared classes from the archive, the app's main class among them: $app"
[ "$app" -ge 1 ] || { echo "FAIL: the installed launcher does not use the app's class-data-sharing archive" >&2; exit 1; }

echo "== window under Xvfb"
disp=$(( 90 + RANDOM % 400 ))
Xvfb ":$disp" -screen 0 1280x720x24 -nolisten tcp >/dev/null 2>&1 & xpid=$!
sleep 1
mkdir -p "$root/tmp/.X11-unix"; mount --bind /tmp/.X11-unix "$root/tmp/.X11-unix"
t0=$(date +%s%N)
chroot "$root" /usr/bin/env DISPLAY=":$disp" HOME=/root /opt/rnnlab/bin/rnnlab >"$work/app.log" 2>&1 & apid=$!
if ! DISPLAY=":$disp" timeout 90 xdotool search --sync --onlyvisible --name "RNN Lab" >/dev/null; then
    echo "FAIL: no window within 90 s" >&2; cat "$work/app.log" >&2; kill $apid; exit 1
fi
echo "window up after $(( ($(date +%s%N) - t0) / 1000000 )) ms (first start: unpacks JavaFX's libraries)"
sleep 4
DISPLAY=":$disp" /usr/bin/import -window root "$work/installed-app.png"
echo "screenshot: $work/installed-app.png"
pkill -P $apid 2>/dev/null || true; kill $apid 2>/dev/null || true
sleep 1
echo "PASS"
