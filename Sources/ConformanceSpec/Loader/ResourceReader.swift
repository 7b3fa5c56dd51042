/// Reads `resources.yaml` into a `ResourceCatalog`, checking every operation, parameter, error code, resource
/// kind and placeholder against the rest of the spec.
struct ResourceReader {
    /// The operations of `operations/` by name.
    let operations: [String: OperationSpec]
    /// The operation names of `operations/` by file name, also of files that could not be read.
    let operationFiles: [String]
    let errors: [String: ErrorSpec]
    /// The structures of `shapes.yaml`: a kind other than the built-in ones must be one of them (the item its describe
    /// lists), so a misspelt built-in kind is still refused.
    var shapes: Set<String> = []

    static let keys = ["probe", "reads", "helperOperations", "resources"]
    static let lifecycleKeys = [
        "memberOf", "nameTag", "create", "describe", "modify", "delete", "actions", "deletionProtection", "setup",
        "references", "arn", "serviceDefault", "usedBy", "sharesStates", "regional", "transitions", "note",
    ]

    /// Operation names a step may use: those of `operations/` and the declared helpers.
    private var known: [String] = []
    /// The kinds the file defines, for `{{Kind}}` values and `memberOf`.
    private var defined: [ResourceKind] = []

    init(operations: [String: OperationSpec], operationFiles: [String], errors: [String: ErrorSpec]) {
        self.operations = operations
        self.operationFiles = operationFiles
        self.errors = errors
    }

    mutating func read(_ root: YAMLCursor) throws(SpecLoadError) -> ResourceCatalog {
        let entries = try root.mapping(allowed: Self.keys, required: ["probe", "resources"])
        func value(_ key: String) -> YAMLCursor? { YAMLCursor.value(key, in: entries) }
        var helpers: [String] = []
        if let node = value("helperOperations") {
            for item in try node.sequence() {
                let name = try item.nonEmptyString()
                guard MemberReader.isMemberName(name) else {
                    throw item.error("'\(name)' is not a valid operation name")
                }
                if operations[name] != nil || operationFiles.contains(name) {
                    throw item.error("'\(name)' has a file in operations/; list only operations that do not")
                }
                if helpers.contains(name) { throw item.error("'\(name)' is listed twice") }
                helpers.append(name)
            }
        }
        known = Set(operations.keys).union(operationFiles).sorted() + helpers
        let resources = try value("resources")!.namedEntries()
        for (name, node) in resources {
            guard let kind = Self.kind(named: name, shapes: shapes) else {
                let kinds = ResourceKind.builtIn.map(\.rawValue).joined(separator: ", ")
                var message = "unknown resource kind '\(name)'; expected one of \(kinds) or a structure of shapes.yaml"
                if let near = YAMLCursor.nearest(name, in: ResourceKind.builtIn.map(\.rawValue)) {
                    message += " (did you mean '\(near)'?)"
                }
                throw YAMLCursor(node: node.node, path: node.path, file: node.file).error(message)
            }
            defined.append(kind)
        }
        var lifecycles: [ResourceLifecycle] = []
        for (index, (_, node)) in resources.enumerated() {
            lifecycles.append(try readLifecycle(node, kind: defined[index]))
        }
        for (index, (_, node)) in resources.enumerated() {
            let entries = try node.mapping(allowed: Self.lifecycleKeys)
            guard let usedBy = YAMLCursor.value("usedBy", in: entries) else { continue }
            lifecycles[index].usedBy = try readUsedBy(usedBy, lifecycles: lifecycles)
        }
        let probeNode = value("probe")!
        let probe = try operation(probeNode)
        if let spec = operations[probe], spec.parameters.members.contains(where: \.required) {
            throw probeNode.error("the probe must need no parameter; \(probe) has required parameters")
        }
        var reads: [String] = []
        if let node = value("reads") {
            for item in try node.sequence() {
                let name = try operation(item)
                if reads.contains(name) { throw item.error("'\(name)' is listed twice") }
                let changing = lifecycles.contains { lifecycle in
                    lifecycle.creates.contains { $0.operation == name } || lifecycle.modify?.operation == name
                        || lifecycle.delete.operation == name
                }
                if changing {
                    throw item.error("'\(name)' creates, modifies or deletes a resource kind; it is no read")
                }
                reads.append(name)
            }
            if !reads.contains(probe) {
                throw node.error("the probe \(probe) changes nothing: list it among the reads")
            }
        }
        var catalog = ResourceCatalog(lifecycles: lifecycles, probe: probe, helperOperations: helpers)
        catalog.reads = reads
        return catalog
    }

