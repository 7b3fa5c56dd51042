import Transport

extension CaseExecutor {
    /// A case whose request drew throttling or HTTP 503 on every attempt is errored, not failed: the endpoint said
    /// it did nothing and to come back later, which says nothing about the contract.
    static func leaveWeatherUnjudged(_ result: inout CaseResult) {
        guard result.verdict == .failed, let status = result.actualStatus, let body = result.actualBody,
            let reason = RetryReason.of(HTTPAnswer(status: status, body: body)), reason.nothingHappened
        else { return }
        let what = reason == .throttling ? "throttling (HTTP \(status))" : "HTTP 503 (unavailable)"
        result.verdict = .errored
        result.reason =
            "the endpoint answered \(what) on every attempt, retries included (--retries): not judged, try again later"
    }
}
