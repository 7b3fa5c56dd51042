import ConformanceSpec

/// The parameter values set on the parameter groups of one region (the groups themselves are the resource engine's
/// records): per level and stored group name, the values Modify…ParameterGroup set and how each was applied; a
/// parameter with none shows its engine default.
struct ParameterValuesStore: Sendable {
    /// What one group holds.
    struct Values: Sendable, Equatable {
        /// Values set, by parameter name.
        var values: [String: String] = [:]
        /// How each set value was applied (`immediate`, `pending-reboot`), by parameter name.
        var methods: [String: String] = [:]
    }

    var cluster: [String: Values] = [:]
    var instance: [String: Values] = [:]

    subscript(level: EngineParameterLevel) -> [String: Values] {
        get { level == .cluster ? cluster : instance }
        set {
            if level == .cluster { cluster = newValue } else { instance = newValue }
        }
    }
}
