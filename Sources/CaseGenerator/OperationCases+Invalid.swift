import ConformanceSpec
import QueryProtocol

extension OperationCases {
    mutating func invalidCases() -> [TestCase] {
        var cases: [TestCase] = []
        for member in operation.parameters.members where member.required {
            var base = baseline()
            base.parameters = base.parameters.removing(member.name)
            cases.append(
                makeCase(
                    "\(member.name)/missing", kind: .invalid, tags: ["constraint:required"],
                    covers: [SpecItemID.constraint(name, member.name, "required").text],
                    summary: "required \(member.name) left out", parameters: base.parameters, fixture: base.fixture,
                    expectation: error("MissingParameter", inferred: true)))
        }
        for member in operation.parameters.members where member.unsupported && !operation.unsupported {
            var base = baseline()
            var unused = 0
            base.parameters.append(
                Parameter(member.name, values.valid(member, path: member.name, operation: operation, counter: &unused)))
            cases.append(
                makeCase(
                    "\(member.name)/unsupported", kind: .invalid, tags: ["constraint:unsupported"],
                    covers: [SpecItemID.constraint(name, member.name, "unsupported").text],
                    summary: "\(member.name), which Neptune does not support", parameters: base.parameters,
                    fixture: base.fixture,
                    expectation: error(member.unsupportedError ?? "InvalidParameterValue", inferred: true)))
        }
        for (path, member) in scalarMembers() where !member.unsupported {
            for constraint in member.constraints where !(isLookup(path) && constraint.keyword == "identifier") {
                let item = SpecItemID.constraint(name, path, constraint.keyword)
                for violation in values.violations(of: constraint, type: member.type) {
                    let names = self  // a candidate the evaluator refuses must not use up resource names
                    var base = baseline()
                    base.parameters = withRequiredSiblings(
                        base.parameters.setting(path, .scalar(violation.value)), path: path)
                    guard breaksOnly(item, base.parameters) else {
                        self = names
                        continue
                    }
                    cases.append(
                        makeCase(
                            "\(path)/\(violation.label)", kind: .invalid, tags: ["constraint:\(constraint.keyword)"],
                            covers: [item.text], summary: "\(path): \(violation.summary)",
                            parameters: base.parameters, fixture: base.fixture,
                            expectation: error(constraint.error, inferred: constraint.inferred)))
                }
            }
            if member.type == .integer || member.type == .double || member.type == .boolean {
                var base = baseline()
                base.parameters = withRequiredSiblings(
                    base.parameters.setting(path, .scalar(member.type == .boolean ? "maybe" : "abc")), path: path)
                // A boolean that is not `true` does not count as set: another member must satisfy an at-least-one rule.
                for rule in operation.rules {
                    guard case .atLeastOne(let names) = rule.kind, names.contains(path),
                        let other = names.first(where: { $0 != path })
                    else { continue }
                    var unused = 0
                    base.parameters = base.parameters.setting(
                        other,
                        values.valid(
                            operation.parameter(at: other)!, path: other, operation: operation, counter: &unused))
                }
                cases.append(
                    makeCase(
                        "\(path)/wrong-type", kind: .invalid, tags: ["constraint:type"],
                        covers: [SpecItemID.constraint(name, path, "type").text],
                        summary: "\(path) is not a \(member.type.name)", parameters: base.parameters,
                        fixture: base.fixture,
                        expectation: error("InvalidParameterValue", inferred: true)))
            }
        }
        cases += listMemberCases()
        cases += ruleCases()
        return cases
    }

    /// True when the request breaks `item` and nothing else, as the one evaluator judges it. Some
    /// violations cannot break their constraint alone (an empty value under a pattern that needs a
    /// character; a minimum capacity above the largest maximum is also above MaxCapacity): other
    /// cases cover those items.
    func breaksOnly(_ item: SpecItemID, _ parameters: [Parameter]) -> Bool {
        ContractEvaluator(operation: operation).violations(of: Request(operation: name, parameters: parameters)).map(
            \.specItem)
            == [item.text]
    }

