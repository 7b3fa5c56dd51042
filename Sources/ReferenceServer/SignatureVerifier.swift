import ConformanceSpec
import Foundation
import QueryProtocol

/// Checks SigV4 on incoming requests against configured access keys, answering as AWS does when it
/// fails: no Authorization, a malformed one, an unknown key, a wrong scope, an expired time, a wrong signature.
struct SignatureVerifier: Sendable {
    /// Access key id -> secret.
    let keys: [String: String]
    let region: String
    let service: String
    /// How far the request time may be from now.
    var allowedSkew: TimeInterval = 15 * 60

    struct Failure: Error {
        var code: String
        var message: String
    }

    func verify(method: String, path: String, query: String, headers: [(String, String)], body: String, now: Date = Date()) -> Failure? {
        func header(_ name: String) -> String? { headers.first { $0.0.lowercased() == name }?.1 }
        guard let authorization = header("authorization") else {
            return Failure(code: "MissingAuthenticationToken", message: "Request is missing Authentication Token")
        }
        guard authorization.hasPrefix("AWS4-HMAC-SHA256 ") else {
            return Failure(code: "IncompleteSignature", message: "Authorization header requires the AWS4-HMAC-SHA256 algorithm")
        }
        var fields: [String: String] = [:]
        for part in authorization.dropFirst("AWS4-HMAC-SHA256 ".count).split(separator: ",") {
            let pair = part.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1).map(String.init)
            if pair.count == 2 { fields[pair[0]] = pair[1] }
        }
        guard let credential = fields["Credential"], let signedHeaders = fields["SignedHeaders"], let signature = fields["Signature"] else {
            return Failure(code: "IncompleteSignature", message: "Authorization header requires Credential, SignedHeaders and Signature")
        }
        let scope = credential.split(separator: "/").map(String.init)
        guard scope.count == 5, scope[4] == "aws4_request" else {
            return Failure(code: "IncompleteSignature", message: "Credential must be KEY/yyyyMMdd/region/service/aws4_request")
        }
        guard let secret = keys[scope[0]] else {
            return Failure(code: "InvalidClientTokenId", message: "The security token included in the request is invalid.")
        }
        guard scope[2] == region else {
            return Failure(code: "SignatureDoesNotMatch", message: "Credential should be scoped to a valid region, not '\(scope[2])'.")
        }
        guard scope[3] == service else {
            return Failure(code: "SignatureDoesNotMatch", message: "Credential should be scoped to correct service: '\(service)'.")
        }
        guard let amzDate = header("x-amz-date"), let date = Self.parse(amzDate), amzDate.hasPrefix(scope[1]) else {
            return Failure(code: "IncompleteSignature", message: "X-Amz-Date is missing, malformed, or not the day of the credential scope")
        }
        guard abs(date.timeIntervalSince(now)) <= allowedSkew else {
            return Failure(code: "RequestExpired", message: "Request has expired: its time \(amzDate) is more than 15 minutes from the server's.")
        }
        let names = Set(signedHeaders.split(separator: ";").map(String.init))
        let signed = headers.filter { names.contains($0.0.lowercased()) }
        let signer = SigV4Signer(credentials: AWSCredentials(accessKeyId: scope[0], secretAccessKey: secret), region: region, service: service)
        let expected = signer.sign(method: method, path: path, query: query, headers: signed.filter { $0.0.lowercased() != "x-amz-date" && $0.0.lowercased() != "x-amz-security-token" },
                                   body: Array(body.utf8), date: date)
        let computed = expected.first { $0.0 == "Authorization" }?.1.components(separatedBy: "Signature=").last
        guard computed == signature else {
            return Failure(code: "SignatureDoesNotMatch", message: "The request signature we calculated does not match the signature you provided.")
        }
        return nil
    }

    static func parse(_ text: String) -> Date? {
        guard text.count == 16 else { return nil }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return formatter.date(from: text)
    }
}
