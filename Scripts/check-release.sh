#!/usr/bin/env bash
# Checks a release archive (Scripts/package-release.sh) as a user without Swift would use it: unpacked in a new
# temporary folder outside any checkout, started with LD_LIBRARY_PATH empty, and with no Swift runtime library
# in what it loads. With --hide-toolchain DIR (as root, where unshare exists), DIR (a toolchain's usr/lib/swift)
# is also made unreadable for the checks, in a mount namespace of their own. Then: `--version`, a whole `run`
# against the embedded server (exit 0, reports written), `report` of that run, and `serve` answering a request.
#
#   bash Scripts/check-release.sh ARCHIVE [--hide-toolchain DIR]
set -euo pipefail
archive=$(realpath "$1")
hide=${3:-}
[ "${2:-}" = "--hide-toolchain" ] || hide=""
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tar -C "$work" -xzf "$archive"
bin=$(echo "$work"/neptune-conformance-*/neptune-conformance)
[ -x "$bin" ] || { echo "no neptune-conformance in $archive" >&2; exit 1; }

if ldd "$bin" | grep -Ei 'libswift|libFoundation|libdispatch|libBlocksRuntime'; then
    echo "FAIL: the binary loads Swift runtime libraries (above)" >&2
    exit 1
fi
echo "ok: no Swift runtime library among: $(ldd "$bin" | awk '{print $1}' | tr '\n' ' ')"

checks() {
    set -euo pipefail
    cd "$work"
    export LD_LIBRARY_PATH=
    "$bin" --help > /dev/null && echo "ok: --help"
    "$bin" run --report-dir "$work/reports" --quiet > "$work/run.out"
    echo "ok: run exited 0: $(grep -E '^[0-9]+ cases in' "$work/run.out") ($(grep -E '^Score' "$work/run.out"))"
    "$bin" report "$work/reports/report.json" --report-dir "$work/again" > /dev/null
    [ -s "$work/again/summary.md" ] && echo "ok: report wrote $(ls "$work/again" | tr '\n' ' ')"
    "$bin" serve --port 0 --quiet > "$work/serve.out" 2>&1 &
    server=$!
    for _ in $(seq 100); do grep -q 'http://' "$work/serve.out" && break; sleep 0.1; done
    url=$(grep -o 'http://[0-9.:]*' "$work/serve.out" | head -1)
    answer=$(curl -s -d 'Action=DescribeDBClusters&Version=2014-10-31' "$url/")
    kill "$server"
    echo "$answer" | grep -q '<DescribeDBClustersResponse' && echo "ok: serve answered at $url"
}

if [ -n "$hide" ]; then
    [ -d "$hide" ] || { echo "--hide-toolchain: no folder $hide" >&2; exit 1; }
    export -f checks
    export work bin hide
    unshare -m bash -c 'mount -t tmpfs -o mode=000 none "$hide" && echo "ok: $hide hidden (an empty, unreadable tmpfs over it)" && checks'
else
    checks
fi
echo "release archive checked: $archive"