    /// Constraints on list members (log types, tag keys and values).
    mutating func listMemberCases() -> [TestCase] {
        var cases: [TestCase] = []
        // An unsupported list draws its own error whatever its members hold (its `unsupported` case covers it).
        for member in operation.parameters.members where !member.unsupported {
            guard case .list(let list) = member.type else { continue }
            var targets: [(String, MemberSpec, [Constraint])] = [(member.name, member, list.memberConstraints)]
            if case .structure(let structure) = list.member {
                targets = structure.members.map { ("\(member.name).\($0.name)", $0, $0.constraints) }
            }
            for (path, inner, constraints) in targets {
                for constraint in constraints {
                    for violation in values.violations(of: constraint, type: inner.type) {
                        var base = baseline()
                        var unused = 0
                        var item = values.valid(
                            MemberSpec(name: list.memberName, type: list.member), path: member.name,
                            operation: operation, counter: &unused)
                        if case .structure(let members) = item {
                            item = .structure(members.setting(inner.name, .scalar(violation.value)))
                        } else {
                            item = .scalar(violation.value)
                        }
                        base.parameters = base.parameters.setting(member.name, .list([item]))
                            .removingExclusivePartners(of: member.name, in: operation)
                        cases.append(
                            makeCase(
                                "\(path)/\(violation.label)", kind: .invalid,
                                tags: ["constraint:\(constraint.keyword)"],
                                covers: [SpecItemID.constraint(name, path, constraint.keyword).text],
                                summary: "a \(list.memberName) whose \(inner.name): \(violation.summary)",
                                parameters: base.parameters, fixture: base.fixture,
                                expectation: error(constraint.error, inferred: constraint.inferred)))
                    }
                }
            }
        }
        return cases
    }

