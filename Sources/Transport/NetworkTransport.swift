/// The transport over sockets: `http://` and `https://` through `LeanHTTPTransport`; transient failures are
/// retried by a `Retrier` as the AWS SDKs' standard mode does (`TransportOptions.retry`).
public final class NetworkTransport: HTTPTransport {
    public let options: TransportOptions
    public let lean: LeanHTTPTransport
    let retrier: Retrier

    /// - Parameter retrier: how failures are retried; nil: one following `options.retry` with its own budget.
    public init(options: TransportOptions = TransportOptions(), retrier: Retrier? = nil) {
        self.options = options
        self.retrier = retrier ?? Retrier(policy: options.retry)
        lean = LeanHTTPTransport(options: options)
    }

    public func shutdown() async {
        await lean.shutdown()
    }

    public func preferredExecutor(forWorker worker: Int) -> (any TaskExecutor)? {
        lean.preferredExecutor(forWorker: worker)
    }

    /// Sends one request, retried as `options.retry` says; throws only when no HTTP answer came back.
    public func send(_ request: TransportRequest) async throws(TransportError) -> HTTPAnswer {
        try await retrier.send(request) { (request) throws(TransportError) in try await lean.send(request) }
    }

    public var retriesUnknownFates: Bool { options.answersMayBeLost && retrier.policy.maxAttempts > 1 }

    /// Every retry this transport made, by reason.
    public var retries: RetryTally { retrier.tally }
}
