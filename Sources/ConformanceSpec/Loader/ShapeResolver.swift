/// Turns the named structures of `shapes.yaml` into `StructureSpec`s on demand, caching them and
/// refusing references to unknown shapes and cycles.
struct ShapeResolver {
    let errors: [String: ErrorSpec]
    /// The catalogues of `catalogues.yaml`, which `catalogue` constraints name.
    var catalogues: [String: Catalogue] = [:]
    /// The vocabularies of `vocabularies.yaml`, which answer members' `values:` name.
    var vocabularies: [String: Vocabulary] = [:]
    private(set) var rawShapes: [String: YAMLCursor] = [:]
    private(set) var resolved: [String: StructureSpec] = [:]
    private var resolving: [String] = []

    init(errors: [String: ErrorSpec]) { self.errors = errors }

    mutating func register(_ document: YAMLCursor) throws(SpecLoadError) {
        let top = try document.mapping(allowed: ["shapes"], required: ["shapes"])
        for (name, node) in try YAMLCursor.value("shapes", in: top)!.namedEntries() {
            rawShapes[name] = node
        }
    }

    /// The structure named `name`; `at` is the cursor of the reference, for the error message.
    mutating func resolve(_ name: String, at reference: YAMLCursor?) throws(SpecLoadError) -> StructureSpec {
        if let done = resolved[name] { return done }
        guard let node = rawShapes[name] else {
            var message =
                "unknown shape '\(name)'; shapes.yaml defines: \(rawShapes.keys.sorted().joined(separator: ", "))"
            if let near = YAMLCursor.nearest(name, in: Array(rawShapes.keys)) {
                message += " (did you mean '\(near)'?)"
            }
            throw (reference ?? YAMLCursor(node: .init(""), path: [], file: "shapes.yaml")).error(message)
        }
        if resolving.contains(name) {
            throw node.error("shape '\(name)' refers to itself through \(resolving.joined(separator: " -> "))")
        }
        resolving.append(name)
        defer { resolving.removeLast() }
        let entries = try node.mapping(allowed: ["members", "note", "evidence"], required: ["members"])
        let evidence = try YAMLCursor.value("evidence", in: entries).map { (node) throws(SpecLoadError) in
            try EvidenceReader.read(node)
        }
        var reader = MemberReader(resolver: self, allowedErrors: nil)
        let members = try reader.readMembers(YAMLCursor.value("members", in: entries)!, shapeEvidence: evidence)
        self = reader.resolver
        let structure = StructureSpec(shapeName: name, members: members)
        resolved[name] = structure
        return structure
    }
}
