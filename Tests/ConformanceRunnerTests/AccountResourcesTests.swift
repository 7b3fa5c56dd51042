import CaseGenerator
import ConformanceRunner
import ConformanceSpec
import ConformanceTestSupport
import EmulatorTransport
import Foundation
import QueryProtocol
import ReferenceServer
import Testing
import Transport

/// Subnets, roles and topics come from the target's account: found through EC2, IAM and SNS reads on the same
/// endpoint (the embedded server answers them, signed for their own services), given as options, or missing, in
/// which case the cases that need them are skipped with the reason and never judged.
@Suite struct AccountResourcesTests {
    static let emulatorKeys = NeptuneEmulator.Configuration.localTestingKeys

    static func emulatorTransport() -> InMemoryTransport {
        InMemoryTransport(
            emulator: NeptuneEmulator(spec: Fixtures.spec, configuration: .init(verifySignatures: emulatorKeys)))
    }

    /// A transport that answers some actions with HTTP 400 and hands the rest to the emulator.
    struct Refusing: HTTPTransport {
        let inner: InMemoryTransport
        let actions: Set<String>

        func send(_ request: TransportRequest) async throws(TransportError) -> HTTPAnswer {
            let action = FormCodec.decodePairs(request.body).first { $0.0 == "Action" }?.1 ?? ""
            guard actions.contains(action) else { return try await inner.send(request) }
            return HTTPAnswer(
                status: 400, contentType: "text/xml",
                body: "<ErrorResponse><Error><Code>UnauthorizedOperation</Code></Error></ErrorResponse>")
        }

        func shutdown() async { await inner.shutdown() }
    }

    @Test func theEmbeddedServersAccountIsFoundThroughItsOwnReads() async {
        let client = QueryClient(
            spec: Fixtures.spec, endpoint: Endpoint(url: InMemoryTransport.url), transport: Self.emulatorTransport())
        let found = await AccountDiscovery(given: .init(), client: client).discover(regions: ["us-east-1"])
        let subnets = AccountResources.subnets.compactMap { found.resources.value($0, region: "us-east-1") }
        #expect(subnets == ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"])
        #expect(
            found.resources.value(AccountResources.role, region: "us-east-1")
                == "arn:aws:iam::123456789012:role/NeptuneAccessRole")
        #expect(
            found.resources.value(AccountResources.topic, region: "us-east-1")
                == "arn:aws:sns:us-east-1:123456789012:neptune-conformance-events")
        #expect(found.made == AccountDiscovery.Made(), "nothing is made where the account has it all")
    }

    @Test func givenResourcesWinOverDiscovery() async {
        let client = QueryClient(
            spec: Fixtures.spec, endpoint: Endpoint(url: InMemoryTransport.url), transport: Self.emulatorTransport())
        let given = AccountResources.Given(
            subnetIds: ["subnet-0aaaaaaaaaaaaaaa1", "subnet-0aaaaaaaaaaaaaaa2"],
            iamRoleArn: "arn:aws:iam::111122223333:role/Mine", snsTopicArn: "arn:aws:sns:us-east-1:111122223333:mine")
        let found = await AccountDiscovery(given: given, client: client).discover(regions: ["us-east-1"])
        #expect(found.resources.value("SubnetId.2", region: "us-east-1") == "subnet-0aaaaaaaaaaaaaaa2")
        #expect(found.resources.value("IAMRoleArn", region: "us-east-1") == "arn:aws:iam::111122223333:role/Mine")
        #expect(found.resources.value("SnsTopicArn", region: "us-east-1") == "arn:aws:sns:us-east-1:111122223333:mine")
    }

    @Test func aCaseWhoseSubnetsAreMissingIsSkippedWithTheReason() async throws {
        let selected = Fixtures.cases.filter {
            [
                "CreateDBSubnetGroup/valid/minimal", "CreateEventSubscription/valid/minimal",
                "StopDBCluster/valid/minimal",
            ]
            .contains($0.id)
        }
        #expect(selected.count == 3)
        let transport = Refusing(inner: Self.emulatorTransport(), actions: ["DescribeSubnets"])
        let run = ConformanceRun(
            spec: Fixtures.spec, endpoint: Endpoint(url: InMemoryTransport.url, label: "test"),
            goldenDirectory: Fixtures.goldens, options: .init(concurrency: 2, stateTimeout: .seconds(3)),
            transport: transport)
        let report = await run.run(selected).report
        let byID = Dictionary(uniqueKeysWithValues: report.results.map { ($0.id, $0) })
        let subnetGroup = try #require(byID["CreateDBSubnetGroup/valid/minimal"])
        #expect(subnetGroup.verdict == .skipped)
        #expect(subnetGroup.reason?.contains("SubnetId.1") == true, "\(subnetGroup.reason ?? "")")
        #expect(subnetGroup.reason?.contains("--subnet-ids") == true, "\(subnetGroup.reason ?? "")")
        #expect(byID["CreateEventSubscription/valid/minimal"]?.verdict == .passed)
        #expect(byID["StopDBCluster/valid/minimal"]?.verdict == .passed)
    }

    @Test func theSubnetsAreFilledIntoTheRequestSent() async throws {
        let selected = Fixtures.cases.filter { $0.id == "CreateDBSubnetGroup/valid/minimal" }
        let run = ConformanceRun(
            spec: Fixtures.spec, endpoint: Endpoint(url: InMemoryTransport.url, label: "test"),
            goldenDirectory: Fixtures.goldens, options: .init(concurrency: 1, stateTimeout: .seconds(3)),
            transport: Self.emulatorTransport())
        let result = try #require(await run.run(selected).report.results.first)
        #expect(result.verdict == .passed, "\(result.reason ?? "")")
        #expect(result.requestBody?.contains("subnet-0123456789abcdef0") == true, "\(result.requestBody ?? "")")
        #expect(result.requestBody?.contains("account") == false)
    }
}
