import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1
import NIOPosix
import Transport

/// A loopback HTTP/1.1 proxy that passes requests on to `upstream` through the weather: each request read is
/// throttled, answered 503, dropped or delayed as `Weather` draws, else passed on and its answer passed back.
/// `GET /__weather` answers what it did so far as JSON (`WeatherCounts`), and is not counted.
public final class WeatherProxy: Sendable {
    public let upstream: String
    public let weather: Weather
    let dice: WeatherDice
    let tally = NIOLockedValueBox(WeatherCounts())
    /// One attempt per request: retrying is the client's business.
    let transport: NetworkTransport

    /// The path that answers the counts.
    public static let statsPath = "/__weather"

    /// - Parameters:
    ///   - upstream: `http://host:port` of the endpoint behind the proxy; a request's path and query are added.
    ///   - timeout: the longest wait for the upstream's answer (the client gets a 502 after it).
    public init(upstream: String, weather: Weather, timeout: Duration = .seconds(120)) {
        self.upstream = upstream.hasSuffix("/") ? String(upstream.dropLast()) : upstream
        self.weather = weather
        dice = WeatherDice(seed: weather.seed)
        transport = NetworkTransport(options: TransportOptions(timeout: timeout, retry: .off, connections: 64))
    }

    /// What the proxy has done so far.
    public var counts: WeatherCounts { tally.withLockedValue { $0 } }

    /// Listens on `host:port` (0: a free port) until the task is cancelled; `listening` gets the port once bound.
    /// - Throws: when the address cannot be bound.
    public func run(host: String = "127.0.0.1", port: Int = 0, listening: @Sendable (Int) -> Void) async throws {
        let server = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .bind(host: host, port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    return try NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>(
                        wrappingChannelSynchronously: channel)
                }
            }
        listening(server.channel.localAddress?.port ?? port)
        await withDiscardingTaskGroup { group in
            try? await server.executeThenClose { connections in
                for try await connection in connections {
                    group.addTask { await self.serve(connection) }
                }
            }
        }
        await transport.shutdown()
    }

    /// Runs a proxy on a free loopback port for the duration of `body`, which gets its URL.
    public static func withRunning<Result: Sendable>(
        upstream: String, weather: Weather, _ body: (String, WeatherProxy) async throws -> Result
    ) async throws -> Result {
        let proxy = WeatherProxy(upstream: upstream, weather: weather)
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let task = Task {
            defer { continuation.finish() }
            try await proxy.run { continuation.yield($0) }
        }
        defer { task.cancel() }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else {
            try await task.value
            throw CancellationError()
        }
        return try await body("http://127.0.0.1:\(port)", proxy)
    }

    typealias Connection = NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>

    /// One client connection: requests in order, each met with its fate; a dropped one closes the connection.
    func serve(_ connection: Connection) async {
        try? await connection.executeThenClose { inbound, outbound in
            var head: HTTPRequestHead?
            var body = ByteBuffer()
            for try await part in inbound {
                switch part {
                case .head(let received):
                    head = received
                    body.clear()
                case .body(var bytes): body.writeBuffer(&bytes)
                case .end:
                    guard let request = head else { return }
                    head = nil
                    guard try await answer(request, body: body, on: outbound) else { return }
                    if !request.isKeepAlive { return }
                }
            }
        }
    }

    /// Meets one whole request with its fate; false when the connection is to be dropped.
    func answer(
        _ head: HTTPRequestHead, body: ByteBuffer, on outbound: NIOAsyncChannelOutboundWriter<HTTPServerResponsePart>
    )
        async throws -> Bool
    {
        if head.method == .GET, head.uri == Self.statsPath {
            let json = (try? JSONEncoder().encode(counts)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
            try await Self.write(HTTPAnswer(status: 200, contentType: "application/json", body: json), to: outbound)
            return true
        }
        let (first, second) = dice.draw()
        let fate = weather.fate(first, second)
        tally.withLockedValue { $0.count(fate) }
        switch fate {
        case .dropped: return false
        case .throttled:
            try await Self.write(Self.error(400, type: "Sender", code: "Throttling", "Rate exceeded"), to: outbound)
            return true
        case .unavailable:
            try await Self.write(
                Self.error(503, type: "Receiver", code: "ServiceUnavailable", "Service unavailable"), to: outbound)
            return true
        case .delayed:
            try await Task.sleep(for: weather.delayBy)
        case .forwarded: break
        }
        try await Self.write(await forward(head, body: body), to: outbound)
        return true
    }

    /// The upstream's answer to the request, or a 502 saying why there is none.
    func forward(_ head: HTTPRequestHead, body: ByteBuffer) async -> HTTPAnswer {
        let skipped: Set<String> = ["host", "content-length", "connection", "transfer-encoding", "keep-alive"]
        let headers = head.headers.filter { !skipped.contains($0.name.lowercased()) }.map { ($0.name, $0.value) }
        let request = TransportRequest(
            method: head.method.rawValue, url: upstream + head.uri, headers: headers, body: String(buffer: body))
        do {
            return try await transport.send(request)
        } catch {
            tally.withLockedValue { $0.upstreamFailures += 1 }
            return HTTPAnswer(status: 502, contentType: "text/plain", body: "weather proxy: \(error.description)\n")
        }
    }

    /// An AWS query-protocol error answer.
    static func error(_ status: Int, type: String, code: String, _ message: String) -> HTTPAnswer {
        let body =
            "<ErrorResponse><Error><Type>\(type)</Type><Code>\(code)</Code><Message>\(message)</Message></Error>"
            + "<RequestId>\(UUID().uuidString.lowercased())</RequestId></ErrorResponse>"
        return HTTPAnswer(status: status, contentType: "text/xml", body: body)
    }

    static func write(_ answer: HTTPAnswer, to outbound: NIOAsyncChannelOutboundWriter<HTTPServerResponsePart>)
        async throws
    {
        let skipped: Set<String> = ["content-length", "connection", "transfer-encoding", "keep-alive"]
        var headers = HTTPHeaders()
        for header in answer.headers where !skipped.contains(header.name.lowercased()) {
            headers.add(name: header.name, value: header.value)
        }
        let bytes = ByteBuffer(string: answer.body)
        headers.add(name: "Content-Length", value: String(bytes.readableBytes))
        try await outbound.write(
            .head(HTTPResponseHead(version: .http1_1, status: .init(statusCode: answer.status), headers: headers)))
        try await outbound.write(.body(.byteBuffer(bytes)))
        try await outbound.write(.end(nil))
    }
}
