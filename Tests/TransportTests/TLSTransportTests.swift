import ConformanceTestSupport
import Foundation
import Testing
import Transport

/// https through the lean client: a certificate is trusted only through the system's roots or `caBundle`, and
/// must name the URL's host (a DNS name, or the IP address itself); each refusal says why, and what to do.
@Suite struct TLSTransportTests {
    static let form = [("Content-Type", "application/x-www-form-urlencoded")]

    /// The status `url` answers through a relay with `certificate`, or the transport's error.
    func status(
        host: String, certificate: SelfSignedCertificate, caBundle: String?
    ) async throws -> Result<Int, TransportError> {
        let server = try await MisbehavingServer(.fixed(status: 200, contentType: "text/xml", body: "<ok/>"))
        let relay = try await TLSRelay(
            certificate: certificate.certificate, key: certificate.key, upstreamPort: server.port)
        let transport = NetworkTransport(options: .init(timeout: .seconds(5), retry: .off, caBundle: caBundle))
        let result: Result<Int, TransportError>
        do {
            result = .success(try await transport.send(url: relay.url(host: host), headers: Self.form, body: "").status)
        } catch {
            result = .failure(error)
        }
        await transport.shutdown()
        await relay.stop()
        await server.stop()
        return result
    }

    @Test(arguments: ["localhost", "127.0.0.1"]) func aTrustedCertificateNamingTheHostIsAccepted(host: String)
        async throws
    {
        let certificate = try URLScheme.certificate.get()
        #expect(
            try await status(host: host, certificate: certificate, caBundle: certificate.certificate) == .success(200))
    }

    @Test func anUntrustedCertificateIsRefusedWithTheWayOut() async throws {
        let certificate = try URLScheme.certificate.get()
        let result = try await status(host: "localhost", certificate: certificate, caBundle: nil)
        guard case .failure(.tls(let detail)) = result else {
            Issue.record("a self-signed certificate was not refused as TLS: \(result)")
            return
        }
        #expect(detail.contains("not trusted") && detail.contains("--ca-bundle"), "\(detail)")
    }

    @Test func aCertificateForAnotherNameIsRefused() async throws {
        let other = try SelfSignedCertificate.make(names: ["DNS:other.example"])
        for host in ["localhost", "127.0.0.1"] {
            let result = try await status(host: host, certificate: other, caBundle: other.certificate)
            guard case .failure(.tls(let detail)) = result else {
                Issue.record("\(host): a certificate for other.example was accepted: \(result)")
                continue
            }
            #expect(detail.contains("does not name this host"), "\(host): \(detail)")
        }
    }

    @Test func anUnreadableCABundleIsNamed() async throws {
        let certificate = try URLScheme.certificate.get()
        let result = try await status(host: "localhost", certificate: certificate, caBundle: "/nonexistent/ca.pem")
        guard case .failure(.tls(let detail)) = result else {
            Issue.record("\(result)")
            return
        }
        #expect(detail.contains("/nonexistent/ca.pem") && detail.contains("cannot be read"), "\(detail)")
    }
}
