/// Reads one `operations/*.yaml` file into an `OperationSpec`.
struct OperationReader {
    var resolver: ShapeResolver
    let errors: [String: ErrorSpec]
    /// The engine parameters the `engineParameter…` rules check against.
    var catalog = EngineParameterCatalog()
    /// The resource kinds a precondition may name: the built-in ones and the new kinds `resources.yaml` describes.
    var kinds = ResourceKind.builtIn

    static let keys = [
        "operation", "result", "unsupported", "note", "parameters", "rules", "preconditions", "output", "errors",
        "paging", "filters",
        "origin",
    ]
    static let ruleKinds = [
        "exclusive", "atLeastOne", "together", "ordered", "disjointWindows", "forbiddenWhen", "requires", "disjoint",
        "maxItems", "engineParameterNames", "engineParameterValues", "engineApplyMethods", "vocabularyOf",
    ]
    static let preconditionKinds = [
        "exists", "absent", "state", "notDeletionProtected", "hasReader", "isReadReplica", "readerOf", "hasNoInstances",
        "restorableTime", "namesResource", "spansZones", "associated", "notAssociated", "notInUse", "notDefault",
        "memberOf",
        "orderable", "serverlessScaling",
    ]

    mutating func read(_ root: YAMLCursor) throws(SpecLoadError) -> OperationSpec {
        let entries = try root.mapping(
            allowed: Self.keys, required: ["operation", "parameters", "output", "errors"])
        func value(_ key: String) -> YAMLCursor? { YAMLCursor.value(key, in: entries) }
        let name = try value("operation")!.nonEmptyString()
        guard MemberReader.isMemberName(name) else {
            throw value("operation")!.error("'\(name)' is not a valid operation name")
        }

        var operationErrors: [String] = []
        for item in try value("errors")!.sequence() {
            let code = try item.nonEmptyString()
            guard errors[code] != nil else {
                var message = "unknown error code '\(code)'; add it to errors.yaml"
                if let near = YAMLCursor.nearest(code, in: Array(errors.keys)) {
                    message += " (did you mean '\(near)'?)"
                }
                throw item.error(message)
            }
            if operationErrors.contains(code) { throw item.error("error code '\(code)' is listed twice") }
            operationErrors.append(code)
        }

        var members = MemberReader(resolver: resolver, allowedErrors: Set(operationErrors))
        let parameters = StructureSpec(members: try members.readMembers(value("parameters")!))
        try checkRenames(parameters, in: value("parameters")!)
        let outputNode = value("output")!
        let output = StructureSpec(members: try members.readMembers(outputNode))
        if value("result") == nil && !output.members.isEmpty {
            throw outputNode.error("an operation with output members needs 'result' (its result wrapper)")
        }
        resolver = members.resolver

        var rules: [Rule] = []
        if let node = value("rules") {
            for item in try node.sequence() {
                rules.append(try readRule(item, parameters: parameters, members: members))
            }
        }
        var preconditions: [Precondition] = []
        if let node = value("preconditions") {
            for item in try node.sequence() {
                preconditions.append(try readPrecondition(item, parameters: parameters, members: members))
            }
        }
        // An operation without output answers with ResponseMetadata only, and names no result wrapper.
        let result = try value("result")?.nonEmptyString() ?? ""
        if result.isEmpty && !output.members.isEmpty {
            throw root.error("missing required key 'result': an operation with output members has a result wrapper")
        }
        var operation = OperationSpec(
            name: name, resultWrapper: result, parameters: parameters, rules: rules,
            preconditions: preconditions, output: output, errors: operationErrors,
            unsupported: try value("unsupported")?.bool() ?? false, sourceFile: root.file)
        operation.sourceLine = value("operation")!.node.mark?.line
        if let node = value("paging") {
            operation.paging = try readPaging(node, parameters: parameters, output: output, errors: operationErrors)
        }
        if let node = value("filters") {
            operation.filters = try readFilters(node, parameters: parameters, output: output)
        }
        if let originNode = value("origin") {
            guard let origin = MemberSpec.Origin(rawValue: try originNode.string()) else {
                throw originNode.error("expected 'document' or 'service-model', found \(originNode.found)")
            }
            operation.origin = origin
        }
        return operation
    }

