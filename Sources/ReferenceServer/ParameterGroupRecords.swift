import ConformanceSpec

/// A parameter group as the emulator keeps it: a DB cluster parameter group or a DB parameter group, its family,
/// and the values set on it (the rest show their engine defaults).
struct ParameterGroupRecord: Sendable {
    /// The stored (lower-cased) name.
    var name: String
    var family: String
    var description: String
    /// Values set by Modify…ParameterGroup, by parameter name.
    var values: [String: String] = [:]
    /// How each set value was applied (`immediate`, `pending-reboot`), by parameter name.
    var methods: [String: String] = [:]

    /// The group the service keeps for `family` in every region (`default.neptune1.3`).
    static func serviceDefault(_ level: EngineParameterLevel, family: String) -> ParameterGroupRecord {
        let kind = level == .cluster ? "cluster parameter group" : "parameter group"
        return ParameterGroupRecord(
            name: "default.\(family)", family: family, description: "Default \(kind) for \(family)")
    }
}

/// The parameter groups of one region, both levels; the default group of each family is always there and is not
/// stored.
struct ParameterGroupStore: Sendable {
    var cluster: [String: ParameterGroupRecord] = [:]
    var instance: [String: ParameterGroupRecord] = [:]

    subscript(level: EngineParameterLevel) -> [String: ParameterGroupRecord] {
        get { level == .cluster ? cluster : instance }
        set {
            if level == .cluster { cluster = newValue } else { instance = newValue }
        }
    }

    /// The name a request gives (a name in any case, or an ARN `arn:aws:rds:…:cluster-pg:<name>` or `…:pg:<name>`),
    /// as stored.
    static func name(_ given: String) -> String {
        let lowered = given.lowercased()
        guard lowered.hasPrefix("arn:"), let last = lowered.split(separator: ":", omittingEmptySubsequences: false).last
        else { return lowered }
        return String(last)
    }

    /// The group a name (or ARN) names at `level`: a stored one or a family's default.
    func group(_ level: EngineParameterLevel, _ given: String, families: [String]) -> ParameterGroupRecord? {
        let name = Self.name(given)
        // Names are stored lower-cased; one stored otherwise (the keep-identifier-case fault) is still found.
        if let stored = self[level][name] ?? self[level].values.first(where: { $0.name.lowercased() == name }) {
            return stored
        }
        guard let family = Self.defaultFamily(name, families: families) else { return nil }
        return .serviceDefault(level, family: family)
    }

    /// The family whose default group has this name, if it is one.
    static func defaultFamily(_ name: String, families: [String]) -> String? {
        families.first { "default.\($0)" == name }
    }
}
