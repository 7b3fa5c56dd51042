/// Renders an operation of the spec as readable text (for `spec show`).
public struct SpecRenderer: Sendable {
    public let spec: ServiceSpec

    public init(spec: ServiceSpec) { self.spec = spec }

    public func render(_ operation: OperationSpec) -> String {
        var out = "\(operation.name)  (POST /  Action=\(operation.name)  Version=\(spec.apiVersion))\n"
        if operation.unsupported { out += "  The API document marks this operation \"Not supported\" by Neptune.\n" }
        out += "  from \(operation.sourceFile)\n\nParameters\n"
        for member in operation.parameters.members { renderMember(member, indent: "  ", into: &out) }
        if !operation.rules.isEmpty {
            out += "\nRules across parameters (checked in this order)\n"
            for rule in operation.rules {
                out += "  - \(describe(rule)) -> \(errorText(rule.error, inferred: rule.inferred))\n"
            }
        }
        if !operation.preconditions.isEmpty {
            out += "\nPreconditions on state (checked in this order)\n"
            for condition in operation.preconditions {
                out +=
                    "  - \(describe(condition, in: operation)) -> \(errorText(condition.error, inferred: condition.inferred))\n"
            }
        }
        out += "\nAnswer: <\(operation.responseElement) xmlns=\"\(spec.xmlNamespace)\">"
        out += operation.hasResult ? "<\(operation.resultWrapper)>\n" : " (ResponseMetadata only: no result)\n"
        for member in operation.output.members { renderMember(member, indent: "  ", into: &out, expandShapes: false) }
        out += "\nErrors\n"
        for code in operation.errors { out += "  - \(errorText(code, inferred: false))\n" }
        return out
    }

    private func renderMember(_ member: MemberSpec, indent: String, into out: inout String, expandShapes: Bool = true) {
        var flags: [String] = []
        if member.required { flags.append("required") }
        if let value = member.defaultValue { flags.append("default \(value)") }
        if member.lowercased { flags.append("stored lower-case") }
        if member.unsupported {
            flags.append("not supported by Neptune" + (member.unsupportedError.map { " -> \($0)" } ?? ""))
        }
        if member.origin == .serviceModel { flags.append("service model only") }
        let flagText = flags.isEmpty ? "" : "  [" + flags.joined(separator: ", ") + "]"
        out += "\(indent)\(member.name): \(typeText(member.type))\(flagText)\n"
        for constraint in member.constraints {
            out +=
                "\(indent)    - \(describe(constraint.kind)) -> \(errorText(constraint.error, inferred: constraint.inferred))\n"
        }
        switch member.type {
        case .structure(let structure) where expandShapes:
            for inner in structure.members { renderMember(inner, indent: indent + "    ", into: &out) }
        case .list(let list):
            for constraint in list.memberConstraints {
                out +=
                    "\(indent)    - each member: \(describe(constraint.kind)) -> \(errorText(constraint.error, inferred: constraint.inferred))\n"
            }
            if case .structure(let structure) = list.member, expandShapes {
                for inner in structure.members { renderMember(inner, indent: indent + "    ", into: &out) }
            }
        default: break
        }
    }

    private func typeText(_ type: TypeSpec) -> String {
        switch type {
        case .list(let list):
            "list of \(typeText(list.member)) as <\(list.memberName)>" + (list.unordered ? " (unordered)" : "")
        case .structure(let structure): structure.shapeName ?? "structure"
        default: type.name
        }
    }

    private func errorText(_ code: String, inferred: Bool) -> String {
        guard let error = spec.errors[code] else { return code }
        return "\(code) (\(error.httpStatus) \(error.type.rawValue))" + (inferred ? " [inferred]" : "")
    }

