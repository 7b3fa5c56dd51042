/// Compares every operation of the spec with botocore's service model: the operation is in the model; every
/// request parameter and answer member is in both, with the same wire type, required flag (requests), list element
/// name and result wrapper; every error the model lists for the operation is the operation's and has the model's
/// wire code, HTTP status and Sender/Receiver in `errors.yaml`; and the constraints and defaults each request
/// member's documentation (and shape traits) state are the spec's (`+Documentation`).
///
/// A member marked `departsFromSources:` in the spec is not held to its documentation's constraints and default, nor
/// to being in the model; every such departure is reported, never silently passed.
public struct ServiceModelCrossCheck: Sendable {
    public let model: ServiceModel
    public let spec: ServiceSpec

    public init(model: ServiceModel, spec: ServiceSpec) {
        self.model = model
        self.spec = spec
    }

    public struct Problem: Sendable, Equatable, CustomStringConvertible {
        public var operation: String
        /// Where in the operation: `request.Tags[].Key`, `response.DBCluster.Port`, `errors.DBClusterNotFoundFault`.
        public var path: String
        public var message: String
        public var description: String {
            path.isEmpty ? "\(operation): \(message)" : "\(operation) \(path): \(message)"
        }
    }

    /// A member the spec marks as departing from the model, with the spec's reason.
    public struct Departure: Sendable, Equatable, CustomStringConvertible {
        public var operation: String
        public var path: String
        public var reason: String
        public var description: String { "\(operation) \(path): \(reason)" }
    }

    public struct Report: Sendable, Equatable {
        public var problems: [Problem] = []
        public var departures: [Departure] = []
        public var operationsChecked = 0
        /// Request parameters and answer members (nested ones included) found in both and compared.
        public var membersCompared = 0
        /// Documented constraints and defaults compared with the spec's.
        public var constraintsCompared = 0
    }

    public func run() -> Report {
        var report = Report()
        if model.apiVersion != spec.apiVersion {
            report.problems.append(
                Problem(
                    operation: "service.yaml", path: "apiVersion",
                    message: "\(spec.apiVersion) in the spec, \(model.apiVersion) in the service model"))
        }
        if let signingName = model.signingName, signingName != spec.signingName {
            report.problems.append(
                Problem(
                    operation: "service.yaml", path: "signingName",
                    message: "\(spec.signingName) in the spec, \(signingName) in the service model"))
        }
        for operation in spec.operations {
            guard let modelOperation = model.operations[operation.name] else {
                report.problems.append(
                    Problem(operation: operation.name, path: "", message: "in the spec but not in the service model"))
                continue
            }
            report.operationsChecked += 1
            var walk = Walk(check: self, operation: operation.name, report: report)
            if (modelOperation.resultWrapper ?? "") != operation.resultWrapper {
                walk.problem(
                    "",
                    "result wrapper '\(operation.resultWrapper)' in the spec, '\(modelOperation.resultWrapper ?? "")' in the service model"
                )
            }
            walk.compare(operation.parameters, shape: modelOperation.input, path: "request", isRequest: true)
            walk.compare(operation.output, shape: modelOperation.output, path: "response", isRequest: false)
            walk.compareErrors(of: operation, modelOperation)
            report = walk.report
        }
        return report
    }
}

extension ServiceModelCrossCheck {
    /// The comparison of one operation, collecting into the report.
    struct Walk {
        let check: ServiceModelCrossCheck
        let operation: String
        var report: Report

        var model: ServiceModel { check.model }

        mutating func problem(_ path: String, _ message: String) {
            report.problems.append(Problem(operation: operation, path: path, message: message))
        }

        /// A spec structure against the model's structure shape (nil: an operation without input or output).
        mutating func compare(_ structure: StructureSpec, shape shapeName: String?, path: String, isRequest: Bool) {
            var modelMembers: [ServiceModel.Member] = []
            var required: Set<String> = []
            if let shapeName, let shape = model.shapes[shapeName], case .structure(let members, let names) = shape.kind
            {
                modelMembers = members
                required = Set(names)
            }
            for member in structure.members {
                let memberPath = "\(path).\(member.name)"
                guard let modelMember = modelMembers.first(where: { $0.name == member.name }) else {
                    if let reason = member.departsFromSources {
                        report.departures.append(Departure(operation: operation, path: memberPath, reason: reason))
                    } else {
                        problem(
                            memberPath,
                            "in the spec (\(member.type.name)) but not in the service model; if deliberate, say why in 'departsFromSources:'"
                        )
                    }
                    continue
                }
                report.membersCompared += 1
                if isRequest, member.required != required.contains(member.name) {
                    problem(
                        memberPath,
                        member.required
                            ? "the spec marks it required; the service model does not"
                            : "the service model marks it required; the spec does not")
                }
                compare(member.type, modelMember, path: memberPath, isRequest: isRequest)
                if isRequest { compareDocumentation(of: member, modelMember, path: memberPath) }
            }
            for modelMember in modelMembers where structure.member(named: modelMember.name) == nil {
                let typeName = model.shapes[modelMember.shape]?.typeName ?? "?"
                problem("\(path).\(modelMember.name)", "in the service model (\(typeName)) but missing from the spec")
            }
        }

        mutating func compare(_ type: TypeSpec, _ modelMember: ServiceModel.Member, path: String, isRequest: Bool) {
            guard let shape = model.shapes[modelMember.shape] else { return }
            guard shape.typeName == type.name else {
                problem(path, "type \(type.name) in the spec, \(shape.typeName) in the service model")
                return
            }
            switch (type, shape.kind) {
            case (.list(let list), .list(let item)):
                let elementName = item.locationName ?? "member"
                if list.memberName != elementName {
                    problem(
                        path,
                        "list element <\(list.memberName)> in the spec, <\(elementName)> in the service model")
                }
                compare(list.member, item, path: path + "[]", isRequest: isRequest)
            case (.structure(let structure), _):
                compare(structure, shape: modelMember.shape, path: path, isRequest: isRequest)
            default:
                break
            }
        }

        /// Each error the model lists for the operation: in `errors.yaml` with the model's HTTP status, fault side
        /// and shape name, and among the operation's errors; and each of the operation's errors in the model's list.
        mutating func compareErrors(of operation: OperationSpec, _ modelOperation: ServiceModel.Operation) {
            var modelCodes: Set<String> = []
            for shapeName in modelOperation.errors {
                guard let trait = model.shapes[shapeName]?.error else { continue }
                modelCodes.insert(trait.code)
                let path = "errors.\(trait.code)"
                guard let known = check.spec.errors[trait.code] else {
                    problem(path, "the service model lists it (shape \(shapeName)); errors.yaml does not have it")
                    continue
                }
                if known.httpStatus != trait.httpStatusCode {
                    problem(
                        path,
                        "HTTP status \(known.httpStatus) in errors.yaml, \(trait.httpStatusCode) in the service model")
                }
                let modelType: ErrorSpec.FaultType = trait.senderFault ? .sender : .receiver
                if known.type != modelType {
                    problem(
                        path, "\(known.type.rawValue) in errors.yaml, \(modelType.rawValue) in the service model")
                }
                if (known.shape ?? known.code) != shapeName {
                    problem(
                        path, "shape \(known.shape ?? known.code) in errors.yaml, \(shapeName) in the service model")
                }
                if !operation.errors.contains(trait.code) {
                    problem(path, "the service model lists it for this operation; the spec's errors do not")
                }
            }
            for code in operation.errors where !modelCodes.contains(code) {
                problem("errors.\(code)", "in the spec's errors but not the service model's for this operation")
            }
        }
    }
}
