import ConformanceSpec
import ConformanceTestSupport
import EmulatorTransport
import Foundation
import QueryProtocol
import ReferenceServer
import Testing
import Transport

/// The in-memory transport answers as the server does over a socket: the same statuses and error codes for
/// malformed, oversize, GET, unsigned and signed requests, with the signature checked against the URL's host.
@Suite struct InMemoryTransportTests {
    static let spec: ServiceSpec = try! SpecLoader(directory: BuiltCLI.packageRoot.appendingPathComponent("Specs"))
        .load()
    static let form = [("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")]
    static let configuration = NeptuneEmulator.Configuration(
        verifySignatures: NeptuneEmulator.Configuration.localTestingKeys)

    /// A request as the runner sends it: method, URL suffix, headers, body, and whether to sign it.
    struct Exchange: Sendable, CustomTestStringConvertible {
        var name: String
        var method = "POST"
        var query = ""
        var contentType: String? = "application/x-www-form-urlencoded; charset=utf-8"
        var body: String
        var signed = true
        var testDescription: String { name }
    }

    static let exchanges: [Exchange] = [
        Exchange(name: "describe", body: "Action=DescribeDBClusters&Version=2014-10-31"),
        Exchange(
            name: "create", body: "Action=CreateDBCluster&Version=2014-10-31&Engine=neptune&DBClusterIdentifier=mem-1"),
        Exchange(name: "missing action", body: "Version=2014-10-31"),
        Exchange(name: "list index 0", body: "Action=CreateDBCluster&Version=2014-10-31&Tags.Tag.0.Key=a"),
        Exchange(name: "unknown parameter", body: "Action=DescribeDBClusters&Version=2014-10-31&Rocket=1"),
        Exchange(
            name: "oversize body",
            body: "Action=DescribeDBClusters&Version=2014-10-31&x=" + String(repeating: "a", count: 2 << 20)),
        Exchange(
            name: "GET with a query", method: "GET", query: "?Action=DescribeDBClusters&Version=2014-10-31",
            contentType: nil, body: ""),
        Exchange(
            name: "wrong content type", contentType: "application/json",
            body: "Action=DescribeDBClusters&Version=2014-10-31"),
        Exchange(name: "unsigned", body: "Action=DescribeDBClusters&Version=2014-10-31", signed: false),
    ]

    /// Headers for `exchange` to `url`, signed as `QueryClient` signs (the Host header is the URL's).
    static func headers(_ exchange: Exchange, url: String) throws -> [(String, String)] {
        let target = try #require(HTTPRequestTarget(url: url + exchange.query))
        var headers = [("Host", target.hostHeader)]
        if let type = exchange.contentType { headers.append(("Content-Type", type)) }
        if exchange.signed {
            let signer = SigV4Signer(credentials: .localTesting, region: "us-east-1", service: spec.signingName)
            headers += signer.sign(
                method: exchange.method, path: target.path, query: target.query, headers: headers,
                body: Array(exchange.body.utf8), date: Date())
        }
        return headers.filter { $0.0 != "Host" }
    }

    /// Status and error code (or the success root) of an answer.
    static func summary(_ answer: HTTPAnswer) -> String {
        let code = answer.body.range(of: "<Code>").flatMap { start in
            answer.body[start.upperBound...].range(of: "</Code>").map {
                String(answer.body[start.upperBound..<$0.lowerBound])
            }
        }
        return "\(answer.status) \(code ?? String(answer.body.prefix(60)))"
    }

    @Test(arguments: exchanges)
    func answersAsTheServerDoesOverASocket(_ exchange: Exchange) async throws {
        let memory = InMemoryTransport(emulator: NeptuneEmulator(spec: Self.spec, configuration: Self.configuration))
        let inMemory = try await memory.send(
            url: InMemoryTransport.url + exchange.query, method: exchange.method,
            headers: Self.headers(exchange, url: InMemoryTransport.url), body: exchange.body)
        let overSocket = try await ReferenceServer.withRunning(
            emulator: NeptuneEmulator(spec: Self.spec, configuration: Self.configuration)
        ) { base in
            let network = NetworkTransport(options: .init(timeout: .seconds(30)))
            do {
                let answer = try await network.send(
                    url: base + "/" + exchange.query, method: exchange.method,
                    headers: Self.headers(exchange, url: base + "/"), body: exchange.body)
                await network.shutdown()
                return answer
            } catch {
                await network.shutdown()
                throw error
            }
        }
        #expect(Self.summary(inMemory) == Self.summary(overSocket))
        #expect(inMemory.contentType == overSocket.contentType)
    }

    @Test func theSignatureCoversTheURLsHost() async throws {
        let memory = InMemoryTransport(emulator: NeptuneEmulator(spec: Self.spec, configuration: Self.configuration))
        let exchange = Self.exchanges[0]
        let signedForAnotherHost = try Self.headers(exchange, url: "http://elsewhere.example/")
        let answer = try await memory.send(
            url: InMemoryTransport.url, headers: signedForAnotherHost, body: exchange.body)
        #expect(Self.summary(answer).hasSuffix(" SignatureDoesNotMatch"), "\(answer.body)")
        let good = try await memory.send(
            url: InMemoryTransport.url, headers: Self.headers(exchange, url: InMemoryTransport.url), body: exchange.body
        )
        #expect(good.status == 200)
    }

    @Test func urlsThatAreNotHTTPAreNamed() async {
        let memory = InMemoryTransport(emulator: NeptuneEmulator(spec: Self.spec))
        await #expect(throws: TransportError.invalidURL("ftp://x")) {
            try await memory.send(url: "ftp://x", headers: [], body: "")
        }
    }

    @Test func aCancelledTaskSendsNothing() async {
        let emulator = NeptuneEmulator(spec: Self.spec)
        let memory = InMemoryTransport(emulator: emulator)
        let task = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return try await memory.send(
                url: InMemoryTransport.url, headers: Self.form,
                body: "Action=CreateDBCluster&Version=2014-10-31&Engine=neptune&DBClusterIdentifier=never")
        }
        await #expect(throws: TransportError.other(InMemoryTransport.url, detail: "cancelled")) { try await task.value }
        #expect(await emulator.inventory().isEmpty)
    }
}
