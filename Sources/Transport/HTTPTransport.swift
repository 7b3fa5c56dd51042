/// Sends one HTTP request and reads its whole answer. The runner talks to this, and to nothing below it:
/// `NetworkTransport` over sockets (the lean HTTP/1.1 client, TLS through swift-nio-ssl),
/// or an in-memory transport that hands requests to an emulator in the same process.
public protocol HTTPTransport: Sendable {
    /// Sends `request` and returns its whole answer, whatever its status.
    /// - Throws: `TransportError` only when no complete HTTP answer came back (refused, reset, timed out,
    ///   too large, not HTTP).
    func send(_ request: TransportRequest) async throws(TransportError) -> HTTPAnswer

    /// Closes connections and stops threads; nothing is sent afterwards.
    func shutdown() async

    /// Where a worker should run to send through this transport without thread hops (pass it to
    /// `addTask(executorPreference:)`); nil when it does not matter.
    func preferredExecutor(forWorker worker: Int) -> (any TaskExecutor)?

    /// True when the transport may send a request again after an unknown outcome (and so asks `fate`).
    var retriesUnknownFates: Bool { get }
}

extension HTTPTransport {
    public func preferredExecutor(forWorker worker: Int) -> (any TaskExecutor)? { nil }

    public var retriesUnknownFates: Bool { false }

    /// Sends one request with the transport's own timeout.
    /// - Throws: `TransportError` when no complete HTTP answer came back.
    public func send(
        url: String, method: String = "POST", headers: [(String, String)], body: String,
        fate: RequestFate = .idempotent
    ) async throws(TransportError) -> HTTPAnswer {
        try await send(TransportRequest(method: method, url: url, headers: headers, body: body, fate: fate))
    }
}
