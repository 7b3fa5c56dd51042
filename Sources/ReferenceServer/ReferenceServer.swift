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
        switch await reply(method: method, path: path, query: query, headers: headers, body: body) {
        case .answer(let answer): answer
        case .kept(let entry, let requestId): entry.answer(requestId: requestId)
        }
    }

    /// `answer`'s answer as the HTTP layer writes it: a kept read's parts are copied into the response body once.
    func reply(method: String, path: String, query: String, headers: [(String, String)], body: String) async -> Reply {
        if method == "GET" && path == Self.inventoryPath {
            let lines = await emulator.inventory()
            return .answer(
                EmulatorAnswer(status: 200, contentType: "text/plain", body: lines.map { $0 + "\n" }.joined()))
        }
        let body = method == "GET" ? "" : body
        if method == "POST" && path == Self.resetPath {
            await emulator.reset()
            return .answer(EmulatorAnswer(status: 200, contentType: "application/json", body: #"{"status": "ok"}"#))
        }
        guard body.utf8.count <= maxBodySize else { return .answer(bodyTooLarge) }
        // A repeated read is answered from what the emulator published, without a hop to its actor.
        if let entry = emulator.keptAnswer(method: method, query: query, headers: headers, body: body) {
            return .kept(entry, requestId: AnswerRenderer.requestId())
        }
        return .answer(await emulator.handle(method: method, path: path, query: query, headers: headers, body: body))
    }

    /// An answer of the emulator, or a read's answer it kept (`ReadAnswerCache`) with the RequestId it gets now.
    enum Reply {
        case answer(EmulatorAnswer)
        case kept(ReadAnswerCache.Entry, requestId: String)
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
        let reply: ReferenceServer.Reply
        do {
            var body = ""
            if request.method != .get {
                let buffer = try await request.body.collect(upTo: server.maxBodySize)
                body = String(buffer: buffer)
            }
            var headers: [(String, String)] = []
            headers.reserveCapacity(request.headers.count + 1)
            for field in request.headers { headers.append((field.name.rawName, field.value)) }
            if let authority = request.head.authority, !authority.isEmpty { headers.append(("Host", authority)) }
            reply = await server.reply(
                method: request.method.rawValue, path: request.uri.path, query: request.uri.query ?? "",
                headers: headers, body: body)
        } catch {
            reply = .answer(server.bodyTooLarge)
        }
        let status: Int
        let contentType: String
        var bytes: ByteBuffer
        switch reply {
        case .answer(let answer):
            (status, contentType, bytes) = (answer.status, answer.contentType, ByteBuffer(string: answer.body))
        case .kept(let entry, let requestId):
            (status, contentType) = (entry.status, entry.contentType)
            bytes = ByteBuffer()
            bytes.reserveCapacity(entry.head.utf8.count + requestId.utf8.count + entry.tail.utf8.count)
            bytes.writeString(entry.head)
            bytes.writeString(requestId)
            bytes.writeString(entry.tail)
        }
        if logger.logLevel <= .info {
            let elapsed = ContinuousClock.now - started
            logger.info(
                "\(request.method) \(request.uri.path) -> \(status) in \(elapsed.formatted(.units(allowed: [.milliseconds], fractionalPart: .show(length: 2))))"
            )
        }
        var headers = HTTPFields()
        headers[.contentType] = contentType
        return Response(
            status: HTTPResponse.Status(code: status), headers: headers, body: ResponseBody(byteBuffer: bytes))
    }
}
