#!/usr/bin/env bash
# Runs the app under Xvfb and writes PNG screenshots of the start screen, of the main window
# with the sample open and of findings shown where they belong (a 作成日 that is no date, いいえ
# without a reason), at 1280x800 and 1024x768, and of presentation mode at 1024x768 and
# 1920x1080, into docs/. `scripts/screenshot.sh presentation` takes only the presentation ones.
# Needs (installed here with apt-get when missing): xvfb xauth x11-utils xdotool imagemagick and
# the run-time libraries of a glow (OpenGL) window.
set -euo pipefail
cd "$(dirname "$0")/.."

PKGS=(xvfb xauth x11-utils xdotool imagemagick libx11-6 libx11-xcb1 libxcursor1 libxi6 libxrandr2
      libxkbcommon-x11-0 libgl1 libegl1 libegl-mesa0 libgl1-mesa-dri)
missing=()
for p in "${PKGS[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if ((${#missing[@]})); then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# KAIJISHO_BIN=target/debug/kaijisho skips the release build (quicker for a look).
BIN=${KAIJISHO_BIN:-target/release/kaijisho}
[ -n "${KAIJISHO_BIN:-}" ] || cargo build --release --quiet
DATA=$(mktemp -d)   # an empty app-data folder: no recent files, no recovery offer
export KAIJISHO_DATA_DIR="$DATA" KAIJISHO_LANG=ja XDG_DATA_HOME="$DATA" XDG_CONFIG_HOME="$DATA"
export LIBGL_ALWAYS_SOFTWARE=1

NEXT_DISPLAY=91
shot() { # shot <width> <height> <output.png> [args...]
  local w=$1 h=$2 out=$3; shift 3
  local display=:$NEXT_DISPLAY
  NEXT_DISPLAY=$((NEXT_DISPLAY + 1))
  Xvfb "$display" -screen 0 "${w}x${h}x24" >/dev/null 2>&1 &
  local xvfb=$!
  # Wait until the X server answers.
  for _ in $(seq 1 50); do
    DISPLAY=$display xdpyinfo >/dev/null 2>&1 && break
    sleep 0.1
  done
  DISPLAY=$display "$BIN" "$@" >/dev/null 2>&1 &
  local app=$!
  # Wait for the window, make it fill the screen, let it draw.
  for _ in $(seq 1 50); do
    DISPLAY=$display xdotool search --name "kaijisho" >/dev/null 2>&1 && break
    sleep 0.2
  done
  local win
  win=$(DISPLAY=$display xdotool search --name "kaijisho" | head -1)
  DISPLAY=$display xdotool windowmove "$win" 0 0 windowsize "$win" "$w" "$h" || true
  sleep 2
  # SHOT_KEYS: keys to press first (xdotool key names), e.g. "alt+Down F5".
  for k in ${SHOT_KEYS:-}; do
    DISPLAY=$display xdotool windowfocus --sync "$win" key "$k" 2>/dev/null || true
    sleep 0.5
  done
  [ -z "${SHOT_KEYS:-}" ] || sleep 1.5
  DISPLAY=$display import -window root "$out"
  kill "$app" 2>/dev/null || true
  wait "$app" 2>/dev/null || true
  kill "$xvfb" 2>/dev/null || true
  wait "$xvfb" 2>/dev/null || true
  echo "wrote $out"
}

if [ "${1:-}" != presentation ]; then
  shot 1280 800 docs/screenshot-start.png
  shot 1024 768 docs/screenshot-start-1024.png
  # Opened from the temporary folder: the status bar shows no path of this machine.
  SDS="$DATA/sds-remote-service-sample.json"
  cp assets/samples/sds-remote-service-sample.json "$SDS"
  shot 1280 800 docs/screenshot-main.png open "$SDS"
  shot 1024 768 docs/screenshot-main-1024.png open "$SDS"
  # The MDS example with two mistakes: 11月31日 is no date, and 1 is いいえ without a reason.
  FINDING="$DATA/findings.json"
  sed -E 's/"created": "[^"]*"/"created": "2026年11月31日"/' \
    assets/samples/mds-checksheet-sample.json > "$FINDING"
  "$BIN" answer "$FINDING" 1 いいえ --remark "" >/dev/null
  shot 1280 800 docs/screenshot-finding.png open "$FINDING"
  shot 1024 768 docs/screenshot-finding-1024.png open "$FINDING"
fi
# Presentation mode on the MDS example's option question 4.1 (the clicker key → four times), and with the
# guideline and hints (G) on question 4.1.1.
MDS="$DATA/mds-checksheet-sample.json"
cp assets/samples/mds-checksheet-sample.json "$MDS"
SHOT_KEYS="F5 Right Right Right Right" \
  shot 1920 1080 docs/screenshot-presentation-1080.png open "$MDS"
SHOT_KEYS="F5 Right Right Right Right" \
  shot 1024 768 docs/screenshot-presentation-1024.png open "$MDS"
SHOT_KEYS="F5 Right Right Right Right Right g" \
  shot 1920 1080 docs/screenshot-presentation-guide-1080.png open "$MDS"
rm -rf "$DATA"
