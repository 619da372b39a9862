#!/bin/sh
# Dumps RNN Lab's class-data-sharing archive for the app image in APPDIR: the JDK's, JavaFX's and the
# app's classes that a start of the window loads (the list made at build time, lib/app/rnnlab.classlist),
# into lib/app/rnnlab.jsa, which the launcher names (-XX:SharedArchiveFile=$APPDIR/rnnlab.jsa).
#
# Java 17 accepts an archive of class-path classes only where the class path is exactly the one it was
# dumped with (absolute names, sizes and dates of the jars). So the build runs this on target/dist/rnnlab
# and the .deb's postinst runs it again on /opt/rnnlab once installed. Should it fail, the JVM finds the
# archive does not match and starts without it: slower, never broken.
# Usage: cds-archive.sh APPDIR [CLASSLIST]   (e.g. target/dist/rnnlab or /opt/rnnlab)
#   with CLASSLIST (the build): first puts the list and this script into APPDIR/lib/app for the postinst.
set -eu
root=$(cd "$1" && pwd)
app=$root/lib/app
list=$app/rnnlab.classlist
if [ $# -ge 2 ]; then
    cp "$2" "$list"
    cp "$0" "$app/cds-archive.sh"
    chmod 755 "$app/cds-archive.sh"
fi
[ -f "$list" ] || { echo "cds-archive: no class list $list" >&2; exit 1; }
# the class path exactly as the launcher builds it: the cfg's app.classpath lines, in order
cp=$(sed -n 's#^app\.classpath=\$APPDIR#'"$app"'#p' "$app/rnnlab.cfg" | paste -sd: -)
rm -f "$app/rnnlab.jsa"
"$root/lib/runtime/bin/java" -Xshare:dump -Xlog:cds=off -Xlog:cds+map=off \
    -XX:SharedClassListFile="$list" -XX:SharedArchiveFile="$app/rnnlab.jsa" -cp "$cp" >/dev/null
chmod 644 "$app/rnnlab.jsa"
