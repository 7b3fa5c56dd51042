import ConformanceTestSupport
import Foundation
import NIOCore
import NIOPosix
import Testing
import Transport

/// The two ways plain http can go: the lean HTTP/1.1 client (the default) and AsyncHTTPClient.
enum PlainHTTPClient: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case lean, asyncHTTPClient
    var testDescription: String { rawValue }

    func options(_ options: TransportOptions) -> TransportOptions {
        var options = options
        options.asyncHTTPClientOnly = self == .asyncHTTPClient
        return options
    }
}

/// Each way an endpoint can fail to answer surfaces as its own error, quickly, and never crashes; with
/// either client, through `NetworkTransport` (which also retries throttling and 5xx).
@Suite struct HTTPTransportTests {
    static let form = [("Content-Type", "application/x-www-form-urlencoded")]
    static let body = "Action=DescribeDBClusters&Version=2014-10-31"

    func send(
        _ behaviour: MisbehavingServer.Behaviour, _ client: PlainHTTPClient,
        options: TransportOptions = .init(timeout: .seconds(2), retry: .off)
    ) async throws -> (Result<HTTPAnswer, TransportError>, Int) {
        let server = try await MisbehavingServer(behaviour)
        let transport = NetworkTransport(options: client.options(options))
        let result: Result<HTTPAnswer, TransportError>
        do {
            result = .success(try await transport.send(url: server.url, headers: Self.form, body: Self.body))
        } catch {
            result = .failure(error)
        }
        await transport.shutdown()
        await server.stop()
        return (result, server.requests.value)
    }

    @Test(arguments: PlainHTTPClient.allCases) func connectionRefused(client: PlainHTTPClient) async throws {
        // A socket bound but not listening refuses connections, and holds its port so that no test
        // running alongside can start a server on it (closing a probe socket left a race).
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0
            }
        }
        try #require(fd >= 0 && bound)
        let port = Int(UInt16(bigEndian: address.sin_port))
        let transport = NetworkTransport(options: client.options(.init(timeout: .seconds(2))))
        await #expect(throws: TransportError.connectionRefused("http://127.0.0.1:\(port)/")) {
            try await transport.send(url: "http://127.0.0.1:\(port)/", headers: Self.form, body: Self.body)
        }
        await transport.shutdown()
    }

    @Test(arguments: PlainHTTPClient.allCases) func connectionReset(client: PlainHTTPClient) async throws {
        let (result, _) = try await send(.reset, client)
        guard case .failure(let error) = result, case .connectionReset = error else {
            Issue.record("expected connectionReset, got \(result)")
            return
        }
        #expect(error.description.contains("closed or reset"))
    }

    /// The server never answers, so only the 0.5 s deadline can end the request (were it ignored, the time
    /// limit would). Wall time is not compared with a bound: on a loaded machine the test's own task can wait
    /// tens of seconds for a thread once the deadline has fired (38 s and 42 s seen while two other builds ran).
    @Test(.timeLimit(.minutes(10)), arguments: PlainHTTPClient.allCases) func hangingEndpointTimesOut(
        client: PlainHTTPClient
    ) async throws {
        let (result, _) = try await send(.hang, client, options: .init(timeout: .milliseconds(500)))
        guard case .failure(let error) = result, case .timeout(_, let seconds) = error else {
            Issue.record("expected timeout, got \(result)")
            return
        }
        #expect(seconds == 0.5)
        #expect(error.description.contains("within 0.5 s (--timeout)"))
    }

    @Test(arguments: PlainHTTPClient.allCases) func announcedOversizeIsRefusedUnread(client: PlainHTTPClient)
        async throws
    {
        let (result, _) = try await send(
            .oversize(bytes: 50 << 20), client, options: .init(timeout: .seconds(5), maxAnswerBytes: 1 << 20))
        #expect(result == .failure(.answerTooLarge(result.url, limit: 1 << 20)))
    }

    @Test(arguments: PlainHTTPClient.allCases) func streamedOversizeStopsAtTheLimit(client: PlainHTTPClient)
        async throws
    {
        let (result, _) = try await send(
            .endlessChunks, client, options: .init(timeout: .seconds(10), maxAnswerBytes: 1 << 20))
        guard case .failure(.answerTooLarge) = result else {
            Issue.record("expected answerTooLarge, got \(result)")
            return
        }
    }

    @Test(arguments: PlainHTTPClient.allCases) func garbageIsAnErrorNotACrash(client: PlainHTTPClient) async throws {
        let (result, _) = try await send(.garbage, client)
        guard case .failure(let error) = result else {
            Issue.record("garbage was taken as an answer: \(result)")
            return
        }
        #expect(!error.description.isEmpty)
    }

    @Test(arguments: PlainHTTPClient.allCases) func throttlingIsRetriedWithBackoff(client: PlainHTTPClient) async throws
    {
        let (result, requests) = try await send(.throttleThen(count: 2), client, options: .init(timeout: .seconds(2)))
        guard case .success(let answer) = result else {
            Issue.record("\(result)")
            return
        }
        #expect(answer.status == 200)
        #expect(requests == 3)
        let (stillThrottled, attempts) = try await send(
            .throttleThen(count: 10), client, options: .init(timeout: .seconds(2), retry: RetryPolicy(maxAttempts: 2)))
        guard case .success(let last) = stillThrottled else {
            Issue.record("\(stillThrottled)")
            return
        }
        #expect(last.status == 400 && attempts == 2)
    }

    @Test(arguments: PlainHTTPClient.allCases) func serverErrorsAreRetriedThenAnswered(client: PlainHTTPClient)
        async throws
    {
        let (result, requests) = try await send(
            .fixed(status: 500, contentType: "text/html", body: "<html>down</html>"), client,
            options: .init(timeout: .seconds(2)))
        guard case .success(let answer) = result else {
            Issue.record("\(result)")
            return
        }
        #expect(
            answer.status == 500 && requests == 3 && answer.body == "<html>down</html>", "3 attempts, then the answer")
        let (final, once) = try await send(
            .fixed(status: 400, contentType: "text/xml", body: "<ErrorResponse/>"), client,
            options: .init(timeout: .seconds(2)))
        guard case .success(let refused) = final else {
            Issue.record("\(final)")
            return
        }
        #expect(refused.status == 400 && once == 1, "a refusal is final")
    }

    @Test(arguments: PlainHTTPClient.allCases) func invalidURLsAreNamed(client: PlainHTTPClient) async throws {
        let transport = NetworkTransport(options: client.options(.init()))
        await #expect(throws: TransportError.invalidURL("ftp://x")) {
            try await transport.send(url: "ftp://x", headers: [], body: "")
        }
        await transport.shutdown()
    }
}

extension Result where Success == HTTPAnswer, Failure == TransportError {
    var url: String {
        if case .failure(.answerTooLarge(let url, _)) = self { return url }
        return ""
    }
}