    /// A `renames` names another top-level string parameter of the same operation.
    private func checkRenames(_ parameters: StructureSpec, in node: YAMLCursor) throws(SpecLoadError) {
        for (name, entry) in try node.namedEntries() {
            guard let member = parameters.member(named: name), let target = member.renames else { continue }
            let at = YAMLCursor.value("renames", in: try entry.mapping(allowed: MemberReader.memberKeys)) ?? entry
            guard member.type == .string else {
                throw at.error("'renames' applies to string parameters only; \(name) is \(member.type.name)")
            }
            guard target != name, parameters.member(named: target)?.type == .string else {
                var message = "'renames' must name another string parameter of this operation; found '\(target)'"
                if let near = YAMLCursor.nearest(target, in: parameters.members.map(\.name)) {
                    message += " (did you mean '\(near)'?)"
                }
                throw at.error(message)
            }
        }
    }

    private func single(_ item: YAMLCursor, kinds: [String]) throws(SpecLoadError) -> (String, YAMLCursor) {
        let outer = try item.mapping(allowed: kinds)
        guard outer.count == 1, let first = outer.first else {
            throw item.error("expected exactly one kind per list item (one of \(kinds.joined(separator: ", ")))")
        }
        return (first.key, first.value)
    }

    private func path(_ node: YAMLCursor, in parameters: StructureSpec) throws(SpecLoadError) -> String {
        let path = try node.nonEmptyString()
        guard ParameterPath.resolve(path, in: parameters) != nil else {
            var message = "no parameter '\(path)' in this operation"
            let names = parameters.members.map(\.name)
            if let near = YAMLCursor.nearest(path, in: names) { message += " (did you mean '\(near)'?)" }
            throw node.error(message)
        }
        return path
    }

    private func readRule(_ item: YAMLCursor, parameters: StructureSpec, members: MemberReader) throws(SpecLoadError)
        -> Rule
    {
        let (keyword, body) = try single(item, kinds: Self.ruleKinds)
        let argumentKeys: [String: [String]] = [
            "exclusive": ["parameters"], "atLeastOne": ["parameters"], "together": ["parameters"],
            "disjoint": ["parameters"],
            "ordered": ["lower", "upper"], "disjointWindows": ["daily", "weekly"],
            "forbiddenWhen": ["parameter", "when", "equals"], "requires": ["parameter", "requires"],
            "maxItems": ["list", "max"], "engineParameterNames": ["list", "level"],
            "engineParameterValues": ["list", "level"], "engineApplyMethods": ["list", "level"],
            "vocabularyOf": ["list", "by", "values"],
        ]
        let keys = argumentKeys[keyword]!
        let entries = try body.mapping(allowed: keys + ["error", "inferred", "note"], required: keys + ["error"])
        func value(_ key: String) -> YAMLCursor { YAMLCursor.value(key, in: entries)! }
        func paths(_ key: String) throws(SpecLoadError) -> [String] {
            var result: [String] = []
            for item in try value(key).sequence() { result.append(try path(item, in: parameters)) }
            if result.count < 2 { throw value(key).error("expected at least two parameters") }
            return result
        }
        let kind: Rule.Kind
        switch keyword {
        case "exclusive": kind = .exclusive(try paths("parameters"))
        case "atLeastOne": kind = .atLeastOne(try paths("parameters"))
        case "together": kind = .together(try paths("parameters"))
        case "disjoint":
            let lists = try paths("parameters")
            for p in lists {
                guard case .list = ParameterPath.resolve(p, in: parameters)!.type else {
                    throw value("parameters").error("'\(p)' is not a list; 'disjoint' compares lists")
                }
            }
            kind = .disjoint(lists)
        case "ordered":
            let lower = try path(value("lower"), in: parameters)
            let upper = try path(value("upper"), in: parameters)
            for (key, p) in [("lower", lower), ("upper", upper)] {
                let type = ParameterPath.resolve(p, in: parameters)!.type
                if type != .integer && type != .double {
                    throw value(key).error("'\(p)' is \(type.name); 'ordered' needs numbers")
                }
            }
            kind = .ordered(lower: lower, upper: upper)
        case "disjointWindows":
            let daily = try path(value("daily"), in: parameters)
            let weekly = try path(value("weekly"), in: parameters)
            for (key, p, format) in [("daily", daily, WindowFormat.daily), ("weekly", weekly, .weekly)] {
                let hasWindow = ParameterPath.resolve(p, in: parameters)!.constraints.contains {
                    if case .window(let f, _) = $0.kind { return f == format } else { return false }
                }
                if !hasWindow { throw value(key).error("'\(p)' has no \(format.rawValue) window constraint") }
            }
            kind = .disjointWindows(daily: daily, weekly: weekly)
        case "forbiddenWhen":
            kind = .forbiddenWhen(
                parameter: try path(value("parameter"), in: parameters), when: try path(value("when"), in: parameters),
                equals: try value("equals").string())
        case "requires":
            kind = .requires(
                parameter: try path(value("parameter"), in: parameters),
                requires: try path(value("requires"), in: parameters))
        case "maxItems":
            let max = try value("max").int()
            if max < 1 { throw value("max").error("expected at least 1, found \(max)") }
            kind = .maxItems(list: try list(value("list"), in: parameters), max: max)
        case "vocabularyOf":
            var vocabulary: [String: [String]] = [:]
            for (byValue, words) in try value("values").mapping(allowed: []) {
                vocabulary[byValue] = try words.strings()
            }
            if vocabulary.isEmpty { throw value("values").error("expected at least one value with its vocabulary") }
            kind = .vocabularyOf(
                list: try list(value("list"), in: parameters), by: try path(value("by"), in: parameters),
                values: vocabulary)
        case "engineParameterNames", "engineParameterValues", "engineApplyMethods":
            let path = try list(
                value("list"), in: parameters, members: ["ParameterName", "ParameterValue", "ApplyMethod"])
            let levelNode = value("level")
            guard let level = EngineParameterLevel(rawValue: try levelNode.string()) else {
                throw levelNode.error("expected 'cluster' or 'instance', found \(levelNode.found)")
            }
            let known = catalog.parameters(level)
            if known.isEmpty { throw levelNode.error("parameters.yaml lists no \(level.rawValue) parameters") }
            kind =
                keyword == "engineParameterNames"
                ? .engineParameterNames(list: path, parameters: known)
                : keyword == "engineParameterValues"
                    ? .engineParameterValues(list: path, parameters: known)
                    : .engineApplyMethods(list: path, parameters: known)
        default:
            throw body.error("unknown rule '\(keyword)'")
        }
        return Rule(
            kind: kind, error: try members.checkedError(value("error")),
            inferred: try YAMLCursor.value("inferred", in: entries)?.bool() ?? false)
    }

