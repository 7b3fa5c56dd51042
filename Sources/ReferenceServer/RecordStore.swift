/// A record a `RecordStore` keeps: what its describe order and its pending transition are read from.
protocol StoredRecord: Sendable {
    /// The stored identifier, which the describe order sorts by (lower-cased).
    var id: String { get }
    /// The creation counter, which breaks ties of the order.
    var sequence: Int { get }
    /// The change under way, if any.
    var pending: PendingTransition? { get set }
}

/// A stored record whose status is a field of its own (clusters): what a due transition sets.
protocol StatusRecord: StoredRecord {
    var status: String { get set }
}

/// Where a record stands in its describe order: its identifier lower-cased, as a page's key and token name it (the
/// order `NeptuneEmulator.page` sorts a list in), then its creation, then its key in the store.
struct RecordOrder: Comparable, Sendable {
    var sortKey: String
    var sequence: Int
    var key: String

    init<Record: StoredRecord>(_ record: Record, key: String) {
        self.sortKey = record.id.lowercased()
        self.sequence = record.sequence
        self.key = key
    }

    static func < (left: RecordOrder, right: RecordOrder) -> Bool {
        if left.sortKey != right.sortKey { return left.sortKey < right.sortKey }
        if left.sequence != right.sequence { return left.sequence < right.sequence }
        return left.key < right.key
    }
}

/// The records of one kind in one region by stored key, as a dictionary would hold them, plus what requests
/// must not find by walking every record: the describe order (a `SortedIndex`, kept on every change) and the keys
/// of the records waiting for a transition. Every change goes through the subscript, which keeps both.
struct RecordStore<Record: StoredRecord>: Sendable, Sequence {
    private(set) var byKey: [String: Record] = [:]
    /// Every record, in describe order.
    private(set) var order = SortedIndex<RecordOrder>()
    /// The keys of the records with a pending transition.
    private(set) var pendingKeys: Set<String> = []

    subscript(key: String) -> Record? {
        get { byKey[key] }
        set { replace(key, with: newValue) }
    }

    /// Stores `record` under `key` (nil: removes it) and keeps the indexes; the record it replaces.
    @discardableResult
    mutating func replace(_ key: String, with record: Record?) -> Record? {
        let old: Record?
        if let record { old = byKey.updateValue(record, forKey: key) } else { old = byKey.removeValue(forKey: key) }
        let before = old.map { RecordOrder($0, key: key) }
        let after = record.map { RecordOrder($0, key: key) }
        if before != after {
            if let before { order.remove(before) }
            if let after { order.insert(after) }
        }
        if record?.pending != nil {
            pendingKeys.insert(key)
        } else if old?.pending != nil {
            pendingKeys.remove(key)
        }
        return old
    }

    var values: Dictionary<String, Record>.Values { byKey.values }
    var keys: Dictionary<String, Record>.Keys { byKey.keys }
    var count: Int { byKey.count }
    var isEmpty: Bool { byKey.isEmpty }

    func makeIterator() -> Dictionary<String, Record>.Iterator { byKey.makeIterator() }

    /// The records at `range` of the describe order.
    func ordered(_ range: Range<Int>) -> [Record] {
        order.elements(in: range).compactMap { byKey[$0.key] }
    }
}

extension ClusterRecord: StatusRecord {}
