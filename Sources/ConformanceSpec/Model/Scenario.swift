/// A story across resources (`scenarios.yaml`): what set-up makes, the calls that change it, and the request whose
/// answer is judged. The generator turns each into one stateful case; what a single operation's spec cannot say
/// (an endpoint forgets a deleted static member, a failover moves a global cluster's writer to another region)
/// is said here, as data.
///
/// Scalars may name the scenario's resources as `{{name}}`: a resource `make` declares (set-up makes it through
/// its kind's `resources.yaml` create) or one `fresh` declares (a call of the scenario creates it; tear-down
/// deletes it by its kind). Run-time tokens (`{{DBClusterArn:{{c}}}}`) are filled in by the runner.
public struct Scenario: Sendable, Equatable {
    /// A resource set-up makes before the calls.
    public struct Made: Sendable, Equatable {
        public var name: String
        public var kind: ResourceKind
        /// Resources of the scenario its create's `{{Kind}}` values name (the cluster an instance is made in).
        public var related: [ResourceKind: String]
        /// Made, and later deleted, in the run's second region.
        public var inSecondRegion: Bool

        public init(name: String, kind: ResourceKind, related: [ResourceKind: String] = [:], inSecondRegion: Bool) {
            self.name = name
            self.kind = kind
            self.related = related
            self.inSecondRegion = inSecondRegion
        }
    }

    /// A resource a call of the scenario creates, named before the call.
    public struct Fresh: Sendable, Equatable {
        public var name: String
        public var kind: ResourceKind
        public var inSecondRegion: Bool

        public init(name: String, kind: ResourceKind, inSecondRegion: Bool) {
            self.name = name
            self.kind = kind
            self.inSecondRegion = inSecondRegion
        }
    }

    /// A request of the scenario: a call after set-up, or the request under test.
    public struct Call: Sendable, Equatable {
        public var request: Request
        /// The state the resource the call acts on must reach before the next call.
        public var waitFor: String?
        public var inSecondRegion: Bool

        public init(request: Request, waitFor: String? = nil, inSecondRegion: Bool = false) {
            self.request = request
            self.waitFor = waitFor
            self.inSecondRegion = inSecondRegion
        }
    }

    /// What the request under test must draw.
    public enum Outcome: Sendable, Equatable {
        /// A success matching the scenario's golden.
        case success
        /// An error with this wire code (`errors.yaml`).
        case error(String)
    }

    public var name: String
    public var summary: String
    public var make: [Made]
    public var fresh: [Fresh]
    public var calls: [Call]
    public var request: Call
    public var outcome: Outcome
    /// Values the answer must hold because of the scenario's other resources (`derived:`).
    public var derived: [DerivedValue] = []
    /// Line of the scenario in `scenarios.yaml`, for messages.
    public var sourceLine: Int?

    public init(
        name: String, summary: String, make: [Made] = [], fresh: [Fresh] = [], calls: [Call] = [], request: Call,
        outcome: Outcome, sourceLine: Int? = nil
    ) {
        self.name = name
        self.summary = summary
        self.make = make
        self.fresh = fresh
        self.calls = calls
        self.request = request
        self.outcome = outcome
        self.sourceLine = sourceLine
    }

    /// The spec item the scenario's case covers: `Operation#scenario-name`, of the operation under test.
    public var item: SpecItemID { .rule(request.request.operation, "scenario-\(name)") }

    /// Every name the scenario declares, in order.
    public var names: [String] { make.map(\.name) + fresh.map(\.name) }

    /// A scenario name: a lower-case letter, then lower-case letters and digits.
    public static func isName(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
        return text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) }
    }

    /// The `{{name}}` references of a text, in order (run-time tokens such as `{{DBClusterArn:x}}` are not names).
    public static func references(in text: String) -> [String] {
        var found: [String] = []
        var rest = Substring(text)
        while let open = rest.range(of: "{{") {
            rest = rest[open.upperBound...]
            guard let close = rest.range(of: "}}") else { break }
            let inner = String(rest[..<close.lowerBound])
            if !inner.contains("{"), isName(inner) { found.append(inner) }
        }
        return found
    }
}
