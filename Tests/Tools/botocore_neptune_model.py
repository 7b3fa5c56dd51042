#!/usr/bin/env python3
"""Print, as JSON, what botocore's Neptune service model says about the operations named on the command line.

The conformance tests use this as an independent oracle for Specs/: member names, wire types,
required members, list member element names, and each error's wire code and HTTP status.
Exit 3 when botocore is not installed.
"""
import json
import sys

try:
    import botocore
    import botocore.session
except ImportError:
    print("botocore is not installed (pip install botocore)", file=sys.stderr)
    sys.exit(3)


def describe(shape):
    if shape is None:  # an operation without output: its answer holds only ResponseMetadata
        return {"type": "structure", "required": [], "members": {}}
    kind = shape.type_name
    if kind == "list":
        return {"type": "list", "memberName": shape.member.serialization.get("name", "member"), "member": describe(shape.member)}
    if kind == "structure":
        return {
            "type": "structure",
            "required": sorted(shape.required_members),
            "members": {name: describe(member) for name, member in shape.members.items()},
        }
    return {"type": kind}


def main():
    model = botocore.session.get_session().get_service_model("neptune")
    operations = {}
    for name in sys.argv[1:]:
        operation = model.operation_model(name)
        operations[name] = {
            "input": describe(operation.input_shape),
            "output": describe(operation.output_shape) if operation.output_shape else {"type": "structure", "required": [], "members": {}},
            "resultWrapper": operation.output_shape.serialization.get("resultWrapper") if operation.output_shape else None,
            "errors": {
                error.metadata["error"]["code"]: {
                    "status": error.metadata["error"]["httpStatusCode"],
                    "sender": error.metadata["error"].get("senderFault", False),
                }
                for error in operation.error_shapes
            },
        }
    session = botocore.session.get_session()
    pagination = session.get_component("data_loader").load_service_model("neptune", "paginators-1")["pagination"]
    json.dump({"botocore": botocore.__version__, "apiVersion": model.api_version, "signingName": model.signing_name,
               "operations": operations, "paginators": pagination}, sys.stdout, indent=1, sort_keys=True)


main()
