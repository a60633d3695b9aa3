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

# The packaging tools, pinned: a run today and a run next year build with the same tools.
CARGO_ABOUT_VERSION=0.9.3
CARGO_DEB_VERSION=3.8.0

# cargo_tool CRATE VERSION [ARGS…] — installs a cargo subcommand from crates.io unless that
# version is already installed.
cargo_tool() {
  local crate=$1 version=$2
  shift 2
  cargo install --list | grep -qx "$crate v$version:" \
    || cargo install --locked "$crate" --version "=$version" "$@"
}

# The licences of every crate compiled in, as dist/THIRD-PARTY-LICENSES.html (cargo-about,
# offline). Regenerated when Cargo.lock or the template changed.
third_party_licences() {
  local out="$DIST/THIRD-PARTY-LICENSES.html"
  if [ -s "$out" ] && [ "$out" -nt Cargo.lock ] && [ "$out" -nt packaging/about.hbs ] \
     && [ "$out" -nt packaging/about.toml ]; then
    return 0
  fi
  cargo_tool cargo-about "$CARGO_ABOUT_VERSION" --features cli
  # cargo-about reads the metadata of every platform's dependencies (Windows, macOS, iOS crates
  # too), while a Linux build downloads only the Linux ones: fetch them all first, so this
  # works on a machine whose cargo cache is empty.
  cargo fetch --locked
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
