import NIOCore

/// Limits and choices of the socket transports: the timeout per answer, the largest answer read, retries
/// after throttling, connections and threads, and which client carries plain http.
public struct TransportOptions: Sendable {
    public var timeout: Duration
    public var maxAnswerBytes: Int
    /// Retries after a throttling answer (`Throttling`, `ThrottlingException`, `RequestLimitExceeded`, HTTP 429).
    public var throttlingRetries: Int
    public var connections: Int
    /// Sends plain http through AsyncHTTPClient too (to compare the two clients; slower).
    public var asyncHTTPClientOnly: Bool
    /// Threads of the plain-http client. Half the cores by default: the endpoint under test usually
    /// shares the machine, and on two cores one client thread measured as fast as two with less CPU
    /// (fewer context switches).
    public var eventLoopThreads: Int

    public init(
        timeout: Duration = .seconds(30), maxAnswerBytes: Int = 8 << 20, throttlingRetries: Int = 4,
        connections: Int = 8,
        asyncHTTPClientOnly: Bool = false, eventLoopThreads: Int = max(1, System.coreCount / 2)
    ) {
        self.timeout = timeout
        self.maxAnswerBytes = maxAnswerBytes
        self.throttlingRetries = throttlingRetries
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
