import ConformanceRunner

/// Makes a differing sequence as small as it stays differing: replays it from a clean state with chunks of steps
/// removed (halves, then quarters, down to single steps; never the last, differing one), then with each optional
/// parameter dropped, keeping every change after which the last step still differs the same way.
struct SequenceShrinker {
    /// Replays a sequence from a clean state and returns its records.
    let replay: ([ExploreStep]) async -> [StepRecord]
    /// What the last step's difference must stay (`DifferenceSignature`).
    let signature: String
    /// Replays allowed in all.
    let budget: Int

    struct Outcome {
        var steps: [ExploreStep]
        var records: [StepRecord]
        var replays: Int
        /// False when the whole sequence did not differ again when replayed (a difference that needs more than it).
        var reproduced: Bool
    }

    func shrink(_ steps: [ExploreStep]) async -> Outcome {
        var replays = 0
        var best = steps
        var bestRecords = await replay(steps)
        replays += 1
        guard still(bestRecords) else {
            return Outcome(steps: steps, records: bestRecords, replays: replays, reproduced: false)
        }
        func attempt(_ candidate: [ExploreStep]) async -> Bool {
            guard replays < budget else { return false }
            replays += 1
            let records = await replay(candidate)
            guard still(records) else { return false }
            best = candidate
            bestRecords = records
            return true
        }
        var chunk = max(1, (best.count - 1) / 2)
        while chunk >= 1 && replays < budget {
            var start = best.count - 1 - chunk
            while start >= 0 && replays < budget {
                var candidate = best
                candidate.removeSubrange(start..<(start + chunk))
                if await attempt(candidate) { start = min(start, best.count - 1 - chunk) } else { start -= chunk }
            }
            if chunk == 1 { break }
            chunk /= 2
        }
        for index in best.indices {
            for name in best[index].optional where replays < budget {
                var candidate = best
                candidate[index] = candidate[index].dropping(name)
                _ = await attempt(candidate)
            }
        }
        var index = best.count - 2
        while index >= 0 && replays < budget {
            var candidate = best
            candidate.remove(at: index)
            _ = await attempt(candidate)
            index -= 1
        }
        return Outcome(steps: best, records: bestRecords, replays: replays, reproduced: true)
    }

    private func still(_ records: [StepRecord]) -> Bool {
        guard let last = records.last, last.differs else { return false }
        return DifferenceSignature.of(last) == signature
    }
}

/// What makes two differences the same: the operation, each finding's kind and path (list positions left out) and
/// the two error codes.
enum DifferenceSignature {
    static func of(_ record: StepRecord) -> String {
        let parts = Set(
            record.findings.filter { !$0.warning }.map { finding in
                let path = finding.path.replacingOccurrences(of: #"\[\d+\]"#, with: "", options: .regularExpression)
                let detail = finding.kind == .code || finding.kind == .status ? "=\(finding.found ?? "")" : ""
                return "\(finding.kind.rawValue)@\(path)\(detail)"
            })
        return record.step.operation + " " + parts.sorted().joined(separator: ",")
    }
}
