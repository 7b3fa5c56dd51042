import ConformanceSpec
import QueryProtocol

extension NeptuneEmulator {
    /// The engine versions of the spec's `EngineVersion` catalogue that the request's filters select, paged.
    /// Filters narrow the list and never refuse: the model lists no error ([facts-2] §2.8, row 121).
    func describeEngineVersions(_ operation: OperationSpec, _ request: Request) -> EmulatorAnswer {
        let catalogue = spec.catalogues["EngineVersion"]
        var entries = catalogue?.entries ?? []
        if let engine = text("Engine", request), engine != "neptune" { entries = [] }
        if let version = text("EngineVersion", request) {
            entries = entries.filter { $0["version"] == version || $0["version"]?.hasPrefix(version + ".") == true }
        }
        if let family = text("DBParameterGroupFamily", request) { entries = entries.filter { $0["family"] == family } }
        if text("DefaultOnly", request) == "true" {
            // Of the selected versions, the default one, or else the newest (the catalogue lists newest first).
            entries = Array((entries.first { $0["default"] == "true" } ?? entries.first).map { [$0] } ?? [])
        }
        let shape = spec.shapes["DBEngineVersion"] ?? StructureSpec(members: [])
        return pagedAnswer(page(entries, key: { $0["version"] ?? "" }, of: operation, request), of: operation) {
            "<DBEngineVersion>" + renderer.structureBody(engineVersionMembers($0), shape: shape) + "</DBEngineVersion>"
        }
    }

    /// A catalogue entry as the members of a `DBEngineVersion`.
    func engineVersionMembers(_ entry: [String: String]) -> [String: ParameterValue] {
        let version = entry["version"] ?? ""
        let family = entry["family"] ?? ""
        var members: [String: ParameterValue] = [
            "Engine": .scalar("neptune"), "EngineVersion": .scalar(version), "DBParameterGroupFamily": .scalar(family),
            "DBEngineDescription": .scalar("Neptune"), "DBEngineVersionDescription": .scalar("Neptune \(version)"),
            // [guide] Neptune exports the audit and slowquery logs to CloudWatch Logs.
            "ExportableLogTypes": .list([.scalar("audit"), .scalar("slowquery")]),
            "SupportsLogExportsToCloudwatchLogs": .scalar("true"), "SupportsReadReplica": .scalar("true"),
            // [facts-2] §3.1: global databases from 1.2.0.0 (catalogues.yaml, `globalDatabases`).
            "SupportsGlobalDatabases": .scalar(supportsGlobalDatabases(version) ? "true" : "false"),
        ]
        let targets = (entry["upgradeTo"] ?? "").split(separator: ",").map {
            $0.trimmingCharacters(in: .whitespaces)
        }.filter { !$0.isEmpty }
        members["ValidUpgradeTarget"] = .list(
            targets.map { target in
                let major = Self.majorVersion(target) != Self.majorVersion(version)
                return .structure([
                    Parameter("Engine", .scalar("neptune")), Parameter("EngineVersion", .scalar(target)),
                    Parameter("Description", .scalar("Neptune \(target)")),
                    Parameter("AutoUpgrade", .scalar("false")),
                    Parameter("IsMajorVersionUpgrade", .scalar(major ? "true" : "false")),
                    Parameter("SupportsGlobalDatabases", .scalar(supportsGlobalDatabases(target) ? "true" : "false")),
                ])
            })
        return members
    }

    /// The major version: the first two numbers (1.2.1.0 is major 1.2; from 1.3.0.0 a version is
    /// product.major.minor.patch, so 1.3.4.0 is major 1.3) ([facts-2] §3.1, version numbering).
    static func majorVersion(_ version: String) -> String {
        version.split(separator: ".").prefix(2).joined(separator: ".")
    }
}
