#!/usr/bin/env bash
# The floor for startup-time.sh: how long a bare JavaFX window (an empty 1280x720 Stage titled "RNN Lab",
# nothing else) takes to come up here. Compiles that class into a temporary jar, then runs startup-time.sh
# on it with the given java and JavaFX's jars on the class path (like the packaged app, no app CDS archive).
# Usage: src/packaging/bare-window.sh [RUNS] [JAVA]
#   src/packaging/bare-window.sh 7                                          (java on the PATH)
#   src/packaging/bare-window.sh 7 target/dist/rnnlab/lib/runtime/bin/java  (the packaged app's runtime)
#   src/packaging/bare-window.sh --command DIR [JAVA]   makes the bare window's command in DIR and prints
#     its path, measuring nothing (to run it alternated with the app: startup-time.sh 7 APP --vs BARE)
# JavaFX's jars: target/dist/rnnlab/lib/app if built with -Pdist, else the local Maven repository.
set -euo pipefail
keep=""
if [ "${1:-}" = "--command" ]; then keep=$(mkdir -p "$2" && cd "$2" && pwd); shift 2; set -- 0 "$@"; fi
runs=${1:-5}
java=$(realpath "$(command -v "${2:-java}")")
here=$(cd "$(dirname "$0")/../.." && pwd)
jfx=$(ls "$here"/target/dist/rnnlab/lib/app/javafx-{base,graphics,controls}-*-linux.jar 2>/dev/null \
    || ls ~/.m2/repository/org/openjfx/javafx-{base,graphics,controls}/*/*-linux.jar)
cp=$(echo "$jfx" | paste -sd:)
if [ -n "$keep" ]; then
    work=$keep
else
    work=$(mktemp -d)
    trap 'rm -rf "$work"' EXIT
fi
mkdir -p "$work/src" "$work/classes"
cat >"$work/src/BareWindow.java" <<'JAVA'
public class BareWindow extends javafx.application.Application {
    @Override
    public void start(javafx.stage.Stage stage) {
        stage.setTitle("RNN Lab");
        stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.StackPane(), 1280, 720));
        stage.show();
    }

    /** A main outside the Application class, so JavaFX may be on the class path. */
    public static final class Main {
        public static void main(String[] args) {
            javafx.application.Application.launch(BareWindow.class, args);
        }
    }
}
JAVA
javac -nowarn -cp "$cp" -d "$work/classes" "$work/src/BareWindow.java"
printf '#!/bin/sh\nexec "%s" -cp "%s" BareWindow\\$Main\n' "$java" "$work/classes:$cp" >"$work/bare"
chmod +x "$work/bare"
if [ -n "$keep" ]; then
    echo "$work/bare"
else
    "$here/src/packaging/startup-time.sh" "$runs" "$work/bare"
fi
