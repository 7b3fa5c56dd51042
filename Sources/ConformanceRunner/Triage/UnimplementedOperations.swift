/// The operations an endpoint does not implement: every case of the operation that sent its request (or a set-up step
/// of the same operation) got a server error (HTTP 5xx), a page that is not XML, `InvalidAction`, or no answer at all;
/// cases refused in set-up by other operations say nothing either way. moto 5.2.1 answers an HTML
/// 500 to every DB cluster endpoint operation: one fact, reported as one finding per operation instead of being
/// spread over server errors on each constraint and refused set-up steps of other operations' cases.
enum UnimplementedOperations {
    /// The names of the operations `results` show are not implemented.
    static func find(in results: [CaseResult]) -> Set<String> {
        var byOperation: [String: [CaseResult]] = [:]
        for result in results
        where result.verdict != .skipped && result.kind != .protocol
            && result.kind != .signature
        {
            byOperation[result.operation, default: []].append(result)
        }
        // An endpoint that answers nothing anywhere is down or unreachable, which says nothing of what it implements.
        guard byOperation.values.joined().contains(where: { setupOperation(of: $0) == nil && !isUnanswered($0) })
        else { return [] }
        // Cases refused in set-up by another operation say nothing of this one (under load, moto answers a set-up
        // create with HTTP 500 now and then); a set-up step of the operation itself is one more of its answers.
        return Set(
            byOperation.compactMap { operation, cases -> String? in
                let own = cases.filter { !isNeutral($0) && [nil, operation].contains(setupOperation(of: $0)) }
                return !own.isEmpty && own.allSatisfy(isUnanswered) ? operation : nil
            })
    }

    /// The unimplemented operation a departing case belongs to: its own, or the one whose set-up step failed.
    static func operation(of result: CaseResult, among unimplemented: Set<String>) -> String? {
        guard !unimplemented.isEmpty, result.verdict == .failed || result.verdict == .errored else { return nil }
        if let step = setupOperation(of: result) { return unimplemented.contains(step) ? step : nil }
        return unimplemented.contains(result.operation) ? result.operation : nil
    }

    /// The operation of the set-up step an errored case failed in (`set-up step 2 (<operation>) was refused: …`).
    static func setupOperation(of result: CaseResult) -> String? {
        guard result.verdict == .errored, let reason = result.reason, reason.hasPrefix("set-up step"),
            let open = reason.firstIndex(of: "("), let close = reason[open...].firstIndex(of: ")")
        else { return nil }
        return String(reason[reason.index(after: open)..<close])
    }

    /// True for an errored case whose request was never sent because a run-time value could not be read from the
    /// endpoint (an answer of another operation): it says nothing of its own operation.
    static func isNeutral(_ result: CaseResult) -> Bool {
        result.verdict == .errored && (result.reason?.contains("could not be filled in") ?? false)
    }

    /// True when the request under test got no answer an implemented operation gives: a 5xx, something that is not
    /// XML, `InvalidAction` (the query protocol's "no such action"), or nothing.
    static func isUnanswered(_ result: CaseResult) -> Bool {
        switch result.verdict {
        case .errored:
            return true
        case .failed, .passed:
            // A passed case counts too: under `--evidence`, a departure from a weaker expectation is only a warning,
            // yet its answer was still a 5xx.
            if let status = result.actualStatus, status >= 500 { return true }
            if result.findings.contains(where: { $0.kind == .notXML }) { return true }
            return result.findings.contains {
                ($0.kind == .code && $0.found == "InvalidAction") || ($0.found?.contains("(InvalidAction:") ?? false)
            }
        default:
            return false
        }
    }
}
