import ConformanceSpec

/// A resource of a kind the reference server has no behaviour code for: its answer members by name, as the spec's
/// create set them and its modify changed them, rendered through the kind's structure in `shapes.yaml`.
struct SpecResourceRecord: Sendable, Equatable {
    /// The stored identifier (lower-cased).
    var id: String
    var members: [String: ParameterValue]
    var sequence: Int
    /// The change under way (`transitions:`): the status it settles in, or nil when it removes the record.
    var pending: PendingTransition?
}

/// What one region holds of the kinds the spec alone describes, by kind and stored identifier.
struct SpecResourceStore: Sendable {
    var byKind: [ResourceKind: [String: SpecResourceRecord]] = [:]
    /// The records with a change under way, so settling looks at them only.
    var pending: Set<Key> = []

    struct Key: Hashable, Sendable {
        var kind: ResourceKind
        var id: String
    }

    func record(_ kind: ResourceKind, _ id: String) -> SpecResourceRecord? { byKind[kind]?[id] }

    /// The stored form of an identifier given for a kind the engine keeps: an ARN (`arn:…:<type>:<name>`, which no
    /// identifier's constraints let a name look like) names its last field; the name is then lower-cased by `key`
    /// where the kind's create stores it so, else kept as given.
    static func storedKey(_ identifier: String, lowercased: Bool, key: (String) -> String) -> String {
        var name = identifier
        if name.hasPrefix("arn:"), let last = name.split(separator: ":", omittingEmptySubsequences: false).last {
            name = String(last)
        }
        return lowercased ? key(name) : name
    }

    /// Every stored resource as `Kind id`, kinds and identifiers in order (for the emulator's inventory).
    var inventory: [String] {
        byKind.keys.sorted().flatMap { kind in (byKind[kind] ?? [:]).keys.sorted().map { "\(kind.rawValue) \($0)" } }
    }
}

extension Derivation {
    /// A value that follows the template: `siblings` fill `{Member}` tokens and `made` fills each `{*}`.
    func value(siblings: [String: String], region: String, account: String, made: String) -> String {
        parts.map { part in
            switch part {
            case .literal(let text): text
            case .region: region
            case .account: account
            case .any: made
            case .sibling(let name): siblings[name] ?? made
            }
        }.joined()
    }
}
