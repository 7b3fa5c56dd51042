import CaseGenerator
import ConformanceRunner
import ConformanceSpec

extension ExploreReport {
    /// The run as the suite's reports read it, so JUnit, HTML and Markdown show it as they show `run`'s: one failed
    /// result per difference (its minimal sequence as the summary, its findings with their evidence, the curl line of
    /// its last step, the target's answer), and one result for the run as a whole, passed when nothing differed.
    public func runReport(apiVersion: String) -> RunReport {
        var results = differences.map { difference in
            var result = CaseResult(
                id: "explore/\(difference.number)/\(difference.operation)", operation: difference.operation,
                kind: .stateful, tags: ["explore"] + (difference.inferred ? ["evidence:inferred"] : []), covers: [],
                summary: "minimal sequence (\(difference.shrunkLength) of \(difference.originalLength) steps"
                    + (difference.reproduced ? "" : ", not reproduced when replayed") + "): "
                    + difference.steps.joined(separator: " -> "),
                verdict: .failed, reason: difference.findings.first?.description,
                findings: difference.findings, requestBody: difference.curl.last,
                expected: "what the reference server answers to the same sequence", actualStatus: nil,
                actualBody: difference.targetAnswer)
            result.evidence = difference.findings.compactMap(\.evidence).first
            return result
        }
        let reached = coverage.count
        results.append(
            CaseResult(
                id: "explore/run", operation: "explore", kind: .stateful, tags: ["explore"], covers: [],
                summary: "\(steps) steps in \(sequences) sequences from seed \(seed), \(reached) (kind, state, "
                    + "operation) triples reached, ended by \(endedBy)",
                verdict: differences.isEmpty && leftovers.isEmpty ? .passed : .failed,
                reason: differences.isEmpty
                    ? (leftovers.isEmpty ? nil : "\(leftovers.count) resource(s) left on the target")
                    : "\(differences.count) difference(s) from the reference",
                expected: "no difference from the reference server, nothing left on the target"))
        return RunReport(
            endpoint: target, apiVersion: apiVersion, seed: seed, startedAt: "", durationSeconds: seconds,
            comparison: "explore", results: results, leftovers: leftovers, notes: notes)
    }
}
