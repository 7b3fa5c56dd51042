import NIOConcurrencyHelpers
import NIOSSL

/// The TLS client context of `HTTP1Client`, made on the first https connection (a run against plain http never
/// loads a certificate): full verification against the system's roots plus those of a CA bundle, if given.
final class TLSContextSource: Sendable {
    let caBundle: String?
    private let made = NIOLockedValueBox<Result<NIOSSLContext, TLSContextFailure>?>(nil)

    init(caBundle: String?) {
        self.caBundle = caBundle
    }

    func context() throws(TLSContextFailure) -> NIOSSLContext {
        let result = made.withLockedValue { made in
            if let made { return made }
            let result = Result { () throws(TLSContextFailure) in try make() }
            made = result
            return result
        }
        return try result.get()
    }

    private func make() throws(TLSContextFailure) -> NIOSSLContext {
        var configuration = TLSConfiguration.makeClientConfiguration()
        configuration.certificateVerification = .fullVerification
        configuration.applicationProtocols = ["http/1.1"]
        if let caBundle {
            do {
                let certificates = try NIOSSLCertificate.fromPEMFile(caBundle)
                guard !certificates.isEmpty else {
                    throw TLSContextFailure(description: "the CA bundle '\(caBundle)' holds no PEM certificate")
                }
                configuration.additionalTrustRoots = [.certificates(certificates)]
            } catch let failure as TLSContextFailure {
                throw failure
            } catch {
                throw TLSContextFailure(description: "the CA bundle '\(caBundle)' cannot be read: \(error)")
            }
        }
        do {
            return try NIOSSLContext(configuration: configuration)
        } catch {
            throw TLSContextFailure(description: "no TLS context could be made: \(error)")
        }
    }
}

/// Why no https connection could be set up at all (the CA bundle is unreadable or holds no certificate).
struct TLSContextFailure: Error, Sendable, CustomStringConvertible {
    var description: String
}
