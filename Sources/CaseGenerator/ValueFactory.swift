import ConformanceSpec
import QueryProtocol

/// Valid values for parameters, chosen from their types and constraints, and the values that break
/// exactly one constraint.
struct ValueFactory {
    /// Identifiers are `<prefix>-<scope><tag><n>`: the run's prefix, a letter per operation and a
    /// counter, so every case of every operation names its own resources.
    let prefix: String
    var scope: String = ""
    /// The resource kinds, whose name tags identifiers carry.
    var resources = ResourceCatalog()

    func identifier(_ n: Int, tag: String = "c") -> String { "\(prefix)-\(scope)\(tag)\(n)" }

    /// What a string member gets when nothing in the spec yields a value: no valid request may carry it
    /// (`CaseGenerator.placeholders(in:)` finds it; give the member an `example:`, a constraint or a reference).
    static let placeholder = "value1"

    /// A valid value for `member` within `operation`; nil when no value can be valid without
    /// resources the suite cannot create.
    func valid(_ member: MemberSpec, path: String, operation: OperationSpec, counter: inout Int) -> ParameterValue {
        if let example = member.example { return example }
        switch member.type {
        case .list(let list):
            let item = MemberSpec(name: list.memberName, type: list.member, constraints: list.memberConstraints)
            return .list([valid(item, path: path, operation: operation, counter: &counter)])
        case .structure(let structure):
            if let change = Self.engineChange(for: path, in: operation) { return change }
            return .structure(
                structure.members.map { inner in
                    Parameter(
                        inner.name, valid(inner, path: "\(path).\(inner.name)", operation: operation, counter: &counter)
                    )
                })
        default:
            return .scalar(validScalar(member, path: path, operation: operation, counter: &counter))
        }
    }

    func validScalar(_ member: MemberSpec, path: String, operation: OperationSpec, counter: inout Int) -> String {
        if case .scalar(let example)? = member.example { return example }
        // The name of a resource the operation creates is unique per case even without an identifier rule.
        if !member.constraints.contains(where: { $0.keyword == "identifier" }),
            let created = resources.creations(by: operation.name).first(where: { $0.parameter == path }),
            let tag = resources.lifecycle(of: created.kind)?.nameTag
        {
            counter += 1
            return identifier(counter, tag: tag)
        }
        for constraint in member.constraints {
            switch constraint.kind {
            case .identifier:
                counter += 1
                let kind = resources.kind(named: path, in: operation)
                return identifier(counter, tag: kind.flatMap { resources.lifecycle(of: $0)?.nameTag } ?? "x")
            case .oneOf(let values):
                // Lists a `disjoint` rule keeps apart take different values (the n-th list the n-th value).
                for rule in operation.rules {
                    if case .disjoint(let lists) = rule.kind, let position = lists.firstIndex(of: path),
                        values.count > position
                    {
                        return values[position]
                    }
                }
                return member.defaultValue.flatMap { values.contains($0) ? $0 : nil } ?? values[0]
            case .catalogue(let name, _): return RuntimeValue.catalogue(name: name).token
            case .window(.daily, _): return "03:00-03:30"
            case .window(.weekly, _): return "mon:04:00-mon:04:30"
            default: continue
            }
        }
        switch member.type {
        case .integer:
            if let value = member.defaultValue { return value }
            if case .range(let low, _)? = member.constraints.first(where: {
                if case .range = $0.kind { true } else { false }
            })?.kind, let low {
                return String(Int(low))
            }
            return "1"
        case .double:
            var low = 1.0
            if case .range(let minimum, _)? = member.constraints.first(where: {
                if case .range = $0.kind { true } else { false }
            })?.kind, let minimum {
                low = minimum
            }
            let isUpper = operation.rules.contains {
                if case .ordered(_, let upper) = $0.kind { upper == path } else { false }
            }
            return Self.format(isUpper ? low + 1.5 : low)
        case .boolean:
            return member.defaultValue == "false" ? "false" : "true"
        case .timestamp:
            return "2024-01-01T00:00:00Z"
        default:
            if member.name == "Key" { return "team" }
            if member.name == "Value" { return "graph" }
            if member.name == "Name" { return "engine" }
            return member.defaultValue ?? Self.placeholder
        }
    }

