import ConformanceTestSupport
import Foundation
import Testing

/// `serve` behind an application written with boto3 as its users write one (`Tests/Fixtures/boto3_application.py`):
/// subnets found through EC2, a subnet group, a cluster parameter group, a cluster without EngineVersion, a serverless
/// instance through the `db_instance_available` waiter, tags, a snapshot, a restore, a custom endpoint, events, and a
/// tear-down through `db_instance_deleted`. Every answer must agree with the others and with the catalogue.
@Suite(.enabled(if: ExternalTool.boto3.runsHere, Comment(rawValue: ExternalTool.boto3.skipReason)))
struct Boto3ApplicationTests {
    @Test func anApplicationGetsConsistentAnswers() async throws {
        let python = try ExternalTool.boto3.require()
        let server = try await ServeProcess.start()
        defer { server.stop() }
        let script = BuiltCLI.packageRoot.appendingPathComponent("Tests/Fixtures/boto3_application.py")
        let result = try await ProcessResult.run(URL(fileURLWithPath: python), [script.path, server.url])
        #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
        #expect(result.stdout.contains("the application got consistent answers"), "\(result.stdout)")
        #expect(!result.stdout.contains("DISAGREES"), "\(result.stdout)")
    }
}
