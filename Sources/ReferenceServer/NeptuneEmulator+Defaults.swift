import ConformanceSpec
import QueryProtocol

extension NeptuneEmulator {
    /// The family of an engine version of the spec's catalogue (`catalogues.yaml`), or the default version's.
    func family(ofEngineVersion version: String?) -> String {
        version.flatMap { spec.catalogues["EngineVersion"]?.entry($0)?["family"] } ?? defaults.family
    }

    /// The `default.<family>` group the service gives a cluster or instance of this engine version when its request
    /// names no parameter group (both levels share the name).
    func defaultParameterGroup(for engineVersion: ParameterValue?) -> String {
        guard case .scalar(let version)? = engineVersion else { return "default.\(defaults.family)" }
        return "default.\(family(ofEngineVersion: version))"
    }

    /// Whether global databases take clusters of this engine version: the catalogue entry's `globalDatabases`
    /// (`'false'` for the versions before global databases; an unknown version: no).
    func supportsGlobalDatabases(_ version: String) -> Bool {
        guard let entry = spec.catalogues["EngineVersion"]?.entry(version) else { return false }
        return entry["globalDatabases"] != "false"
    }
}
