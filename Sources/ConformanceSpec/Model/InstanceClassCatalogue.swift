/// The DB instance classes the service offers and on which engine versions (`instance-classes.yaml`): what
/// `orderable` and `serverlessScaling` preconditions judge a class by, and what an orderable-options answer lists.
public struct InstanceClassCatalogue: Sendable, Equatable {
    /// One class and the engine versions that offer it.
    public struct Entry: Sendable, Equatable {
        public var instanceClass: String
        /// The first engine version offering it (nil: every listed version).
        public var from: String?
        /// The first engine version that no longer offers it (nil: still offered).
        public var until: String?
        /// True for the class that needs the cluster's serverless capacity range.
        public var serverless: Bool
        /// True for the classes a global database takes.
        public var globalDatabases: Bool

        public init(
            instanceClass: String, from: String? = nil, until: String? = nil, serverless: Bool = false,
            globalDatabases: Bool = false
        ) {
            self.instanceClass = instanceClass
            self.from = from
            self.until = until
            self.serverless = serverless
            self.globalDatabases = globalDatabases
        }

        /// True when engine `version` offers this class.
        public func offered(on version: String) -> Bool {
            if let from, EngineVersionOrder.compare(version, from) < 0 { return false }
            if let until, EngineVersionOrder.compare(version, until) >= 0 { return false }
            return true
        }
    }

    /// The engine versions options are listed for, oldest first.
    public var engineVersions: [String]
    public var entries: [Entry]

    public init(engineVersions: [String] = [], entries: [Entry] = []) {
        self.engineVersions = engineVersions
        self.entries = entries
    }

    /// True when the catalogue holds nothing (a spec without `instance-classes.yaml` judges no class).
    public var isEmpty: Bool { entries.isEmpty }

    public func entry(_ instanceClass: String) -> Entry? { entries.first { $0.instanceClass == instanceClass } }

    /// True when a cluster on `engineVersion` (nil: unknown, any listed version) can take an instance of the class.
    public func orderable(_ instanceClass: String, engineVersion: String?) -> Bool {
        guard let entry = entry(instanceClass) else { return false }
        guard let engineVersion else { return engineVersions.contains(where: entry.offered) }
        return entry.offered(on: engineVersion)
    }

    /// A class no listed engine version offers any more (the catalogue's first retired one).
    public var retiredClass: String? {
        entries.first { entry in !engineVersions.contains(where: entry.offered) }?.instanceClass
    }

    /// The class that needs the cluster's serverless capacity range.
    public var serverlessClass: String? { entries.first(where: \.serverless)?.instanceClass }
}

/// Dotted engine versions compared part by part as numbers (`1.2.0.10` after `1.2.0.9`).
public enum EngineVersionOrder {
    /// Negative, zero or positive as `left` is older than, the same as or newer than `right`.
    public static func compare(_ left: String, _ right: String) -> Int {
        let a = left.split(separator: ".").map { Int($0) ?? 0 }
        let b = right.split(separator: ".").map { Int($0) ?? 0 }
        for index in 0..<max(a.count, b.count) {
            let x = index < a.count ? a[index] : 0
            let y = index < b.count ? b[index] : 0
            if x != y { return x < y ? -1 : 1 }
        }
        return 0
    }
}
