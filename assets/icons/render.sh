#!/bin/sh
# Renders the committed PNG icons from the SVG sources with ImageMagick's convert (which hands SVG
# to rsvg-convert: apt-get install imagemagick librsvg2-bin). Run it after editing an SVG and
# commit the PNGs; the build only copies them. Sizes: the ones Linux desktops look up in hicolor.
set -eu
cd "$(dirname "$0")"
for size in 16 24 32 48 64 128 256 512; do
    source=herakles-proc-mem.svg
    # 16 px has its own drawing on the pixel grid; the large design blurs at that size.
    [ "$size" -eq 16 ] && source=herakles-proc-mem-16.svg
    # Rasterise large, then shrink: smoother edges than rasterising at the target size.
    convert -background none -density 288 "$source" -resize "${size}x${size}" \
        -strip -define png:exclude-chunks=date,time "herakles-proc-mem-${size}.png"
done
