/// Reads `parameters.yaml` into an `EngineParameterCatalog`: the families, then each level's parameters.
struct EngineParameterReader {
    static let keys = ["families", "cluster", "instance", "note"]
    static let parameterKeys = [
        "description", "default", "allowedValues", "apply", "dataType", "modifiable", "minimumEngineVersion",
        "families", "note",
    ]

    func read(_ root: YAMLCursor) throws(SpecLoadError) -> EngineParameterCatalog {
        let entries = try root.mapping(allowed: Self.keys, required: ["families", "cluster", "instance"])
        func value(_ key: String) -> YAMLCursor { YAMLCursor.value(key, in: entries)! }
        let families = try value("families").strings()
        if families.isEmpty { throw value("families").error("expected at least one parameter group family") }
        if Set(families).count != families.count { throw value("families").error("a family is listed twice") }
        var catalog = EngineParameterCatalog(families: families)
        catalog.cluster = try parameters(value("cluster"), families: families)
        catalog.instance = try parameters(value("instance"), families: families)
        return catalog
    }

    private func parameters(_ node: YAMLCursor, families: [String]) throws(SpecLoadError) -> [EngineParameter] {
        var result: [EngineParameter] = []
        for (name, item) in try node.namedEntries() {
            guard !name.isEmpty, name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }) else {
                throw item.error("'\(name)' is not a parameter name (ASCII letters, digits and underscores)")
            }
            let entries = try item.mapping(
                allowed: Self.parameterKeys, required: ["description", "apply", "dataType"])
            func value(_ key: String) -> YAMLCursor? { YAMLCursor.value(key, in: entries) }
            let applyNode = value("apply")!
            let apply = try applyNode.string()
            guard apply == "static" || apply == "dynamic" else {
                throw applyNode.error("expected 'static' or 'dynamic', found \(applyNode.found)")
            }
            var parameter = EngineParameter(
                name: name, description: try value("description")!.nonEmptyString(),
                defaultValue: try value("default")?.string(), allowedValues: try value("allowedValues")?.string(),
                isStatic: apply == "static", dataType: try value("dataType")!.nonEmptyString(),
                isModifiable: try value("modifiable")?.bool() ?? true,
                minimumEngineVersion: try value("minimumEngineVersion")?.nonEmptyString())
            if let node = value("families") {
                parameter.families = try node.strings()
                for family in parameter.families where !families.contains(family) {
                    throw node.error("'\(family)' is not one of the families: \(families.joined(separator: ", "))")
                }
            }
            if let defaultValue = parameter.defaultValue, !parameter.accepts(defaultValue) {
                throw value("default")!.error(
                    "the default '\(defaultValue)' is not among the allowed values \(parameter.allowedValues ?? "")")
            }
            result.append(parameter)
        }
        return result
    }
}
