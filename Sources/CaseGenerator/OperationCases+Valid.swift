import ConformanceSpec
import QueryProtocol

extension OperationCases {
    mutating func validCases() -> [TestCase] {
        var cases: [TestCase] = []
        let required = operation.parameters.members.filter(\.required).map {
            SpecItemID.requestMember(name, $0.name).text
        }
        let base = baseline()
        cases.append(
            makeCase(
                "minimal", kind: .valid, tags: ["variant:minimal"],
                covers: required + base.parameters.map { SpecItemID.requestMember(name, $0.name).text },
                summary: "only the required parameters", parameters: base.parameters, fixture: base.fixture))

        // Full: every supported parameter the suite can give a valid value without outside resources.
        let external = Set(externalParameters)
        var full = baseline()
        var excludedByRules: [String] = []
        for member in operation.parameters.members
        where !member.unsupported && !external.contains(member.name)
            && !full.parameters.contains(where: { $0.name == member.name })
        {
            let conflicts = operation.rules.contains { rule in
                if case .exclusive(let names) = rule.kind, names.contains(member.name) {
                    return names.contains { other in
                        other != member.name && full.parameters.contains { $0.name == other }
                    }
                }
                if case .forbiddenWhen(let parameter, _, _) = rule.kind { return parameter == member.name }
                return false
            }
            if conflicts {
                excludedByRules.append(member.name)
                continue
            }
            full.parameters.append(Parameter(member.name, value(for: member, fixture: &full.fixture)))
        }
        if full.parameters.count > base.parameters.count {
            cases.append(
                makeCase(
                    "full", kind: .valid, tags: ["variant:full"],
                    covers: full.parameters.map { SpecItemID.requestMember(name, $0.name).text },
                    summary: "every supported parameter with a valid value", parameters: full.parameters,
                    fixture: full.fixture))
        }
        // Parameters a rule keeps out of "full" get a case of their own.
        for parameterName in excludedByRules {
            var variant = baseline()
            variant.parameters = variant.parameters.removingExclusivePartners(of: parameterName, in: operation)
            let member = operation.parameter(at: parameterName)!
            variant.parameters.append(Parameter(parameterName, value(for: member, fixture: &variant.fixture)))
            cases.append(
                makeCase(
                    "with-\(parameterName)", kind: .valid, tags: ["variant:alternative"],
                    covers: [SpecItemID.requestMember(name, parameterName).text],
                    summary: "\(parameterName) instead of the parameters it excludes", parameters: variant.parameters,
                    fixture: variant.fixture))
        }
        cases += boundaryCases()
        return cases
    }

