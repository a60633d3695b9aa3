#!/usr/bin/env bash
# Builds the Linux packages: dist/kaijisho_<version>-1_amd64.deb (cargo-deb, with the .desktop
# entry, icons, AppStream metainfo and the project-file type) and the portable
# dist/kaijisho-<version>-linux-x86_64.tar.gz.
source "$(dirname "$0")/common.sh"

apt_need dpkg-dev
cargo_tool cargo-deb "$CARGO_DEB_VERSION"
third_party_licences

cargo build --profile dist --locked
cargo deb --profile dist --no-build --locked --output "$DIST/"

name="kaijisho-$VERSION-linux-x86_64"
stage="$DIST/$name"
rm -rf "$stage"
mkdir -p "$stage/share/applications" "$stage/share/icons/hicolor/256x256/apps" \
         "$stage/share/icons/hicolor/scalable/apps" "$stage/share/metainfo" \
         "$stage/share/mime/packages"
cp target/dist/kaijisho README.md "$stage/"
copy_licences "$stage"
cp packaging/linux/io.github.kaijisho.Kaijisho.desktop "$stage/share/applications/"
cp packaging/linux/io.github.kaijisho.Kaijisho.metainfo.xml "$stage/share/metainfo/"
cp packaging/linux/io.github.kaijisho.Kaijisho.xml "$stage/share/mime/packages/"
cp assets/icons/kaijisho-256.png \
   "$stage/share/icons/hicolor/256x256/apps/io.github.kaijisho.Kaijisho.png"
cp assets/icons/kaijisho.svg "$stage/share/icons/hicolor/scalable/apps/io.github.kaijisho.Kaijisho.svg"
tar -C "$DIST" -czf "$DIST/$name.tar.gz" "$name"

for f in "$DIST"/kaijisho_"$VERSION"*_amd64.deb "$DIST/$name.tar.gz"; do
  echo "packaging: $(basename "$f") $(size_of "$f") bytes"
done
