import ConformanceTestSupport
import Foundation
import Testing

@testable import Transport

/// What the lean HTTP/1.1 client does beyond the failure cases both clients share: keep-alive reuse, a
/// connection the server closed while idle, the exact bytes of a request, refused header injection, and
/// cancellation.
@Suite struct HTTP1ClientTests {
    static let form = [("Content-Type", "application/x-www-form-urlencoded")]

    @Test func sequentialRequestsShareOneConnection() async throws {
        let server = try await MisbehavingServer(.keepAlive(closeSilently: false))
        let transport = NetworkTransport(options: .init(timeout: .seconds(5)))
        for number in 1...20 {
            let answer = try await transport.send(url: server.url, headers: Self.form, body: "n=\(number)")
            #expect(answer.status == 200 && answer.body == "<ok>\(number)</ok>")
        }
        await transport.shutdown()
        await server.stop()
        #expect(server.requests.value == 20)
        #expect(server.connections.value == 1, "keep-alive: one connection for 20 sequential requests")
    }

    @Test func aConnectionClosedWhileIdleIsReplacedNotReported() async throws {
        let server = try await MisbehavingServer(.keepAlive(closeSilently: true))
        let transport = NetworkTransport(options: .init(timeout: .seconds(5)))
        for number in 1...10 {
            let answer = try await transport.send(url: server.url, headers: Self.form, body: "n=\(number)")
            #expect(answer.body == "<ok>\(number)</ok>")
        }
        await transport.shutdown()
        await server.stop()
        #expect(
            server.requests.value == 10, "no request may be sent twice when the first attempt never reached the server")
        #expect(server.connections.value == 10)
    }

    @Test func theRequestOnTheWire() async throws {
        let server = try await MisbehavingServer(.keepAlive(closeSilently: false))
        let transport = NetworkTransport(options: .init(timeout: .seconds(5)))
        _ = try await transport.send(
            url: server.url, headers: [("Host", "ignored"), ("X-Amz-Date", "20261124T000000Z")] + Self.form,
            body: "Action=A&V=%C3%A9")
        _ = try await transport.send(
            url: server.url + "?Action=DescribeDBClusters&Version=2014-10-31", method: "GET", headers: [], body: "")
        await transport.shutdown()
        await server.stop()
        let requests = server.received.all
        try #require(requests.count == 2)
        let post = requests[0].components(separatedBy: "\r\n")
        #expect(post[0] == "POST / HTTP/1.1")
        #expect(
            post.filter { $0.lowercased().hasPrefix("host:") } == ["Host: 127.0.0.1:\(server.port)"],
            "one Host header, the URL's")
        #expect(post.contains("Content-Length: 17"))
        #expect(post.contains("X-Amz-Date: 20261124T000000Z"))
        #expect(post.last == "Action=A&V=%C3%A9")
        let get = requests[1].components(separatedBy: "\r\n")
        #expect(get[0] == "GET /?Action=DescribeDBClusters&Version=2014-10-31 HTTP/1.1")
        #expect(
            !get.contains {
                $0.lowercased().hasPrefix("content-length") || $0.lowercased().hasPrefix("transfer-encoding")
            })
    }

    @Test(arguments: [
        ("X-Amz-Security-Token", "a\r\nX-Injected: 1"), ("X-Amz-Security-Token", "a\nb"),
        ("X-Amz-Security-Token", "nul\u{0}"),
        ("X-Injected: 1\r\nX-Name", "v"), ("Two Words", "v"), ("", "v"),
    ])
    func headersThatCouldSplitTheHeadAreRefused(name: String, value: String) async throws {
        let server = try await MisbehavingServer(.keepAlive(closeSilently: false))
        let transport = NetworkTransport(options: .init(timeout: .seconds(5)))
        await #expect {
            try await transport.send(url: server.url, headers: [(name, value)], body: "")
        } throws: { error in
            (error as? TransportError)?.description.contains("line break or a control character") == true
        }
        await transport.shutdown()
        await server.stop()
        #expect(server.requests.value == 0)
    }

    @Test func cancellingAWaitingRequestEndsItAtOnce() async throws {
        let server = try await MisbehavingServer(.hang)
        let transport = NetworkTransport(options: .init(timeout: .seconds(120)))
        let task = Task { try await transport.send(url: server.url, headers: Self.form, body: "x") }
        while server.requests.value == 0 { try await Task.sleep(for: .milliseconds(5)) }
        // Without the cancel the request would end only at its 120 s timeout, with a timeout error: the error says
        // which ended it (no wall-clock bound, which a loaded machine could cross).
        task.cancel()
        let result = await task.result
        guard case .failure(let error) = result else {
            Issue.record("a hanging request answered: \(result)")
            return
        }
        #expect("\(error)".contains("cancelled"))
        await transport.shutdown()
        await server.stop()
    }

    @Test(arguments: [
        ("http://127.0.0.1:8080/", "127.0.0.1", 8080, "127.0.0.1:8080", "/"),
        ("http://example.com", "example.com", 80, "example.com", "/"),
        ("HTTP://h:1/p/q?x=1#frag", "h", 1, "h:1", "/p/q?x=1"),
        ("http://[::1]:9000?Action=X", "::1", 9000, "[::1]:9000", "/?Action=X"),
    ])
    func targetsAreParsedOnce(url: String, host: String, port: Int, hostHeader: String, requestTarget: String) throws {
        let target = try #require(HTTPRequestTarget(url: url))
        #expect(
            target.host == host && target.port == port && target.hostHeader == hostHeader
                && target.requestTarget == requestTarget)
        #expect(!target.secure)
    }

    @Test(arguments: [
        "http://", "https://", "http://h:0/", "http://h:99999/", "http://h:x/", "http://u@h/", "http://h/a b",
        "ftp://h/",
    ])
    func urlsThatAreNoTarget(url: String) {
        #expect(HTTPRequestTarget(url: url) == nil)
    }

    /// https parses, and the lean client takes it (TLS through swift-nio-ssl); other schemes it refuses.
    @Test func httpsIsATargetOfTheLeanClient() async throws {
        let target = try #require(HTTPRequestTarget(url: "https://rds.us-east-1.amazonaws.com/?x=1"))
        #expect(
            target.secure && target.port == 443 && target.hostHeader == "rds.us-east-1.amazonaws.com"
                && target.path == "/" && target.query == "x=1")
        #expect(HTTPRequestTarget(url: "https://h:8443")?.hostHeader == "h:8443")
        #expect(HTTPRequestTarget.isIPAddress("127.0.0.1") && HTTPRequestTarget.isIPAddress("::1"))
        #expect(!HTTPRequestTarget.isIPAddress("localhost") && !HTTPRequestTarget.isIPAddress("1.2.3.400"))
        let lean = LeanHTTPTransport()
        #expect(lean.accepts("https://h/") && lean.accepts("http://h/") && !lean.accepts("ftp://h/"))
        await #expect(throws: TransportError.invalidURL("ftp://h/")) {
            try await lean.send(url: "ftp://h/", headers: [], body: "")
        }
        await lean.shutdown()
    }
}
