import NIOCore
import NIOHTTP1

/// `http://` and `https://` through `HTTP1Client`: lean keep-alive HTTP/1.1 connections on the transport's own
/// event loops (TLS through swift-nio-ssl). A general client spends as much CPU per request as the reference
/// server does; this one does not (see Benchmarks/README.md).
public final class LeanHTTPTransport: HTTPTransport {
    public let options: TransportOptions
    let client: HTTP1Client

    public init(options: TransportOptions = TransportOptions()) {
        self.options = options
        client = HTTP1Client(
            threads: min(options.eventLoopThreads, max(1, options.connections)),
            maxIdlePerHost: max(64, options.connections), caBundle: options.caBundle)
    }

    public func shutdown() async {
        await client.shutdown()
    }

    /// Workers spread over the client's event loops: a task preferring one resumes on the thread that read its answer.
    public func preferredExecutor(forWorker worker: Int) -> (any TaskExecutor)? {
        client.executors[worker % client.executors.count]
    }

    /// True when this transport can send to `url` (an `http://` or `https://` URL with a host).
    public func accepts(_ url: String) -> Bool { client.target(url) != nil }

    public func send(_ request: TransportRequest) async throws(TransportError) -> HTTPAnswer {
        guard let target = client.target(request.url) else { throw .invalidURL(request.url) }
        return try await send(request, to: target)
    }

    /// Sends to a target already parsed (by `client.target`).
    func send(_ request: TransportRequest, to target: HTTPRequestTarget) async throws(TransportError) -> HTTPAnswer {
        let url = request.url
        let timeout = request.timeout ?? options.timeout
        do {
            let answer = try await client.execute(
                target, method: HTTPMethod(rawValue: request.method), headers: request.headers, body: request.body,
                timeout: timeout.timeAmount, maxAnswerBytes: options.maxAnswerBytes)
            return HTTPAnswer(status: answer.status, headers: answer.headers, body: String(buffer: answer.body))
        } catch let failure as HTTP1Failure {
            switch failure {
            case .closed where Task.isCancelled: throw .other(url, detail: "cancelled")
            case .busy: throw .other(url, detail: "a connection was given a second request while one was under way")
            case .closed: throw .connectionReset(url)
            case .notSent: throw .connectionRefused(url)
            case .timeout: throw .timeout(url, seconds: timeout.seconds)
            case .tooLarge: throw .answerTooLarge(url, limit: options.maxAnswerBytes)
            case .malformed(let detail): throw .other(url, detail: detail)
            case .tls(let detail): throw .tls("\(url): \(detail)")
            }
        } catch let failure as TLSContextFailure {
            throw .tls(failure.description)
        } catch {
            throw TransportError.classify(error, url: url, seconds: timeout.seconds)
        }
    }
}
