import AsyncHTTPClient
import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import NIOHTTP1

/// Sends requests and reads whole answers: a per-request deadline, a bounded answer size, and retries with
/// exponential backoff for throttling answers only. Plain `http://` goes through `HTTP1Client` (lean keep-alive
/// connections on the transport's own event loops); `https://` through AsyncHTTPClient (TLS, proxies).
public final class HTTPTransport: Sendable {
    public struct Options: Sendable {
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
            timeout: Duration = .seconds(30), maxAnswerBytes: Int = 8 << 20, throttlingRetries: Int = 4, connections: Int = 8,
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

    public let options: Options
    let plain: HTTP1Client
    private let general = NIOLockedValueBox<HTTPClient?>(nil)
    let validated = URLSet()

    public init(options: Options = Options()) {
        self.options = options
        plain = HTTP1Client(threads: min(options.eventLoopThreads, max(1, options.connections)), maxIdlePerHost: max(64, options.connections))
    }

    public func shutdown() async {
        await plain.shutdown()
        if let client = general.withLockedValue({ $0 }) { try? await client.shutdown() }
    }

    /// Where a worker should run to send through this transport without thread hops: pass it to
    /// `addTask(executorPreference:)` or `withTaskExecutorPreference`. Workers spread over the event loops.
    public func preferredExecutor(forWorker worker: Int) -> any TaskExecutor {
        plain.executors[worker % plain.executors.count]
    }

    /// AsyncHTTPClient, made on first use (https, or `asyncHTTPClientOnly`).
    var generalClient: HTTPClient {
        general.withLockedValue { client in
            if let client { return client }
            var configuration = HTTPClient.Configuration(
                redirectConfiguration: .disallow,
                timeout: .init(connect: .seconds(5)),
                connectionPool: .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: max(1, options.connections)),
                decompression: .disabled)
            configuration.httpVersion = .http1Only
            let made = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
            client = made
            return made
        }
    }

    /// Sends one request; retries throttled answers; throws only when no HTTP answer came back.
    public func send(url: String, method: String = "POST", headers: [(String, String)], body: String) async throws(TransportError) -> HTTPAnswer {
        var attempt = 0
        while true {
            let answer = try await sendOnce(url: url, method: method, headers: headers, body: body)
            guard attempt < options.throttlingRetries, Self.isThrottling(answer) else { return answer }
            attempt += 1
            let backoff = Duration.milliseconds(100 * (1 << attempt) + Int.random(in: 0..<50))
            do { try await Task.sleep(for: backoff) } catch { return answer }
        }
    }

    /// http(s) URLs with a host; checked once per distinct URL (parsing a URL per request is costly).
    static func isHTTPURL(_ url: String) -> Bool {
        let lower = url.prefix(8).lowercased()
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://") else { return false }
        guard let parsed = URL(string: url), parsed.host?.isEmpty == false else { return false }
        return true
    }

    static func isThrottling(_ answer: HTTPAnswer) -> Bool {
        if answer.status == 429 { return true }
        guard answer.status == 400 || answer.status == 503 else { return false }
        return ["<Code>Throttling</Code>", "<Code>ThrottlingException</Code>", "<Code>RequestLimitExceeded</Code>"].contains { answer.body.contains($0) }
    }

    var timeoutSeconds: Double { Double(options.timeout.components.seconds) + Double(options.timeout.components.attoseconds) / 1e18 }
    var timeoutAmount: TimeAmount { .nanoseconds(Int64(timeoutSeconds * 1e9)) }

    func sendOnce(url: String, method: String, headers: [(String, String)], body: String) async throws(TransportError) -> HTTPAnswer {
        if !options.asyncHTTPClientOnly, let target = plain.target(url) {
            return try await sendPlain(target, url: url, method: method, headers: headers, body: body)
        }
        guard validated.contains(url) || Self.isHTTPURL(url) else { throw .invalidURL(url) }
        validated.insert(url)
        return try await sendGeneral(url: url, method: method, headers: headers, body: body)
    }

    func sendPlain(_ target: HTTP1Client.Target, url: String, method: String, headers: [(String, String)], body: String) async throws(TransportError) -> HTTPAnswer {
        let seconds = timeoutSeconds
        do {
            let answer = try await plain.execute(
                target, method: HTTPMethod(rawValue: method), headers: headers, body: body,
                timeout: timeoutAmount, maxAnswerBytes: options.maxAnswerBytes)
            return HTTPAnswer(status: answer.status, contentType: answer.contentType, body: String(buffer: answer.body))
        } catch let failure as HTTP1Failure {
            switch failure {
            case .closed where Task.isCancelled: throw .other(url, detail: "cancelled")
            case .busy: throw .other(url, detail: "a connection was given a second request while one was under way")
            case .closed: throw .connectionReset(url)
            case .timeout: throw .timeout(url, seconds: seconds)
            case .tooLarge: throw .answerTooLarge(url, limit: options.maxAnswerBytes)
            case .malformed(let detail): throw .other(url, detail: detail)
            }
        } catch {
            throw Self.classify(error, url: url, seconds: seconds)
        }
    }

    func sendGeneral(url: String, method: String, headers: [(String, String)], body: String) async throws(TransportError) -> HTTPAnswer {
        var request = HTTPClientRequest(url: url)
        request.method = HTTPMethod(rawValue: method)
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if method != "GET" { request.body = .bytes(ByteBuffer(string: body)) }
        let seconds = timeoutSeconds
        do {
            let response = try await generalClient.execute(request, timeout: timeoutAmount)
            if let length = response.headers.first(name: "content-length").flatMap(Int.init), length > options.maxAnswerBytes {
                throw TransportError.answerTooLarge(url, limit: options.maxAnswerBytes)
            }
            let buffer = try await response.body.collect(upTo: options.maxAnswerBytes)
            return HTTPAnswer(status: Int(response.status.code), contentType: response.headers.first(name: "content-type"), body: String(buffer: buffer))
        } catch let error as TransportError {
            throw error
        } catch is NIOTooManyBytesError {
            throw .answerTooLarge(url, limit: options.maxAnswerBytes)
        } catch {
            throw Self.classify(error, url: url, seconds: seconds)
        }
    }

    static func classify(_ error: any Error, url: String, seconds: Double) -> TransportError {
        if let client = error as? HTTPClientError {
            switch client {
            case .deadlineExceeded, .readTimeout, .writeTimeout, .connectTimeout: return .timeout(url, seconds: seconds)
            case .remoteConnectionClosed: return .connectionReset(url)
            case .invalidURL, .emptyHost, .emptyScheme: return .invalidURL(url)
            case .tlsHandshakeTimeout: return .tls("handshake with \(url) timed out")
            default: break
            }
        }
        let text = String(describing: error)
        let lower = text.lowercased()
        if lower.contains("refused") { return .connectionRefused(url) }
        if lower.contains("reset") || lower.contains("eof") || lower.contains("closed") || lower.contains("broken pipe") { return .connectionReset(url) }
        if lower.contains("timeout") || lower.contains("timed out") { return .timeout(url, seconds: seconds) }
        if lower.contains("ssl") || lower.contains("tls") || lower.contains("certificate") { return .tls(text) }
        return .other(url, detail: text)
    }
}

/// URLs already checked, so each is parsed once.
final class URLSet: @unchecked Sendable {
    private let lock = NSLock()
    private var urls = Set<String>()

    func contains(_ url: String) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return urls.contains(url)
    }

    func insert(_ url: String) {
        lock.lock()
        defer { lock.unlock() }
        if urls.count < 64 { urls.insert(url) }
    }
}