    /// A list parameter, whose structure members include `members` when given.
    private func list(_ node: YAMLCursor, in parameters: StructureSpec, members: [String] = []) throws(SpecLoadError)
        -> String
    {
        let found = try path(node, in: parameters)
        guard case .list(let list) = ParameterPath.resolve(found, in: parameters)!.type else {
            throw node.error("'\(found)' is not a list")
        }
        if !members.isEmpty {
            guard case .structure(let structure) = list.member,
                members.allSatisfy({ structure.member(named: $0) != nil })
            else {
                throw node.error("'\(found)' must list structures with \(members.joined(separator: ", "))")
            }
        }
        return found
    }

    private func readPrecondition(_ item: YAMLCursor, parameters: StructureSpec, members: MemberReader)
        throws(SpecLoadError) -> Precondition
    {
        let (keyword, body) = try single(item, kinds: Self.preconditionKinds)
        var keys = ["parameter", "error", "inferred", "note"]
        if ["exists", "absent", "namesResource", "notInUse", "notDefault"].contains(keyword) {
            keys.append("resource")
        }
        if keyword == "namesResource" { keys += ["missing", "only"] }
        if keyword == "exists" { keys.append("kindFrom") }
        if keyword == "memberOf" { keys += ["of", "writer"] }
        if keyword == "spansZones" { keys.append("minimum") }
        if keyword == "associated" || keyword == "notAssociated" { keys.append("with") }
        if keyword == "associated" { keys.append("by") }
        if keyword == "state" { keys.append("allowed") }
        if ["readerOf", "orderable", "serverlessScaling"].contains(keyword) { keys.append("cluster") }
        if keyword == "restorableTime" { keys.append("source") }
        let required = keys.filter { !["inferred", "note", "missing", "kindFrom", "only", "writer"].contains($0) }
        let entries = try body.mapping(allowed: keys, required: required)
        func value(_ key: String) -> YAMLCursor { YAMLCursor.value(key, in: entries)! }
        let kind: Precondition.Kind
        switch keyword {
        case "exists", "absent", "namesResource", "notInUse", "notDefault":
            let node = value("resource")
            guard let resource = ResourceKind.named(try node.string(), among: kinds) else {
                throw node.error(
                    "unknown resource \(node.found); expected one of \(kinds.map(\.rawValue).joined(separator: ", "))")
            }
            switch keyword {
            case "exists": kind = .exists(resource)
            case "absent": kind = .absent(resource)
            case "namesResource": kind = .namesResource(resource)
            case "notDefault": kind = .notDefault(resource)
            default: kind = .notInUse(resource)
            }
        case "spansZones":
            let minimum = try value("minimum").int()
            if minimum < 1 { throw value("minimum").error("expected at least 1 zone") }
            guard case .list = ParameterPath.resolve(try path(value("parameter"), in: parameters), in: parameters)?.type
            else { throw value("parameter").error("'spansZones' applies to a list parameter") }
            kind = .spansZones(minimum: minimum)
        case "associated":
            kind = .associated(with: try path(value("with"), in: parameters), by: try value("by").nonEmptyString())
        case "notAssociated": kind = .notAssociated(with: try path(value("with"), in: parameters))
        case "state":
            let states = try value("allowed").strings()
            if states.isEmpty { throw value("allowed").error("expected at least one state") }
            kind = .state(states)
        case "notDeletionProtected": kind = .notDeletionProtected
        case "hasReader": kind = .hasReader
        case "isReadReplica": kind = .isReadReplica
        case "hasNoInstances": kind = .hasNoInstances
        case "memberOf":
            let writer = try YAMLCursor.value("writer", in: entries).map { (node) throws(SpecLoadError) in
                try members.checkedError(node)
            }
            kind = .memberOf(of: try path(value("of"), in: parameters), writerError: writer)
        case "restorableTime":
            guard
                ParameterPath.resolve(try path(value("parameter"), in: parameters), in: parameters)?.type == .timestamp
            else {
                throw value("parameter").error("'restorableTime' applies to a timestamp parameter")
            }
            kind = .restorableTime(source: try path(value("source"), in: parameters))
        case "readerOf": kind = .readerOf(cluster: try path(value("cluster"), in: parameters))
        case "orderable": kind = .orderable(cluster: try path(value("cluster"), in: parameters))
        case "serverlessScaling": kind = .serverlessScaling(cluster: try path(value("cluster"), in: parameters))
        default: throw body.error("unknown precondition '\(keyword)'")
        }
        return Precondition(
            kind: kind, parameter: try path(value("parameter"), in: parameters),
            error: try members.checkedError(value("error")),
            inferred: try YAMLCursor.value("inferred", in: entries)?.bool() ?? false,
            missing: try YAMLCursor.value("missing", in: entries).map { (node) throws(SpecLoadError) in
                try members.checkedError(node)
            },
            kindFrom: try kindSelector(YAMLCursor.value("kindFrom", in: entries), in: parameters),
            namedKindOnly: try YAMLCursor.value("only", in: entries)?.bool() ?? false)
    }

    /// `kindFrom: {parameter: P, kinds: {value: Kind, ...}}` of an `exists` precondition.
    private func kindSelector(_ node: YAMLCursor?, in parameters: StructureSpec) throws(SpecLoadError)
        -> Precondition.KindSelector?
    {
        guard let node else { return nil }
        let entries = try node.mapping(allowed: ["parameter", "kinds"], required: ["parameter", "kinds"])
        let parameter = try path(YAMLCursor.value("parameter", in: entries)!, in: parameters)
        var kinds: [String: ResourceKind] = [:]
        for (value, kindNode) in try YAMLCursor.value("kinds", in: entries)!.mapping(allowed: []) {
            guard let kind = ResourceKind.named(try kindNode.string(), among: self.kinds) else {
                throw kindNode.error("unknown resource \(kindNode.found)")
            }
            kinds[value] = kind
        }
        if kinds.isEmpty { throw node.error("'kinds' names no kind") }
        return Precondition.KindSelector(parameter: parameter, kinds: kinds)
    }
}
