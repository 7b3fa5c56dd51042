import ConformanceSpec

/// What exists in one explored sequence, as the reference server shows it after each step: every resource the
/// sequence named, its kind, region, the resources it was made with, and its state. The generator draws the next
/// step from it; the reference's describe answers keep it true (`WorldObserver`).
public struct ExploreWorld: Sendable, Equatable {
    /// One resource the sequence named.
    public struct Resource: Sendable, Equatable {
        public var name: String
        public var kind: ResourceKind
        public var inSecondRegion: Bool
        /// The resources it was made with or joined, by kind (an instance's cluster, a cluster's global cluster).
        public var related: [ResourceKind: String]
        /// Its status as the reference describes it (`present` for a kind without one).
        public var state: String
        public var deletionProtected: Bool
        public var alive: Bool
    }

    /// In the order they were named.
    public private(set) var resources: [Resource] = []
    /// Numbers new names, across the sequences of a run, so no two sequences share one.
    public var counter: Int

    public init(counter: Int = 0) { self.counter = counter }

    public func resource(_ name: String) -> Resource? { resources.first { $0.name == name } }

    /// The live resources of `kind`, oldest first.
    public func live(_ kind: ResourceKind) -> [Resource] { resources.filter { $0.kind == kind && $0.alive } }

    /// Named resources of `kind` that no longer exist (or never did).
    public func gone(_ kind: ResourceKind) -> [Resource] { resources.filter { $0.kind == kind && !$0.alive } }

    /// Live instances of the cluster `cluster`, oldest first (the first is its writer).
    public func instances(of cluster: String) -> [Resource] {
        live(.dbInstance).filter { $0.related[.dbCluster] == cluster }
    }

    /// A new name for a resource of a kind whose names carry `tag`.
    public mutating func freshName(tag: String) -> String {
        counter += 1
        return "\(tag)\(counter)"
    }

    /// Records a name the sequence is about to create (not alive until the reference shows it).
    public mutating func declare(
        _ name: String, kind: ResourceKind, inSecondRegion: Bool, related: [ResourceKind: String]
    ) {
        guard resource(name) == nil else { return }
        resources.append(
            Resource(
                name: name, kind: kind, inSecondRegion: inSecondRegion, related: related, state: "absent",
                deletionProtected: false, alive: false))
    }

    /// Sets what the reference shows of `name`.
    public mutating func observe(_ name: String, alive: Bool, state: String?, deletionProtected: Bool?) {
        guard let index = resources.firstIndex(where: { $0.name == name }) else { return }
        resources[index].alive = alive
        resources[index].state = alive ? (state ?? "present") : "deleted"
        if let deletionProtected { resources[index].deletionProtected = deletionProtected }
    }

    /// The (kind, region) pairs the world has names in: what `WorldObserver` asks the reference about.
    public var regionsByKind: [(kind: ResourceKind, second: Bool)] {
        var pairs: [(kind: ResourceKind, second: Bool)] = []
        for resource in resources where !pairs.contains(where: { $0 == (resource.kind, resource.inSecondRegion) }) {
            pairs.append((resource.kind, resource.inSecondRegion))
        }
        return pairs
    }
}
