#!/usr/bin/env bash
# Runs the desktop app on a fresh Debian machine: installs the run-time libraries of an OpenGL
# (glow) window when they are missing (as root), then `cargo run --release`.
# Arguments go to kaijisho (e.g. `bash scripts/run.sh open statement.json`).
set -euo pipefail
cd "$(dirname "$0")/.."
PKGS=(libx11-6 libx11-xcb1 libxcursor1 libxi6 libxrandr2 libxkbcommon-x11-0 libxkbcommon0
      libwayland-client0 libwayland-egl1 libgl1 libegl1 libegl-mesa0 libgl1-mesa-dri)
missing=()
for p in "${PKGS[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if ((${#missing[@]})); then
  if [ "$(id -u)" = 0 ]; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing[@]}"
  else
    echo "Install first: sudo apt-get install ${missing[*]}" >&2
    exit 1
  fi
fi
exec cargo run --release -- "$@"
