#!/usr/bin/env bash
# Builds every package and smoke-tests it (run by .ci/run when KAIJISHO_PACKAGING=1, as root):
# - .deb: installed with apt (dpkg -i plus its dependencies); --version, export of the sample to
#   xlsx and PDF, desktop entry / AppStream / MIME checks, the GUI under Xvfb (screenshot);
#   then removed.
# - tar.gz: unpacked; --version and export.
# - Windows zip: under wine, --version, export of the sample to xlsx and PDF (their fingerprints
#   must equal the Linux build's), and the GUI under Xvfb (screenshot).
# Screenshots land in dist/screenshots/. Sizes are printed at the end.
source "$(dirname "$0")/common.sh"

bash packaging/linux.sh
bash packaging/windows.sh

apt_need xvfb xauth x11-utils xdotool imagemagick poppler-utils desktop-file-utils \
         appstream shared-mime-info wine wine64 gcc-mingw-w64-x86-64 unzip \
         libx11-6 libx11-xcb1 libxcursor1 libxi6 libxrandr2 libxkbcommon-x11-0 libgl1 libegl1 \
         libegl-mesa0 libgl1-mesa-dri

SAMPLE="$ROOT/assets/samples/sds-remote-service-sample.json"
WORK="$(mktemp -d)"
SHOTS="$DIST/screenshots"
mkdir -p "$SHOTS"
XPID=""
cleanup() {
  [ -n "$XPID" ] && kill "$XPID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
fail() { echo "packaging test: FAILED: $*" >&2; exit 1; }
step() { echo "== $*"; }

# A private X server for the GUI checks.
start_x() {
  local n
  for n in $(seq 90 120); do
    [ -e "/tmp/.X11-unix/X$n" ] || [ -e "/tmp/.X$n-lock" ] && continue
    Xvfb ":$n" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
    XPID=$!
    export DISPLAY=":$n"
    for _ in $(seq 50); do xdpyinfo >/dev/null 2>&1 && return 0; sleep 0.1; done
  done
  fail "no X server"
}

# check_exports OUTDIR — the exported xlsx and PDF exist, the PDF is valid, and the workbook
# reads back to the same statement as the sample (same fingerprint).
check_exports() {
  local out=$1 bin=$2
  [ -s "$out/sample.xlsx" ] || fail "no xlsx in $out"
  pdfinfo "$out/sample.pdf" | grep -q '^Pages:' || fail "PDF in $out is not readable"
  local want got
  want=$("$bin" fingerprint "$SAMPLE")
  got=$("$bin" fingerprint "$out/sample.xlsx")
  [ "$want" = "$got" ] || fail "fingerprint of $out/sample.xlsx: $got, expected $want"
}

# gui_shot NAME CMD… — starts the GUI, waits for its window, takes a screenshot.
gui_shot() {
  local name=$1
  shift
  "$@" > "$WORK/$name.out" 2>&1 &
  local pid=$! id=""
  for _ in $(seq 300); do
    id=$(xdotool search --name "kaijisho|開示書" 2>/dev/null | head -1 || true)
    [ -n "$id" ] && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  [ -n "$id" ] || { cat "$WORK/$name.out" >&2; fail "$name: no window"; }
  sleep 4
  import -window root "$SHOTS/$name.png"
  wait "$pid" || { cat "$WORK/$name.out" >&2; fail "$name: GUI exited with an error"; }
  echo "screenshot: dist/screenshots/$name.png"
}

start_x

step ".deb: install"
DEB=$(ls "$DIST"/kaijisho_"$VERSION"*_amd64.deb | head -1)
export DEBIAN_FRONTEND=noninteractive
dpkg -i "$DEB" || apt-get install -y -qq -f
dpkg -s kaijisho | grep -q '^Status: install ok installed' || fail "kaijisho not installed"
step ".deb: kaijisho --version"
/usr/bin/kaijisho --version | tee "$WORK/v.txt"
grep -q "^kaijisho $VERSION (commit " "$WORK/v.txt" || fail "--version"
step ".deb: export"
mkdir -p "$WORK/deb"
/usr/bin/kaijisho export "$SAMPLE" --xlsx "$WORK/deb/sample.xlsx" --pdf "$WORK/deb/sample.pdf"
check_exports "$WORK/deb" /usr/bin/kaijisho
step ".deb: desktop entry, AppStream, MIME type, icons"
desktop-file-validate /usr/share/applications/io.github.kaijisho.Kaijisho.desktop
appstreamcli validate --no-net /usr/share/metainfo/io.github.kaijisho.Kaijisho.metainfo.xml
update-mime-database /usr/share/mime
[ -f /usr/share/mime/application/x-kaijisho-project+json.xml ] || fail "MIME type not registered"
[ -f /usr/share/icons/hicolor/256x256/apps/io.github.kaijisho.Kaijisho.png ] || fail "icon"
[ -f /usr/share/doc/kaijisho/THIRD-PARTY-LICENSES.html ] || fail "third-party licences"
step ".deb: GUI"
gui_shot deb-gui /usr/bin/kaijisho open "$SAMPLE" --exit-after 7000 --print-first-frame
grep -q '^first-frame-epoch-ns ' "$WORK/deb-gui.out" || fail "no first frame"
dpkg -r kaijisho >/dev/null

step "tar.gz: unpack, --version, export"
tar -C "$WORK" -xzf "$DIST/kaijisho-$VERSION-linux-x86_64.tar.gz"
TBIN="$WORK/kaijisho-$VERSION-linux-x86_64/kaijisho"
"$TBIN" --version | grep -q "^kaijisho $VERSION" || fail "tar.gz --version"
mkdir -p "$WORK/tar"
"$TBIN" export "$SAMPLE" --xlsx "$WORK/tar/sample.xlsx" --pdf "$WORK/tar/sample.pdf"
check_exports "$WORK/tar" "$TBIN"

step "Windows zip under wine"
unzip -q "$DIST/kaijisho-$VERSION-windows-x86_64.zip" -d "$WORK"
WDIR="$WORK/kaijisho-$VERSION-windows-x86_64"
for f in kaijisho.exe README.txt LICENSE-MIT.txt LICENSE-APACHE.txt \
         IPA_Font_License_Agreement_v1.0.txt THIRD-PARTY-LICENSES.html; do
  [ -s "$WDIR/$f" ] || fail "zip lacks $f"
done
# Test aid for Debian's wine 8 only (see packaging/windows/wine-processprng.c).
x86_64-w64-mingw32-gcc -shared -O2 -o "$WDIR/bcryptprimitives.dll" \
  packaging/windows/wine-processprng.c -ladvapi32
export WINEPREFIX="$WORK/wineprefix" WINEDEBUG=-all
export WINEDLLOVERRIDES="mscoree,mshtml=;bcryptprimitives=n,b"
wineboot -i >/dev/null 2>&1 || true
cp "$SAMPLE" "$WDIR/sample.json"
(
  cd "$WDIR"
  step "wine: kaijisho.exe --version"
  wine kaijisho.exe --version > "$WORK/wv.txt" 2>"$WORK/wv.err" || { cat "$WORK/wv.err" >&2; fail "wine --version"; }
  tr -d '\r' < "$WORK/wv.txt" | tee "$WORK/wv2.txt"
  grep -q "^kaijisho $VERSION (commit .*x86_64-pc-windows-gnu; dist)" "$WORK/wv2.txt" || fail "wine --version"
  step "wine: export"
  mkdir -p out
  wine kaijisho.exe export sample.json --xlsx out/sample.xlsx --pdf out/sample.pdf \
    > "$WORK/we.txt" 2>&1 || { cat "$WORK/we.txt" >&2; fail "wine export"; }
)
check_exports "$WDIR/out" "$TBIN"
step "wine: GUI"
(cd "$WDIR" && gui_shot wine-gui wine kaijisho.exe open sample.json --exit-after 12000)
wineserver -k 2>/dev/null || true

step "sizes"
for f in "$DEB" "$DIST/kaijisho-$VERSION-linux-x86_64.tar.gz" \
         "$DIST/kaijisho-$VERSION-windows-x86_64.zip" target/dist/kaijisho \
         target/x86_64-pc-windows-gnu/dist/kaijisho.exe; do
  printf '%-48s %10d bytes\n' "$(basename "$f")" "$(size_of "$f")"
done
echo "packaging test: all passed"
