#!/usr/bin/env bash
# Installs what neptune-conformance needs on this machine, and only what is missing.
#
#   bash Scripts/setup.sh           the build: libxml2 and zlib (headers) and pkg-config
#   bash Scripts/setup.sh --tests   also what the tests use: chromium (HTML reports in a real
#                                   browser), botocore (an independent oracle), moto (an
#                                   independent Neptune endpoint) and jsonschema (Schemas/)
#
# Debian and Ubuntu through apt-get (as root, or with sudo), macOS through Homebrew. Anything
# else: the message says what to install by hand. Exit status 0 when everything is there.
set -euo pipefail

tests=false
case "${1:-}" in
    "") ;;
    --tests) tests=true ;;
    -h | --help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
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
    have moto_server || pip_missing+=('moto[server]>=5.1')
    python_has jsonschema || pip_missing+=('jsonschema>=4.18')
    if [ ${#pip_missing[@]} -gt 0 ]; then
        say "pip install ${pip_missing[*]}"
        python3 -m pip install --quiet --disable-pip-version-check "${pip_missing[@]}"
    fi
fi
say "ready$($tests && echo ' for the tests' || true)"