    /// Values at the edges of what the spec allows.
    mutating func boundaryCases() -> [TestCase] {
        var cases: [TestCase] = []
        for (path, member) in scalarMembers() where !member.unsupported && !externalParameters.contains(path) {
            for constraint in member.constraints {
                var edges: [(String, String, String)] = []
                switch constraint.kind {
                case .range(let low, let high):
                    let format: (Double) -> String = {
                        member.type == .integer ? String(Int($0)) : ValueFactory.format($0)
                    }
                    if let low { edges.append(("minimum", format(low), "the minimum \(format(low))")) }
                    if let high, !isOrderedLower(path) {
                        edges.append(("maximum", format(high), "the maximum \(format(high))"))
                    }
                case .identifier(let low, let high):
                    guard !isLookup(path) else { break }
                    counter += 1
                    let stem = values.identifier(counter)
                    edges.append(
                        (
                            "longest", stem + String(repeating: "x", count: max(0, high - stem.count)),
                            "\(high) characters"
                        ))
                    if low == 1 { edges.append(("shortest", "z", "1 character")) }
                    if member.lowercased {
                        edges.append(("upper-case", stem.uppercased() + "U", "upper case, stored lower-cased"))
                    }
                case .window(let format, let minutes):
                    edges.append(
                        (
                            "exactly-\(minutes)-minutes", format == .daily ? "05:00-05:30" : "wed:05:00-wed:05:30",
                            "a window of exactly \(minutes) minutes"
                        ))
                default: break
                }
                for (label, value, summary) in edges {
                    var base = baseline()
                    base.parameters = withRequiredSiblings(base.parameters.setting(path, .scalar(value)), path: path)
                    if label == "upper-case" || label == "longest" || label == "shortest" {
                        base.fixture.created.append((path, value.lowercased()))
                    }
                    // A one-character name cannot be unique per run: such cases run one at a time.
                    let serial = label == "shortest" ? [Scheduling.serial.tag] : []
                    cases.append(
                        makeCase(
                            "\(path)/\(label)", kind: .valid,
                            tags: ["variant:boundary", "constraint:\(constraint.keyword)"] + serial,
                            covers: [
                                SpecItemID.requestMember(name, path).text,
                                SpecItemID.constraint(name, path, constraint.keyword).text,
                            ],
                            summary: "\(path) at \(summary)",
                            parameters: base.parameters, fixture: base.fixture))
                }
            }
        }
        for rule in operation.rules {
            if case .disjointWindows(let daily, let weekly) = rule.kind {
                var base = baseline()
                base.parameters = base.parameters.setting(daily, .scalar("03:00-03:30")).setting(
                    weekly, .scalar("mon:03:30-mon:04:00"))
                cases.append(
                    makeCase(
                        "windows/touching", kind: .valid, tags: ["variant:boundary", "rule:disjointWindows"],
                        covers: ["\(name)#disjointWindows"],
                        summary: "backup and maintenance windows that touch but do not overlap",
                        parameters: base.parameters, fixture: base.fixture))
            }
            if case .ordered(let lower, let upper) = rule.kind {
                var base = baseline()
                base.parameters = base.parameters.setting(lower, .scalar("1.0")).setting(upper, .scalar("128.0"))
                cases.append(
                    makeCase(
                        "\(lower.split(separator: ".")[0])/widest-range", kind: .valid,
                        tags: ["variant:boundary", "rule:ordered"],
                        covers: ["\(name)#ordered"], summary: "the widest range, half steps at both ends",
                        parameters: base.parameters, fixture: base.fixture))
                var equal = baseline()
                equal.parameters = equal.parameters.setting(lower, .scalar("4.5")).setting(upper, .scalar("4.5"))
                cases.append(
                    makeCase(
                        "\(lower.split(separator: ".")[0])/equal-bounds", kind: .valid,
                        tags: ["variant:boundary", "rule:ordered"],
                        covers: ["\(name)#ordered"], summary: "minimum equal to maximum", parameters: equal.parameters,
                        fixture: equal.fixture))
            }
        }
        return cases
    }

    /// Scalar members with their dotted paths (structure members included, list members not).
    func scalarMembers() -> [(String, MemberSpec)] {
        var result: [(String, MemberSpec)] = []
        for member in operation.parameters.members {
            if case .structure(let structure) = member.type {
                for inner in structure.members where inner.type.isScalar {
                    result.append(("\(member.name).\(inner.name)", inner))
                }
            } else if member.type.isScalar {
                result.append((member.name, member))
            }
        }
        return result
    }

    /// A structure member set alone breaks `together`; give it valid siblings.
    func withRequiredSiblings(_ parameters: [Parameter], path: String) -> [Parameter] {
        var result = parameters
        for rule in operation.rules {
            if case .exclusive(let names) = rule.kind, names.contains(path) {
                for other in names where other != path { result = result.removing(other) }
            }
            if case .together(let names) = rule.kind, names.contains(path) {
                for other in names where other != path && result.isEmpty == false && requestValue(result, other) == nil
                {
                    var unused = 0
                    let member = operation.parameter(at: other)!
                    var text = values.validScalar(member, path: other, operation: operation, counter: &unused)
                    if case .ordered(let lower, _) = operation.rules.first(where: {
                        if case .ordered = $0.kind { true } else { false }
                    })?.kind,
                        other == lower, case .scalar(let mine)? = requestValue(result, path), let value = Double(mine)
                    {
                        text = ValueFactory.format(min(value, 1.0))
                    } else if case .scalar(let mine)? = requestValue(result, path), let value = Double(mine),
                        isOrderedLower(path)
                    {
                        text = ValueFactory.format(max(value, 128.0))
                    }
                    result = result.setting(other, .scalar(text))
                }
            }
        }
        return result
    }

    func requestValue(_ parameters: [Parameter], _ path: String) -> ParameterValue? {
        Request(operation: name, parameters: parameters).value(at: path)
    }

    func isOrderedLower(_ path: String) -> Bool {
        operation.rules.contains { if case .ordered(let lower, _) = $0.kind { lower == path } else { false } }
    }

    /// True for identifiers that name an existing resource (their format is not the operation's to check).
    func isLookup(_ path: String) -> Bool {
        operation.namesExistingResource(path)
    }
}
