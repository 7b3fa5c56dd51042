import Foundation

/// One broken rule in a request: the error it draws and the spec item it breaks
/// (`CreateDBCluster.BackupRetentionPeriod#range`, the ids the generator's `covers` use).
public struct RequestViolation: Sendable, Equatable, CustomStringConvertible {
    public var code: String
    public var message: String
    public var specItem: String

    public var description: String { "\(specItem): \(code): \(message)" }
}

/// The one evaluator of the contract's request items: for a request, every constraint and rule of
/// its operation's spec it breaks (required and unsupported parameters, value types, per-value
/// constraints, then cross-parameter rules), in the order the spec gives them, the first being the one
/// the service reports. The reference server validates with it, and the generator keeps an invalid case
/// only when it breaks exactly the item the case covers. It knows nothing of how cases are generated,
/// so it can judge them. (Preconditions on state are the emulator's, which holds the state.)
public struct ContractEvaluator: Sendable {
    public let operation: OperationSpec
    /// Check families switched off (the reference server's faults use this: `FaultDecorator.skippedChecks`).
    public var skipped: Set<String>
    /// The instance classes `orderable` and `serverlessScaling` preconditions judge by (empty: they judge nothing).
    public var instanceClasses: InstanceClassCatalogue

    public init(
        operation: OperationSpec, skipped: Set<String> = [], instanceClasses: InstanceClassCatalogue = .init()
    ) {
        self.operation = operation
        self.skipped = skipped
        self.instanceClasses = instanceClasses
    }

    /// Every violation in the request, in the order the service reports them (the first one wins).
    public func violations(of request: Request) -> [RequestViolation] {
        var found: [RequestViolation] = []
        let name = operation.name
        for member in operation.parameters.members
        where member.required && request.value(at: member.name) == nil && !skipped.contains("required") {
            found.append(
                RequestViolation(
                    code: "MissingParameter", message: "The request must contain the parameter \(member.name)",
                    specItem: SpecItemID.constraint(name, member.name, "required").text))
        }
        for member in operation.parameters.members
        where member.unsupported && request.value(at: member.name) != nil && !skipped.contains("unsupported") {
            found.append(
                RequestViolation(
                    code: member.unsupportedError ?? "InvalidParameterValue",
                    message: "The parameter \(member.name) is not supported by Neptune.",
                    specItem: SpecItemID.constraint(name, member.name, "unsupported").text))
        }
        for parameter in request.parameters {
            guard let member = operation.parameters.member(named: parameter.name), !member.unsupported else { continue }
            check(
                parameter.value, member: member, type: member.type, path: member.name, constraints: member.constraints,
                into: &found)
        }
        for rule in operation.rules where !skipped.contains("rule:\(rule.keyword)") {
            if let message = broken(rule, in: request) {
                found.append(
                    RequestViolation(
                        code: rule.error, message: message, specItem: SpecItemID.rule(name, rule.keyword).text))
            }
        }
        found += filterValueViolations(in: request)
        return found
    }

    /// A value outside the vocabulary of a filter that has one (`filters:` with `values:`), compared ignoring case.
    func filterValueViolations(in request: Request) -> [RequestViolation] {
        var found: [RequestViolation] = []
        for (filterName, values) in request.filters {
            guard let filter = operation.filters.first(where: { $0.name == filterName }), let vocabulary = filter.values
            else { continue }
            for value in values where !vocabulary.contains(value.lowercased()) {
                found.append(
                    RequestViolation(
                        code: filter.error ?? "InvalidParameterValue",
                        message: "Invalid value \(value) for filter \(filterName); expected one of "
                            + vocabulary.joined(separator: ", ") + ".",
                        specItem: filter.item(operation: operation.name).text))
            }
        }
        return found
    }

