#!/usr/bin/env bash
# Every benchmark of issue #8 in one run on one machine, release build. Needs wrk and boto3
# (apt-get install -y wrk; pip install boto3). Usage: bash Benchmarks/run.sh [seconds per load test] [rounds]
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_LOAD=${1:-5}
ROUNDS=${2:-3}
CONNECTIONS=16
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 2; }
python3 -c "import boto3" 2>/dev/null || { echo "boto3 is missing: pip install boto3" >&2; exit 2; }

echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(date -u +%F)"
# One product per build: given twice, --product builds only the last one, and the other binary stays stale.
for product in neptune-conformance conformance-benchmarks; do
    swift build -c release --product "$product" >/dev/null 2>&1 || { echo "release build of $product failed; run swift build -c release" >&2; exit 2; }
done
BIN=$(swift build -c release --show-bin-path)

echo "== 1. whole suite against the embedded server (all cores, then 1 core)"
"$BIN/conformance-benchmarks" suite 5 8
taskset -c 0 "$BIN/conformance-benchmarks" suite 5 8

echo "== 4. XML comparison and generation throughput (1 core)"
taskset -c 0 "$BIN/conformance-benchmarks" micro 20000

echo "== 5. peak memory for 10,000 cases"
"$BIN/conformance-benchmarks" memory 10000

echo "== 2./3. one repeated DescribeDBClusters against the reference server in another process"
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$BIN/neptune-conformance" serve --port "$PORT" --quiet > /dev/null &
SERVER=$!
trap 'kill $SERVER 2>/dev/null' EXIT
for _ in $(seq 50); do curl -s -o /dev/null "http://127.0.0.1:$PORT/" && break; sleep 0.1; done
curl -s -o /dev/null -d "Action=CreateDBCluster&Version=2014-10-31&DBClusterIdentifier=bench-1&Engine=neptune" "http://127.0.0.1:$PORT/"
# wrk sends the runner loop's exact request, signature headers included (serve does not check them).
WRK_SCRIPT=$(mktemp --suffix=.lua)
"$BIN/conformance-benchmarks" wrk-script "http://127.0.0.1:$PORT/" > "$WRK_SCRIPT"
trap 'kill $SERVER 2>/dev/null; rm -f "$WRK_SCRIPT"' EXIT
# Warm the server up, then alternate wrk and the runner (this machine's rate drifts by 20% from one
# minute to the next; alternating rounds and taking medians keeps the ratio honest).
wrk -t1 -c$CONNECTIONS -d2s -s "$WRK_SCRIPT" "http://127.0.0.1:$PORT/" > /dev/null
WRKS=() RUNNERS=()
for round in $(seq "$ROUNDS"); do
    WRKS+=("$(wrk -t1 -c$CONNECTIONS -d${SECONDS_PER_LOAD}s -s "$WRK_SCRIPT" "http://127.0.0.1:$PORT/" | awk '/Requests\/sec/ {print $2}')")
    LINE=$("$BIN/conformance-benchmarks" load "http://127.0.0.1:$PORT/" $CONNECTIONS "$SECONDS_PER_LOAD")
    RUNNERS+=("$(echo "$LINE" | awk '{print $3}')")
    echo "round $round: wrk ${WRKS[-1]} req/s | runner ${RUNNERS[-1]} req/s | ${LINE#*; }"
done
# The same request, the same wrk, against moto_server (issue #19: serve at least 100 times its rate), when moto is installed.
MOTO_RATE=0
if command -v moto_server >/dev/null; then
    MOTO_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
    moto_server -p "$MOTO_PORT" > /dev/null 2>&1 &
    MOTO=$!
    trap 'kill $SERVER $MOTO 2>/dev/null; rm -f "$WRK_SCRIPT"' EXIT
    for _ in $(seq 100); do curl -s -o /dev/null "http://127.0.0.1:$MOTO_PORT/moto-api/" && break; sleep 0.1; done
    curl -s -o /dev/null -H "Authorization: AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261130/us-east-1/rds/aws4_request, SignedHeaders=host, Signature=0" \
        -d "Action=CreateDBCluster&Version=2014-10-31&DBClusterIdentifier=bench-1&Engine=neptune" "http://127.0.0.1:$MOTO_PORT/"
    MOTO_RATE=$(wrk -t1 -c$CONNECTIONS -d${SECONDS_PER_LOAD}s -s "$WRK_SCRIPT" "http://127.0.0.1:$MOTO_PORT/" | awk '/Requests\/sec/ {print $2}')
    echo "moto_server $(python3 -c 'import moto; print(moto.__version__)'): wrk $MOTO_RATE req/s for the same DescribeDBClusters"
    kill $MOTO 2>/dev/null || true
else
    echo "moto_server is not installed (pip install 'moto[server]'): serve / moto not measured"
fi
echo "== 6. serve against the fixed-answer server of the same build (issue #30: serve >= 60%)"
NC_SKIP_BUILD=1 bash Benchmarks/serve-ratio.sh "$SECONDS_PER_LOAD" "$ROUNDS" "$CONNECTIONS"
BOTO_LINE=$(python3 Benchmarks/boto3_loop.py "http://127.0.0.1:$PORT/" "$SECONDS_PER_LOAD")
echo "$BOTO_LINE"
RUNNER_CPU=$("$BIN/conformance-benchmarks" load "http://127.0.0.1:$PORT/" $CONNECTIONS "$SECONDS_PER_LOAD" | sed 's/.*client CPU \([0-9.]*\).*/\1/')
python3 - "${WRKS[*]}" "${RUNNERS[*]}" "$BOTO_LINE" "$RUNNER_CPU" "$MOTO_RATE" <<'PY'
import re, statistics, sys
wrk, runner = (statistics.median(float(x) for x in arg.split()) for arg in sys.argv[1:3])
boto = float(re.search(r"([0-9.]+) req/s", sys.argv[3]).group(1))
boto_cpu = float(re.search(r"client CPU ([0-9.]+)", sys.argv[3]).group(1))
runner_cpu = float(sys.argv[4])
moto = float(sys.argv[5] or 0)
print(f"medians: wrk {wrk:.0f} req/s, runner {runner:.0f} req/s")
print(f"runner / wrk   = {runner / wrk * 100:.0f}%   (target >= 80%)")
if moto > 0:
    print(f"serve / moto_server under wrk = {wrk / moto:.0f}x   (target >= 100x; moto {moto:.0f} req/s)")
print(f"runner / boto3 = {runner / boto:.1f}x   (target >= 20x), request rate on the same server")
print(f"client CPU per request: runner {runner_cpu:.0f} us, boto3 {boto_cpu:.0f} us: {boto_cpu / runner_cpu:.0f}x less")
PY
