#!/bin/sh
# Builds assets/corpora/rnnlab-java.txt: RNN Lab's own main Java sources (engine, training, io, session,
# cli), concatenated in sorted path order, each file preceded by a "// file: PATH" line. The tests
# (src/test/java) and the rnnlab.analysis package are NOT in it, so they are held-out Java text.
# Run from the project root: sh assets/corpora/make-java-corpus.sh
set -eu
out=assets/corpora/rnnlab-java.txt
: > "$out.tmp"
for f in $(find src/main/java/rnnlab/engine src/main/java/rnnlab/training src/main/java/rnnlab/io \
        src/main/java/rnnlab/session src/main/java/rnnlab/cli -name '*.java' | LC_ALL=C sort); do
    printf '// file: %s\n' "${f#src/main/java/}" >> "$out.tmp"
    cat "$f" >> "$out.tmp"
    printf '\n' >> "$out.tmp"
done
mv "$out.tmp" "$out"
wc -c "$out"
