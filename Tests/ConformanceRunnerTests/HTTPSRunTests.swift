import ConformanceTestSupport
import Foundation
import Testing

/// `run` against an https endpoint: `serve` behind a local TLS relay whose self-signed certificate is trusted
/// through `--ca-bundle` or `$AWS_CA_BUNDLE`, and refused, with the way out named, when it is not.
@Suite struct HTTPSRunTests {
    static func temporaryDirectory() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("nc-https-\(UUID().uuidString)").path
    }

    @Test(.enabled(if: ExternalTool.openssl.runsHere, Comment(rawValue: ExternalTool.openssl.skipReason)))
    func aRunOverHTTPSTrustsOnlyTheGivenCertificates() async throws {
        let certificate = try await ProcessResult.onOwnThread { try SelfSignedCertificate.make() }
        let serve = try await ServeProcess.start()
        defer { serve.stop() }
        let relay = try await TLSRelay(
            certificate: certificate.certificate, key: certificate.key, upstreamPort: serve.port)
        let base = ["run", "--endpoint", relay.url(), "--operation", "ModifyDBCluster", "--quiet"]
        var environment = ProcessInfo.processInfo.environment
        environment["AWS_CA_BUNDLE"] = nil

        let reports = Self.temporaryDirectory()
        let trusted = try await ProcessResult.run(
            BuiltCLI.url, base + ["--ca-bundle", certificate.certificate, "--report-dir", reports],
            environment: environment)
        #expect(trusted.status == 0, "\(trusted.stdout)\n\(trusted.stderr)")
        let report = try String(contentsOfFile: "\(reports)/report.json", encoding: .utf8)
        #expect(report.contains(relay.url()) && report.contains("\"passed\""))

        environment["AWS_CA_BUNDLE"] = certificate.certificate
        let fromEnvironment = try await ProcessResult.run(
            BuiltCLI.url, base + ["--report-dir", Self.temporaryDirectory()], environment: environment)
        #expect(fromEnvironment.status == 0, "\(fromEnvironment.stdout)\n\(fromEnvironment.stderr)")

        environment["AWS_CA_BUNDLE"] = nil
        let untrusted = try await ProcessResult.run(
            BuiltCLI.url, base + ["--report-dir", Self.temporaryDirectory()], environment: environment)
        #expect(untrusted.status != 0)
        let said = untrusted.stdout + untrusted.stderr
        #expect(said.contains("not trusted") && said.contains("--ca-bundle"), "\(said.prefix(2000))")
        await relay.stop()
    }
}
