#!/usr/bin/env python3
"""Read `neptune-conformance cases --format jsonl` on stdin; for every valid case, serialize its
parameters with botocore's own query serializer and compare the key/value pairs with the case's
`body`. Print one line per mismatch and a closing count; exit 1 on any mismatch, 3 without botocore.
A run-time value (`{{LatestRestorableTime:…}}`, filled in by the runner just before sending) stands in
as a fixed timestamp on both sides.
"""
import datetime
import json
import sys
import urllib.parse

try:
    import botocore.session
    from botocore.serialize import create_serializer
except ImportError:
    print("botocore is not installed (pip install botocore)", file=sys.stderr)
    sys.exit(3)

model = botocore.session.get_session().get_service_model("neptune")
serializer = create_serializer("query", include_validation=False)


STAND_IN = "2024-01-01T00:00:00Z"
tokens = set()


def python_value(value, shape):
    # The plain JSON form of `cases --format jsonl`: strings, arrays (lists), objects (structures).
    if isinstance(value, str):
        text = value
        if text.startswith("{{") and text.endswith("}}"):
            tokens.add(text)
            text = STAND_IN
        if shape.type_name == "integer":
            return int(text)
        if shape.type_name == "double":
            return float(text)
        if shape.type_name == "boolean":
            return text == "true"
        if shape.type_name == "timestamp":
            return datetime.datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=datetime.timezone.utc)
        return text
    if isinstance(value, list):
        return [python_value(item, shape.member) for item in value]
    return {name: python_value(member, shape.members[name]) for name, member in value.items()}


checked = mismatches = 0
for line in sys.stdin:
    case = json.loads(line)
    if case["kind"] != "valid":
        continue
    operation = model.operation_model(case["request"]["operation"])
    shape = operation.input_shape
    params = {name: python_value(value, shape.members[name]) for name, value in case["request"]["parameters"].items()}
    expected = sorted(serializer.serialize_to_request(params, operation)["body"].items())
    expected = sorted((k, str(v)) for k, v in expected)
    ours = sorted((k, STAND_IN if v in tokens else v) for k, v in urllib.parse.parse_qsl(case["body"], keep_blank_values=True))
    checked += 1
    if expected != ours:
        mismatches += 1
        print(f"{case['id']}: botocore {expected} ours {ours}")
print(f"checked {checked} valid cases against botocore's query serializer: {mismatches} mismatches"
      f" ({len(tokens)} run-time value(s) stood in by {STAND_IN})")
sys.exit(1 if mismatches else 0)
