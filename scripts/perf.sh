#!/usr/bin/env bash
# What criterion cannot time, measured on the release build under Xvfb (as root it installs
# what it needs): figures for docs/PERFORMANCE.md.
#  1. start to first frame: wall time from exec to the end of the first painted frame
#     (`kaijisho open --print-first-frame`), RUNS times; the first run after dropping the page
#     cache when that is allowed (cold), the rest warm;
#  2. peak RSS of the GUI with the sample open for 5 s (/usr/bin/time -v);
#  3. CPU use while idle: CPU ticks the GUI uses with the sample open, untouched, before and
#     after its status message expires;
#  4. xlsx → PDF: our path (`kaijisho export book.xlsx --pdf`, import + PDF) against
#     LibreOffice headless converting the same workbook, both timed by hyperfine in one run.
# Usage: bash scripts/perf.sh [startup|rss|idle|convert]…   (default: all)
#   KAIJISHO_BIN=path to use a built binary; RUNS=10 start-up runs.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
PKGS=(xvfb xauth x11-utils time hyperfine libreoffice-calc-nogui poppler-utils libx11-6
      libx11-xcb1 libxcursor1 libxi6 libxrandr2 libxkbcommon-x11-0 libgl1 libegl1 libegl-mesa0
      libgl1-mesa-dri)
missing=()
for p in "${PKGS[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if ((${#missing[@]})); then
  [ "$(id -u)" = 0 ] || { echo "install first: sudo apt-get install ${missing[*]}" >&2; exit 1; }
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
if [ -z "${KAIJISHO_BIN:-}" ]; then
  cargo build --release --locked -q
  KAIJISHO_BIN="$ROOT/target/release/kaijisho"
fi
BIN=$KAIJISHO_BIN
SAMPLE="$ROOT/assets/samples/sds-remote-service-sample.json"
WORK=$(mktemp -d)
XPID=""
trap '[ -n "$XPID" ] && kill $XPID 2>/dev/null; rm -rf "$WORK"' EXIT
# A fresh settings folder so that no earlier window size or recent file plays a part.
export XDG_DATA_HOME="$WORK/data" XDG_CONFIG_HOME="$WORK/config" KAIJISHO_LANG=ja
for n in $(seq 90 130); do
  [ -e "/tmp/.X11-unix/X$n" ] || [ -e "/tmp/.X$n-lock" ] && continue
  Xvfb ":$n" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
  XPID=$!
  export DISPLAY=":$n"
  for _ in $(seq 50); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done
  break
done
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "binary:  $("$BIN" --version) $(stat -c %s "$BIN") bytes"

startup() {
  local runs=${RUNS:-10} i t0 t1 ms all=()
  for i in $(seq "$runs"); do
    local label=warm
    if [ "$i" = 1 ] && sync && echo 3 2>/dev/null > /proc/sys/vm/drop_caches; then label=cold; fi
    t0=$(date +%s%N)
    t1=$("$BIN" open "$SAMPLE" --print-first-frame --exit-after 300 | sed -n 's/^first-frame-epoch-ns //p')
    ms=$(( (t1 - t0) / 1000000 ))
    echo "first frame run $i ($label): $ms ms"
    all+=("$ms")
  done
  printf '%s\n' "${all[@]}" | sort -n | awk '{a[NR]=$1} END {print "first frame: median " a[int((NR+1)/2)] " ms, max " a[NR] " ms over " NR " runs"}'
}

rss() {
  /usr/bin/time -v "$BIN" open "$SAMPLE" --exit-after 5000 2> "$WORK/time.txt" >/dev/null
  awk -F: '/Maximum resident set size/ {printf "peak RSS: %.1f MB\n", $2/1024}' "$WORK/time.txt"
}

idle() {
  # Seconds 2–12 include the one repaint that takes the "opened" status message away (after
  # 8 s); seconds 12–22 are untouched idle, where nothing may repaint at all.
  "$BIN" open "$SAMPLE" >/dev/null 2>&1 &
  local pid=$! a b c hz
  hz=$(getconf CLK_TCK)
  sleep 2
  a=$(awk '{print $14+$15}' "/proc/$pid/stat")
  sleep 10
  b=$(awk '{print $14+$15}' "/proc/$pid/stat")
  sleep 10
  c=$(awk '{print $14+$15}' "/proc/$pid/stat")
  echo "idle: $((b - a)) CPU ticks (1/$hz s) in seconds 2–12 (the status message expires), $((c - b)) in seconds 12–22"
  kill "$pid"; wait "$pid" 2>/dev/null || true
}

convert() {
  # The workbook of the generated 300-question statement (the benches' statement), exported
  # by us; then both tools turn that same workbook into a PDF.
  local json="$WORK/g300.json"
  KAIJISHO_GENERATED_OUT="$json" cargo test --locked -q --test generated -- --ignored \
    >/dev/null 2>&1
  "$BIN" export "$json" --xlsx "$WORK/g300.xlsx"
  mkdir -p "$WORK/lo"
  soffice --headless --convert-to pdf --outdir "$WORK/lo" "$WORK/g300.xlsx" >/dev/null 2>&1
  hyperfine --warmup 1 --runs "${CONVERT_RUNS:-5}" --export-markdown "$WORK/convert.md" \
    --export-json "$WORK/convert.json" \
    -n kaijisho "$BIN export $WORK/g300.xlsx --pdf $WORK/ours.pdf" \
    -n libreoffice "soffice --headless --convert-to pdf --outdir $WORK/lo $WORK/g300.xlsx" \
    >/dev/null
  cat "$WORK/convert.md"
  # The ratio of the mean times (target ≥ 30×), from hyperfine's own figures.
  awk -F'"mean": ' '/"mean": /{split($2, v, ","); m[++n] = v[1]}
    END {if (n == 2 && m[1] > 0) printf "LibreOffice / kaijisho: %.1f× (%.1f ms against %.1f ms)\n", m[2] / m[1], m[1] * 1000, m[2] * 1000}' \
    "$WORK/convert.json"
  echo "PDF sizes: kaijisho $(stat -c %s "$WORK/ours.pdf") bytes, $(pdfinfo "$WORK/ours.pdf" | awk '/^Pages/ {print $2}') pages;" \
       "LibreOffice $(stat -c %s "$WORK/lo/g300.pdf") bytes, $(pdfinfo "$WORK/lo/g300.pdf" | awk '/^Pages/ {print $2}') pages"
}

steps=("$@")
((${#steps[@]})) || steps=(startup rss idle convert)
for s in "${steps[@]}"; do echo "== $s"; "$s"; done
