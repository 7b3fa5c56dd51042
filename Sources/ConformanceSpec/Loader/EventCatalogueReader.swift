/// Reads `events.yaml`: `horizonDays`, `defaultDurationMinutes`, `subscriptionsPerRegion` and `emissions: {
/// Operation: {sourceType, parameter, arnType, categories, message, evidence, source} }`, each emission checked against
/// the operations (a known operation, a parameter of its request) and the `SourceType` vocabulary when there is one.
struct EventCatalogueReader {
    let operations: [String: OperationSpec]
    let sourceTypes: [String]?

    func read(_ document: YAMLCursor) throws(SpecLoadError) -> EventCatalogue {
        let top = try document.mapping(
            allowed: ["horizonDays", "defaultDurationMinutes", "subscriptionsPerRegion", "emissions"],
            required: ["emissions"])
        var catalogue = EventCatalogue()
        if let node = YAMLCursor.value("horizonDays", in: top) { catalogue.horizonDays = try Self.positive(node) }
        if let node = YAMLCursor.value("defaultDurationMinutes", in: top) {
            catalogue.defaultDurationMinutes = try Self.positive(node)
        }
        if let node = YAMLCursor.value("subscriptionsPerRegion", in: top) {
            catalogue.subscriptionsPerRegion = try Self.positive(node)
        }
        for (name, node) in try YAMLCursor.value("emissions", in: top)!.namedEntries() {
            guard let operation = operations[name] else {
                throw node.error("unknown operation '\(name)'; an emission belongs to an operation of operations/")
            }
            let fields = try node.mapping(
                allowed: ["sourceType", "parameter", "arnType", "categories", "message", "evidence", "source"],
                required: ["sourceType", "parameter", "arnType", "categories", "message", "evidence", "source"])
            let value = { (key: String) throws(SpecLoadError) -> String in
                try YAMLCursor.value(key, in: fields)!.nonEmptyString()
            }
            let sourceType = try value("sourceType")
            if let sourceTypes, !sourceTypes.contains(sourceType) {
                throw YAMLCursor.value("sourceType", in: fields)!.error(
                    "'\(sourceType)' is not a SourceType of vocabularies.yaml (\(sourceTypes.joined(separator: ", ")))")
            }
            let parameter = try value("parameter")
            guard operation.parameters.member(named: parameter) != nil else {
                throw YAMLCursor.value("parameter", in: fields)!.error(
                    "\(name) has no request parameter '\(parameter)'")
            }
            let categoriesNode = YAMLCursor.value("categories", in: fields)!
            let categories = try categoriesNode.strings()
            if categories.isEmpty { throw categoriesNode.error("an emission needs at least one category") }
            let level = try EvidenceReader.level(YAMLCursor.value("evidence", in: fields)!)
            catalogue.emissions[name] = EventCatalogue.Emission(
                sourceType: sourceType, parameter: parameter, arnType: try value("arnType"), categories: categories,
                message: try value("message"), evidence: Evidence(level, source: try value("source")))
        }
        return catalogue
    }

    static func positive(_ node: YAMLCursor) throws(SpecLoadError) -> Int {
        let number = try node.int()
        guard number > 0 else {
            throw node.error("expected a whole number above 0")
        }
        return number
    }
}