    mutating func ruleCases() -> [TestCase] {
        var cases: [TestCase] = []
        for rule in operation.rules {
            var variants: [(String, String, [Parameter], Fixture)] = []
            var base = baseline()
            func validValue(_ path: String) -> ParameterValue {
                var unused = 0
                let member = operation.parameter(at: path)!
                return member.type == .boolean
                    ? .scalar("true") : values.valid(member, path: path, operation: operation, counter: &unused)
            }
            switch rule.kind {
            case .exclusive(let names):
                var parameters = base.parameters
                for path in names { parameters = parameters.setting(path, validValue(path)) }
                variants.append(("together", "\(names.joined(separator: " and ")) together", parameters, base.fixture))
            case .atLeastOne(let names):
                var parameters = base.parameters
                for path in names { parameters = parameters.removing(path) }
                variants.append(("none", "none of \(names.joined(separator: ", "))", parameters, base.fixture))
            case .together(let names):
                variants.append(
                    (
                        "only-\(names[0].split(separator: ".").last!)",
                        "only \(names[0]) of \(names.joined(separator: ", "))",
                        base.parameters.setting(names[0], .scalar("2.0")), base.fixture
                    ))
            case .ordered(let lower, let upper):
                variants.append(
                    (
                        "inverted", "\(lower) above \(upper)",
                        base.parameters.setting(lower, .scalar("8.0")).setting(upper, .scalar("4.0")), base.fixture
                    ))
            case .disjointWindows(let daily, let weekly):
                for (label, backup, maintenance) in [
                    ("overlap", "03:00-03:30", "mon:03:15-mon:03:45"),
                    ("overlap-across-midnight", "23:45-00:15", "tue:00:00-tue:00:30"),
                    ("overlap-across-days", "00:00-00:30", "sun:23:50-mon:00:20"),
                ] {
                    let fresh = label == "overlap" ? base : baseline()
                    variants.append(
                        (
                            label, "backup \(backup) overlaps maintenance \(maintenance)",
                            fresh.parameters.setting(daily, .scalar(backup)).setting(weekly, .scalar(maintenance)),
                            fresh.fixture
                        ))
                }
            case .forbiddenWhen(let parameter, let when, let equals):
                var parameters = base.parameters.setting(when, .scalar(equals)).setting(
                    parameter, validValue(parameter))
                for other in operation.rules {
                    if case .exclusive(let names) = other.kind, names.contains(parameter) {
                        for name in names where name != parameter { parameters = parameters.removing(name) }
                    }
                }
                variants.append(
                    ("\(parameter)-with-\(equals)", "\(parameter) with \(when)=\(equals)", parameters, base.fixture))
            case .disjoint(let lists):
                var parameters = base.parameters
                let shared = validValue(lists[0])
                for path in lists { parameters = parameters.setting(path, shared) }
                variants.append(
                    ("same-value", "one value in \(lists.joined(separator: " and "))", parameters, base.fixture))
            case .maxItems(let list, let max):
                guard case .list(let items) = validValue(list), let item = items.first else { break }
                variants.append(
                    (
                        "\(max + 1)-members", "\(max + 1) members in \(list), at most \(max) allowed",
                        base.parameters.setting(list, .list(Array(repeating: item, count: max + 1))), base.fixture
                    ))
            case .engineParameterNames(let list, let parameters):
                let unknown = ValueFactory.engineChange(
                    "neptune_no_such_parameter", value: "1", method: "pending-reboot", for: list, in: operation)
                variants.append(
                    (
                        "unknown-name", "a parameter no family has", base.parameters.setting(list, .list([unknown])),
                        base.fixture
                    ))
                // A parameter of the other level (an instance parameter in a cluster group, or the reverse).
                let known = Set(parameters.map(\.name))
                let others = spec.engineParameters.cluster + spec.engineParameters.instance
                if let other = others.first(where: { !known.contains($0.name) }) {
                    let fresh = baseline()
                    variants.append(
                        (
                            "\(other.name)-of-the-other-level", "\(other.name), a parameter of the other group level",
                            fresh.parameters.setting(
                                list,
                                .list([
                                    ValueFactory.engineChange(
                                        other.name, value: ValueFactory.validEngineValue(other),
                                        method: "pending-reboot", for: list, in: operation)
                                ])), fresh.fixture
                        ))
                }
            case .engineParameterValues(let list, let parameters):
                for parameter in parameters where parameter.isModifiable {
                    for (label, value) in ValueFactory.invalidEngineValues(parameter) {
                        let fresh = variants.isEmpty ? base : baseline()
                        variants.append(
                            (
                                "\(parameter.name)-\(label)",
                                "\(parameter.name)=\(value), outside \(parameter.allowedValues ?? "")",
                                fresh.parameters.setting(
                                    list,
                                    .list([
                                        ValueFactory.engineChange(
                                            parameter.name, value: value, method: "pending-reboot", for: list,
                                            in: operation)
                                    ])), fresh.fixture
                            ))
                    }
                }
            case .engineApplyMethods(let list, let parameters):
                guard let parameter = parameters.first(where: { $0.isStatic && $0.isModifiable }) else { break }
                variants.append(
                    (
                        "immediate-\(parameter.name)", "\(parameter.name), a static parameter, applied immediately",
                        base.parameters.setting(
                            list,
                            .list([
                                ValueFactory.engineChange(
                                    parameter.name, value: ValueFactory.validEngineValue(parameter),
                                    method: "immediate", for: list, in: operation)
                            ])), base.fixture
                    ))
            case .vocabularyOf(let list, let by, let vocabulary):
                // A word another value of `by` allows and the valid value does not (a cluster subscription's
                // `low storage`, an instance category).
                guard case .scalar(let selector) = validValue(by) else { break }
                let allowed = Set(vocabulary[selector] ?? [])
                guard
                    let foreign = vocabulary.keys.sorted().lazy.flatMap({ vocabulary[$0]! }).first(where: {
                        !allowed.contains($0)
                    })
                else { break }
                variants.append(
                    (
                        "\(list)-not-of-\(by)", "\(list) names \(foreign), which \(by) \(selector) does not have",
                        base.parameters.setting(by, .scalar(selector)).setting(list, .list([.scalar(foreign)])),
                        base.fixture
                    ))
            case .requires(let parameter, let required):
                // A list (an event subscription's sources) gets a valid list; a name a value no rule judges.
                let isList = if case .list? = operation.parameter(at: parameter)?.type { true } else { false }
                variants.append(
                    (
                        "\(parameter)-without-\(required)", "\(parameter) without \(required)",
                        base.parameters.setting(parameter, isList ? validValue(parameter) : .scalar("custom-group"))
                            .removing(required), base.fixture
                    ))
            }
            // A list rule's variant sends the list without what an exclusive rule forbids beside it.
            switch rule.kind {
            case .maxItems(let list, _), .engineParameterNames(let list, _), .engineParameterValues(let list, _),
                .engineApplyMethods(let list, _):
                variants = variants.map { ($0.0, $0.1, $0.2.removingExclusivePartners(of: list, in: operation), $0.3) }
            default: break
            }
            for (label, summary, parameters, fixture) in variants {
                base.fixture = fixture
                let scope =
                    rule.parameters[0].split(separator: ".").count > 1
                    ? String(rule.parameters[0].split(separator: ".")[0]) : "rules"
                cases.append(
                    makeCase(
                        "\(scope)/\(rule.keyword)/\(label)", kind: .invalid, tags: ["rule:\(rule.keyword)"],
                        covers: [SpecItemID.rule(name, rule.keyword).text],
                        summary: summary, parameters: parameters, fixture: fixture,
                        expectation: error(rule.error, inferred: rule.inferred)))
            }
        }
        return cases
    }
}
