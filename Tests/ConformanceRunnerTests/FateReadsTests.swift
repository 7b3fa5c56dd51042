import ConformanceSpec
import EmulatorTransport
import NIOConcurrencyHelpers
import QueryProtocol
import ReferenceServer
import Testing
import Transport

@testable import ConformanceRunner

/// What a change acts on is read before it is sent only where a lost answer could make the transport resend it: not
/// for an endpoint whose answers cannot be lost (the embedded server, in the same process), where those reads were a
/// sixth of a whole run.
@Suite struct FateReadsTests {
    /// The in-memory emulator, counting what is sent, declaring whether it resends a change whose answer was lost.
    struct CountingTransport: HTTPTransport {
        let inner: InMemoryTransport
        let retriesUnknownFates: Bool
        let actions = NIOLockedValueBox<[String]>([])
        func shutdown() async {}

        func send(_ request: TransportRequest) async throws(TransportError) -> HTTPAnswer {
            let action = request.body.split(separator: "&").first { $0.hasPrefix("Action=") }
            actions.withLockedValue { $0.append(action.map { String($0.dropFirst("Action=".count)) } ?? "?") }
            return try await inner.send(request)
        }
    }

    @Test(arguments: [false, true])
    func aChangeIsReadBeforeOnlyWhereItMayBeResent(_ resends: Bool) async throws {
        let emulator = NeptuneEmulator(spec: Fixtures.spec)
        let transport = CountingTransport(inner: InMemoryTransport(emulator: emulator), retriesUnknownFates: resends)
        let client = QueryClient(
            spec: Fixtures.spec, endpoint: Endpoint(url: InMemoryTransport.url), transport: transport)
        let create = Request(
            operation: "CreateDBCluster",
            parameters: [Parameter("DBClusterIdentifier", .scalar("fate-1")), Parameter("Engine", .scalar("neptune"))])
        #expect(try await client.send(create).answer.status == 200)
        transport.actions.withLockedValue { $0.removeAll() }
        let modify = Request(
            operation: "ModifyDBCluster",
            parameters: [
                Parameter("DBClusterIdentifier", .scalar("fate-1")), Parameter("DeletionProtection", .scalar("true")),
            ])
        #expect(try await client.send(modify).answer.status == 200)
        let sent = transport.actions.withLockedValue { $0 }
        if resends {
            #expect(sent.count > 1 && sent.last == "ModifyDBCluster", "reads first, then the change: \(sent)")
        } else {
            #expect(sent == ["ModifyDBCluster"])
        }
    }

    @Test func theNetworkTransportResendsChangesOnlyWhereAnswersMayBeLost() async {
        var options = TransportOptions()
        let lossy = NetworkTransport(options: options)
        options.answersMayBeLost = false
        let lossless = NetworkTransport(options: options)
        options.retry = .off
        let single = NetworkTransport(options: TransportOptions(retry: .off))
        #expect(lossy.retriesUnknownFates)
        #expect(!lossless.retriesUnknownFates)
        #expect(!single.retriesUnknownFates)
        for transport in [lossy, lossless, single] { await transport.shutdown() }
    }
}