    /// The engine parameters that the `engineParameterNames` rule on the list at `path` knows, if it has one.
    static func engineParameters(of path: String, in operation: OperationSpec) -> [EngineParameter]? {
        for rule in operation.rules {
            if case .engineParameterNames(let list, let parameters) = rule.kind, list == path { return parameters }
        }
        return nil
    }

    /// A valid member for a list of engine parameter changes: the first modifiable parameter with listed values,
    /// set to its last listed value, applied at the next reboot (valid for static and dynamic parameters alike).
    static func engineChange(for path: String, in operation: OperationSpec) -> ParameterValue? {
        guard let parameters = engineParameters(of: path, in: operation),
            let chosen = parameters.first(where: {
                if $0.isModifiable, case .values = $0.allowed { true } else { false }
            }) ?? parameters.first
        else { return nil }
        return engineChange(
            chosen.name, value: validEngineValue(chosen), method: "pending-reboot", for: path, in: operation)
    }

    /// One change of a list of engine parameter changes; the value only when a rule of the operation judges values
    /// (a reset names parameters and apply methods only).
    static func engineChange(
        _ name: String, value: String, method: String, for path: String, in operation: OperationSpec
    ) -> ParameterValue {
        let judgesValues = operation.rules.contains {
            if case .engineParameterValues(let list, _) = $0.kind { list == path } else { false }
        }
        var members = [Parameter("ParameterName", .scalar(name))]
        if judgesValues { members.append(Parameter("ParameterValue", .scalar(value))) }
        members.append(Parameter("ApplyMethod", .scalar(method)))
        return .structure(members)
    }

    /// A value the parameter allows: its last listed value, the lower bound of its range, else its default.
    static func validEngineValue(_ parameter: EngineParameter) -> String {
        switch parameter.allowed {
        case .values(let values): values.last ?? ""
        case .range(let low, _): String(low)
        case .any: parameter.defaultValue ?? "1"
        }
    }

    /// Values the parameter does not allow, with labels: outside each end of a range, or off the list.
    static func invalidEngineValues(_ parameter: EngineParameter) -> [(label: String, value: String)] {
        switch parameter.allowed {
        case .values(let values):
            let numbers = values.compactMap(Int.init)
            if numbers.count == values.count, let highest = numbers.max() {
                return [("not-listed", String(highest + 1))]
            }
            return [("not-listed", "bogus-" + (values.first ?? "value"))]
        case .range(let low, let high):
            return [("below-minimum", String(low - 1)), ("above-maximum", String(high + 1))]
        case .any:
            return []
        }
    }

    /// Doubles as the SDKs print them: `1.0`, `2.5`.
    static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? "\(Int(value)).0" : "\(value)"
    }
}

/// One way to break one constraint: a label for the case id and the raw value to send.
struct Violation {
    var label: String
    var value: String
    var summary: String
}

