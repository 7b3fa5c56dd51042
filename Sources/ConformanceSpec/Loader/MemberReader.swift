/// Reads members (parameters or response members) and their types and constraints from spec YAML.
struct MemberReader {
    var resolver: ShapeResolver
    /// Error codes constraints may name (an operation's errors plus the common ones); nil inside shared shapes.
    let allowedErrors: Set<String>?

    static let memberKeys =
        [
            "type", "shape", "member", "memberName", "unordered", "members", "required", "default", "lowercased",
            "unsupported", "origin", "constraints", "note", "renames", "constant", "example",
            "departsFromSources",
        ] + answerKeys
    static let listMemberKeys = ["type", "shape", "members", "constraints"]

    /// The members of a structure; `shapeEvidence` is the structure's own `evidence:`, which members with an
    /// answer expectation and no evidence of their own inherit.
    mutating func readMembers(_ node: YAMLCursor, shapeEvidence: Evidence? = nil) throws(SpecLoadError)
        -> [MemberSpec]
    {
        var members: [MemberSpec] = []
        var nodes: [YAMLCursor] = []
        for (name, child) in try node.namedEntries() {
            guard Self.isMemberName(name) else {
                throw child.error(
                    "'\(name)' is not a valid member name (letters and digits, starting with a capital letter)")
            }
            members.append(try readMember(name: name, child))
            nodes.append(child)
        }
        try Self.finishAnswerExpectations(&members, nodes: nodes, shapeEvidence: shapeEvidence)
        return members
    }