    private func readLifecycle(_ node: YAMLCursor, kind: ResourceKind) throws(SpecLoadError) -> ResourceLifecycle {
        let entries = try node.mapping(
            allowed: Self.lifecycleKeys, required: ["nameTag", "create", "describe", "delete", "setup"])
        func value(_ key: String) -> YAMLCursor? { YAMLCursor.value(key, in: entries) }
        let tagNode = value("nameTag")!
        let tag = try tagNode.nonEmptyString()
        guard tag.allSatisfy({ $0.isASCII && $0.isLowercase }) else {
            throw tagNode.error("expected lower-case letters, found \(tagNode.found)")
        }
        var creates: [ResourceParameter] = []
        for item in try value("create")!.sequence() { creates.append(try operationParameter(item, key: "identifier")) }
        if creates.isEmpty { throw value("create")!.error("expected at least one creating operation") }
        let describe = try readDescribe(value("describe")!)
        let modify = try value("modify").map { (node) throws(SpecLoadError) in try readModify(node) }
        let delete = try readDelete(value("delete")!)
        var actions: [ResourceLifecycle.Action] = []
        for item in try value("actions")?.sequence() ?? [] {
            let entry = try operationParameter(
                item, key: "identifier", extra: ["reaches", "during", "adds", "removes", "resets"])
            let fields = try item.mapping(allowed: [])
            let reaches = try YAMLCursor.value("reaches", in: fields)?.nonEmptyString()
            let during = YAMLCursor.value("during", in: fields)
            if let during, reaches == nil {
                throw during.error("'during' names the state on the way to 'reaches', which this action does not have")
            }
            var action = ResourceLifecycle.Action(
                operation: entry.operation, identifier: entry.parameter, reaches: reaches,
                during: try during?.nonEmptyString())
            let adds = YAMLCursor.value("adds", in: fields)
            let removes = YAMLCursor.value("removes", in: fields)
            if let adds, removes != nil { throw adds.error("an action either 'adds' or 'removes', not both") }
            if let node = adds ?? removes {
                let change = try node.mapping(allowed: ["parameter", "member"], required: ["parameter", "member"])
                action.listChange = ResourceLifecycle.Action.ListChange(
                    adds: adds != nil,
                    parameter: try parameter(YAMLCursor.value("parameter", in: change)!, of: entry.operation),
                    member: try memberName(YAMLCursor.value("member", in: change)!))
            }
            if let node = YAMLCursor.value("resets", in: fields) {
                action.resets = try parameter(node, of: entry.operation)
            }
            actions.append(action)
        }
        var references: [ResourceParameter] = []
        for item in try value("references")?.sequence() ?? [] {
            references.append(try operationParameter(item, key: "parameter"))
        }
        var memberOf: ResourceKind?
        if let node = value("memberOf") { memberOf = try definedKind(node) }
        var lifecycle = ResourceLifecycle(
            kind: kind, nameTag: tag, creates: creates, describe: describe, modify: modify, delete: delete,
            actions: actions,
            references: references, setup: ResourceLifecycle.Setup(create: ResourceStep(operation: "", identifier: "")),
            memberOf: memberOf)
        lifecycle.setup = try readSetup(value("setup")!, lifecycle: lifecycle)
        if let node = value("sharesStates") {
            guard memberOf != nil else { throw node.error("'sharesStates' needs 'memberOf' (whose states are shared)") }
            lifecycle.sharesStates = try node.strings()
        }
        if let node = value("arn") { lifecycle.arn = try readARN(node, describe: describe) }
        // A kind without a status member (a parameter group) cannot be waited on.
        let waits =
            [lifecycle.setup.create.waitFor, modify?.waitFor].contains { $0 != nil }
            || actions.contains { $0.reaches != nil }
        if describe.status == nil && waits {
            throw value("describe")!.error("missing required key 'status'")
        }
        lifecycle.serviceDefault = try value("serviceDefault")?.nonEmptyString()
        if let node = value("regional") { lifecycle.regional = try node.bool() }
        if let node = value("transitions") {
            // create, modify, delete, or one of the kind's creating operations by name (its own state).
            let creating = creates.map(\.operation)
            let steps = try node.mapping(allowed: ["create", "modify", "delete"] + creating)
            guard lifecycle.describe.status != nil else {
                throw node.error("'transitions' needs the describe's 'status' (the member the states show in)")
            }
            func state(_ step: String) throws(SpecLoadError) -> String? {
                try YAMLCursor.value(step, in: steps)?.nonEmptyString()
            }
            lifecycle.transitions = ResourceLifecycle.Transitions(
                create: try state("create"), modify: try state("modify"), delete: try state("delete"))
            for operation in creating {
                if let own = try state(operation) { lifecycle.transitions.creatingBy[operation] = own }
            }
        }
        if let node = value("deletionProtection") {
            let protection = try node.mapping(allowed: ["on", "off"], required: ["on", "off"])
            let off = YAMLCursor.value("off", in: protection)!
            lifecycle.deletionProtection = ResourceLifecycle.DeletionProtection(
                on: try stepParameters(YAMLCursor.value("on", in: protection)!, operation: creates[0].operation),
                off: try step(off, of: lifecycle, among: lifecycle.operations.filter { !creates.contains($0) }))
        }
        return lifecycle
    }

