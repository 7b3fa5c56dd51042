import ConformanceSpec

/// A root cause: every case whose first departure is of one kind on one class of spec item. A run
/// against moto groups about 300 failing cases into a few dozen of these, one line each.
public struct RootCause: Sendable, Codable, Equatable {
    /// Stable id, `<kind>/<item>` (`accepts-invalid/range`, `unknown-element/BacktrackWindow`): baselines refer to it.
    public var id: String
    /// What the endpoint does wrong, in plain words.
    public var title: String
    /// The class of spec item: a constraint, rule or precondition keyword (`range`, `state`), an
    /// element name for answer departures, `QueryProtocol` or `SigV4` for those families.
    public var item: String
    public var kind: DepartureKind
    /// The concrete spec items involved (`Op.Port#range`, …), sorted.
    public var items: [String]
    /// The case ids, in run order.
    public var cases: [String]
    /// One case shown in full.
    public var example: Example
    /// The strongest ground among its cases' departures (documented, observed or inferred, with the source).
    public var evidence: Evidence?
    /// How many of its cases depart from an expectation of each evidence level (`documented`, `observed`,
    /// `inferred`).
    public var casesByEvidence: [String: Int]?

    public struct Example: Sendable, Codable, Equatable {
        public var caseId: String
        /// The form body of the request.
        public var request: String?
        public var expected: String
        public var actualStatus: Int?
        public var actualBody: String?
        /// The departures of the answer, one per line, with XPaths.
        public var differences: [String]
        /// `curl` that sends the same request, signed by curl from `$AWS_ACCESS_KEY_ID`/`$AWS_SECRET_ACCESS_KEY`.
        public var curl: String?
        /// `neptune-conformance run --case ID --endpoint …`.
        public var rerun: String
    }
}

extension RootCause {
    /// Sets the evidence of a root cause from its cases' departures: the strongest (the first of that level), and
    /// the count per level.
    mutating func weigh(_ evidences: [Evidence?]) {
        let known = evidences.compactMap { $0 }
        guard !known.isEmpty else { return }
        evidence = known.first { $0.level == known.map(\.level).max() }
        var counts: [String: Int] = [:]
        for item in known { counts[item.level.rawValue, default: 0] += 1 }
        casesByEvidence = counts
    }
}
