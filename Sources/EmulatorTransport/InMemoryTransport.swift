import ReferenceServer
import Transport

/// Hands each request straight to a reference server's emulator in the same process: no socket, no port,
/// no event loop, no timing. The request goes through `ReferenceServer.answer(method:path:query:headers:body:)`,
/// the entry the HTTP server calls once it has read a request, so the body limit, SigV4 verification, the
/// form decoding and the faults are exactly those of the server; only the bytes on the wire are skipped.
///
/// ```swift
/// let transport = InMemoryTransport(emulator: NeptuneEmulator(spec: spec))
/// let answer = try await transport.send(
///     url: InMemoryTransport.url, headers: [], body: "Action=DescribeDBClusters&Version=2014-10-31")
/// ```
public struct InMemoryTransport: HTTPTransport {
    /// A URL for endpoints that use this transport. Any http(s) URL works: its host (and port) become the
    /// `Host` header, as on the wire, and its path and query reach the emulator.
    public static let url = "http://reference-server.in-memory/"

    public let server: ReferenceServer

    /// A transport to `server` (its emulator and body limit; host and port are not used).
    public init(server: ReferenceServer) {
        self.server = server
    }

    /// A transport to a server around `emulator` with the server's default body limit.
    public init(emulator: NeptuneEmulator) {
        self.init(server: ReferenceServer(emulator: emulator))
    }

    /// Answers `request` from the emulator. Its timeout is not used: the emulator answers without waiting.
    /// - Throws: `TransportError.invalidURL` for a URL that is not http(s); `.other` when the task is cancelled.
    public func send(_ request: TransportRequest) async throws(TransportError) -> HTTPAnswer {
        guard let target = HTTPRequestTarget(url: request.url) else { throw .invalidURL(request.url) }
        if Task.isCancelled { throw .other(request.url, detail: "cancelled") }
        // The header lines a server reads from the lean client's request: the given ones (a given Host or
        // Content-Length is replaced, as on the wire), the body's length, and the URL's Host.
        var headers = request.headers.filter { name, _ in
            let lower = name.lowercased()
            return lower != "host" && lower != "content-length"
        }
        if !(request.method == "GET" && request.body.isEmpty) {
            headers.append(("Content-Length", String(request.body.utf8.count)))
        }
        headers.append(("Host", target.hostHeader))
        let answer = await server.answer(
            method: request.method, path: target.path, query: target.query, headers: headers, body: request.body)
        let answerHeaders = [
            HTTPHeader(name: "Content-Type", value: answer.contentType),
            HTTPHeader(name: "Content-Length", value: String(answer.body.utf8.count)),
        ]
        return HTTPAnswer(status: answer.status, headers: answerHeaders, body: answer.body)
    }

    /// Nothing to close.
    public func shutdown() async {}
}
