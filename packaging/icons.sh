#!/usr/bin/env bash
# Regenerates the app icon's PNG sizes and the Windows .ico from assets/icons/kaijisho.svg.
# The results are committed (the app embeds the 256 px PNG as its window icon); run this after
# editing the SVG. Needs rsvg-convert (librsvg2-bin) and ImageMagick.
set -euo pipefail
cd "$(dirname "$0")/.."
need=()
command -v rsvg-convert >/dev/null || need+=(librsvg2-bin)
command -v convert >/dev/null || need+=(imagemagick)
if ((${#need[@]})); then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}"
fi
out=assets/icons
for s in 16 24 32 48 64 128 256 512; do
  rsvg-convert -w "$s" -h "$s" "$out/kaijisho.svg" -o "$out/kaijisho-$s.png"
done
# Windows wants 16, 24, 32, 48 and 256 in one file (256 stored as PNG).
convert "$out"/kaijisho-{16,24,32,48,64,256}.png "$out/kaijisho.ico"
# 24 and 64 only serve the .ico.
rm -f "$out/kaijisho-24.png" "$out/kaijisho-64.png"
ls -l "$out"
