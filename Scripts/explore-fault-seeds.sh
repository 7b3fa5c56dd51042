#!/usr/bin/env bash
# For each fault ExploreFaultTests lists, the seed (of 1..SEEDS) from which `explore` finds it in the fewest steps,
# within STEPS steps: the rows to paste into Tests/ExplorationTests/ExploreFaultTests.swift after a change to the
# step generator moved the draws. Release build; each try is one explore run against embedded:FAULT.
#
#   bash Scripts/explore-fault-seeds.sh [SEEDS] [STEPS] [FAULT ...]
#
# Defaults: 15 seeds, 3000 steps, every fault of ExploreFaultTests. Prints one line per fault:
#   Case(fault: "forget-tags", seed: 3, steps: 15),     // found at step 11, shrunk to 3 steps
# with the step bound a little above the step that found it. A fault no seed finds is printed as a comment.
set -euo pipefail
cd "$(dirname "$0")/.."
SEEDS=${1:-15}
STEPS=${2:-3000}
shift $(($# < 2 ? $# : 2))
if [ $# -gt 0 ]; then
    FAULTS=("$@")
else
    mapfile -t FAULTS < <(sed -n 's/.*Case(fault: "\([a-z0-9-]*\)".*/\1/p' Tests/ExplorationTests/ExploreFaultTests.swift)
fi
[ ${#FAULTS[@]} -gt 0 ] || { echo "no faults found in Tests/ExplorationTests/ExploreFaultTests.swift" >&2; exit 2; }
swift build -c release --product neptune-conformance >/dev/null 2>&1 || { echo "release build failed" >&2; exit 2; }
BIN="$(swift build -c release --show-bin-path)/neptune-conformance"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

for fault in "${FAULTS[@]}"; do
    best_seed="" best_step="" best_length=""
    for seed in $(seq 1 "$SEEDS"); do
        limit=${best_step:-$STEPS}
        rm -rf "$WORK/run"
        "$BIN" explore --endpoint "embedded:$fault" --seed "$seed" --steps "$limit" --max-differences 1 \
            --report-dir "$WORK/run" >/dev/null 2>&1 || true
        [ -f "$WORK/run/explore.json" ] || continue
        read -r step length < <(python3 -c '
import json, sys
report = json.load(open(sys.argv[1]))
found = [d for d in report["differences"] if d["reproduced"] and d["shrunkLength"] <= 6]
print(found[0]["foundAtStep"], found[0]["shrunkLength"]) if found else print("", "")
' "$WORK/run/explore.json")
        if [ -n "$step" ] && { [ -z "$best_step" ] || [ "$step" -lt "$best_step" ]; }; then
            best_seed=$seed best_step=$step best_length=$length
        fi
    done
    if [ -n "$best_seed" ]; then
        bound=$((best_step + best_step / 10 + 4))
        echo "Case(fault: \"$fault\", seed: $best_seed, steps: $bound),  // found at step $best_step, shrunk to $best_length steps"
    else
        echo "// $fault: not found from seeds 1-$SEEDS within $STEPS steps"
    fi
done
