import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// An HTTP answer: status, content type and body text.
public struct HTTPAnswer: Sendable, Equatable, Codable {
    public var status: Int
    public var contentType: String?
    public var body: String

    public init(status: Int, contentType: String? = nil, body: String) {
        self.status = status
        self.contentType = contentType
        self.body = body
    }
}

/// Why a request got no HTTP answer at all. Each failure is its own case, with a sentence for people.
public enum TransportError: Error, Sendable, Equatable, CustomStringConvertible {
    case connectionRefused(String)
    case connectionReset(String)
    case timeout(String, seconds: Double)
    case answerTooLarge(String, limit: Int)
    case tls(String)
    case invalidURL(String)
    case other(String, detail: String)

    public var description: String {
        switch self {
        case .connectionRefused(let url): "connection refused by \(url): is the endpoint running?"
        case .connectionReset(let url): "\(url) closed or reset the connection before a complete answer"
        case .timeout(let url, let seconds): "no complete answer from \(url) within \(Self.seconds(seconds)) (--timeout)"
        case .answerTooLarge(let url, let limit): "the answer from \(url) is larger than \(limit) bytes; it was not read"
        case .tls(let detail): "TLS failed: \(detail)"
        case .invalidURL(let url): "'\(url)' is not a valid http or https URL"
        case .other(let url, let detail): "request to \(url) failed: \(detail)"
        }
    }

    /// A short label for reports (`connection-refused`, `timeout`, ...).
    public var label: String {
        switch self {
        case .connectionRefused: "connection-refused"
        case .connectionReset: "connection-reset"
        case .timeout: "timeout"
        case .answerTooLarge: "answer-too-large"
        case .tls: "tls"
        case .invalidURL: "invalid-url"
        case .other: "transport"
        }
    }

    static func seconds(_ value: Double) -> String { value == value.rounded() ? "\(Int(value)) s" : "\(value) s" }
}

/// POSTs form bodies with AsyncHTTPClient: pooled connections, a per-request deadline, a bounded
/// answer size, and retries with exponential backoff for throttling answers only.
public final class HTTPTransport: Sendable {
    public struct Options: Sendable {
        public var timeout: Duration
        public var maxAnswerBytes: Int
        /// Retries after a throttling answer (`Throttling`, `ThrottlingException`, `RequestLimitExceeded`, HTTP 429).
        public var throttlingRetries: Int
        public var connections: Int

        public init(timeout: Duration = .seconds(30), maxAnswerBytes: Int = 8 << 20, throttlingRetries: Int = 4, connections: Int = 8) {
            self.timeout = timeout
            self.maxAnswerBytes = maxAnswerBytes
            self.throttlingRetries = throttlingRetries
            self.connections = connections
        }
    }

    let client: HTTPClient
    public let options: Options
    let validated = URLSet()

    public init(options: Options = Options()) {
        self.options = options
        var configuration = HTTPClient.Configuration(
            redirectConfiguration: .disallow,
            timeout: .init(connect: .seconds(5)),
            connectionPool: .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: max(1, options.connections)),
            decompression: .disabled)
        configuration.httpVersion = .http1Only
        client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }

    public func shutdown() async {
        try? await client.shutdown()
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

    func sendOnce(url: String, method: String, headers: [(String, String)], body: String) async throws(TransportError) -> HTTPAnswer {
        guard validated.contains(url) || Self.isHTTPURL(url) else { throw .invalidURL(url) }
        validated.insert(url)
        var request = HTTPClientRequest(url: url)
        request.method = HTTPMethod(rawValue: method)
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if method != "GET" { request.body = .bytes(ByteBuffer(string: body)) }
        let seconds = Double(options.timeout.components.seconds) + Double(options.timeout.components.attoseconds) / 1e18
        do {
            let response = try await client.execute(request, timeout: .nanoseconds(Int64(seconds * 1e9)))
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