    /// `{type: cluster, member: DBClusterArn, notFound: Code}`: the member must be one of the describe's
    /// `runtimeMembers`, so cases can ask the endpoint for a resource's ARN.
    private func readARN(_ node: YAMLCursor, describe: ResourceLifecycle.Describe) throws(SpecLoadError)
        -> ResourceLifecycle.ARN
    {
        let entries = try node.mapping(
            allowed: ["type", "member", "notFound", "inferred", "note"], required: ["type", "member", "notFound"])
        func value(_ key: String) -> YAMLCursor { YAMLCursor.value(key, in: entries)! }
        let type = try value("type").nonEmptyString()
        guard type.allSatisfy({ $0.isASCII && ($0.isLowercase || $0 == "-") }) else {
            throw value("type").error("expected lower-case letters and hyphens, found \(value("type").found)")
        }
        let member = try memberName(value("member"))
        guard describe.runtimeMembers.contains(member) else {
            throw value("member").error("'\(member)' must be one of the describe's runtimeMembers")
        }
        return ResourceLifecycle.ARN(
            type: type, member: member, notFound: try errorCode(value("notFound")),
            inferred: try YAMLCursor.value("inferred", in: entries)?.bool() ?? false)
    }

    private func readDescribe(_ node: YAMLCursor) throws(SpecLoadError) -> ResourceLifecycle.Describe {
        let keys = ["operation", "identifier", "items", "status", "notFound", "runtimeMembers", "identifierMember"]
        let entry = try operationParameter(node, key: "identifier", extra: Array(keys.dropFirst(2)))
        let entries = try node.mapping(
            allowed: keys + ["note"],
            required: keys.filter { !["runtimeMembers", "status", "notFound", "identifierMember"].contains($0) })
        func value(_ key: String) -> YAMLCursor { YAMLCursor.value(key, in: entries)! }
        let items = try value("items").nonEmptyString()
        let parts = items.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count >= 2, parts.allSatisfy({ MemberReader.isMemberName(String($0)) }) else {
            throw value("items").error(
                "expected a path of element names separated by '/', from the result wrapper to one listed item")
        }
        if let spec = operations[entry.operation], String(parts[0]) != spec.resultWrapper {
            throw value("items").error(
                "the path must start at the result wrapper \(spec.resultWrapper), found '\(parts[0])'")
        }
        return ResourceLifecycle.Describe(
            operation: entry.operation, identifier: entry.parameter, items: items,
            status: try YAMLCursor.value("status", in: entries).map { (node) throws(SpecLoadError) in
                try memberName(node)
            },
            notFound: try YAMLCursor.value("notFound", in: entries).map { (node) throws(SpecLoadError) in
                try errorCode(node)
            },
            runtimeMembers: try YAMLCursor.value("runtimeMembers", in: entries)?.sequence().map {
                (item) throws(SpecLoadError) in try memberName(item)
            } ?? [],
            identifierMember: try YAMLCursor.value("identifierMember", in: entries).map {
                (node) throws(SpecLoadError) in try memberName(node)
            })
    }

    private func readModify(_ node: YAMLCursor) throws(SpecLoadError) -> ResourceStep {
        let entry = try operationParameter(node, key: "identifier", extra: ["parameters", "waitFor"])
        let entries = try node.mapping(allowed: [])
        return ResourceStep(
            operation: entry.operation, identifier: entry.parameter,
            parameters: try YAMLCursor.value("parameters", in: entries).map { (node) throws(SpecLoadError) in
                try stepParameters(node, operation: entry.operation)
            } ?? [],
            waitFor: try YAMLCursor.value("waitFor", in: entries)?.nonEmptyString())
    }

