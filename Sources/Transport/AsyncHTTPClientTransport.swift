import AsyncHTTPClient
import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1

/// http and https through AsyncHTTPClient (TLS, proxies): the general client, made on first use, with
/// redirects and decompression off and the answer size bounded.
public final class AsyncHTTPClientTransport: HTTPTransport {
    public let options: TransportOptions
    private let made = NIOLockedValueBox<HTTPClient?>(nil)
    private let validated = URLSet()

    public init(options: TransportOptions = TransportOptions()) {
        self.options = options
    }

    public func shutdown() async {
        if let client = made.withLockedValue({ $0 }) { try? await client.shutdown() }
    }

    /// The client, made on first use (a run against plain http with the lean client never needs one).
    var client: HTTPClient {
        made.withLockedValue { client in
            if let client { return client }
            var configuration = HTTPClient.Configuration(
                redirectConfiguration: .disallow,
                timeout: .init(connect: .seconds(5)),
                connectionPool: .init(
                    idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: max(1, options.connections)),
                decompression: .disabled)
            configuration.httpVersion = .http1Only
            let made = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
            client = made
            return made
        }
    }

    public func send(_ request: TransportRequest) async throws(TransportError) -> HTTPAnswer {
        let url = request.url
        guard validated.contains(url) || Self.isHTTPURL(url) else { throw .invalidURL(url) }
        validated.insert(url)
        var outgoing = HTTPClientRequest(url: url)
        outgoing.method = HTTPMethod(rawValue: request.method)
        for (name, value) in request.headers { outgoing.headers.add(name: name, value: value) }
        if request.method != "GET" { outgoing.body = .bytes(ByteBuffer(string: request.body)) }
        let timeout = request.timeout ?? options.timeout
        do {
            let response = try await client.execute(outgoing, timeout: timeout.timeAmount)
            if let length = response.headers.first(name: "content-length").flatMap(Int.init),
                length > options.maxAnswerBytes
            {
                throw TransportError.answerTooLarge(url, limit: options.maxAnswerBytes)
            }
            let buffer = try await response.body.collect(upTo: options.maxAnswerBytes)
            let headers = response.headers.map { HTTPHeader(name: $0.name, value: $0.value) }
            return HTTPAnswer(status: Int(response.status.code), headers: headers, body: String(buffer: buffer))
        } catch let error as TransportError {
            throw error
        } catch is NIOTooManyBytesError {
            throw .answerTooLarge(url, limit: options.maxAnswerBytes)
        } catch let error as HTTPClientError {
            switch error {
            case .deadlineExceeded, .readTimeout, .writeTimeout, .connectTimeout:
                throw .timeout(url, seconds: timeout.seconds)
            case .remoteConnectionClosed: throw .connectionReset(url)
            case .invalidURL, .emptyHost, .emptyScheme: throw .invalidURL(url)
            case .tlsHandshakeTimeout: throw .tls("handshake with \(url) timed out")
            default: throw TransportError.classify(error, url: url, seconds: timeout.seconds)
            }
        } catch {
            throw TransportError.classify(error, url: url, seconds: timeout.seconds)
        }
    }

    /// http(s) URLs with a host; checked once per distinct URL (parsing a URL per request is costly).
    static func isHTTPURL(_ url: String) -> Bool {
        let lower = url.prefix(8).lowercased()
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://") else { return false }
        guard let parsed = URL(string: url), parsed.host?.isEmpty == false else { return false }
        return true
    }
}

/// URLs already checked, so each is parsed once.
final class URLSet: Sendable {
    private let urls = NIOLockedValueBox<Set<String>>([])

    func contains(_ url: String) -> Bool { urls.withLockedValue { $0.contains(url) } }

    func insert(_ url: String) {
        urls.withLockedValue { if $0.count < 64 { $0.insert(url) } }
    }
}
