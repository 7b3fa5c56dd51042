import ConformanceRunner
import ConformanceSpec
import Foundation
import QueryProtocol
import ReferenceServer
import Testing
import Transport
import XMLCompare

/// The server over real HTTP: malformed requests get AWS-style errors (never a 500 or a crash),
/// bodies are bounded, GET works, and concurrent clients see consistent state.
@Suite struct ReferenceServerHTTPTests {
    static func withServer(
        spec: ServiceSpec = Suite.spec, _ body: @Sendable (String, NetworkTransport) async throws -> Void
    ) async throws {
        let emulator = NeptuneEmulator(spec: spec)
        let server = ReferenceServer(emulator: emulator, maxBodySize: 64 * 1024)
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await server.run { continuation.yield($0) } }
            var iterator = ports.makeAsyncIterator()
            let port = try #require(await iterator.next())
            let transport = NetworkTransport(options: .init(timeout: .seconds(60), connections: 16))
            do {
                try await body("http://127.0.0.1:\(port)/", transport)
            } catch {
                await transport.shutdown()
                group.cancelAll()
                throw error
            }
            await transport.shutdown()
            group.cancelAll()
        }
    }

    static let form = [("Content-Type", "application/x-www-form-urlencoded")]

    struct Bad: Sendable, CustomTestStringConvertible {
        var body: String
        var code: String
        var testDescription: String { "\(code): \(body.prefix(60))" }
    }

    @Test(arguments: [
        Bad(body: "", code: "MissingAction"),
        Bad(body: "Version=2014-10-31", code: "MissingAction"),
        Bad(body: "Action=DescribeDBClusters", code: "MissingParameter"),
        Bad(body: "Action=DescribeDBClusters&Version=2099-01-01", code: "InvalidAction"),
        Bad(body: "Action=LaunchRocket&Version=2014-10-31", code: "InvalidAction"),
        Bad(body: "Action=CreateDBCluster&Version=2014-10-31&Tags.Tag.0.Key=a", code: "MalformedQueryString"),
        Bad(body: "Action=CreateDBCluster&Version=2014-10-31&Port=%zz", code: "MalformedQueryString"),
        Bad(body: "Action=CreateDBCluster&Version=2014-10-31&Port=1&Port=1", code: "MalformedQueryString"),
        Bad(body: "Action=CreateDBCluster&Version=2014-10-31&Engine=neptune", code: "MissingParameter"),
        Bad(body: "\u{0}\u{1}<xml>&&&==", code: "MissingAction"),
    ])
    func malformedRequestsGetAWSErrors(_ bad: Bad) async throws {
        try await Self.withServer { url, transport in
            let answer = try await transport.send(url: url, headers: Self.form, body: bad.body)
            #expect((400..<500).contains(answer.status))
            let envelope = try #require(ErrorEnvelope(try SafeXMLParser().parse(answer.body)))
            #expect(envelope.code == bad.code)
            #expect(envelope.type == "Sender" && !envelope.requestId.isEmpty)
        }
    }

    @Test func oversizeBodiesAreRefusedWith413() async throws {
        try await Self.withServer { url, transport in
            let answer = try await transport.send(
                url: url, headers: Self.form,
                body: "Action=DescribeDBClusters&Version=2014-10-31&x=" + String(repeating: "a", count: 200_000))
            #expect(answer.status == 413)
            #expect(ErrorEnvelope(try SafeXMLParser().parse(answer.body))?.code == "RequestEntityTooLarge")
            let after = try await transport.send(
                url: url, headers: Self.form, body: "Action=DescribeDBClusters&Version=2014-10-31")
            #expect(after.status == 200)
        }
    }

    /// moto's server mode resets the server before each test with POST /moto-api/reset: every region is emptied.
    @Test func motoResetForgetsEveryResource() async throws {
        try await Self.withServer { url, transport in
            let create = "Action=CreateDBCluster&Version=2014-10-31&DBClusterIdentifier=kept-until-reset&Engine=neptune"
            #expect(try await transport.send(url: url, headers: Self.form, body: create).status == 200)
            let reset = try await transport.send(url: url + "moto-api/reset", headers: [], body: "")
            #expect(reset.status == 200 && reset.body.contains("ok"))
            let describe = "Action=DescribeDBClusters&Version=2014-10-31&DBClusterIdentifier=kept-until-reset"
            let after = try await transport.send(url: url, headers: Self.form, body: describe)
            #expect(after.status == 404, "\(after.body)")
            #expect(try await transport.send(url: url, headers: Self.form, body: create).status == 200)
        }
    }

    @Test func getWithTheQueryStringWorks() async throws {
        try await Self.withServer { url, transport in
            let answer = try await transport.send(
                url: url + "?Action=DescribeDBClusters&Version=2014-10-31", method: "GET", headers: [], body: "")
            #expect(answer.status == 200)
            #expect(answer.body.contains("<DescribeDBClustersResult>"))
        }
    }

    /// 64 clients create 64 clusters at once; every one is created once and listed afterwards.
    @Test func concurrentClientsSeeConsistentState() async throws {
        try await Self.withServer { url, transport in
            let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                for index in 0..<64 {
                    group.addTask {
                        let body =
                            "Action=CreateDBCluster&Version=2014-10-31&Engine=neptune&DBClusterIdentifier=load-\(index % 32)"
                        return try await transport.send(url: url, headers: Self.form, body: body).status
                    }
                }
                return try await group.reduce(into: [Int]()) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == 200 }.count == 32)
            #expect(statuses.filter { $0 == 400 }.count == 32)
            let list = try await transport.send(
                url: url, headers: Self.form, body: "Action=DescribeDBClusters&Version=2014-10-31")
            #expect(list.body.components(separatedBy: "<DBCluster>").count - 1 == 32)
        }
    }

    @Test func stateMachineFollowsTheDelay() async throws {
        // A clock moved by hand: the transitions are due 200 ms after they start, and the test says when that is.
        let (clock, advance) = EmulatorClock.manual()
        var configuration = NeptuneEmulator.Configuration(transitionDelay: .milliseconds(200))
        configuration.clock = clock
        let emulator = NeptuneEmulator(spec: Suite.spec, configuration: configuration)
        func status(_ body: String) async -> String? {
            let answer = await emulator.handle(body: body)
            return (try? SafeXMLParser().parse(answer.body))?.root.descendant(
                body.hasPrefix("Action=Describe")
                    ? "DescribeDBClustersResult/DBClusters/DBCluster/Status"
                    : "\(body.split(separator: "&")[0].dropFirst(7))Result/DBCluster/Status")?.value
        }
        #expect(
            await status("Action=CreateDBCluster&Version=2014-10-31&Engine=neptune&DBClusterIdentifier=Slow")
                == "creating")
        #expect(await status("Action=DescribeDBClusters&Version=2014-10-31&DBClusterIdentifier=slow") == "creating")
        advance(.milliseconds(199))
        #expect(await status("Action=DescribeDBClusters&Version=2014-10-31&DBClusterIdentifier=slow") == "creating")
        advance(.milliseconds(1))
        #expect(await status("Action=DescribeDBClusters&Version=2014-10-31&DBClusterIdentifier=SLOW") == "available")
        #expect(await status("Action=StopDBCluster&Version=2014-10-31&DBClusterIdentifier=slow") == "stopping")
        let early = await emulator.handle(body: "Action=StartDBCluster&Version=2014-10-31&DBClusterIdentifier=slow")
        #expect(early.status == 400 && early.body.contains("InvalidDBClusterStateFault"))
        advance(.milliseconds(200))
        #expect(await status("Action=StartDBCluster&Version=2014-10-31&DBClusterIdentifier=slow") == "starting")
    }

    @Test func answersEscapeWhatTheyEcho() async throws {
        let emulator = NeptuneEmulator(spec: Suite.spec)
        let answer = await emulator.handle(
            body:
                "Action=CreateDBCluster&Version=2014-10-31&Engine=neptune&DBClusterIdentifier=a&DatabaseName=%3C%2Fx%3E%26"
        )
        #expect(answer.status == 400)
        let tree = try SafeXMLParser().parse(answer.body)
        #expect(ErrorEnvelope(tree)?.message.contains("</x>&") == true)
    }
}

/// The verifier recomputes exactly what the client signed, session token included.
@Suite struct SignatureVerifierTests {
    @Test func requestsSignedWithASessionTokenVerify() async throws {
        let emulator = NeptuneEmulator(
            spec: Suite.spec, configuration: .init(verifySignatures: ["AKIDTOKEN": "token-secret"]))
        let body = "Action=DescribeDBClusters&Version=2014-10-31"
        let headers = [("Host", "127.0.0.1:9"), ("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")]
        for token in [nil, "FwoGZXIvYXdzEXAMPLE//token="] {
            let signer = SigV4Signer(
                credentials: AWSCredentials(
                    accessKeyId: "AKIDTOKEN", secretAccessKey: "token-secret", sessionToken: token),
                region: "us-east-1", service: "rds")
            let signed = headers + signer.sign(method: "POST", headers: headers, body: Array(body.utf8), date: Date())
            let answer = await emulator.handle(headers: signed, body: body)
            #expect(answer.status == 200, "token \(token ?? "none"): \(answer.body)")
            var tampered = signed
            tampered[tampered.count - 1].1 += "0"
            #expect(await emulator.handle(headers: tampered, body: body).body.contains("SignatureDoesNotMatch"))
        }
    }
}
