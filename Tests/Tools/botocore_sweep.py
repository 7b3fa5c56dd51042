#!/usr/bin/env python3
"""Sweep an endpoint with every operation of botocore's Neptune model, as an SDK user's code would call it.

Usage: botocore_sweep.py ENDPOINT_URL COMMON_CODES [OPERATION ...]

For each operation (all 70 of the model when none is named), sends a minimal request (the required
members only) and a full one (every member), with values of the right type, through a botocore client.
Prints one JSON object: per operation and variant, the outcome:
  "success"            a 2xx answer botocore parsed;
  "modelled:CODE"      an error whose code the model lists for the operation, or a common error
                       (COMMON_CODES, comma-separated);
  "unmodelled:CODE"    an error the model does not list for it (InvalidAction included);
  "server:STATUS"      an HTTP 5xx;
  "unparsed:REASON"    an answer botocore could not parse, or no answer.
Exit 3 when botocore is not installed.
"""
import datetime
import json
import sys

try:
    import botocore.session
    from botocore.config import Config
    from botocore.exceptions import ClientError, BotoCoreError
except ImportError:
    print("botocore is not installed (pip install botocore)", file=sys.stderr)
    sys.exit(3)


def value(shape, name, full, depth=0):
    kind = shape.type_name
    if kind == "structure":
        members = shape.members.items() if full else [(m, shape.members[m]) for m in shape.required_members]
        return {member: value(inner, member, full, depth + 1) for member, inner in members if depth < 4}
    if kind == "list":
        return [value(shape.member, name, full, depth + 1)]
    if kind == "integer" or kind == "long":
        return 20 if name == "MaxRecords" else 1
    if kind == "double" or kind == "float":
        return 1.0
    if kind == "boolean":
        return False
    if kind == "timestamp":
        return datetime.datetime(2026, 1, 1, tzinfo=datetime.timezone.utc)
    if kind == "blob":
        return b"sweep"
    if shape.enum:
        return shape.enum[0]
    if name.endswith("Arn") or name in ("ResourceName", "SourceArn", "SnsTopicArn"):
        return "arn:aws:rds:us-east-1:123456789012:cluster:sweep-1"
    if name == "Engine":
        return "neptune"
    return "sweep-1"


def main():
    url, common = sys.argv[1], set(filter(None, sys.argv[2].split(",")))
    session = botocore.session.get_session()
    model = session.get_service_model("neptune")
    client = session.create_client(
        "neptune", region_name="us-east-1", endpoint_url=url, aws_access_key_id="AKIDEXAMPLE",
        aws_secret_access_key="secret", config=Config(retries={"max_attempts": 1}, parameter_validation=False))
    names = sys.argv[3:] or list(model.operation_names)
    outcomes = {}
    for name in names:
        operation = model.operation_model(name)
        modelled = {error.metadata.get("error", {}).get("code", error.name) for error in operation.error_shapes}
        method = getattr(client, botocore.xform_name(name))
        for variant in ("minimal", "full"):
            params = value(operation.input_shape, name, variant == "full") if operation.input_shape else {}
            params.pop("SourceRegion", None)
            try:
                method(**params)
                outcome = "success"
            except ClientError as error:
                code = error.response.get("Error", {}).get("Code", "")
                status = error.response.get("ResponseMetadata", {}).get("HTTPStatusCode", 0)
                if status >= 500:
                    outcome = "server:%d" % status
                elif code in modelled or code in common:
                    outcome = "modelled:" + code
                else:
                    outcome = "unmodelled:" + (code or "none")
            except (BotoCoreError, ValueError, KeyError) as error:
                outcome = "unparsed:" + type(error).__name__ + ": " + str(error)[:200]
            outcomes["%s/%s" % (name, variant)] = outcome
    json.dump({"operations": len(names), "outcomes": outcomes}, sys.stdout, indent=1, sort_keys=True)


main()
