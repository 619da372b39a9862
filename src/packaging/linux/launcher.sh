#!/bin/bash
# RNN Lab's launcher on Linux, bin/rnnlab of the app image (the build puts it in place of jpackage's).
#
# Why not jpackage's own: on Linux, Java 17's jpackage launcher asks the package managers who owns it
# before it starts Java, twice (`rpm -qf` and `dpkg -S`, to find its library and the app's folder in
# case it was installed from a package). `dpkg -S` reads every installed package's file list: about
# 0.2 s of CPU each on a desktop with a thousand packages, so 0.4-0.6 s more before every start and
# every `rnnlab --version` (issue 18; measured with strace, README "Start-up").
#
# This one does what that launcher does for this app, from the same lib/app/rnnlab.cfg that jpackage
# wrote: the runtime in lib/runtime, the class path (app.classpath lines, in order; $APPDIR is lib/app),
# the main class (app.mainclass), the java-options lines (among them the class-data-sharing archive,
# -XX:SharedArchiveFile=$APPDIR/rnnlab.jsa, which Java accepts only for the exact class path it was
# dumped with: cds-archive.sh builds it from the same lines), then the user's arguments.
# No process is started before Java (the cfg is read by bash itself).
self=$(readlink -f -- "$0") || self=$0
root=${self%/bin/*}
APPDIR=$root/lib/app
cfg=$APPDIR/${self##*/}.cfg # jpackage names it after the launcher
if [ ! -r "$cfg" ]; then
    echo "rnnlab: cannot read $cfg (the app image is incomplete; reinstall RNN Lab)" >&2
    exit 1
fi
cp=
main=
opts=()
while IFS= read -r line || [ -n "$line" ]; do
    value=${line#*=}
    value=${value//\$APPDIR/$APPDIR}
    case $line in
        app.classpath=*) cp=${cp:+$cp:}$value ;;
        app.mainclass=*) main=$value ;;
        java-options=*) opts+=("$value") ;;
    esac
done <"$cfg"
if [ -z "$main" ]; then
    echo "rnnlab: $cfg names no main class (app.mainclass); reinstall RNN Lab" >&2
    exit 1
fi
exec -a "$self" "$root/lib/runtime/bin/java" "-Djpackage.app-path=$self" "${opts[@]}" -cp "$cp" "$main" "$@"