    private func readDelete(_ node: YAMLCursor) throws(SpecLoadError) -> ResourceLifecycle.Delete {
        let entry = try operationParameter(node, key: "identifier", extra: ["parameters", "notFound", "creates"])
        let entries = try node.mapping(allowed: [])
        var creates: [ResourceLifecycle.SideEffect] = []
        for item in try YAMLCursor.value("creates", in: entries)?.sequence() ?? [] {
            let effect = try item.mapping(allowed: ["parameter", "resource"], required: ["parameter", "resource"])
            creates.append(
                ResourceLifecycle.SideEffect(
                    parameter: try parameter(YAMLCursor.value("parameter", in: effect)!, of: entry.operation),
                    kind: try definedKind(YAMLCursor.value("resource", in: effect)!)))
        }
        guard let notFound = YAMLCursor.value("notFound", in: entries) else {
            throw node.error("missing required key 'notFound'")
        }
        return ResourceLifecycle.Delete(
            operation: entry.operation, identifier: entry.parameter,
            parameters: try YAMLCursor.value("parameters", in: entries).map { (node) throws(SpecLoadError) in
                try stepParameters(node, operation: entry.operation)
            } ?? [],
            notFound: try errorCode(notFound), creates: creates)
    }

    private func readSetup(_ node: YAMLCursor, lifecycle: ResourceLifecycle) throws(SpecLoadError)
        -> ResourceLifecycle.Setup
    {
        let entries = try node.mapping(allowed: ["create", "readReplica"], required: ["create"])
        let create = try step(YAMLCursor.value("create", in: entries)!, of: lifecycle, among: lifecycle.creates)
        var replica: [StepParameter]?
        if let node = YAMLCursor.value("readReplica", in: entries) {
            replica = try stepParameters(node, operation: create.operation)
        }
        return ResourceLifecycle.Setup(create: create, readReplica: replica)
    }

    /// A step: one of `candidates` (which says the identifier parameter), its other parameters and the state to
    /// wait for.
    private func step(_ node: YAMLCursor, of lifecycle: ResourceLifecycle, among candidates: [ResourceParameter])
        throws(SpecLoadError) -> ResourceStep
    {
        let entries = try node.mapping(allowed: ["operation", "parameters", "waitFor"], required: ["operation"])
        let operationNode = YAMLCursor.value("operation", in: entries)!
        let name = try operation(operationNode)
        guard let entry = candidates.first(where: { $0.operation == name }) else {
            let names = candidates.map(\.operation).joined(separator: ", ")
            var message = "'\(name)' is not one of this kind's operations here; expected one of \(names)"
            if let near = YAMLCursor.nearest(name, in: candidates.map(\.operation)) {
                message += " (did you mean '\(near)'?)"
            }
            throw operationNode.error(message)
        }
        let parameters =
            try YAMLCursor.value("parameters", in: entries).map { (node) throws(SpecLoadError) in
                try stepParameters(node, operation: name)
            } ?? []
        return ResourceStep(
            operation: name, identifier: entry.parameter, parameters: parameters,
            waitFor: try YAMLCursor.value("waitFor", in: entries)?.nonEmptyString())
    }

    /// `{resource: Kind, parameter: P}`: P is a parameter of that kind's set-up create.
    private func readUsedBy(_ node: YAMLCursor, lifecycles: [ResourceLifecycle]) throws(SpecLoadError)
        -> ResourceLifecycle.UsedBy
    {
        let entries = try node.mapping(allowed: ["resource", "parameter"], required: ["resource", "parameter"])
        let kind = try definedKind(YAMLCursor.value("resource", in: entries)!)
        let create = lifecycles.first { $0.kind == kind }!.setup.create
        return ResourceLifecycle.UsedBy(
            kind: kind, parameter: try parameter(YAMLCursor.value("parameter", in: entries)!, of: create.operation))
    }

    /// `{Name: value, ...}` in order; a value `{{Kind}}` names a kind this file defines, and `{{account:NAME}}` (a
    /// resource of the target's account the runner fills in) is literal text here.
    private func stepParameters(_ node: YAMLCursor, operation: String) throws(SpecLoadError) -> [StepParameter] {
        var result: [StepParameter] = []
        for (name, item) in try node.namedEntries() {
            _ = try parameter(YAMLCursor(node: item.node, path: item.path, file: item.file), named: name, of: operation)
            if case .sequence = item.node {
                result.append(StepParameter(name: name, value: .literals(try item.strings())))
                continue
            }
            let text = try item.string()
            if text.hasPrefix("{{"), text.hasSuffix("}}"), !RuntimeToken.isAccountToken(text) {
                let inner = String(text.dropFirst(2).dropLast(2))
                guard let kind = ResourceKind.named(inner, among: defined) else {
                    let kinds = defined.map { "{{\($0.rawValue)}}" }.joined(separator: ", ")
                    var message = "'\(text)' names no resource kind of this file; expected one of \(kinds)"
                    if let near = YAMLCursor.nearest(inner, in: defined.map(\.rawValue)) {
                        message += " (did you mean '{{\(near)}}'?)"
                    }
                    throw item.error(message)
                }
                result.append(StepParameter(name: name, value: .identifierOf(kind)))
            } else {
                result.append(StepParameter(name: name, value: .literal(text)))
            }
        }
        return result
    }