extension ValueFactory {
    /// Values that break `constraint` (and only it) for a parameter of `type`.
    func violations(of constraint: Constraint, type: TypeSpec) -> [Violation] {
        switch constraint.kind {
        case .identifier(let low, let high):
            var result = [
                Violation(
                    label: "too-long", value: "a" + String(repeating: "b", count: high),
                    summary: "\(high + 1) characters"),
                Violation(label: "leading-digit", value: "1abc", summary: "first character a digit"),
                Violation(label: "trailing-hyphen", value: "abc-", summary: "ends with a hyphen"),
                Violation(label: "double-hyphen", value: "a--b", summary: "two consecutive hyphens"),
                Violation(label: "bad-character", value: "my_cluster", summary: "an underscore"),
            ]
            if low >= 1 { result.insert(Violation(label: "empty", value: "", summary: "empty"), at: 0) }
            return result
        case .range(let low, let high):
            let step = type == .integer ? 1.0 : 0.5
            var result: [Violation] = []
            if let low {
                result.append(
                    Violation(
                        label: "below-minimum", value: number(low - step, type), summary: "below \(number(low, type))"))
            }
            if let high {
                result.append(
                    Violation(
                        label: "above-maximum", value: number(high + step, type), summary: "above \(number(high, type))"
                    ))
            }
            return result
        case .length(let low, let high):
            var result: [Violation] = []
            if let low, low > 0 {
                result.append(
                    Violation(
                        label: "too-short", value: String(repeating: "a", count: low - 1),
                        summary: "shorter than \(low)"))
            }
            if let high {
                result.append(
                    Violation(
                        label: "too-long", value: "a" + String(repeating: "b", count: high),
                        summary: "longer than \(high)"))
            }
            return result
        case .oneOf(let values) where type == .integer:
            // The smallest whole number not listed: a number of the right type that is not allowed.
            let taken = Set(values.compactMap { Int($0) })
            let number = (0...).first { !taken.contains($0) } ?? 0
            return [
                Violation(
                    label: "unknown-value", value: String(number),
                    summary: "\(number) is not one of \(values.joined(separator: ", "))")
            ]
        case .oneOf(let values):
            return [
                Violation(
                    label: "unknown-value", value: "bogus-" + (values.first ?? "value"),
                    summary: "not one of \(values.joined(separator: ", "))")
            ]
        case .catalogue(let name, let values):
            // A value of the catalogue's form that no entry has: the digits of the first value, all nines.
            let form = values.first.map { String($0.map { $0.isNumber ? "9" : $0 }) } ?? "9"
            let value = values.contains(form) ? "none-\(form)" : form
            return [Violation(label: "not-in-catalogue", value: value, summary: "not in the \(name) catalogue")]
        case .notOneOf(let values):
            return values.map {
                Violation(label: "reserved-\($0)", value: $0, summary: "the reserved name \($0)")
            }
        case .pattern:
            return [
                Violation(label: "pattern-mismatch", value: "bad*value!", summary: "characters outside the pattern")
            ]
        case .forbiddenPrefixes(let prefixes):
            return prefixes.map {
                Violation(
                    label: "prefix-\($0.replacingOccurrences(of: ":", with: ""))", value: $0 + "reserved",
                    summary: "starts with \($0)")
            }
        case .step:
            return [
                Violation(label: "not-half-step", value: "8.3", summary: "8.3 is not a multiple of the step"),
                Violation(label: "quarter-step", value: "8.25", summary: "8.25 is not a multiple of the step"),
            ]
        case .window(.daily, let minutes):
            return [
                Violation(label: "hour-25", value: "25:00-25:30", summary: "hour 25"),
                Violation(label: "no-colon", value: "0300-0330", summary: "hh24mi without a colon"),
                Violation(label: "no-dash", value: "03:00 03:30", summary: "no dash between start and end"),
                Violation(label: "too-short", value: "03:00-03:15", summary: "15 minutes, under \(minutes)"),
            ]
        case .window(.weekly, let minutes):
            return [
                Violation(label: "unknown-day", value: "xyz:03:00-xyz:03:30", summary: "day 'xyz'"),
                Violation(label: "hour-25", value: "mon:25:00-mon:25:30", summary: "hour 25"),
                Violation(label: "no-dash", value: "mon:03:00 mon:03:30", summary: "no dash"),
                Violation(label: "too-short", value: "mon:03:00-mon:03:10", summary: "10 minutes, under \(minutes)"),
            ]
        }
    }

    func number(_ value: Double, _ type: TypeSpec) -> String {
        type == .integer ? String(Int(value)) : String(value)
    }
}
