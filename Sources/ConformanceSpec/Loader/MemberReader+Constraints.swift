import Foundation

extension MemberReader {
    static let constraintKinds = [
        "identifier", "range", "length", "oneOf", "notOneOf", "pattern", "forbiddenPrefixes", "step", "window",
        "catalogue",
    ]

    /// Reads a list of single-key constraint mappings, checking each fits `type`.
    func readConstraints(_ node: YAMLCursor, for type: TypeSpec) throws(SpecLoadError) -> [Constraint] {
        var result: [Constraint] = []
        for item in try node.sequence() {
            let outer = try item.mapping(allowed: Self.constraintKinds)
            guard outer.count == 1, let (keyword, body) = outer.first else {
                throw item.error(
                    "expected exactly one constraint kind per list item (one of \(Self.constraintKinds.joined(separator: ", ")))"
                )
            }
            result.append(try readConstraint(keyword, body, for: type))
        }
        return result
    }

    private func readConstraint(_ keyword: String, _ body: YAMLCursor, for type: TypeSpec) throws(SpecLoadError)
        -> Constraint
    {
        let argumentKeys: [String: [String]] = [
            "identifier": ["minLength", "maxLength"], "range": ["min", "max"], "length": ["min", "max"],
            "oneOf": ["values"], "notOneOf": ["values"], "pattern": ["regex"], "forbiddenPrefixes": ["prefixes"],
            "step": ["step"], "window": ["format", "minMinutes"], "catalogue": ["name"],
        ]
        let requiredKeys: [String: [String]] = [
            "identifier": ["maxLength"], "oneOf": ["values"], "notOneOf": ["values"], "pattern": ["regex"],
            "forbiddenPrefixes": ["prefixes"],
            "step": ["step"], "window": ["format", "minMinutes"], "catalogue": ["name"],
        ]
        let entries = try body.mapping(
            allowed: argumentKeys[keyword]! + ["error", "inferred", "note"],
            required: (requiredKeys[keyword] ?? []) + ["error"])
        func value(_ key: String) -> YAMLCursor? { YAMLCursor.value(key, in: entries) }
        let numeric = type == .integer || type == .double
        func requireString() throws(SpecLoadError) {
            if type != .string { throw body.error("'\(keyword)' applies to string members; this one is \(type.name)") }
        }
        func requireNumeric() throws(SpecLoadError) {
            if !numeric {
                throw body.error("'\(keyword)' applies to integer or double members; this one is \(type.name)")
            }
        }
        let kind: Constraint.Kind
        switch keyword {
        case "identifier":
            try requireString()
            let minimum = try value("minLength")?.int() ?? 1
            let maximum = try value("maxLength")!.int()
            guard minimum >= 1, minimum <= maximum else {
                throw body.error("expected 1 <= minLength <= maxLength, found \(minimum)...\(maximum)")
            }
            kind = .identifier(minLength: minimum, maxLength: maximum)
        case "range":
            try requireNumeric()
            let minimum = try value("min")?.double()
            let maximum = try value("max")?.double()
            if minimum == nil && maximum == nil { throw body.error("a range needs 'min', 'max' or both") }
            if let minimum, let maximum, minimum > maximum {
                throw body.error("min \(minimum) is above max \(maximum)")
            }
            kind = .range(min: minimum, max: maximum)
        case "length":
            try requireString()
            let minimum = try value("min")?.int()
            let maximum = try value("max")?.int()
            if minimum == nil && maximum == nil { throw body.error("a length needs 'min', 'max' or both") }
            if let minimum, let maximum, minimum > maximum {
                throw body.error("min \(minimum) is above max \(maximum)")
            }
            kind = .length(min: minimum, max: maximum)
        case "oneOf":
            // Strings, or integers from a fixed set (MonitoringInterval: 0, 1, 5, 10, 15, 30, 60).
            if type != .integer { try requireString() }
            let values = try value("values")!.strings()
            if values.isEmpty { throw value("values")!.error("expected at least one value") }
            if type == .integer, let bad = values.first(where: { Int($0) == nil }) {
                throw value("values")!.error("'\(bad)' is not an integer; this member is integer")
            }
            kind = .oneOf(values)
        case "notOneOf":
            try requireString()
            let values = try value("values")!.strings()
            if values.isEmpty { throw value("values")!.error("expected at least one value") }
            kind = .notOneOf(values)
        case "pattern":
            try requireString()
            let regexNode = value("regex")!
            let regex = try regexNode.nonEmptyString()
            if (try? NSRegularExpression(pattern: regex)) == nil {
                throw regexNode.error("not a valid regular expression: \(regex)")
            }
            kind = .pattern(regex)
        case "forbiddenPrefixes":
            try requireString()
            kind = .forbiddenPrefixes(try value("prefixes")!.strings())
        case "step":
            try requireNumeric()
            let step = try value("step")!.double()
            if step <= 0 { throw value("step")!.error("expected a step above 0, found \(step)") }
            kind = .step(step)
        case "window":
            try requireString()
            let formatNode = value("format")!
            guard let format = WindowFormat(rawValue: try formatNode.string()) else {
                throw formatNode.error(
                    "expected 'daily' (hh24:mi-hh24:mi) or 'weekly' (ddd:hh24:mi-ddd:hh24:mi), found \(formatNode.found)"
                )
            }
            let minutes = try value("minMinutes")!.int()
            if minutes < 1 { throw value("minMinutes")!.error("expected at least 1 minute") }
            kind = .window(format, minMinutes: minutes)
        case "catalogue":
            try requireString()
            let nameNode = value("name")!
            let name = try nameNode.nonEmptyString()
            guard let catalogue = resolver.catalogues[name] else {
                let known = resolver.catalogues.keys.sorted().joined(separator: ", ")
                throw nameNode.error("unknown catalogue '\(name)'; catalogues.yaml defines: \(known)")
            }
            kind = .catalogue(name: name, values: catalogue.values)
        default:
            throw body.error("unknown constraint '\(keyword)'")
        }
        return Constraint(
            kind: kind, error: try checkedError(value("error")!), inferred: try value("inferred")?.bool() ?? false)
    }
}
