import CaseGenerator
import ConformanceSpec
import EmulatorTransport
import NIOConcurrencyHelpers
import QueryProtocol
import ReferenceServer
import Testing
import Transport

@testable import ConformanceRunner

/// A request whose answer is lost is resent only when the spec can show that is safe: lost before it reached the
/// endpoint, a create, delete or change is checked and resent, and the case passes; lost after it took effect, the
/// check finds so, nothing is resent, and the case errors with what the check found. Nothing is left behind.
@Suite struct FateCheckTests {
    /// Where the answer of the first request of an operation is lost.
    enum Loss: Sendable { case beforeArrival, afterEffect }

    /// The in-memory emulator behind a retrier with no waits, losing the first answer to `operation`.
    struct LosingTransport: HTTPTransport {
        let inner: InMemoryTransport
        let operation: String
        let loss: Loss
        let lost = NIOLockedValueBox(0)
        let retrier = Retrier(policy: .standard, pause: { _ in })

        var retriesUnknownFates: Bool { true }
        func shutdown() async {}

        func send(_ request: TransportRequest) async throws(TransportError) -> HTTPAnswer {
            try await retrier.send(request) { (request) throws(TransportError) in
                let losing =
                    request.body.contains("Action=\(operation)&")
                    && lost.withLockedValue { count in
                        defer { count += 1 }
                        return count == 0
                    }
                guard losing else { return try await inner.send(request) }
                if loss == .afterEffect { _ = try await inner.send(request) }
                throw .connectionReset(request.url)
            }
        }
    }

    static func run(_ id: String, losing operation: String, _ loss: Loss) async throws -> (CaseResult, [String]) {
        let spec = Fixtures.spec
        let testCase = try #require(Fixtures.cases.first { $0.id == id }, "no case \(id)")
        let emulator = NeptuneEmulator(spec: spec)
        let transport = LosingTransport(inner: InMemoryTransport(emulator: emulator), operation: operation, loss: loss)
        let report = await ConformanceRun(
            spec: spec, endpoint: Endpoint(url: InMemoryTransport.url), goldenDirectory: Fixtures.goldens,
            transport: transport
        ).run([testCase]).report
        #expect(transport.lost.withLockedValue { $0 } >= 1, "the case never sent \(operation)")
        return (try #require(report.results.first), await emulator.inventory())
    }

    static let lossCases: [(String, String)] = [
        ("CreateDBCluster/valid/minimal", "CreateDBCluster"),
        ("DeleteDBCluster/valid/minimal", "DeleteDBCluster"),
        ("ModifyDBCluster/valid/BackupRetentionPeriod/maximum", "ModifyDBCluster"),
        ("AddTagsToResource/valid/minimal", "AddTagsToResource"),
        ("DescribeDBClusters/valid/minimal", "DescribeDBClusters"),
    ]

    @Test(arguments: lossCases)
    func lostBeforeArrivalIsCheckedResentAndPasses(id: String, operation: String) async throws {
        let (result, left) = try await Self.run(id, losing: operation, .beforeArrival)
        #expect(result.verdict == .passed, "\(result.reason ?? "")")
        #expect(result.retries == 1)
        #expect(left.isEmpty, "\(left)")
    }

    @Test(arguments: lossCases.filter { $0.1 != "DescribeDBClusters" })
    func lostAfterEffectIsNotResentAndErrorsWithWhatTheCheckFound(id: String, operation: String) async throws {
        let (result, left) = try await Self.run(id, losing: operation, .afterEffect)
        #expect(result.verdict == .errored)
        let reason = result.reason ?? ""
        #expect(reason.contains("was lost (connection-reset) and the request was not sent again"), "\(reason)")
        #expect(reason.contains("took effect"), "\(reason)")
        #expect(result.retries == nil)
        #expect(left.isEmpty, "\(left)")
    }

    /// A change that changes nothing (only the identifier) looks the same before and after: it is resent, harmlessly.
    @Test func aChangeOfNothingIsResent() async throws {
        let (result, left) = try await Self.run(
            "ModifyDBCluster/valid/minimal", losing: "ModifyDBCluster", .afterEffect)
        #expect(result.verdict == .passed && result.retries == 1 && left.isEmpty, "\(result.reason ?? "")")
    }

    /// A change naming no resource acts on none, and a create of a name that existed before (the reserved
    /// `default`) cannot have made it: both are resent after an answer lost after they were answered.
    @Test(arguments: [
        ("ModifyDBInstance/invalid/DBInstanceIdentifier/missing", "ModifyDBInstance"),
        ("ApplyPendingMaintenanceAction/invalid/ResourceIdentifier/missing", "ApplyPendingMaintenanceAction"),
        ("CreateDBSubnetGroup/invalid/DBSubnetGroupName/reserved-default", "CreateDBSubnetGroup"),
    ])
    func whatCannotHaveTakenEffectIsResent(id: String, operation: String) async throws {
        let (result, left) = try await Self.run(id, losing: operation, .afterEffect)
        #expect(result.verdict == .passed && result.retries == 1 && left.isEmpty, "\(result.reason ?? "")")
    }

    @Test func everyOperationOfTheSpecHasARuleThatCanResend() async throws {
        let client = QueryClient(
            spec: Fixtures.spec, endpoint: Endpoint(url: InMemoryTransport.url),
            transport: InMemoryTransport(emulator: NeptuneEmulator(spec: Fixtures.spec)))
        var unknowable: [String] = []
        for operation in Fixtures.spec.operations {
            let resources = Fixtures.spec.resources
            guard !resources.reads(operation.name), resources.deletion(by: operation.name) == nil,
                resources.creations(by: operation.name).isEmpty
            else { continue }
            guard
                var request = Fixtures.cases.first(where: { $0.operation == operation.name && $0.kind == .valid })?
                    .request
            else { continue }
            // A value asked of the endpoint at run time (an ARN, mostly) stands in as an ARN.
            for index in request.parameters.indices {
                if case .scalar(let value) = request.parameters[index].value, value.hasPrefix("{{") {
                    request.parameters[index].value = .scalar("arn:aws:rds:us-east-1:123456789012:cluster:x")
                }
            }
            if client.snapshotReads(for: request).isEmpty { unknowable.append(operation.name) }
        }
        #expect(unknowable.isEmpty, "changes no read shows: \(unknowable)")
    }
}
