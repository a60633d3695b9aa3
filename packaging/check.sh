#!/usr/bin/env bash
# The cheap packaging check that CI runs every time (the full build and smoke test is
# packaging/test.sh, on request): the step that once broke unnoticed — generating the
# third-party licence list on a machine with a fresh cargo cache — and the .deb metadata, by
# packing the test build's binary with cargo-deb (no release build) and reading the package
# back. Run after `cargo test`, which builds target/debug/kaijisho.
source "$(dirname "$0")/common.sh"

apt_need dpkg-dev
cargo_tool cargo-deb "$CARGO_DEB_VERSION"
third_party_licences
grep -q "Apache License" "$DIST/THIRD-PARTY-LICENSES.html" \
  || { echo "packaging check: the licence list has no Apache licence text" >&2; exit 1; }

[ -x target/debug/kaijisho ] || cargo build --locked
deb="$(mktemp -d)/kaijisho-check.deb"
cargo deb --profile dev --no-build --no-strip --locked --output "$deb"
dpkg-deb --info "$deb" >/dev/null
contents="$(dpkg-deb --contents "$deb")"
for f in ./usr/bin/kaijisho ./usr/share/applications/io.github.kaijisho.Kaijisho.desktop \
         ./usr/share/metainfo/io.github.kaijisho.Kaijisho.metainfo.xml \
         ./usr/share/mime/packages/io.github.kaijisho.Kaijisho.xml \
         ./usr/share/icons/hicolor/scalable/apps/io.github.kaijisho.Kaijisho.svg \
         ./usr/share/doc/kaijisho/THIRD-PARTY-LICENSES.html; do
  grep -q " $f\$" <<<"$contents" || { echo "packaging check: $f missing from the .deb" >&2; exit 1; }
done
[ "$(dpkg-deb --field "$deb" Package)" = kaijisho ] || { echo "packaging check: package name" >&2; exit 1; }
echo "packaging check: licence list and .deb metadata OK ($(size_of "$DIST/THIRD-PARTY-LICENSES.html") bytes of licences)"
rm -rf "$(dirname "$deb")"
