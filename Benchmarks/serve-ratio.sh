#!/usr/bin/env bash
# serve against its ceiling (issue #30): wrk sends the runner's exact signed DescribeDBClusters to `serve` and to
# `conformance-benchmarks fixed-answer` (the same Hummingbird server answering that request's bytes as a constant),
# in alternating rounds, and prints each round, the medians and the ratio. Needs wrk (apt-get install -y wrk).
# Usage: bash Benchmarks/serve-ratio.sh [seconds per round] [rounds] [connections]
# NC_SKIP_BUILD=1 uses the release binaries as they are. NC_BASELINE_SERVE=PATH adds a third server to every round:
# `serve` of another neptune-conformance binary (an earlier build), for a before/after in the same run.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_ROUND=${1:-5}
ROUNDS=${2:-5}
CONNECTIONS=${3:-16}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 2; }
if [ "${NC_SKIP_BUILD:-0}" != 1 ]; then
    # One product per build: given twice, --product builds only the last one.
    for product in neptune-conformance conformance-benchmarks; do
        swift build -c release --product "$product" >/dev/null 2>&1 || { echo "release build of $product failed" >&2; exit 2; }
    done
fi
BIN=$(swift build -c release --show-bin-path)
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

SERVE_PORT=$(free_port)
"$BIN/neptune-conformance" serve --port "$SERVE_PORT" --quiet > /dev/null &
SERVE=$!
FIXED_PORT=$(free_port)
"$BIN/conformance-benchmarks" fixed-answer "$FIXED_PORT" > /dev/null &
FIXED=$!
BASELINE=""
BASELINE_PORT=""
if [ -n "${NC_BASELINE_SERVE:-}" ]; then
    BASELINE_PORT=$(free_port)
    "$NC_BASELINE_SERVE" serve --port "$BASELINE_PORT" --quiet > /dev/null &
    BASELINE=$!
fi
WRK_SCRIPT=$(mktemp --suffix=.lua)
trap 'kill $SERVE $FIXED $BASELINE 2>/dev/null; rm -f "$WRK_SCRIPT"' EXIT
for port in "$SERVE_PORT" "$FIXED_PORT" $BASELINE_PORT; do
    for _ in $(seq 100); do curl -s -o /dev/null "http://127.0.0.1:$port/" && break; sleep 0.1; done
done
for port in "$SERVE_PORT" $BASELINE_PORT; do
    curl -s -o /dev/null -d "Action=CreateDBCluster&Version=2014-10-31&DBClusterIdentifier=bench-1&Engine=neptune" \
        "http://127.0.0.1:$port/"
done
# One script for both servers: it carries no Host header, and neither server checks the signature.
"$BIN/conformance-benchmarks" wrk-script "http://127.0.0.1:$SERVE_PORT/" > "$WRK_SCRIPT"

# Both servers must answer the same bytes but for the RequestId and the cluster's creation times (each made its own
# bench-1), or the ratio measures different work.
python3 - "$WRK_SCRIPT" "$SERVE_PORT" "$FIXED_PORT" $BASELINE_PORT <<'PY'
import re, sys, urllib.request
script = open(sys.argv[1]).read()
unquote = lambda s: s.replace('\\"', '"').replace('\\\\', '\\')
body = unquote(re.search(r'^wrk\.body = "(.*)"$', script, re.M).group(1))
headers = {unquote(k): unquote(v) for k, v in re.findall(r'^wrk\.headers\["(.*)"\] = "(.*)"$', script, re.M)}
answers = []
for port in sys.argv[2:]:
    request = urllib.request.Request(f"http://127.0.0.1:{port}/", data=body.encode(), headers=headers, method="POST")
    with urllib.request.urlopen(request) as answer:
        content = answer.read()
        masked = re.sub(rb"<RequestId>[^<]*</RequestId>", b"<RequestId/>", content)
        masked = re.sub(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z", b"(time)", masked)
        answers.append((answer.status, answer.headers["Content-Type"], masked, len(content)))
for other in answers[1:]:
    if answers[0][:3] != other[:3]:
        sys.exit(f"the servers answer differently:\n{answers[0]}\n{other}")
print(f"all answer status {answers[0][0]}, {' / '.join(str(a[3]) for a in answers)} bytes of {answers[0][1]}, "
      "the same but for the RequestId and creation times")
PY

run_wrk() { wrk -t1 -c"$CONNECTIONS" -d"$2" -s "$WRK_SCRIPT" "http://127.0.0.1:$1/" | awk '/Requests\/sec/ {print $2}'; }
for port in "$SERVE_PORT" "$FIXED_PORT" $BASELINE_PORT; do run_wrk "$port" 2s > /dev/null; done
echo "== $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(date -u +%F), wrk -t1 -c$CONNECTIONS -d${SECONDS_PER_ROUND}s, $ROUNDS rounds"
SERVES=() FIXEDS=() BASELINES=()
for round in $(seq "$ROUNDS"); do
    SERVES+=("$(run_wrk "$SERVE_PORT" "${SECONDS_PER_ROUND}s")")
    FIXEDS+=("$(run_wrk "$FIXED_PORT" "${SECONDS_PER_ROUND}s")")
    LINE="round $round: serve ${SERVES[-1]} req/s | fixed-answer ${FIXEDS[-1]} req/s"
    if [ -n "$BASELINE_PORT" ]; then
        BASELINES+=("$(run_wrk "$BASELINE_PORT" "${SECONDS_PER_ROUND}s")")
        LINE="$LINE | baseline serve ${BASELINES[-1]} req/s"
    fi
    echo "$LINE"
done
python3 - "${SERVES[*]}" "${FIXEDS[*]}" "${BASELINES[*]:-}" <<'PY'
import statistics, sys
serve, fixed, baseline = ([float(x) for x in arg.split()] for arg in sys.argv[1:4])
rounds = ", ".join(f"{s / f * 100:.0f}%" for s, f in zip(serve, fixed))
print(f"medians: serve {statistics.median(serve):.0f} req/s, fixed-answer {statistics.median(fixed):.0f} req/s")
print(f"serve / fixed-answer = {statistics.median(serve) / statistics.median(fixed) * 100:.0f}%   (target >= 60%; rounds: {rounds})")
if baseline:
    rounds = ", ".join(f"{b / f * 100:.0f}%" for b, f in zip(baseline, fixed))
    print(f"baseline serve {statistics.median(baseline):.0f} req/s: "
          f"{statistics.median(baseline) / statistics.median(fixed) * 100:.0f}% of fixed-answer (rounds: {rounds}); "
          f"serve / baseline = {statistics.median(serve) / statistics.median(baseline):.2f}x")
PY