    private func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }

    func describe(_ kind: Constraint.Kind) -> String {
        switch kind {
        case .identifier(let low, let high):
            "identifier of \(low)-\(high) letters, digits or hyphens; first a letter; no trailing hyphen or '--'"
        case .range(let low, let high): "from \(low.map(number) ?? "-inf") to \(high.map(number) ?? "+inf")"
        case .length(let low, let high): "length \(low.map(String.init) ?? "0")-\(high.map(String.init) ?? "any")"
        case .oneOf(let values): "one of \(values.joined(separator: ", "))"
        case .catalogue(let name, let values): "one of the \(values.count) values of the \(name) catalogue"
        case .notOneOf(let values): "none of \(values.joined(separator: ", ")) (any case)"
        case .pattern(let regex): "matches \(regex)"
        case .forbiddenPrefixes(let prefixes): "does not start with \(prefixes.joined(separator: " or "))"
        case .step(let step): "a multiple of \(number(step))"
        case .window(let format, let minutes):
            "\(format == .daily ? "hh24:mi-hh24:mi" : "ddd:hh24:mi-ddd:hh24:mi") window (UTC) of at least \(minutes) minutes"
        }
    }

    func describe(_ rule: Rule) -> String {
        switch rule.kind {
        case .exclusive(let names): "at most one of \(names.joined(separator: ", "))"
        case .atLeastOne(let names): "at least one of \(names.joined(separator: ", "))"
        case .together(let names): "all or none of \(names.joined(separator: ", "))"
        case .ordered(let lower, let upper): "\(lower) <= \(upper)"
        case .disjointWindows(let daily, let weekly): "\(daily) does not overlap \(weekly)"
        case .forbiddenWhen(let parameter, let when, let value): "\(parameter) not set when \(when) = \(value)"
        case .requires(let parameter, let other): "\(parameter) only together with \(other)"
        case .disjoint(let lists): "no value in more than one of \(lists.joined(separator: ", "))"
        case .maxItems(let list, let max): "at most \(max) members in \(list)"
        case .vocabularyOf(let list, let by, let values):
            "every member of \(list) is one the value of \(by) allows (\(values.count) values of \(by) listed)"
        case .engineParameterNames(let list, let parameters):
            "every member of \(list) names one of the \(parameters.count) parameters of its level (parameters.yaml)"
        case .engineParameterValues(let list, _): "every member of \(list) sets an allowed value of its parameter"
        case .engineApplyMethods(let list, _): "no member of \(list) applies a static parameter immediately"
        }
    }

    func describe(_ condition: Precondition, in operation: OperationSpec) -> String {
        // The kind a state or protection precondition judges: the one an `exists` on the same parameter names.
        let subject =
            operation.preconditions.lazy.compactMap { other -> ResourceKind? in
                if other.parameter == condition.parameter, case .exists(let kind) = other.kind { kind } else { nil }
            }.first ?? .dbCluster
        let noun = subject == .dbCluster ? "cluster" : subject.rawValue
        return switch condition.kind {
        case .exists(let resource): "the \(resource.rawValue) named by \(condition.parameter) exists"
        case .absent(let resource): "no \(resource.rawValue) is named \(condition.parameter) yet"
        case .state(let states): "the \(noun) \(condition.parameter) is \(states.joined(separator: " or "))"
        case .notDeletionProtected: "the \(noun) \(condition.parameter) has DeletionProtection false"
        case .hasReader: "the cluster \(condition.parameter) has a reader instance"
        case .isReadReplica: "the cluster \(condition.parameter) is a read replica"
        case .restorableTime(let source):
            "\(condition.parameter) lies in the restorable window of the cluster \(source)"
        case .hasNoInstances:
            "the cluster \(condition.parameter) has no DB instances left (other than ones being deleted)"
        case .readerOf(let cluster):
            "the instance \(condition.parameter) is a reader, not the writer, of the cluster \(cluster)"
        case .orderable(let cluster):
            "the instance class \(condition.parameter) is offered on the engine version of the cluster \(cluster)"
        case .serverlessScaling(let cluster):
            "a serverless \(condition.parameter) needs a serverless capacity range on the cluster \(cluster)"
        case .namesResource(let resource):
            "\(condition.parameter) is the ARN of an existing resource in this region (valid requests name a \(resource.rawValue))"
        case .spansZones(let minimum):
            "the subnets \(condition.parameter) lie in at least \(minimum) availability zones"
        case .associated(let with, _): "\(condition.parameter) is associated with the cluster \(with)"
        case .notAssociated(let with): "\(condition.parameter) is not yet associated with the cluster \(with)"
        case .notInUse(let resource): "no other resource still uses the \(resource.rawValue) \(condition.parameter)"
        case .notDefault(let resource): "the \(resource.rawValue) \(condition.parameter) is not a default group"
        case .memberOf(let owner, let writer):
            "\(condition.parameter) is the ARN of a member of \(owner)"
                + (writer.map { ", not its writer (\($0))" } ?? "")
        }
    }
}

/// Counts for summaries.
public enum SpecStatistics {
    /// Constraints on every parameter (nested and list members included), plus rules and preconditions.
    public static func constraintCount(of operation: OperationSpec) -> Int {
        func count(_ structure: StructureSpec) -> Int {
            structure.members.reduce(0) { total, member in
                var result = total + member.constraints.count
                switch member.type {
                case .structure(let inner): result += count(inner)
                case .list(let list):
                    result += list.memberConstraints.count
                    if case .structure(let inner) = list.member { result += count(inner) }
                default: break
                }
                return result
            }
        }
        return count(operation.parameters) + operation.rules.count + operation.preconditions.count
    }
}