    /// The value's type and constraints; list members and structure members recursively.
    func check(
        _ value: ParameterValue, member: MemberSpec, type: TypeSpec, path: String, constraints: [Constraint],
        into found: inout [RequestViolation]
    ) {
        switch (type, value) {
        case (.structure(let structure), .structure(let members)):
            for inner in members {
                guard let spec = structure.member(named: inner.name) else { continue }
                check(
                    inner.value, member: spec, type: spec.type, path: "\(path).\(inner.name)",
                    constraints: spec.constraints, into: &found)
            }
            for spec in structure.members
            where spec.required && !members.contains(where: { $0.name == spec.name }) && !skipped.contains("required") {
                found.append(
                    RequestViolation(
                        code: "MissingParameter", message: "\(path).\(spec.name) is required",
                        specItem: SpecItemID.constraint(operation.name, "\(path).\(spec.name)", "required").text))
            }
        case (.list(let list), .list(let items)):
            for item in items {
                if case .structure(let structure) = list.member, case .structure(let members) = item {
                    for inner in members {
                        guard let spec = structure.member(named: inner.name) else { continue }
                        check(
                            inner.value, member: spec, type: spec.type, path: "\(path).\(inner.name)",
                            constraints: spec.constraints, into: &found)
                    }
                } else {
                    check(
                        item, member: member, type: list.member, path: path, constraints: list.memberConstraints,
                        into: &found)
                }
            }
        case (_, .scalar(let text)) where type.isScalar:
            if !skipped.contains("type"), !Self.hasType(text, type) {
                found.append(
                    RequestViolation(
                        code: "InvalidParameterValue",
                        message: "Invalid value '\(text)' for \(path): not a \(type.name)",
                        specItem: SpecItemID.constraint(operation.name, path, "type").text))
                return
            }
            for constraint in constraints where !skipped.contains(constraint.keyword) {
                if let message = Self.broken(constraint, text, skipped: skipped) {
                    found.append(
                        RequestViolation(
                            code: constraint.error, message: "Invalid value '\(text)' for \(path): \(message)",
                            specItem: SpecItemID.constraint(operation.name, path, constraint.keyword).text))
                }
            }
        default:
            found.append(
                RequestViolation(
                    code: "InvalidParameterValue", message: "\(path) has the wrong shape: expected a \(type.name)",
                    specItem: SpecItemID.constraint(operation.name, path, "type").text))
        }
    }

    static func hasType(_ text: String, _ type: TypeSpec) -> Bool {
        switch type {
        case .integer: return Int(text) != nil
        case .double: return Double(text).map(\.isFinite) ?? false
        case .boolean: return ["true", "false"].contains(text.lowercased())
        case .timestamp: return ISOTimestamp.parse(text) != nil
        default: return true
        }
    }

