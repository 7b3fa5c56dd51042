/// Reads `instance-classes.yaml` into an `InstanceClassCatalogue`, checking its keys and engine versions.
struct InstanceClassReader {
    static let entryKeys = ["class", "from", "until", "serverless", "globalDatabases", "note"]

    func read(_ root: YAMLCursor) throws(SpecLoadError) -> InstanceClassCatalogue {
        let entries = try root.mapping(allowed: ["engineVersions", "instanceClasses"], required: ["instanceClasses"])
        let versions = try YAMLCursor.value("engineVersions", in: entries)?.strings() ?? []
        for version in versions where !Self.isVersion(version) {
            throw YAMLCursor.value("engineVersions", in: entries)!.error(
                "'\(version)' is not an engine version (digits separated by dots)")
        }
        var catalogue = InstanceClassCatalogue(engineVersions: versions)
        for item in try YAMLCursor.value("instanceClasses", in: entries)!.sequence() {
            let fields = try item.mapping(allowed: Self.entryKeys, required: ["class"])
            func version(_ key: String) throws(SpecLoadError) -> String? {
                guard let node = YAMLCursor.value(key, in: fields) else { return nil }
                let text = try node.string()
                guard Self.isVersion(text) else { throw node.error("'\(text)' is not an engine version") }
                return text
            }
            let name = try YAMLCursor.value("class", in: fields)!.nonEmptyString()
            guard name.hasPrefix("db.") else {
                throw YAMLCursor.value("class", in: fields)!.error(
                    "an instance class starts with 'db.', found '\(name)'")
            }
            if catalogue.entry(name) != nil { throw item.error("class '\(name)' is listed twice") }
            catalogue.entries.append(
                InstanceClassCatalogue.Entry(
                    instanceClass: name, from: try version("from"), until: try version("until"),
                    serverless: try YAMLCursor.value("serverless", in: fields)?.bool() ?? false,
                    globalDatabases: try YAMLCursor.value("globalDatabases", in: fields)?.bool() ?? false))
        }
        return catalogue
    }

    static func isVersion(_ text: String) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count >= 2 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isNumber) }
    }
}