    /// `{operation: X, <key>: P, ...}`: a known operation and one of its parameters.
    private func operationParameter(_ node: YAMLCursor, key: String, extra: [String] = []) throws(SpecLoadError)
        -> ResourceParameter
    {
        let entries = try node.mapping(allowed: ["operation", key] + extra + ["note"], required: ["operation", key])
        let name = try operation(YAMLCursor.value("operation", in: entries)!)
        return ResourceParameter(
            operation: name, parameter: try parameter(YAMLCursor.value(key, in: entries)!, of: name))
    }

    private func operation(_ node: YAMLCursor) throws(SpecLoadError) -> String {
        let name = try node.nonEmptyString()
        guard known.contains(name) else {
            var message = "unknown operation '\(name)'; expected one of operations/ or helperOperations"
            if let near = YAMLCursor.nearest(name, in: known) { message += " (did you mean '\(near)'?)" }
            throw node.error(message)
        }
        return name
    }

    private func parameter(_ node: YAMLCursor, of operation: String) throws(SpecLoadError) -> String {
        try parameter(node, named: try node.nonEmptyString(), of: operation)
    }

    /// A parameter name, checked against the operation's spec when it has one (helpers have none).
    private func parameter(_ node: YAMLCursor, named name: String, of operation: String) throws(SpecLoadError) -> String
    {
        guard MemberReader.isMemberName(name) else { throw node.error("'\(name)' is not a valid parameter name") }
        if let spec = operations[operation], spec.parameter(at: name) == nil {
            var message = "no parameter '\(name)' in \(operation)"
            if let near = YAMLCursor.nearest(name, in: spec.parameters.members.map(\.name)) {
                message += " (did you mean '\(near)'?)"
            }
            throw node.error(message)
        }
        return name
    }

    private func memberName(_ node: YAMLCursor) throws(SpecLoadError) -> String {
        let name = try node.nonEmptyString()
        guard MemberReader.isMemberName(name) else { throw node.error("'\(name)' is not a valid member name") }
        return name
    }

    private func errorCode(_ node: YAMLCursor) throws(SpecLoadError) -> String {
        let code = try node.nonEmptyString()
        guard errors[code] != nil else {
            var message = "unknown error code '\(code)'; add it to errors.yaml"
            if let near = YAMLCursor.nearest(code, in: Array(errors.keys)) { message += " (did you mean '\(near)'?)" }
            throw node.error(message)
        }
        return code
    }

    private func definedKind(_ node: YAMLCursor) throws(SpecLoadError) -> ResourceKind {
        let name = try node.nonEmptyString()
        guard let kind = ResourceKind.named(name, among: defined) else {
            let kinds = defined.map(\.rawValue).joined(separator: ", ")
            var message = "'\(name)' is not a resource kind of this file; expected one of \(kinds)"
            if let near = YAMLCursor.nearest(name, in: defined.map(\.rawValue)) {
                message += " (did you mean '\(near)'?)"
            }
            throw node.error(message)
        }
        return kind
    }

    /// A built-in kind, or a kind named after a structure of `shapes.yaml`.
    static func kind(named name: String, shapes: Set<String>) -> ResourceKind? {
        ResourceKind.named(name) ?? (shapes.contains(name) ? ResourceKind(rawValue: name) : nil)
    }

    /// The kind names under `resources:` that `kind(named:shapes:)` accepts, read ahead of the operations (whose
    /// preconditions name kinds); nothing when the file cannot be read (its own errors are reported when it is read).
    static func declaredKinds(in root: YAMLCursor, shapes: Set<String>) -> [ResourceKind] {
        guard case .mapping = root.node, let entries = try? root.mapping(allowed: keys),
            let resources = YAMLCursor.value("resources", in: entries), let named = try? resources.namedEntries()
        else { return [] }
        return named.compactMap { kind(named: $0.0, shapes: shapes) }
    }
}
