/// Sends a request again after a transient failure, as `RetryPolicy` says, within the budget of a shared
/// `RetryTokenBucket`; a request whose first attempt's outcome is unknown is resent only when its `fate` allows.
/// It counts what it retried in `tally` and in `RetryTally.current`. The random source and the pause are given,
/// so tests need neither luck nor a clock.
public struct Retrier: Sendable {
    public let policy: RetryPolicy
    public let bucket: RetryTokenBucket
    /// Every retry of every request sent through this retrier.
    public let tally: RetryTally
    let unit: @Sendable () -> Double
    let pause: @Sendable (Duration) async throws -> Void

    /// - Parameters:
    ///   - unit: a random number in 0..<1 for the jitter of each backoff.
    ///   - pause: waits a backoff; throwing (the task was cancelled) ends the retries.
    public init(
        policy: RetryPolicy, bucket: RetryTokenBucket? = nil, tally: RetryTally = RetryTally(),
        unit: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) },
        pause: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) }
    ) {
        self.policy = policy
        self.bucket = bucket ?? RetryTokenBucket(limits: policy.bucket)
        self.tally = tally
        self.unit = unit
        self.pause = pause
    }

    /// Sends `request` through `attempt` until an answer needs no retry, the attempts or the budget run out, or
    /// its fate forbids another; returns the last answer.
    /// - Throws: the last attempt's `TransportError`, or `.answerLost` when an unanswered request was not resent.
    public func send(
        _ request: TransportRequest, through attempt: (TransportRequest) async throws(TransportError) -> HTTPAnswer
    ) async throws(TransportError) -> HTTPAnswer {
        var number = 1
        var spent = 0
        while true {
            let outcome: Result<HTTPAnswer, TransportError>
            do { outcome = .success(try await attempt(request)) } catch { outcome = .failure(error) }
            let reason: RetryReason? =
                switch outcome {
                case .success(let answer): RetryReason.of(answer)
                case .failure(let error): RetryReason.of(error)
                }
            guard let reason else {
                // As the SDKs: only a success (not a refusal) refills the budget.
                if case .success(let answer) = outcome, answer.status < 400 { bucket.succeeded(spent: spent) }
                return try outcome.get()
            }
            guard number < policy.maxAttempts, !Task.isCancelled, let cost = bucket.take(for: reason) else {
                return try outcome.get()
            }
            if !reason.nothingHappened {
                let kept: String? =
                    switch request.fate {
                    case .idempotent: nil
                    case .unknowable(let why): why
                    case .check(let check):
                        if case .keep(let found) = await check() { found } else { nil }
                    }
                if let kept {
                    bucket.refund(cost)
                    return try Self.lost(outcome, url: request.url, finding: kept)
                }
            }
            spent += cost
            tally.add(reason)
            RetryTally.current?.add(reason)
            do { try await pause(policy.backoff(beforeRetry: number, unit: unit())) } catch { return try outcome.get() }
            number += 1
        }
    }

    /// An answer (a 5xx) is returned to be judged as it is; a missing one becomes `.answerLost` with the finding.
    static func lost(_ outcome: Result<HTTPAnswer, TransportError>, url: String, finding: String)
        throws(TransportError) -> HTTPAnswer
    {
        switch outcome {
        case .success(let answer): return answer
        case .failure(let error): throw .answerLost(url, cause: error.label, finding: finding)
        }
    }
}
