import ConformanceSpec

/// How much of the contract an endpoint honours: the share of spec items (constraints, rules,
/// preconditions) whose every exercising case passed, beside the share of cases that passed;
/// overall and per operation. Skipped cases count for neither.
public struct ConformanceScore: Sendable, Codable, Equatable {
    public struct Share: Sendable, Codable, Equatable {
        public var good: Int
        public var total: Int
        /// 0...100, one decimal; 100 when there is nothing to judge.
        public var percent: Double

        public init(good: Int, total: Int) {
            self.good = good
            self.total = total
            percent = total == 0 ? 100 : (Double(good) / Double(total) * 1000).rounded() / 10
        }
    }

    public struct Operation: Sendable, Codable, Equatable {
        public var name: String
        public var items: Share
        public var cases: Share
    }

    /// Spec items honoured, of those the run exercised.
    public var items: Share
    /// Cases passed, of those judged.
    public var cases: Share
    public var operations: [Operation]
    /// Cases passed, of those judged, by the evidence of their expectation (`documented`, `observed`, `inferred`).
    public var byEvidence: [String: Share]?

    public init(coverage: [ConstraintCoverage], results: [CaseResult]) {
        let judged = results.filter { $0.verdict != .skipped }
        let exercised = coverage.compactMap { item -> (operation: String, honoured: Bool)? in
            let verdicts = item.cases.values.filter { $0 != .skipped }
            guard !verdicts.isEmpty else { return nil }
            return (Self.operation(of: item.item), verdicts.allSatisfy { $0 == .passed })
        }
        items = Share(good: exercised.filter(\.honoured).count, total: exercised.count)
        cases = Share(good: judged.filter { $0.verdict == .passed }.count, total: judged.count)
        var names: [String] = []
        for result in judged where !names.contains(result.operation) { names.append(result.operation) }
        operations = names.map { name in
            let mine = exercised.filter { $0.operation == name }
            let runs = judged.filter { $0.operation == name }
            return Operation(
                name: name, items: Share(good: mine.filter(\.honoured).count, total: mine.count),
                cases: Share(good: runs.filter { $0.verdict == .passed }.count, total: runs.count))
        }
        var levels: [String: (good: Int, total: Int)] = [:]
        for result in judged {
            guard let level = result.evidence?.level.rawValue else { continue }
            levels[level, default: (0, 0)].total += 1
            if result.verdict == .passed { levels[level, default: (0, 0)].good += 1 }
        }
        byEvidence = levels.isEmpty ? nil : levels.mapValues { Share(good: $0.good, total: $0.total) }
    }

    /// The operation an item id begins with: `Op` of `Op.Port#range` and of `Op#exclusive`.
    static func operation(of item: String) -> String { SpecItemID(item).operation }

    /// A shields.io endpoint badge: `https://img.shields.io/endpoint?url=<where badge.json is served>`.
    public var badge: Badge {
        let percent = items.percent
        let color =
            percent >= 99.95
            ? "brightgreen" : percent >= 90 ? "green" : percent >= 75 ? "yellow" : percent >= 50 ? "orange" : "red"
        let text = percent == percent.rounded() ? String(Int(percent)) : String(percent)
        return Badge(label: "Neptune conformance", message: "\(text)% of spec items", color: color)
    }

    public struct Badge: Sendable, Codable, Equatable {
        public var schemaVersion = 1
        public var label: String
        public var message: String
        public var color: String
    }
}
