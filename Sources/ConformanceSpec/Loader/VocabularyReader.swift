/// Reads `vocabularies.yaml`: `vocabularies: { Name: {values: [...], evidence: documented|observed|inferred,
/// source: '...'} }`, the values of status, type and enumeration members with where they come from.
struct VocabularyReader {
    func read(_ document: YAMLCursor) throws(SpecLoadError) -> [String: Vocabulary] {
        let top = try document.mapping(allowed: ["vocabularies"], required: ["vocabularies"])
        var result: [String: Vocabulary] = [:]
        for (name, node) in try YAMLCursor.value("vocabularies", in: top)!.namedEntries() {
            guard MemberReader.isMemberName(name) else {
                throw node.error(
                    "'\(name)' is not a valid vocabulary name (letters and digits, starting with a capital)")
            }
            let entries = try node.mapping(
                allowed: ["values", "evidence", "source", "note"], required: ["values", "evidence", "source"])
            let valuesNode = YAMLCursor.value("values", in: entries)!
            let values = try valuesNode.strings()
            if values.isEmpty { throw valuesNode.error("a vocabulary needs at least one value") }
            if let repeated = values.first(where: { value in values.filter { $0 == value }.count > 1 }) {
                throw valuesNode.error("'\(repeated)' is listed twice")
            }
            let level = try EvidenceReader.level(YAMLCursor.value("evidence", in: entries)!)
            let source = try YAMLCursor.value("source", in: entries)!.nonEmptyString()
            result[name] = Vocabulary(name: name, values: values, evidence: Evidence(level, source: source))
        }
        return result
    }
}
