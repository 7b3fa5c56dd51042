/// Reads `catalogues.yaml`: each catalogue's key field, the request that asks an endpoint for a valid value,
/// and its entries (flat mappings of scalar fields, each with the key field).
struct CatalogueReader {
    static let keys = ["key", "ask", "entries", "note"]
    static let askKeys = ["operation", "parameters", "value"]

    func read(_ root: YAMLCursor) throws(SpecLoadError) -> [String: Catalogue] {
        let top = try root.mapping(allowed: ["catalogues"], required: ["catalogues"])
        var result: [String: Catalogue] = [:]
        for (name, node) in try YAMLCursor.value("catalogues", in: top)!.namedEntries() {
            guard MemberReader.isMemberName(name) else {
                throw node.error(
                    "'\(name)' is not a valid catalogue name (letters and digits, starting with a capital)")
            }
            let entries = try node.mapping(allowed: Self.keys, required: ["key", "ask", "entries"])
            func value(_ key: String) -> YAMLCursor? { YAMLCursor.value(key, in: entries) }
            let key = try value("key")!.nonEmptyString()
            let askNode = value("ask")!
            let ask = try askNode.mapping(allowed: Self.askKeys, required: ["operation", "value"])
            var parameters: [(name: String, value: String)] = []
            if let node = YAMLCursor.value("parameters", in: ask) {
                for (parameter, text) in try node.namedEntries() { parameters.append((parameter, try text.string())) }
            }
            let query = CatalogueQuery(
                operation: try YAMLCursor.value("operation", in: ask)!.nonEmptyString(), parameters: parameters,
                valuePath: try YAMLCursor.value("value", in: ask)!.nonEmptyString())
            var rows: [[String: String]] = []
            var seen: Set<String> = []
            for item in try value("entries")!.sequence() {
                var row: [String: String] = [:]
                for (field, text) in try item.namedEntries() { row[field] = try text.string() }
                guard let value = row[key] else { throw item.error("the entry has no '\(key)' (the catalogue's key)") }
                guard seen.insert(value).inserted else { throw item.error("'\(value)' is listed twice") }
                rows.append(row)
            }
            if rows.isEmpty { throw value("entries")!.error("a catalogue needs at least one entry") }
            result[name] = Catalogue(name: name, key: key, ask: query, entries: rows)
        }
        return result
    }
}
