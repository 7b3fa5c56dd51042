"""Validates JSON documents against one of Schemas/*.schema.json (JSON Schema 2020-12).

usage: python3 validate_json.py SCHEMA FILE [--jsonl]
Prints one line per invalid document (line number, JSON path, message) and a closing count;
exit 0 when all are valid, 1 when any is not, 3 when the jsonschema package is missing.
"""
import json
import sys

try:
    import jsonschema
except ImportError:
    print("jsonschema is not installed (pip install jsonschema)")
    sys.exit(3)

schema_path, document_path = sys.argv[1], sys.argv[2]
lines = "--jsonl" in sys.argv[3:]
with open(schema_path) as handle:
    schema = json.load(handle)
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)
with open(document_path) as handle:
    documents = [json.loads(line) for line in handle if line.strip()] if lines else [json.load(handle)]
invalid = 0
for number, document in enumerate(documents, 1):
    errors = sorted(validator.iter_errors(document), key=lambda error: list(error.absolute_path))
    if errors:
        invalid += 1
        for error in errors[:5]:
            path = "$" + "".join(f"[{part!r}]" for part in error.absolute_path)
            print(f"document {number}: {path}: {error.message[:300]}")
print(f"{len(documents)} documents, {invalid} invalid")
sys.exit(1 if invalid else 0)
