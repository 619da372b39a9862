#!/bin/sh
# Makes the lessons' figures with ImageIO's command-line cousin, ImageMagick (no font files are committed:
# the labels use ImageMagick's default font). Run from the project root: sh lessons/figures/make-figures.sh
set -e
cd "$(dirname "$0")"
FONT=$(fc-list | grep -i -m1 -E 'dejavu|wqy' | cut -d: -f1)  # an installed system font, never committed
# belt-station.png (lesson 10): the cell state rides a belt through three stations; at each one it is
# multiplied by the forget gate f_t and the input gate adds i_t*g_t.
/usr/bin/convert -size 640x160 xc:white -stroke '#1f5f9f' -strokewidth 6 -draw 'line 20,80 620,80' \
  -stroke '#333333' -strokewidth 2 -fill '#f3d27a' \
  -draw 'rectangle 130,50 210,110' -draw 'rectangle 290,50 370,110' -draw 'rectangle 450,50 530,110' \
  -fill '#333333' -stroke none -font "$FONT" -pointsize 18 \
  -draw "text 152,87 'x f1'" -draw "text 312,87 'x f2'" -draw "text 472,87 'x f3'" \
  -draw "text 145,30 '+ i1 g1'" -draw "text 305,30 '+ i2 g2'" -draw "text 465,30 '+ i3 g3'" \
  -draw "text 30,130 'c0'" -draw "text 240,130 'c1'" -draw "text 400,130 'c2'" -draw "text 580,130 'c3'" \
  -fill '#1f5f9f' -draw 'polygon 620,80 600,70 600,90' \
  -strip -define png:exclude-chunk=date,time belt-station.png
