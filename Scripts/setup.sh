#!/usr/bin/env bash
# Installs what neptune-conformance needs on this machine, and only what is missing.
#
#   bash Scripts/setup.sh           the build: libxml2 and zlib (headers) and pkg-config
#   bash Scripts/setup.sh --tests   also what the tests use: chromium (HTML reports in a real
#                                   browser), botocore (an independent oracle), moto (an
#                                   independent Neptune endpoint), jsonschema (Schemas/), pytest
#                                   and moto 5.2.1's own Neptune tests (run against `serve`), openssl
#                                   (a self-signed certificate for the https tests)
#
# Debian and Ubuntu through apt-get (as root, or with sudo), macOS through Homebrew. Anything
# else: the message says what to install by hand. Exit status 0 when everything is there.
set -euo pipefail

tests=false
case "${1:-}" in
    "") ;;
    --tests) tests=true ;;
    -h | --help) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "setup.sh: unknown argument '$1' (try --tests or --help)" >&2; exit 64 ;;
esac

say() { echo "setup: $*" >&2; }
have() { command -v "$1" >/dev/null 2>&1; }
python_has() { have python3 && python3 -c "import $1" >/dev/null 2>&1; }

as_root() {
    if [ "$(id -u)" = 0 ]; then "$@"
    elif have sudo; then sudo "$@"
    else say "need root to run: $*"; return 1
    fi
}

apt_missing=()
brew_missing=()
if ! (have pkg-config && pkg-config --exists libxml-2.0); then
    apt_missing+=(libxml2-dev pkg-config)
    brew_missing+=(libxml2 pkg-config)
fi
# zlib's headers: spec lint --model reads botocore's gzipped service model through zlib.
if ! (have pkg-config && pkg-config --exists zlib); then
    apt_missing+=(zlib1g-dev)
fi
if $tests; then
    if ! (have chromium || have chromium-browser || have google-chrome); then apt_missing+=(chromium); fi
    if ! have python3; then apt_missing+=(python3 python3-pip); fi
    if ! have openssl; then apt_missing+=(openssl); fi
fi

if [ "$(uname -s)" = Darwin ]; then
    if [ ${#brew_missing[@]} -gt 0 ]; then
        have brew || { say "install Homebrew, then: brew install ${brew_missing[*]}"; exit 1; }
        say "brew install ${brew_missing[*]}"
        brew install "${brew_missing[@]}"
    fi
elif [ ${#apt_missing[@]} -gt 0 ]; then
    have apt-get || { say "no apt-get here: install ${apt_missing[*]} with your package manager"; exit 1; }
    say "apt-get install ${apt_missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    as_root apt-get update -qq
    as_root apt-get install -y -qq "${apt_missing[@]}" >/dev/null
fi

if $tests; then
    pip_missing=()
    python_has botocore || pip_missing+=('botocore>=1.43')
    # moto is pinned: the tests hold its departures to what moto 5.2.1 does (MotoRunTests), and run its own tests.
    { have moto_server && python3 -c "import moto, sys; sys.exit(moto.__version__ != '5.2.1')" 2>/dev/null; } ||
        pip_missing+=('moto[server]==5.2.1')
    python_has jsonschema || pip_missing+=('jsonschema>=4.18')
    python_has pytest || pip_missing+=('pytest>=7')
    if [ ${#pip_missing[@]} -gt 0 ]; then
        say "pip install ${pip_missing[*]}"
        python3 -m pip install --quiet --disable-pip-version-check "${pip_missing[@]}"
    fi
    # moto 5.2.1's own Neptune tests (tests/test_neptune of its source release on PyPI), which the suite runs
    # in moto's server mode against `serve`.
    root="$(cd "$(dirname "$0")/.." && pwd)"
    suite="$root/.build/third-party/moto-5.2.1/tests/test_neptune"
    if [ ! -d "$suite" ]; then
        say "fetching moto 5.2.1's Neptune tests (its source release on PyPI)"
        download="$(mktemp -d)"
        if python3 -m pip download --quiet --disable-pip-version-check --no-deps --no-binary :all: \
            'moto==5.2.1' -d "$download" >/dev/null 2>&1; then
            mkdir -p "$root/.build/third-party"
            tar xzf "$download/moto-5.2.1.tar.gz" -C "$root/.build/third-party" \
                moto-5.2.1/tests/__init__.py moto-5.2.1/tests/test_neptune
        else
            say "could not download moto 5.2.1's source release; its Neptune tests will be missing"
        fi
        rm -rf "$download"
    fi
fi
say "ready$($tests && echo ' for the tests' || true)"
