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

/// What one region holds of the kinds the resource engine keeps: per kind, a `RecordStore` (the records by stored
/// identifier, their describe order and the keys of those with a change under way), so a page of any kind is a binary
/// search however many records it holds, and settling looks only at the records waiting for a change.
struct SpecResourceStore: Sendable {
    private(set) var byKind: [ResourceKind: RecordStore<SpecResourceRecord>] = [:]

    struct Key: Hashable, Sendable {
        var kind: ResourceKind
        var id: String
    }

    func record(_ kind: ResourceKind, _ id: String) -> SpecResourceRecord? { byKind[kind]?[id] }

    /// The record of `kind` stored under `id`; setting nil removes it. The describe order and the pending keys follow.
    subscript(kind: ResourceKind, id: String) -> SpecResourceRecord? {
        get { byKind[kind]?[id] }
        set { byKind[kind, default: RecordStore()][id] = newValue }
    }

    /// Every record of `kind` (an empty store when none was ever made).
    func records(_ kind: ResourceKind) -> RecordStore<SpecResourceRecord> { byKind[kind] ?? RecordStore() }

    /// The records with a change under way, of every kind.
    var pendingKeys: [Key] {
        byKind.flatMap { kind, records in records.pendingKeys.map { Key(kind: kind, id: $0) } }
    }

    /// True when some record has a change under way.
    var hasPending: Bool { byKind.values.contains { !$0.pendingKeys.isEmpty } }

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
        byKind.keys.sorted().flatMap { kind in records(kind).keys.sorted().map { "\(kind.rawValue) \($0)" } }
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

extension SpecResourceRecord: StoredRecord {}
