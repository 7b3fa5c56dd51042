/// The answer expectations a response member may carry: `presence`, `values`, `derive` and `evidence`, and `setBy`, the
/// request parameter that sets it under another name.
extension MemberReader {
    static let answerKeys = ["presence", "values", "derive", "evidence", "setBy"]

    func readAnswerExpectations(
        into member: inout MemberSpec, _ entries: [(key: String, value: YAMLCursor)]
    ) throws(SpecLoadError) {
        if let node = YAMLCursor.value("presence", in: entries) {
            let text = try node.string()
            guard let presence = Presence(rawValue: text) else {
                throw node.error("unknown presence '\(text)'; expected always or whenSet (leave it out for optional)")
            }
            member.presence = presence
        }
        if let node = YAMLCursor.value("values", in: entries) {
            guard member.type == .string else {
                throw node.error("'values' applies to string members only; this one is \(member.type.name)")
            }
            let name = try node.nonEmptyString()
            guard let vocabulary = resolver.vocabularies[name] else {
                var message = "unknown vocabulary '\(name)'; add it to vocabularies.yaml or use a known one"
                if let near = YAMLCursor.nearest(name, in: Array(resolver.vocabularies.keys)) {
                    message += " (did you mean '\(near)'?)"
                }
                throw node.error(message)
            }
            member.vocabulary = vocabulary
        }
        if let node = YAMLCursor.value("derive", in: entries) {
            guard member.type == .string else {
                throw node.error("'derive' applies to string members only; this one is \(member.type.name)")
            }
            let template = try node.nonEmptyString()
            do {
                member.derivation = try Derivation(template: template)
            } catch {
                throw node.error("bad template '\(template)': \(error.message)")
            }
        }
        if let node = YAMLCursor.value("evidence", in: entries) {
            member.evidence = try EvidenceReader.read(node)
        }
        if let node = YAMLCursor.value("setBy", in: entries) {
            let parameter = try node.nonEmptyString()
            guard Self.isMemberName(parameter), parameter != member.name else {
                throw node.error("'setBy' names the request parameter that sets this member under another name")
            }
            member.setBy = parameter
        }
    }

    /// Checks what needs the whole structure: a derivation's siblings exist, and every `always` or derived
    /// member has evidence (its own or the shape's, `shapeEvidence`), which members without their own inherit.
    static func finishAnswerExpectations(
        _ members: inout [MemberSpec], nodes: [YAMLCursor], shapeEvidence: Evidence?
    ) throws(SpecLoadError) {
        let names = Set(members.map(\.name))
        for index in members.indices {
            let member = members[index]
            let at = nodes[index]
            for sibling in member.derivation?.siblings ?? [] where !names.contains(sibling) {
                throw at.error("'derive' names {\(sibling)}, which is no member of this structure")
            }
            if members[index].evidence == nil, member.presence != nil || member.derivation != nil {
                guard let shapeEvidence else {
                    throw at.error(
                        "presence '\(member.presence?.rawValue ?? "optional")' or 'derive' needs 'evidence' "
                            + "(on the member or its shape): {level: documented|observed|inferred, source: '...'}")
                }
                members[index].evidence = shapeEvidence
            }
        }
    }
}
