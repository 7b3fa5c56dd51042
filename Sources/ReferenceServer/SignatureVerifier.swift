import ConformanceSpec
import Foundation
import QueryProtocol

/// Checks SigV4 on incoming requests against configured access keys, answering as AWS does when it
/// fails: no Authorization, a malformed one, an unknown key, a wrong scope, an expired time, a wrong signature.
struct SignatureVerifier: Sendable {
    /// The regions a credential scope may name: the server's own first.
    let regions: [String]
    let service: String
    /// One signer per access key and region, made once, so each derives its signing key once a day.
    let signers: [String: [String: SigV4Signer]]
    /// How far the request time may be from now.
    var allowedSkew: TimeInterval = 15 * 60

    /// `keys`: access key id -> secret; `regions`: the regions served (at least one).
    init(keys: [String: String], regions: [String], service: String) {
        self.regions = regions
        self.service = service
        signers = keys.reduce(into: [:]) { signers, key in
            let credentials = AWSCredentials(accessKeyId: key.key, secretAccessKey: key.value)
            signers[key.key] = Dictionary(
                regions.map { ($0, SigV4Signer(credentials: credentials, region: $0, service: service)) },
                uniquingKeysWith: { first, _ in first })
        }
    }

    struct Failure: Error {
        var code: String
        var message: String
    }

    func verify(
        method: String, path: String, query: String, headers: [(String, String)], body: String, now: Date = Date()
    ) -> Failure? {
        func header(_ name: String) -> String? { headers.first { $0.0.lowercased() == name }?.1 }
        guard let authorization = header("authorization") else {
            return Failure(code: "MissingAuthenticationToken", message: "Request is missing Authentication Token")
        }
        guard authorization.hasPrefix("AWS4-HMAC-SHA256 ") else {
            return Failure(
                code: "IncompleteSignature", message: "Authorization header requires the AWS4-HMAC-SHA256 algorithm")
        }
        var fields: [String: String] = [:]
        for part in authorization.dropFirst("AWS4-HMAC-SHA256 ".count).split(separator: ",") {
            // Trimmed of ASCII blanks by hand: Foundation's trimming was a quarter of the check's cost.
            let trimmed = part.drop { $0 == " " || $0 == "\t" }
            guard let equals = trimmed.firstIndex(of: "=") else { continue }
            var value = trimmed[trimmed.index(after: equals)...]
            while let last = value.last, last == " " || last == "\t" { value = value.dropLast() }
            fields[String(trimmed[..<equals])] = String(value)
        }
        guard let credential = fields["Credential"], let signedHeaders = fields["SignedHeaders"],
            let signature = fields["Signature"]
        else {
            return Failure(
                code: "IncompleteSignature",
                message: "Authorization header requires Credential, SignedHeaders and Signature")
        }
        let scope = credential.split(separator: "/").map(String.init)
        guard scope.count == 5, scope[4] == "aws4_request" else {
            return Failure(
                code: "IncompleteSignature", message: "Credential must be KEY/yyyyMMdd/region/service/aws4_request")
        }
        guard let byRegion = signers[scope[0]] else {
            return Failure(
                code: "InvalidClientTokenId", message: "The security token included in the request is invalid.")
        }
        guard let signer = byRegion[scope[2]] else {
            return Failure(
                code: "SignatureDoesNotMatch",
                message: "Credential should be scoped to a valid region, not '\(scope[2])'.")
        }
        guard scope[3] == service else {
            return Failure(
                code: "SignatureDoesNotMatch", message: "Credential should be scoped to correct service: '\(service)'.")
        }
        guard let amzDate = header("x-amz-date"), let date = Self.parse(amzDate), amzDate.hasPrefix(scope[1]) else {
            return Failure(
                code: "IncompleteSignature",
                message: "X-Amz-Date is missing, malformed, or not the day of the credential scope")
        }
        guard abs(date.timeIntervalSince(now)) <= allowedSkew else {
            return Failure(
                code: "RequestExpired",
                message: "Request has expired: its time \(amzDate) is more than 15 minutes from the server's.")
        }
        let names = Set(signedHeaders.split(separator: ";").map(String.init))
        let signed = headers.filter { names.contains($0.0.lowercased()) }
        let computed = signer.signature(
            method: method, path: path, query: query, headers: signed, body: Array(body.utf8), amzDate: amzDate
        ).signature
        guard computed == signature else {
            return Failure(
                code: "SignatureDoesNotMatch",
                message: "The request signature we calculated does not match the signature you provided.")
        }
        return nil
    }

    /// `yyyyMMdd'T'HHmmss'Z'` (UTC), read digit by digit: a formatter per request would cost more than the check.
    static func parse(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        guard bytes.count == 16, bytes[8] == UInt8(ascii: "T"), bytes[15] == UInt8(ascii: "Z") else { return nil }
        func number(_ range: Range<Int>) -> Int32? {
            var value: Int32 = 0
            for byte in bytes[range] {
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int32(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard let year = number(0..<4), let month = number(4..<6), let day = number(6..<8), let hour = number(9..<11),
            let minute = number(11..<13), let second = number(13..<15), (1...12).contains(month),
            (1...31).contains(day), hour < 24, minute < 60, second < 61
        else { return nil }
        var parts = tm()
        (parts.tm_year, parts.tm_mon, parts.tm_mday, parts.tm_hour, parts.tm_min, parts.tm_sec) = (
            year - 1900, month - 1, day, hour, minute, second
        )
        return Date(timeIntervalSince1970: TimeInterval(timegm(&parts)))
    }
}
