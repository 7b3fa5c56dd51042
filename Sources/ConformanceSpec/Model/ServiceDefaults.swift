/// What the service gives a resource whose request leaves a setting out, read from `Specs/` alone: the default
/// engine version of the `EngineVersion` catalogue (`catalogues.yaml`, the entry with `default: 'true'`, else the
/// first), its parameter group family, the `default.<family>` groups the service keeps for it, and the defaults
/// the operations' parameters document (`Port` of CreateDBCluster). Changing the catalogue changes them.
public struct ServiceDefaults: Sendable, Equatable {
    /// The engine version a cluster or global cluster made without `EngineVersion` runs.
    public var engineVersion: String
    /// The parameter group family of `engineVersion`.
    public var family: String
    /// The port a cluster made without `Port` listens on.
    public var port: String

    /// The cluster parameter group a cluster made without `DBClusterParameterGroupName` uses.
    public var clusterParameterGroup: String { "default.\(family)" }
    /// The DB parameter group an instance made without `DBParameterGroupName` uses.
    public var parameterGroup: String { "default.\(family)" }

    public init(engineVersion: String, family: String, port: String) {
        self.engineVersion = engineVersion
        self.family = family
        self.port = port
    }
}

extension Catalogue {
    /// The entry the service uses when a request names none: the one marked `default: 'true'`, else the first
    /// (the file lists newest first).
    public var defaultEntry: [String: String]? { entries.first { $0["default"] == "true" } ?? entries.first }
}

extension ServiceSpec {
    /// The defaults `Specs/` gives, or nil when it lacks the `EngineVersion` catalogue or a documented default.
    public var defaults: ServiceDefaults? {
        guard let entry = catalogues["EngineVersion"]?.defaultEntry, let version = entry["version"],
            let family = entry["family"],
            let port = operation(named: "CreateDBCluster")?.parameter(at: "Port")?.defaultValue
        else { return nil }
        return ServiceDefaults(engineVersion: version, family: family, port: port)
    }
}
