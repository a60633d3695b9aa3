# Shared by the packaging scripts (sourced, not run): paths, version, and installing tools.
# Each script runs on a fresh Debian machine of this project's kind; as root it installs what
# it needs with apt-get / rustup / cargo install, otherwise it says what to install.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
DIST="$ROOT/dist"
mkdir -p "$DIST"
VERSION="$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)"
export CARGO_TERM_COLOR=never

# apt_need PKG… — installs the Debian packages that are missing.
apt_need() {
  local missing=() p
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  ((${#missing[@]})) || return 0
  if [ "$(id -u)" != 0 ]; then
    echo "packaging: install first: sudo apt-get install ${missing[*]}" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

# cargo_tool BINARY CRATE [ARGS…] — installs a cargo subcommand from crates.io when missing.
cargo_tool() {
  local bin=$1 crate=$2
  shift 2
  command -v "$bin" >/dev/null 2>&1 || cargo install --locked "$crate" "$@"
}

# The licences of every crate compiled in, as dist/THIRD-PARTY-LICENSES.html (cargo-about,
# offline). Regenerated when Cargo.lock or the template changed.
third_party_licences() {
  local out="$DIST/THIRD-PARTY-LICENSES.html"
  if [ -s "$out" ] && [ "$out" -nt Cargo.lock ] && [ "$out" -nt packaging/about.hbs ] \
     && [ "$out" -nt packaging/about.toml ]; then
    return 0
  fi
  cargo_tool cargo-about cargo-about --features cli
  cargo about generate --offline --locked --fail -c packaging/about.toml packaging/about.hbs \
    -o "$out.tmp"
  mv "$out.tmp" "$out"
}

# The files every package carries beside the program: licences and the bundled font's licence.
copy_licences() {
  local dest=$1
  cp LICENSE-MIT LICENSE-APACHE assets/fonts/IPA_Font_License_Agreement_v1.0.txt \
     "$DIST/THIRD-PARTY-LICENSES.html" "$dest/"
}

size_of() { stat -c %s "$1"; }
