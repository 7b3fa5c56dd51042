/// Reads `scenarios.yaml` into `Scenario`s, checking every operation, parameter, resource kind, name, region and
/// error code against the rest of the spec, so a scenario that could never run fails at load with its place.
struct ScenarioReader {
    let operations: [String: OperationSpec]
    let resources: ResourceCatalog
    let errors: [String: ErrorSpec]

    static let keys = ["scenarios"]
    static let scenarioKeys = ["summary", "make", "fresh", "calls", "request", "expect", "derived", "note"]
    static let callKeys = ["operation", "parameters", "waitFor", "region"]
    static let madeKeys = ["kind", "region"]
    static let regions = ["second"]

    func read(_ root: YAMLCursor) throws(SpecLoadError) -> [Scenario] {
        let entries = try root.mapping(allowed: Self.keys, required: ["scenarios"])
        var scenarios: [Scenario] = []
        for (name, node) in try YAMLCursor.value("scenarios", in: entries)!.namedEntries() {
            guard Scenario.isName(name.replacingOccurrences(of: "-", with: "")), !name.hasSuffix("-") else {
                throw node.error("'\(name)' is not a scenario name; use lower-case words joined by hyphens")
            }
            scenarios.append(try readScenario(node, name: name))
        }
        return scenarios
    }

    private func readScenario(_ node: YAMLCursor, name: String) throws(SpecLoadError) -> Scenario {
        let entries = try node.mapping(allowed: Self.scenarioKeys, required: ["summary", "request", "expect"])
        func value(_ key: String) -> YAMLCursor? { YAMLCursor.value(key, in: entries) }
        var made: [Scenario.Made] = []
        var declared: [String] = []
        func declare(_ name: String, at cursor: YAMLCursor) throws(SpecLoadError) {
            guard Scenario.isName(name) else {
                throw cursor.error("'\(name)' is not a resource name; use a lower-case letter, then letters and digits")
            }
            if declared.contains(name) { throw cursor.error("the name '\(name)' is declared twice") }
            declared.append(name)
        }
        for (resource, cursor) in try value("make")?.namedEntries() ?? [] {
            try declare(resource, at: cursor)
            made.append(try readMade(cursor, name: resource, earlier: made))
        }
        var fresh: [Scenario.Fresh] = []
        for (resource, cursor) in try value("fresh")?.namedEntries() ?? [] {
            try declare(resource, at: cursor)
            let (kind, second) = try readKind(cursor, allowing: Self.madeKeys)
            fresh.append(Scenario.Fresh(name: resource, kind: kind, inSecondRegion: second))
        }
        var calls: [Scenario.Call] = []
        for cursor in try value("calls")?.sequence() ?? [] {
            calls.append(try readCall(cursor, names: declared, underTest: false))
        }
        let request = try readCall(value("request")!, names: declared, underTest: true)
        let expectNode = value("expect")!
        let outcome: Scenario.Outcome
        if case .scalar = expectNode.node {
            guard try expectNode.string() == "success" else {
                throw expectNode.error("expected 'success' or {error: Code}, found \(expectNode.found)")
            }
            outcome = .success
        } else {
            let expect = try expectNode.mapping(allowed: ["error"], required: ["error"])
            let codeNode = YAMLCursor.value("error", in: expect)!
            let code = try codeNode.nonEmptyString()
            guard errors[code] != nil else {
                var message = "unknown error code '\(code)'; errors.yaml does not define it"
                if let near = YAMLCursor.nearest(code, in: Array(errors.keys)) {
                    message += " (did you mean '\(near)'?)"
                }
                throw codeNode.error(message)
            }
            outcome = .error(code)
        }
        if let note = value("note") { _ = try note.string() }
        var derived: [DerivedValue] = []
        for cursor in try value("derived")?.sequence() ?? [] {
            guard outcome == .success else { throw cursor.error("derived values need expect: success") }
            let entry = try cursor.mapping(allowed: ["element", "value"], required: ["element", "value"])
            let valueNode = YAMLCursor.value("value", in: entry)!
            let text = try valueNode.nonEmptyString()
            for reference in Scenario.references(in: text) where !declared.contains(reference) {
                throw valueNode.error("'{{\(reference)}}' names no resource of this scenario's make or fresh")
            }
            try checkRuntimeTokens(in: text, at: valueNode)
            derived.append(
                DerivedValue(element: try YAMLCursor.value("element", in: entry)!.nonEmptyString(), value: text))
        }
        var scenario = Scenario(
            name: name, summary: try value("summary")!.nonEmptyString(), make: made, fresh: fresh, calls: calls,
            request: request, outcome: outcome, sourceLine: node.node.mark?.line)
        scenario.derived = derived
        return scenario
    }

    /// `c: DBCluster`, or `{kind: DBInstance, DBCluster: c, region: second}`.
    private func readMade(_ node: YAMLCursor, name: String, earlier: [Scenario.Made]) throws(SpecLoadError)
        -> Scenario.Made
    {
        let kinds = resources.knownKinds.map(\.rawValue)
        let (kind, second) = try readKind(node, allowing: Self.madeKeys + kinds)
        var related: [ResourceKind: String] = [:]
        if case .mapping = node.node {
            for (key, cursor) in try node.mapping(allowed: Self.madeKeys + kinds) {
                guard let other = ResourceKind.named(key, among: resources.knownKinds) else { continue }
                let target = try cursor.nonEmptyString()
                guard let match = earlier.first(where: { $0.name == target }), match.kind == other else {
                    throw cursor.error("'\(target)' names no \(key) made earlier in this scenario's make")
                }
                guard resources.lifecycle(of: kind)?.setup.create.relatedKinds.contains(other) == true else {
                    throw cursor.error("a \(kind.rawValue)'s set-up create names no \(key) (resources.yaml)")
                }
                related[other] = target
            }
        }
        return Scenario.Made(name: name, kind: kind, related: related, inSecondRegion: second)
    }

