/// When and how soon a request is sent again, as the AWS SDKs' standard retry mode does: throttling, 503,
/// 500/502/504 and transport failures are retried, at most `maxAttempts` attempts in all, after an exponential
/// backoff with full jitter (a random wait between 0 and `base * 2^(attempt-1)`, capped at `maxBackoff`), while a
/// shared `RetryTokenBucket` has tokens. What may be resent when the first attempt's fate is unknown is the
/// request's own business (`TransportRequest.fate`).
public struct RetryPolicy: Sendable, Equatable {
    /// Attempts of one request in all, the first included (1: no retries).
    public var maxAttempts: Int
    /// The longest wait before the first retry; it doubles with each further retry.
    public var base: Duration
    /// The longest wait before any retry.
    public var maxBackoff: Duration
    /// The retry budget shared by a transport's requests.
    public var bucket: RetryTokenBucket.Limits

    public init(
        maxAttempts: Int = 3, base: Duration = .milliseconds(100), maxBackoff: Duration = .seconds(20),
        bucket: RetryTokenBucket.Limits = .init()
    ) {
        self.maxAttempts = max(1, maxAttempts)
        self.base = base
        self.maxBackoff = maxBackoff
        self.bucket = bucket
    }

    /// The SDKs' standard mode: 3 attempts, 100 ms doubling, at most 20 s, a bucket of 500 tokens.
    public static let standard = RetryPolicy()

    /// One attempt only.
    public static let off = RetryPolicy(maxAttempts: 1)

    /// The wait before retry number `retry` (1 for the first retry): uniformly random in
    /// `0 ..< min(maxBackoff, base * 2^(retry-1))`, `unit` being a random number in 0..<1.
    public func backoff(beforeRetry retry: Int, unit: Double) -> Duration {
        let ceiling = min(maxBackoff.seconds, base.seconds * Double(1 << min(max(retry - 1, 0), 30)))
        let fraction = min(max(unit, 0), 0.999_999_999)
        return .nanoseconds(Int64(ceiling * fraction * 1e9))
    }
}

/// Why a request is worth another attempt; nil from `RetryReason.of` when its outcome is final.
public enum RetryReason: String, Sendable, CaseIterable, Codable, Comparable {
    /// A 400, 429 or 503 answer whose code says throttling (`Throttling`, `ThrottlingException`,
    /// `RequestLimitExceeded`), or HTTP 429: the service did nothing.
    case throttling
    /// HTTP 503 (`ServiceUnavailable` or no code): the service did nothing.
    case unavailable = "503"
    /// HTTP 500, 502 or 504: the service may or may not have acted.
    case serverError = "5xx"
    /// The connection closed or reset after the request may have been sent, without an answer.
    case dropped
    /// No whole answer in time.
    case timeout
    /// The connection could not be made (or was found closed before anything was written): nothing was sent.
    case refused

    public static func < (lhs: RetryReason, rhs: RetryReason) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// True when the endpoint surely did not act on the request, so resending it is always safe.
    public var nothingHappened: Bool { self == .throttling || self == .unavailable || self == .refused }

    /// The retry reason of an answer, or nil when it is final.
    public static func of(_ answer: HTTPAnswer) -> RetryReason? {
        if isThrottling(answer) { return .throttling }
        switch answer.status {
        case 503: return .unavailable
        case 500, 502, 504: return .serverError
        default: return nil
        }
    }

    /// The retry reason of a transport failure, or nil when another attempt cannot help (a bad URL, TLS, an answer
    /// too large).
    public static func of(_ error: TransportError) -> RetryReason? {
        switch error {
        case .connectionRefused: .refused
        case .connectionReset: .dropped
        case .timeout: .timeout
        case .answerTooLarge, .tls, .invalidURL, .other, .answerLost: nil
        }
    }

    /// HTTP 429, or a 400 or 503 whose error code says throttling.
    public static func isThrottling(_ answer: HTTPAnswer) -> Bool {
        if answer.status == 429 { return true }
        guard answer.status == 400 || answer.status == 503 else { return false }
        return ["<Code>Throttling</Code>", "<Code>ThrottlingException</Code>", "<Code>RequestLimitExceeded</Code>"]
            .contains { answer.body.contains($0) }
    }
}
