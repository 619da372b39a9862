#!/bin/sh
# Builds assets/corpora/tang300.txt from Debian's fortunes-zh package (GPL-3.0-or-later; see NOTICE):
#   apt-get install -y fortunes-zh ; sh assets/corpora/make-tang-corpus.sh
# Strips the ANSI colour codes, drops each poem's title line (《…》) and author line (作者：…), and
# separates poems by one empty line, so the text is poem lines only: a model learns the line format.
set -eu
src=${1:-/usr/share/games/fortunes/tang300.u8}
out=assets/corpora/tang300.txt
sed -e 's/\x1b\[[0-9;]*m//g' -e 's/\r$//' "$src" | awk '
    /^%$/            { if (body) print ""; body = 0; next }
    /^《/            { next }
    /^作者：/        { next }
    /^[[:space:]]*$/ { next }
    { sub(/^[ \t　]+/, ""); sub(/[ \t　]+$/, ""); print; body = 1 }
' > "$out.tmp"
mv "$out.tmp" "$out"
wc -m "$out"