    /// A kind (with the spec saying how to make and delete one) and whether it lives in the second region.
    private func readKind(_ node: YAMLCursor, allowing keys: [String]) throws(SpecLoadError) -> (ResourceKind, Bool) {
        var kindNode = node
        var second = false
        if case .mapping = node.node {
            let entries = try node.mapping(allowed: keys, required: ["kind"])
            kindNode = YAMLCursor.value("kind", in: entries)!
            if let region = YAMLCursor.value("region", in: entries) { second = try readRegion(region) }
        }
        let text = try kindNode.nonEmptyString()
        guard let kind = ResourceKind.named(text, among: resources.knownKinds) else {
            let kinds = resources.knownKinds.map(\.rawValue)
            var message = "unknown resource kind '\(text)'; expected one of \(kinds.joined(separator: ", "))"
            if let near = YAMLCursor.nearest(text, in: kinds) { message += " (did you mean '\(near)'?)" }
            throw kindNode.error(message)
        }
        guard resources.lifecycle(of: kind) != nil else {
            throw kindNode.error("resources.yaml does not say how to make and delete a \(text)")
        }
        return (kind, second)
    }

    private func readRegion(_ node: YAMLCursor) throws(SpecLoadError) -> Bool {
        let text = try node.nonEmptyString()
        guard Self.regions.contains(text) else {
            throw node.error("unknown region '\(text)'; expected 'second' (the run's second region)")
        }
        return true
    }

    private func readCall(_ node: YAMLCursor, names: [String], underTest: Bool) throws(SpecLoadError) -> Scenario.Call {
        let entries = try node.mapping(
            allowed: underTest ? ["operation", "parameters", "region"] : Self.callKeys, required: ["operation"])
        func value(_ key: String) -> YAMLCursor? { YAMLCursor.value(key, in: entries) }
        let operationNode = value("operation")!
        let name = try operationNode.nonEmptyString()
        let known = underTest ? Array(operations.keys) : Array(operations.keys) + resources.helperOperations
        guard known.contains(name) else {
            var message =
                underTest
                ? "unknown operation '\(name)'; the request under test must be an operation of operations/"
                : "unknown operation '\(name)'; expected one of operations/ or helperOperations"
            if let near = YAMLCursor.nearest(name, in: known) { message += " (did you mean '\(near)'?)" }
            throw operationNode.error(message)
        }
        var parameters: [Parameter] = []
        for (key, cursor) in try value("parameters")?.namedEntries() ?? [] {
            if let operation = operations[name], operation.parameter(at: key) == nil {
                var message = "no parameter '\(key)' in \(name)"
                let members = operation.parameters.members.map(\.name)
                if let near = YAMLCursor.nearest(key, in: members) { message += " (did you mean '\(near)'?)" }
                throw cursor.error(message)
            }
            parameters.append(Parameter(key, try parameterValue(cursor, names: names)))
        }
        return Scenario.Call(
            request: Request(operation: name, parameters: parameters),
            waitFor: try value("waitFor")?.nonEmptyString(),
            inSecondRegion: try value("region").map { cursor throws(SpecLoadError) in try readRegion(cursor) } ?? false)
    }

    /// A scalar, a list (a YAML sequence) or a structure (a YAML mapping); every `{{name}}` must be declared and
    /// every run-time token must name a member some kind's describe offers.
    private func parameterValue(_ node: YAMLCursor, names: [String]) throws(SpecLoadError) -> ParameterValue {
        switch node.node {
        case .sequence:
            var items: [ParameterValue] = []
            for item in try node.sequence() { items.append(try parameterValue(item, names: names)) }
            return .list(items)
        case .mapping:
            var members: [Parameter] = []
            for (key, cursor) in try node.namedEntries() {
                members.append(Parameter(key, try parameterValue(cursor, names: names)))
            }
            return .structure(members)
        default:
            let text = try node.string()
            for reference in Scenario.references(in: text) where !names.contains(reference) {
                var message = "'{{\(reference)}}' names no resource of this scenario's make or fresh"
                if let near = YAMLCursor.nearest(reference, in: names) { message += " (did you mean '\(near)'?)" }
                throw node.error(message)
            }
            try checkRuntimeTokens(in: text, at: node)
            return .scalar(text)
        }
    }

    /// Every `{{` of the text starts a run-time token (`RuntimeToken`, the one grammar) or a `{{name}}` reference,
    /// and every member a token asks for is one some kind's describe offers.
    private func checkRuntimeTokens(in text: String, at node: YAMLCursor) throws(SpecLoadError) {
        if let unreadable = RuntimeToken.unreadable(in: text) {
            throw node.error(
                "'\(unreadable)' is neither a run-time token ({{Member:resource}}, {{account:NAME}},"
                    + " {{catalogue:NAME}}) nor a {{name}} of this scenario")
        }
        for token in RuntimeToken.tokens(in: text) {
            guard case .member(let member) = token.head, member != "LatestRestorableTime",
                resources.lifecycle(offering: member) == nil
            else { continue }
            throw node.error("no kind's describe offers \(member) at run time (resources.yaml, runtimeMembers)")
        }
    }
}
