/// Compares the spec with the API document: every request parameter and response member the
/// document lists must be in the spec with the same type, `[REQUIRED]` must match, parameters
/// the document marks "Not supported" must be marked unsupported, and anything the spec has
/// beyond the document must say it comes from the service model (members, and whole operations the document does
/// not cover: `origin: service-model` in their file).
public struct APIDocumentCrossCheck: Sendable {
    public let document: APIDocument
    public let spec: ServiceSpec

    public init(document: APIDocument, spec: ServiceSpec) {
        self.document = document
        self.spec = spec
    }

    public struct Problem: Sendable, Equatable, CustomStringConvertible {
        public var operation: String
        /// Where in the operation: `request.Tags[].Key`, `response.DBCluster.Port`.
        public var path: String
        public var message: String
        public var description: String { "\(operation) \(path): \(message)" }
    }

    /// The spec's operations the document does not describe: botocore's model and its documentation strings are
    /// their oracle (`ServiceModelCrossCheckTests`, `spec lint --model`).
    public var operationsBeyondTheDocument: [String] {
        let documented = Set(document.operations.map(\.name))
        return spec.operations.map(\.name).filter { !documented.contains($0) }
    }

    /// How many constraints and defaults the document's parameter texts state, all compared by `run()` except
    /// those of members marked `departsFromSources:`.
    public var documentedConstraintCount: Int {
        document.operations.reduce(0) { total, operation in
            total
                + operation.documentedConstraints.values.reduce(0) {
                    $0 + $1.constraints.count + ($1.defaultValue == nil ? 0 : 1)
                }
        }
    }

    /// The request members whose documented constraints or default the spec departs from on purpose
    /// (`departsFromSources:`), as `Operation request.Member: reason`.
    public var departures: [String] {
        document.operations.flatMap { operation -> [String] in
            guard let specOperation = spec.operation(named: operation.name) else { return [] }
            return specOperation.parameters.members.compactMap { member in
                guard operation.documentedConstraints[member.name] != nil, let reason = member.departsFromSources else {
                    return nil
                }
                return "\(operation.name) request.\(member.name): \(reason)"
            }
        }
    }

    public func run() -> [Problem] {
        var problems: [Problem] = []
        for operation in document.operations {
            guard let specOperation = spec.operation(named: operation.name) else {
                problems.append(
                    Problem(
                        operation: operation.name, path: "",
                        message: "in the API document (line \(operation.line)) but not in the spec"))
                continue
            }
            compare(
                operation.parameters, specOperation.parameters, path: "request", operation: operation.name,
                into: &problems)
            compare(
                operation.response, specOperation.output, path: "response", operation: operation.name, into: &problems)
            for member in specOperation.parameters.members {
                let documentRequired = operation.requiredParameters.contains(member.name)
                if member.origin == .document, documentRequired != member.required {
                    problems.append(
                        Problem(
                            operation: operation.name, path: "request.\(member.name)",
                            message: documentRequired
                                ? "the document marks it [REQUIRED]; the spec does not"
                                : "the spec marks it required; the document does not"))
                }
                if let documented = operation.documentedConstraints[member.name], member.departsFromSources == nil {
                    for message in documented.differences(from: member, source: "the API document").messages {
                        problems.append(
                            Problem(operation: operation.name, path: "request.\(member.name)", message: message))
                    }
                }
                if operation.unsupportedParameters.contains(member.name), !member.unsupported,
                    !specOperation.unsupported
                {
                    problems.append(
                        Problem(
                            operation: operation.name, path: "request.\(member.name)",
                            message: "the document says it is not supported; mark it 'unsupported' in the spec"))
                }
            }
        }
        let documented = Set(document.operations.map(\.name))
        for operation in spec.operations where !documented.contains(operation.name) && operation.origin == .document {
            problems.append(
                Problem(operation: operation.name, path: "", message: "in the spec but not in the API document"))
        }
        return problems
    }

    private func compare(
        _ documentMembers: [APIDocument.Member], _ structure: StructureSpec, path: String, operation: String,
        into problems: inout [Problem]
    ) {
        for documentMember in documentMembers {
            let memberPath = "\(path).\(documentMember.name)"
            guard let member = structure.member(named: documentMember.name) else {
                problems.append(
                    Problem(
                        operation: operation, path: memberPath,
                        message: "in the API document (\(documentMember.type.name)) but missing from the spec"))
                continue
            }
            compare(documentMember.type, member.type, path: memberPath, operation: operation, into: &problems)
        }
        let documentedNames = Set(documentMembers.map(\.name))
        for member in structure.members where !documentedNames.contains(member.name) && member.origin != .serviceModel {
            problems.append(
                Problem(
                    operation: operation, path: "\(path).\(member.name)",
                    message:
                        "in the spec but not in the API document; mark it 'origin: service-model' if it comes from the service model"
                ))
        }
    }

    private func compare(
        _ documentType: APIDocument.MemberType, _ type: TypeSpec, path: String, operation: String,
        into problems: inout [Problem]
    ) {
        switch (documentType, type) {
        case (.list(let documentMember), .list(let list)):
            compare(documentMember, list.member, path: path + "[]", operation: operation, into: &problems)
        case (.structure(let members), .structure(let structure)):
            compare(members, structure, path: path, operation: operation, into: &problems)
        case (.scalar(let name), _) where name == type.name:
            break
        default:
            problems.append(
                Problem(
                    operation: operation, path: path,
                    message: "the API document says \(documentType.name), the spec says \(type.name)"))
        }
    }
}
