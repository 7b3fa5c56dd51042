/// The transport over sockets: plain `http://` through `LeanHTTPTransport` (unless
/// `asyncHTTPClientOnly`), everything else through `AsyncHTTPClientTransport`; throttling answers are
/// retried with exponential backoff, nothing else is.
public final class NetworkTransport: HTTPTransport {
    public let options: TransportOptions
    public let lean: LeanHTTPTransport
    public let general: AsyncHTTPClientTransport

    public init(options: TransportOptions = TransportOptions()) {
        self.options = options
        lean = LeanHTTPTransport(options: options)
        general = AsyncHTTPClientTransport(options: options)
    }

    public func shutdown() async {
        await lean.shutdown()
        await general.shutdown()
    }

    public func preferredExecutor(forWorker worker: Int) -> (any TaskExecutor)? {
        lean.preferredExecutor(forWorker: worker)
    }

    /// Sends one request; retries throttled answers; throws only when no HTTP answer came back.
    public func send(_ request: TransportRequest) async throws(TransportError) -> HTTPAnswer {
        var attempt = 0
        while true {
            let answer = try await sendOnce(request)
            guard attempt < options.throttlingRetries, Self.isThrottling(answer) else { return answer }
            attempt += 1
            let backoff = Duration.milliseconds(100 * (1 << attempt) + Int.random(in: 0..<50))
            do { try await Task.sleep(for: backoff) } catch { return answer }
        }
    }

    func sendOnce(_ request: TransportRequest) async throws(TransportError) -> HTTPAnswer {
        if !options.asyncHTTPClientOnly, let target = lean.client.target(request.url) {
            return try await lean.send(request, to: target)
        }
        return try await general.send(request)
    }

    /// HTTP 429, or a 400 or 503 whose code says throttling.
    static func isThrottling(_ answer: HTTPAnswer) -> Bool {
        if answer.status == 429 { return true }
        guard answer.status == 400 || answer.status == 503 else { return false }
        return ["<Code>Throttling</Code>", "<Code>ThrottlingException</Code>", "<Code>RequestLimitExceeded</Code>"]
            .contains { answer.body.contains($0) }
    }
}
