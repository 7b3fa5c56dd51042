import Foundation

/// A self-signed certificate and its key, made by `openssl` in a new temporary directory, for a local TLS
/// endpoint (`TLSRelay`). The certificate names `names` (DNS names and IP addresses) and is valid for two days.
public struct SelfSignedCertificate: Sendable {
    public let certificate: String
    public let key: String

    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    public static func make(names: [String] = ["DNS:localhost", "IP:127.0.0.1"]) throws -> SelfSignedCertificate {
        let openssl = try ExternalTool.openssl.require()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "neptune-conformance-tls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let made = SelfSignedCertificate(
            certificate: directory.appendingPathComponent("certificate.pem").path,
            key: directory.appendingPathComponent("key.pem").path)
        let child = try ChildProcess(
            openssl,
            [
                "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "2",
                "-subj", "/CN=neptune-conformance test", "-addext", "subjectAltName=\(names.joined(separator: ","))",
                "-keyout", made.key, "-out", made.certificate,
            ], output: .discard, error: .discard)
        guard child.wait() == 0, FileManager.default.fileExists(atPath: made.certificate) else {
            throw Failure(description: "openssl could not make a self-signed certificate in \(directory.path)")
        }
        return made
    }
}