    static func isMemberName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, ("A"..."Z").contains(first) else { return false }
        return name.unicodeScalars.allSatisfy {
            ("A"..."Z").contains($0) || ("a"..."z").contains($0) || ("0"..."9").contains($0)
        }
    }

    mutating func readMember(name: String, _ node: YAMLCursor) throws(SpecLoadError) -> MemberSpec {
        let entries = try node.mapping(allowed: Self.memberKeys)
        let type = try readType(node, entries)
        var member = MemberSpec(name: name, type: type)
        member.required = try YAMLCursor.value("required", in: entries)?.bool() ?? false
        member.lowercased = try YAMLCursor.value("lowercased", in: entries)?.bool() ?? false
        member.note = try YAMLCursor.value("note", in: entries)?.string()
        member.renames = try YAMLCursor.value("renames", in: entries)?.nonEmptyString()
        member.departsFromSources = try YAMLCursor.value("departsFromSources", in: entries)?.nonEmptyString()
        if let value = YAMLCursor.value("default", in: entries) {
            member.defaultValue = try value.string()
            try checkDefault(member.defaultValue!, type: type, at: value)
        }
        if let node = YAMLCursor.value("example", in: entries) {
            member.example = try readExample(node, type: type)
        }
        if let value = YAMLCursor.value("constant", in: entries) {
            member.constant = try value.string()
            try checkDefault(member.constant!, type: type, at: value)
        }
        try readAnswerExpectations(into: &member, entries)
        if let originNode = YAMLCursor.value("origin", in: entries) {
            guard let origin = MemberSpec.Origin(rawValue: try originNode.string()) else {
                throw originNode.error("expected 'document' or 'service-model', found \(originNode.found)")
            }
            member.origin = origin
        }
        if let unsupported = YAMLCursor.value("unsupported", in: entries) {
            if case .mapping = unsupported.node {
                let inner = try unsupported.mapping(allowed: ["error", "inferred"], required: ["error"])
                member.unsupported = true
                member.unsupportedError = try checkedError(YAMLCursor.value("error", in: inner)!)
            } else {
                member.unsupported = try unsupported.bool()
            }
        }
        if member.lowercased && type != .string {
            throw YAMLCursor.value("lowercased", in: entries)!.error(
                "'lowercased' applies to string members only; this one is \(type.name)")
        }
        if let constraints = YAMLCursor.value("constraints", in: entries) {
            if case .list = type {
                throw constraints.error("put constraints on a list's 'member', not on the list itself")
            }
            member.constraints = try readConstraints(constraints, for: type)
        }
        return member
    }

    /// An example value: text for a scalar member, a sequence of texts for a list of scalars.
    private func readExample(_ node: YAMLCursor, type: TypeSpec) throws(SpecLoadError) -> ParameterValue {
        switch type {
        case .list(let list) where list.member.isScalar:
            let texts = try node.strings()
            if texts.isEmpty { throw node.error("expected at least one example value") }
            return .list(texts.map { .scalar($0) })
        case .list, .structure:
            throw node.error("'example' applies to scalar members and lists of scalars; this one is \(type.name)")
        default:
            let text = try node.string()
            try checkDefault(text, type: type, at: node)
            return .scalar(text)
        }
    }

    private func checkDefault(_ text: String, type: TypeSpec, at node: YAMLCursor) throws(SpecLoadError) {
        let ok: Bool
        switch type {
        case .integer: ok = Int(text) != nil
        case .double: ok = Double(text) != nil
        case .boolean: ok = text == "true" || text == "false"
        case .string, .timestamp: ok = true
        case .list, .structure: ok = false
        }
        if !ok { throw node.error("default '\(text)' does not fit the member's type \(type.name)") }
    }

    /// The type a member node declares with `type`, `shape`, `member`/`memberName` and `members`.
    mutating func readType(_ node: YAMLCursor, _ entries: [(key: String, value: YAMLCursor)]) throws(SpecLoadError)
        -> TypeSpec
    {
        let typeNode = YAMLCursor.value("type", in: entries)
        let shapeNode = YAMLCursor.value("shape", in: entries)
        let typeName = try typeNode?.string() ?? (shapeNode == nil ? nil : "structure")
        guard let typeName else {
            throw node.error("missing 'type' (string, integer, double, boolean, timestamp, list, structure) or 'shape'")
        }
        let listOnly = ["member", "memberName", "unordered"]
        if typeName != "list", let stray = listOnly.first(where: { YAMLCursor.value($0, in: entries) != nil }) {
            throw YAMLCursor.value(stray, in: entries)!.error(
                "'\(stray)' applies to lists only; this member is \(typeName)")
        }
        if let scalar = TypeSpec.scalarNames[typeName] {
            if let stray = shapeNode ?? YAMLCursor.value("members", in: entries) {
                throw stray.error("a \(typeName) member takes no 'shape' or 'members'")
            }
            return scalar
        }
        switch typeName {
        case "list":
            guard let memberNode = YAMLCursor.value("member", in: entries) else {
                throw node.error("a list needs 'member' (the type of its items)")
            }
            guard let nameNode = YAMLCursor.value("memberName", in: entries) else {
                throw node.error(
                    "a list needs 'memberName' (the element name of its items, e.g. AvailabilityZone or member)")
            }
            let memberEntries = try memberNode.mapping(allowed: Self.listMemberKeys)
            let memberType = try readType(memberNode, memberEntries)
            var constraints: [Constraint] = []
            if let constraintNode = YAMLCursor.value("constraints", in: memberEntries) {
                constraints = try readConstraints(constraintNode, for: memberType)
            }
            return .list(
                ListSpec(
                    member: memberType, memberName: try nameNode.nonEmptyString(),
                    unordered: try YAMLCursor.value("unordered", in: entries)?.bool() ?? false,
                    memberConstraints: constraints))
        case "structure":
            if let shapeNode {
                if YAMLCursor.value("members", in: entries) != nil {
                    throw shapeNode.error("give either 'shape' or 'members', not both")
                }
                return .structure(try resolver.resolve(try shapeNode.nonEmptyString(), at: shapeNode))
            }
            guard let membersNode = YAMLCursor.value("members", in: entries) else {
                throw node.error("a structure needs 'members' or 'shape'")
            }
            return .structure(StructureSpec(members: try readMembers(membersNode)))
        default:
            var message =
                "unknown type '\(typeName)'; expected string, integer, double, boolean, timestamp, list or structure"
            if let near = YAMLCursor.nearest(
                typeName, in: ["string", "integer", "double", "boolean", "timestamp", "list", "structure"])
            {
                message += " (did you mean '\(near)'?)"
            }
            throw typeNode!.error(message)
        }
    }

    /// An error code that exists in errors.yaml and, inside an operation, that the operation may return.
    func checkedError(_ node: YAMLCursor) throws(SpecLoadError) -> String {
        let code = try node.nonEmptyString()
        guard let known = resolver.errors[code] else {
            var message = "unknown error code '\(code)'; add it to errors.yaml or use a known one"
            if let near = YAMLCursor.nearest(code, in: Array(resolver.errors.keys)) {
                message += " (did you mean '\(near)'?)"
            }
            throw node.error(message)
        }
        if let allowedErrors, !known.common, !allowedErrors.contains(code) {
            throw node.error("error code '\(code)' is not in this operation's 'errors' list and is not a common error")
        }
        return code
    }
}
