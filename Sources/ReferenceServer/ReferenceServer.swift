import Hummingbird
import Logging
import QueryProtocol

/// The reference server over HTTP: query-protocol POSTs (or GETs with the parameters in the query
/// string) on any path, answered by a `NeptuneEmulator`. Bodies are bounded; what cannot be read
/// gets an AWS-style error, never a crash.
public struct ReferenceServer: Sendable {
    public var emulator: NeptuneEmulator
    public var host: String
    public var port: Int
    public var maxBodySize: Int
    public var logger: Logger

    public init(
        emulator: NeptuneEmulator, host: String = "127.0.0.1", port: Int = 0, maxBodySize: Int = 1 << 20,
        logger: Logger? = nil
    ) {
        self.emulator = emulator
        self.host = host
        self.port = port
        self.maxBodySize = maxBodySize
        var quiet = Logger(label: "neptune-conformance.reference-server")
        quiet.logLevel = .critical
        self.logger = logger ?? quiet
    }

    /// Serves until the calling task is cancelled (or SIGINT/SIGTERM with `handleSignals`); `onRunning`
    /// gets the bound port.
    public func run(handleSignals: Bool = false, onRunning: @escaping @Sendable (Int) async -> Void = { _ in })
        async throws
    {
        let responder = QueryResponder(server: self)
        let app = Application(
            responder: responder,
            configuration: .init(address: .hostname(host, port: port), serverName: "neptune-conformance-reference"),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? 0) },
            logger: logger
        )
        if handleSignals { try await app.runService() } else { try await app.run() }
    }

    /// Starts the server on a free loopback port, runs `body` with its base URL, and stops the server.
    public static func withRunning<T: Sendable>(
        emulator: NeptuneEmulator, logger: Logger? = nil, _ body: @Sendable (String) async throws -> T
    ) async throws -> T {
        let server = ReferenceServer(emulator: emulator, logger: logger)
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        return try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask {
                try await server.run { port in continuation.yield(port) }
                continuation.finish()
                return nil
            }
            var iterator = ports.makeAsyncIterator()
            guard let port = await iterator.next() else {
                group.cancelAll()
                throw ReferenceServerError(description: "the reference server did not start")
            }
            do {
                let result = try await body("http://127.0.0.1:\(port)")
                group.cancelAll()
                return result
            } catch {
                group.cancelAll()
                throw error
            }
        }
    }
}

extension ReferenceServer {
    /// Answers one HTTP request without a socket: what the server does once it has read a request's head and
    /// body. A body over `maxBodySize` is refused with 413, a GET's body is not read, and the emulator sees the
    /// headers (for SigV4 and the content type), the path and the query. `InMemoryTransport` calls this.
    public func answer(method: String, path: String, query: String, headers: [(String, String)], body: String) async
        -> EmulatorAnswer
    {
        if method == "GET" && path == Self.inventoryPath {
            let lines = await emulator.inventory()
            return EmulatorAnswer(status: 200, contentType: "text/plain", body: lines.map { $0 + "\n" }.joined())
        }
        if method == "GET" {
            if let cached = emulator.cachedAnswer(method: method, query: query, headers: headers, body: "") {
                return cached
            }
            return await emulator.handle(method: method, path: path, query: query, headers: headers, body: "")
        }
        if method == "POST" && path == Self.resetPath {
            await emulator.reset()
            return EmulatorAnswer(status: 200, contentType: "application/json", body: #"{"status": "ok"}"#)
        }
        guard body.utf8.count <= maxBodySize else { return bodyTooLarge }
        // A repeated read is answered from what the emulator published, without a hop to its actor.
        if let cached = emulator.cachedAnswer(method: method, query: query, headers: headers, body: body) {
            return cached
        }
        return await emulator.handle(method: method, path: path, query: query, headers: headers, body: body)
    }

    /// POST here forgets every resource: the path moto's server mode calls before each test (`/moto-api/reset`),
    /// so suites written for moto's server mode run against `serve`. No Neptune request goes to it.
    public static let resetPath = "/moto-api/reset"

    /// GET here lists every resource of every region, one a line (`NeptuneEmulator.inventory`), for tests that check
    /// a run through `serve` left nothing behind. No Neptune request goes to it.
    public static let inventoryPath = "/__inventory"

    /// The answer to a body larger than `maxBodySize`.
    var bodyTooLarge: EmulatorAnswer {
        emulator.errorAnswer(
            code: "RequestEntityTooLarge", message: "The request body exceeds \(maxBodySize) bytes.", status: 413)
    }
}

public struct ReferenceServerError: Error, CustomStringConvertible {
    public var description: String
}

struct QueryResponder: HTTPResponder {
    typealias Context = BasicRequestContext
    let server: ReferenceServer
    var logger: Logger { server.logger }

    func respond(to request: Hummingbird.Request, context: Context) async throws -> Response {
        let started = ContinuousClock.now
        let answer: EmulatorAnswer
        do {
            var body = ""
            if request.method != .get {
                let buffer = try await request.body.collect(upTo: server.maxBodySize)
                body = String(buffer: buffer)
            }
            let headers =
                request.headers.map { ($0.name.rawName, $0.value) }
                + [("Host", request.head.authority ?? "")].filter { !$0.1.isEmpty }
            answer = await server.answer(
                method: request.method.rawValue, path: request.uri.path, query: request.uri.query ?? "",
                headers: headers, body: body)
        } catch {
            answer = server.bodyTooLarge
        }
        if logger.logLevel <= .info {
            let elapsed = ContinuousClock.now - started
            logger.info(
                "\(request.method) \(request.uri.path) -> \(answer.status) in \(elapsed.formatted(.units(allowed: [.milliseconds], fractionalPart: .show(length: 2))))"
            )
        }
        var headers = HTTPFields()
        headers[.contentType] = answer.contentType
        return Response(
            status: HTTPResponse.Status(code: answer.status), headers: headers,
            body: ResponseBody(byteBuffer: ByteBuffer(string: answer.body)))
    }
}
