import NIOCore

/// Limits and choices of the socket transports: the timeout per answer, the largest answer read, retries
/// (`RetryPolicy`), connections and threads, and the certificates https trusts.
public struct TransportOptions: Sendable {
    public var timeout: Duration
    public var maxAnswerBytes: Int
    /// When a request is sent again (throttling, 503, 500/502/504, transport failures) and how soon.
    public var retry: RetryPolicy
    public var connections: Int
    /// A PEM file of certificates trusted for https besides the system's (a private CA, a local TLS proxy).
    public var caBundle: String?
    /// Threads of the plain-http client. Half the cores by default: the endpoint under test usually
    /// shares the machine, and on two cores one client thread measured as fast as two with less CPU
    /// (fewer context switches).
    public var eventLoopThreads: Int
    /// False when answers cannot be lost on the way (the embedded server, in this process on loopback): a change
    /// whose answer is lost is then never resent, and nothing is read before a change to tell its fate afterwards
    /// (those reads cost a sixth of a whole run against the embedded server).
    public var answersMayBeLost = true

    public init(
        timeout: Duration = .seconds(30), maxAnswerBytes: Int = 8 << 20, retry: RetryPolicy = .standard,
        connections: Int = 8,
        caBundle: String? = nil, eventLoopThreads: Int = max(1, System.coreCount / 2)
    ) {
        self.timeout = timeout
        self.maxAnswerBytes = maxAnswerBytes
        self.retry = retry
        self.connections = connections
        self.caBundle = caBundle
        self.eventLoopThreads = max(1, eventLoopThreads)
    }
}

extension Duration {
    /// The duration in seconds, with its fraction.
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }

    /// The same span for NIO.
    var timeAmount: TimeAmount { .nanoseconds(Int64(seconds * 1e9)) }
}