    /// Why `text` breaks `constraint`, or nil when it holds.
    static func broken(_ constraint: Constraint, _ text: String, skipped: Set<String> = []) -> String? {
        // A resource of the target's account (`{{account:NAME}}`) is filled in by the runner before sending: a case
        // that carries the token names the account's value, which the endpoint judges.
        if RuntimeToken.isAccountToken(text) { return nil }
        switch constraint.kind {
        case .identifier(let low, let high):
            if text.count < low || text.count > high { return "must have \(low) to \(high) characters" }
            guard let first = text.unicodeScalars.first else { return nil }
            if !first.isASCII || !CharacterSet.letters.contains(first) {
                return "must begin with a letter"
            }
            if !text.unicodeScalars.allSatisfy({ $0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == "-") })
            {
                return "may contain only ASCII letters, digits and hyphens"
            }
            if text.hasSuffix("-") { return "cannot end with a hyphen" }
            if text.contains("--") { return "cannot contain two consecutive hyphens" }
            return nil
        case .range(let low, let high):
            guard let number = Double(text) else { return nil }
            if let low, number < low { return "must be at least \(low)" }
            if let high, number > high { return "must be at most \(high)" }
            return nil
        case .length(let low, let high):
            if let low, text.count < low { return "must have at least \(low) characters" }
            if let high, text.count > high { return "must have at most \(high) characters" }
            return nil
        case .oneOf(let values):
            return values.contains(text) ? nil : "must be one of \(values.joined(separator: ", "))"
        case .catalogue(let name, let values):
            return values.contains(text) ? nil : "is not in the service's \(name) catalogue"
        case .notOneOf(let values):
            return values.contains { $0.lowercased() == text.lowercased() }
                ? "must not be \(values.joined(separator: " or "))" : nil
        case .pattern(let regex):
            guard let matches = WholeMatch.matches(regex, text) else { return nil }
            return matches ? nil : "must match \(regex)"
        case .forbiddenPrefixes(let prefixes):
            return prefixes.first { text.lowercased().hasPrefix($0) }.map { "cannot begin with \($0)" }
        case .step(let step):
            guard let number = Double(text) else { return nil }
            return (number / step).rounded() * step == number ? nil : "must be a multiple of \(step)"
        case .window(let format, let minutes):
            guard let window = TimeWindow(text, format: format) else {
                return format == .daily
                    ? "must be in the format hh24:mi-hh24:mi" : "must be in the format ddd:hh24:mi-ddd:hh24:mi"
            }
            if skipped.contains("window-length") { return nil }
            return window.length < minutes ? "must be at least \(minutes) minutes" : nil
        }
    }

    /// True when the parameter at `path` counts as set (booleans only when true).
    func isSet(_ path: String, in request: Request) -> Bool {
        guard let value = request.value(at: path) else { return false }
        if operation.parameter(at: path)?.type == .boolean, case .scalar(let text) = value {
            return text.lowercased() == "true"
        }
        return true
    }

    func scalar(_ path: String, in request: Request) -> String? {
        if case .scalar(let text)? = request.value(at: path) { return text }
        return nil
    }

    /// The members of a list of engine parameter changes: name, value and apply method of each (members
    /// without a name are left out; `required` on the shape judges those).
    public static func engineEntries(_ list: String, in request: Request) -> [(
        name: String, value: String?, method: String?
    )] {
        guard case .list(let items)? = request.value(at: list) else { return [] }
        return items.compactMap { item in
            guard case .structure(let members) = item else { return nil }
            func text(_ name: String) -> String? {
                if case .scalar(let value)? = members.first(where: { $0.name == name })?.value { return value }
                return nil
            }
            guard let name = text("ParameterName") else { return nil }
            return (name, text("ParameterValue"), text("ApplyMethod"))
        }
    }

    /// Why the request breaks `rule`, or nil when it holds.
    func broken(_ rule: Rule, in request: Request) -> String? {
        switch rule.kind {
        case .exclusive(let names):
            return names.filter { isSet($0, in: request) }.count > 1
                ? "Only one of \(names.joined(separator: ", ")) may be specified" : nil
        case .atLeastOne(let names):
            return names.contains { isSet($0, in: request) }
                ? nil : "One of \(names.joined(separator: ", ")) must be specified"
        case .together(let names):
            let count = names.filter { isSet($0, in: request) }.count
            return count == 0 || count == names.count
                ? nil : "\(names.joined(separator: " and ")) must be specified together"
        case .ordered(let lower, let upper):
            guard let low = scalar(lower, in: request).flatMap(Double.init),
                let high = scalar(upper, in: request).flatMap(Double.init)
            else { return nil }
            return low > high ? "\(lower) (\(low)) cannot be greater than \(upper) (\(high))" : nil
        case .disjointWindows(let dailyPath, let weeklyPath):
            guard let daily = scalar(dailyPath, in: request).flatMap({ TimeWindow($0, format: .daily) }),
                let weekly = scalar(weeklyPath, in: request).flatMap({ TimeWindow($0, format: .weekly) })
            else { return nil }
            return TimeWindow.overlap(daily: daily, weekly: weekly)
                ? "The backup window and maintenance window must not overlap." : nil
        case .forbiddenWhen(let parameter, let when, let equals):
            return isSet(parameter, in: request) && scalar(when, in: request) == equals
                ? "\(parameter) cannot be specified when \(when) is \(equals)" : nil
        case .requires(let parameter, let required):
            return isSet(parameter, in: request) && !isSet(required, in: request)
                ? "\(parameter) is valid only in combination with \(required)" : nil
        case .maxItems(let list, let max):
            guard case .list(let items)? = request.value(at: list), items.count > max else { return nil }
            return "\(list) may hold at most \(max) members; found \(items.count)"
        case .vocabularyOf(let list, let by, let vocabulary):
            guard let selector = scalar(by, in: request), case .list(let items)? = request.value(at: list) else {
                return nil
            }
            let allowed = Set((vocabulary[selector] ?? []).map { $0.lowercased() })
            let words = items.compactMap { if case .scalar(let text) = $0 { text } else { nil } }
            return words.first { !allowed.contains($0.lowercased()) }.map {
                "\($0) is not one of the \(list) of \(by) \(selector)"
            }
        case .engineParameterNames(let list, let parameters):
            let known = Set(parameters.map(\.name))
            return Self.engineEntries(list, in: request).first { !known.contains($0.name) }.map {
                "Could not find parameter with name: \($0.name)"
            }
        case .engineParameterValues(let list, let parameters):
            for entry in Self.engineEntries(list, in: request) {
                guard let value = entry.value, let parameter = parameters.first(where: { $0.name == entry.name }),
                    !parameter.accepts(value)
                else { continue }
                return
                    "invalid parameter value: \(value) for: \(entry.name) allowed values are: \(parameter.allowedValues ?? "")"
            }
            return nil
        case .engineApplyMethods(let list, let parameters):
            let statics = Set(parameters.filter(\.isStatic).map(\.name))
            return Self.engineEntries(list, in: request).contains {
                $0.method == "immediate" && statics.contains($0.name)
            }
                ? "cannot use immediate apply method for static parameter" : nil
        case .disjoint(let lists):
            let sets = lists.map { path -> Set<String> in
                guard case .list(let items)? = request.value(at: path) else { return [] }
                return Set(items.compactMap { if case .scalar(let text) = $0 { text } else { nil } })
            }
            let shared = sets.dropFirst().reduce(sets.first ?? []) { $0.intersection($1) }
            return shared.isEmpty
                ? nil
                : "\(shared.sorted().joined(separator: ", ")) cannot be in both \(lists.joined(separator: " and "))"
        }
    }
}
