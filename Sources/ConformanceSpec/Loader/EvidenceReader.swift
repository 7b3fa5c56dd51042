/// Reads an `evidence:` mapping (`{level: documented|observed|inferred, source: '...'}`) or a bare level.
enum EvidenceReader {
    static func read(_ node: YAMLCursor) throws(SpecLoadError) -> Evidence {
        let entries = try node.mapping(allowed: ["level", "source"], required: ["level", "source"])
        let level = try level(YAMLCursor.value("level", in: entries)!)
        let source = try YAMLCursor.value("source", in: entries)!.nonEmptyString()
        return Evidence(level, source: source)
    }

    static func level(_ node: YAMLCursor) throws(SpecLoadError) -> Evidence.Level {
        let text = try node.string()
        guard let level = Evidence.Level(rawValue: text) else {
            var message = "unknown evidence level '\(text)'; expected documented, observed or inferred"
            if let near = YAMLCursor.nearest(text, in: Evidence.Level.allCases.map(\.rawValue)) {
                message += " (did you mean '\(near)'?)"
            }
            throw node.error(message)
        }
        return level
    }
}
