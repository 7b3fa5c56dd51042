import NIOCore

/// Limits and choices of the socket transports: the timeout per answer, the largest answer read, retries
/// (`RetryPolicy`), connections and threads, and which client carries plain http.
public struct TransportOptions: Sendable {
    public var timeout: Duration
    public var maxAnswerBytes: Int
    /// When a request is sent again (throttling, 503, 500/502/504, transport failures) and how soon.
    public var retry: RetryPolicy
    public var connections: Int
    /// Sends plain http through AsyncHTTPClient too (to compare the two clients; slower).
    public var asyncHTTPClientOnly: Bool
    /// Threads of the plain-http client. Half the cores by default: the endpoint under test usually
    /// shares the machine, and on two cores one client thread measured as fast as two with less CPU
    /// (fewer context switches).
    public var eventLoopThreads: Int

    public init(
        timeout: Duration = .seconds(30), maxAnswerBytes: Int = 8 << 20, retry: RetryPolicy = .standard,
        connections: Int = 8,
        asyncHTTPClientOnly: Bool = false, eventLoopThreads: Int = max(1, System.coreCount / 2)
    ) {
        self.timeout = timeout
        self.maxAnswerBytes = maxAnswerBytes
        self.retry = retry
        self.connections = connections
        self.asyncHTTPClientOnly = asyncHTTPClientOnly
        self.eventLoopThreads = max(1, eventLoopThreads)
    }
}

extension Duration {
    /// The duration in seconds, with its fraction.
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }

    /// The same span for NIO.
    var timeAmount: TimeAmount { .nanoseconds(Int64(seconds * 1e9)) }
}
