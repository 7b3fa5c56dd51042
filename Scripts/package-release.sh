#!/usr/bin/env bash
# Builds the archive a user without Swift downloads: the neptune-conformance binary with the Swift standard
# library and Foundation linked into it (--static-swift-stdlib), and Specs/, Golden/ and Schemas/ beside it (the
# binary reads them from its own folder). The machine that runs it needs glibc and libxml2, nothing of Swift.
#
#   bash Scripts/package-release.sh [--binary FILE] [OUTPUT-FOLDER]
#
# prints the path of OUTPUT-FOLDER/neptune-conformance-VERSION-linux-ARCH.tar.gz (OUTPUT-FOLDER: dist).
# VERSION is `git describe --tags --always`. The build uses its own folder, .build-release. With --binary, FILE
# is packed instead of building (the README test packs its own build to check the archive's layout).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
binary=""
if [ "${1:-}" = "--binary" ]; then
    binary=$(realpath "$2")
    shift 2
fi
out=$(mkdir -p "${1:-dist}" && cd "${1:-dist}" && pwd)
cd "$root"
arch=$(uname -m)
version=$(git describe --tags --always 2>/dev/null || echo dev)
name="neptune-conformance-$version-linux-$arch"
if [ -z "$binary" ]; then
    build=(swift build -c release --static-swift-stdlib --product neptune-conformance --scratch-path .build-release)
    "${build[@]}" >&2
    binary="$("${build[@]}" --show-bin-path)/neptune-conformance"
fi
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
mkdir "$stage/$name"
cp "$binary" "$stage/$name/neptune-conformance"
strip "$stage/$name/neptune-conformance" 2>/dev/null || true
cp -R Specs Golden Schemas README.md "$stage/$name/"
tar -C "$stage" -czf "$out/$name.tar.gz" "$name"
echo "$out/$name.tar.gz"
