import ConformanceSpec
import ConformanceTestSupport
import Foundation
import Testing

/// Specs/ against botocore's Neptune service model, an independent source: names, wire types,
/// required members, list member element names, error codes and HTTP statuses.
///
/// Needs python3 with botocore (`pip install botocore`); CI installs it, so there the test never skips.
@Suite(.enabled(if: ExternalTool.botocore.runsHere, Comment(rawValue: ExternalTool.botocore.skipReason)))
struct ServiceModelCrossCheckTests {
    /// Members botocore adds on the client side and never sends as such.
    static let clientSideOnly: Set<String> = ["SourceRegion"]

    struct Problem: CustomStringConvertible {
        var path: String
        var message: String
        var description: String { "\(path): \(message)" }
    }

    static func loadModel(_ spec: ServiceSpec) async throws -> [String: Any]? {
        let script = TestPaths.packageRoot.appendingPathComponent("Tests/Tools/botocore_neptune_model.py")
        _ = try ExternalTool.botocore.require()
        let result = try await ProcessResult.run(
            URL(fileURLWithPath: "/usr/bin/env"), ["python3", script.path] + spec.operations.map(\.name))
        guard result.status == 0 else {
            Issue.record("the botocore oracle failed (exit \(result.status)): \(result.stderr)")
            return nil
        }
        return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
    }

    @Test func specAgreesWithTheServiceModel() async throws {
        let spec = try SpecLoader(directory: TestPaths.specs).load()
        guard let model = try await Self.loadModel(spec) else { return }
        #expect(model["apiVersion"] as? String == spec.apiVersion)
        #expect(model["signingName"] as? String == spec.signingName)
        let operations = try #require(model["operations"] as? [String: [String: Any]])
        var problems: [Problem] = []
        for operation in spec.operations {
            let entry = try #require(operations[operation.name])
            #expect((entry["resultWrapper"] as? String ?? "") == operation.resultWrapper, "\(operation.name)")
            compare(
                operation.parameters, entry["input"] as! [String: Any], path: "\(operation.name).request",
                checkRequired: true, into: &problems)
            compare(
                operation.output, entry["output"] as! [String: Any], path: "\(operation.name).response",
                checkRequired: false, into: &problems)
            let errors = entry["errors"] as! [String: [String: Any]]
            for (code, info) in errors {
                guard let known = spec.errors[code] else {
                    problems.append(
                        Problem(
                            path: "\(operation.name).errors",
                            message: "the service model lists \(code); errors.yaml does not have it"))
                    continue
                }
                if known.httpStatus != info["status"] as? Int {
                    problems.append(
                        Problem(
                            path: "errors.\(code)",
                            message: "status \(known.httpStatus) in the spec, \(info["status"]!) in the service model"))
                }
                if (known.type == .sender) != (info["sender"] as? Bool ?? false) {
                    problems.append(
                        Problem(
                            path: "errors.\(code)",
                            message: "fault type \(known.type.rawValue) disagrees with the service model"))
                }
                if !operation.errors.contains(code) {
                    problems.append(
                        Problem(
                            path: "\(operation.name).errors",
                            message: "the service model lists \(code); the operation's errors do not"))
                }
            }
            for code in operation.errors where errors[code] == nil {
                problems.append(
                    Problem(
                        path: "\(operation.name).errors",
                        message: "\(code) is not an error of this operation in the service model"))
            }
        }
        #expect(problems.isEmpty, "\(problems.map(\.description).joined(separator: "\n"))")
    }

    /// Paging: every operation of the spec that botocore's paginators-1.json pages declares `paging:` with the same
    /// limit, token and items, and no other operation declares it. A token or result key below the top level of the
    /// answer (`EngineDefaults.Marker`) is outside what the paging contract holds; such operations are listed.
    @Test func pagingAgreesWithTheServiceModelsPaginators() async throws {
        let spec = try SpecLoader(directory: TestPaths.specs).load()
        guard let model = try await Self.loadModel(spec) else { return }
        let paginators = try #require(model["paginators"] as? [String: [String: Any]])
        var problems: [String] = []
        var nested: [String] = []
        for operation in spec.operations {
            let paginator = paginators[operation.name]
            guard let paginator else {
                if operation.paging != nil { problems.append("\(operation.name): pages in the spec, not in the model") }
                continue
            }
            let token = paginator["output_token"] as? String ?? ""
            let items = paginator["result_key"] as? String ?? ""
            if token.contains(".") || items.contains(".") {
                nested.append(operation.name)
                continue
            }
            guard let paging = operation.paging else {
                problems.append("\(operation.name): the model pages it (result key \(items)); the spec has no paging:")
                continue
            }
            let expected = [
                paginator["limit_key"] as? String ?? "", paginator["input_token"] as? String ?? "", token, items,
            ]
            let found = [paging.limit, paging.token, paging.token, paging.items]
            if expected != found {
                problems.append(
                    "\(operation.name): limit, input and output token, items \(found) in the spec, \(expected) in the model"
                )
            }
        }
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
        print(
            "paging cross-check: \(spec.operations.filter { $0.paging != nil }.count) operations page as the model says; nested token, not held: \(nested)"
        )
        #expect(nested.allSatisfy { $0.hasPrefix("DescribeEngineDefault") }, "\(nested)")
    }

    private func compare(
        _ structure: StructureSpec, _ model: [String: Any], path: String, checkRequired: Bool,
        into problems: inout [Problem]
    ) {
        let members = model["members"] as? [String: [String: Any]] ?? [:]
        let required = Set(model["required"] as? [String] ?? [])
        for member in structure.members {
            let memberPath = "\(path).\(member.name)"
            guard let modelMember = members[member.name] else {
                problems.append(Problem(path: memberPath, message: "in the spec, not in the service model"))
                continue
            }
            if checkRequired && member.required != required.contains(member.name) {
                problems.append(
                    Problem(
                        path: memberPath,
                        message:
                            "required is \(member.required) in the spec, \(required.contains(member.name)) in the service model"
                    ))
            }
            compare(member.type, modelMember, path: memberPath, checkRequired: checkRequired, into: &problems)
        }
        for name in members.keys where structure.member(named: name) == nil && !Self.clientSideOnly.contains(name) {
            problems.append(Problem(path: "\(path).\(name)", message: "in the service model, missing from the spec"))
        }
    }

    private func compare(
        _ type: TypeSpec, _ model: [String: Any], path: String, checkRequired: Bool, into problems: inout [Problem]
    ) {
        let modelType = model["type"] as? String ?? "?"
        guard modelType == type.name else {
            problems.append(
                Problem(path: path, message: "type \(type.name) in the spec, \(modelType) in the service model"))
            return
        }
        switch type {
        case .list(let list):
            if list.memberName != model["memberName"] as? String {
                problems.append(
                    Problem(
                        path: path,
                        message:
                            "list member element <\(list.memberName)> in the spec, <\(model["memberName"] ?? "?")> in the service model"
                    ))
            }
            compare(
                list.member, model["member"] as! [String: Any], path: path + "[]", checkRequired: checkRequired,
                into: &problems)
        case .structure(let structure):
            compare(structure, model, path: path, checkRequired: checkRequired, into: &problems)
        default:
            break
        }
    }
}
