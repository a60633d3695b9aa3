#!/usr/bin/env bash
# Cross-builds kaijisho.exe for x86_64-pc-windows-gnu (mingw-w64; icon and version resource from
# build.rs; GUI subsystem) and packs the portable dist/kaijisho-<version>-windows-x86_64.zip.
source "$(dirname "$0")/common.sh"
TARGET=x86_64-pc-windows-gnu

apt_need gcc-mingw-w64-x86-64 binutils-mingw-w64-x86-64 zip
rustup target list --installed | grep -qx "$TARGET" || rustup target add "$TARGET"
third_party_licences

cargo build --profile dist --locked --target "$TARGET"
exe="target/$TARGET/dist/kaijisho.exe"

# Only DLLs that every Windows has: no mingw runtime DLL may be needed beside the exe.
dlls=$(x86_64-w64-mingw32-objdump -p "$exe" | sed -n 's/^\s*DLL Name: //p' | tr 'A-Z' 'a-z' | sort -u)
for d in $dlls; do
  case "$d" in
    libgcc*|libstdc++*|libwinpthread*) echo "packaging: $exe needs $d" >&2; exit 1 ;;
  esac
done

name="kaijisho-$VERSION-windows-x86_64"
stage="$DIST/$name"
rm -rf "$stage" "$DIST/$name.zip"
mkdir -p "$stage"
cp "$exe" "$stage/"
copy_licences "$stage"
# Windows users open .txt files with Notepad: CRLF line ends, .txt names.
for f in README:packaging/windows/README.txt LICENSE-MIT:LICENSE-MIT LICENSE-APACHE:LICENSE-APACHE; do
  sed 's/$/\r/' "${f#*:}" > "$stage/${f%%:*}.txt"
done
rm -f "$stage/LICENSE-MIT" "$stage/LICENSE-APACHE"
(cd "$DIST" && zip -q -9 -r "$name.zip" "$name")
echo "packaging: $name.zip $(size_of "$DIST/$name.zip") bytes (kaijisho.exe $(size_of "$exe") bytes)"
