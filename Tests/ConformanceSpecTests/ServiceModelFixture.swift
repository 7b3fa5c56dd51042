import ConformanceSpec
import Foundation

/// A small hand-written service model (one operation, `CreateThing`) and the spec that agrees with it, for the
/// cross-check's tests: each test spoils one side and expects the one located problem.
enum ServiceModelFixture {
    static let json = #"""
        {
          "metadata": {"apiVersion": "2014-10-31", "signingName": "rds", "protocol": "query"},
          "operations": {
            "CreateThing": {
              "name": "CreateThing",
              "input": {"shape": "CreateThingMessage"},
              "output": {"shape": "CreateThingResult", "resultWrapper": "CreateThingResult"},
              "errors": [{"shape": "ThingNotFoundFault"}, {"shape": "ThingQuotaExceededFault"}]
            }
          },
          "shapes": {
            "CreateThingMessage": {
              "type": "structure",
              "required": ["ThingIdentifier"],
              "members": {
                "ThingIdentifier": {"shape": "String", "documentation": "<p>The thing's name.</p> <p>Constraints:</p> <ul> <li> <p>Must contain from 1 to 63 letters, numbers, or hyphens.</p> </li> <li> <p>First character must be a letter.</p> </li> <li> <p>Cannot end with a hyphen or contain two consecutive hyphens.</p> </li> </ul>"},
                "RetentionPeriod": {"shape": "IntegerOptional", "documentation": "<p>Days kept.</p> <p>Default: 1</p> <p>Constraints:</p> <ul> <li> <p>Must be a value from 1 to 35</p> </li> </ul>"},
                "Engine": {"shape": "String", "documentation": "<p>Valid Values: <code>neptune</code> </p>"},
                "Zones": {"shape": "ZoneList"},
                "ApplyMethod": {"shape": "ApplyMethod"}
              }
            },
            "CreateThingResult": {"type": "structure", "members": {"Thing": {"shape": "Thing"}}},
            "Thing": {
              "type": "structure",
              "members": {"ThingIdentifier": {"shape": "String"}, "Port": {"shape": "IntegerOptional"}}
            },
            "ZoneList": {"type": "list", "member": {"shape": "String", "locationName": "Zone"}},
            "ApplyMethod": {"type": "string", "enum": ["immediate", "pending-reboot"]},
            "String": {"type": "string"},
            "IntegerOptional": {"type": "integer"},
            "ThingNotFoundFault": {
              "type": "structure", "members": {},
              "error": {"code": "ThingNotFound", "httpStatusCode": 404, "senderFault": true}, "exception": true
            },
            "ThingQuotaExceededFault": {
              "type": "structure", "members": {},
              "error": {"code": "ThingQuotaExceededFault", "httpStatusCode": 403, "senderFault": true},
              "exception": true
            }
          }
        }
        """#

    static func model() throws -> ServiceModel {
        try ServiceModel.read(json: Data(json.utf8), file: "fixture.json")
    }

    /// The spec that agrees with the fixture model in every respect the cross-check compares.
    static func spec() -> ServiceSpec {
        var identifier = MemberSpec(
            name: "ThingIdentifier", type: .string, required: true,
            constraints: [Constraint(kind: .identifier(minLength: 1, maxLength: 63), error: "InvalidParameterValue")])
        identifier.lowercased = true
        let parameters = StructureSpec(members: [
            identifier,
            MemberSpec(
                name: "RetentionPeriod", type: .integer, defaultValue: "1",
                constraints: [Constraint(kind: .range(min: 1, max: 35), error: "InvalidParameterValue")]),
            MemberSpec(
                name: "Engine", type: .string,
                constraints: [Constraint(kind: .oneOf(["neptune"]), error: "InvalidParameterValue")]),
            MemberSpec(name: "Zones", type: .list(ListSpec(member: .string, memberName: "Zone", unordered: true))),
            MemberSpec(
                name: "ApplyMethod", type: .string,
                constraints: [
                    Constraint(kind: .oneOf(["pending-reboot", "immediate"]), error: "InvalidParameterValue")
                ]),
        ])
        let thing = StructureSpec(
            shapeName: "Thing",
            members: [MemberSpec(name: "ThingIdentifier", type: .string), MemberSpec(name: "Port", type: .integer)])
        let output = StructureSpec(members: [MemberSpec(name: "Thing", type: .structure(thing))])
        let operation = OperationSpec(
            name: "CreateThing", resultWrapper: "CreateThingResult", parameters: parameters, output: output,
            errors: ["ThingNotFound", "ThingQuotaExceededFault"])
        return ServiceSpec(
            apiVersion: "2014-10-31", xmlNamespace: "http://rds.amazonaws.com/doc/2014-10-31/", signingName: "rds",
            operations: [operation], shapes: ["Thing": thing],
            errors: [
                "ThingNotFound": ErrorSpec(
                    code: "ThingNotFound", shape: "ThingNotFoundFault", httpStatus: 404, type: .sender),
                "ThingQuotaExceededFault": ErrorSpec(code: "ThingQuotaExceededFault", httpStatus: 403, type: .sender),
                "InvalidParameterValue": ErrorSpec(
                    code: "InvalidParameterValue", httpStatus: 400, type: .sender, common: true),
            ])
    }
}

extension ServiceSpec {
    /// This spec with one change to its only operation.
    func changingOperation(_ change: (inout OperationSpec) -> Void) -> ServiceSpec {
        var copy = self
        change(&copy.operations[0])
        return copy
    }
}

extension StructureSpec {
    /// This structure with one change to the member named `name`.
    func changingMember(_ name: String, _ change: (inout MemberSpec) -> Void) -> StructureSpec {
        var copy = self
        if let index = copy.members.firstIndex(where: { $0.name == name }) { change(&copy.members[index]) }
        return copy
    }
}
