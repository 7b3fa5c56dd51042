import Crypto
import Foundation

/// AWS Signature Version 4 (`AWS4-HMAC-SHA256`) for query-protocol POSTs: canonical request, string to
/// sign, signing key, and the headers that carry the result.
public struct SigV4Signer: Sendable {
    public var credentials: AWSCredentials
    public var region: String
    /// The service name of the credential scope (`rds` for Neptune).
    public var service: String

    /// Derived signing keys by day, shared by the copies of a signer (deriving one costs four HMACs).
    let keys = SigningKeyCache()

    public init(credentials: AWSCredentials, region: String, service: String) {
        self.credentials = credentials
        self.region = region
        self.service = service
    }

    /// The headers to add to a request: `X-Amz-Date`, `X-Amz-Security-Token` (with a session token) and
    /// `Authorization`. `headers` are the request's other headers (`Host` and `Content-Type` at least);
    /// all of them are signed.
    public func sign(
        method: String, path: String = "/", query: String = "", headers: [(String, String)], body: some DataProtocol, date: Date
    ) -> [(String, String)] {
        let amzDate = Self.amzDate(date)
        var added: [(String, String)] = [("X-Amz-Date", amzDate)]
        if let token = credentials.sessionToken { added.append(("X-Amz-Security-Token", token)) }
        let (signature, signedHeaders) = self.signature(method: method, path: path, query: query, headers: headers + added, body: body, amzDate: amzDate)
        let scope = "\(amzDate.prefix(8))/\(region)/\(service)/aws4_request"
        added.append((
            "Authorization",
            "AWS4-HMAC-SHA256 Credential=\(credentials.accessKeyId)/\(scope), SignedHeaders=\(signedHeaders), Signature=\(signature)"
        ))
        return added
    }

    /// The signature of a request whose `headers` are exactly the signed ones (`X-Amz-Date` and any
    /// `X-Amz-Security-Token` included), at `amzDate`; a verifier recomputes what a client sent with it.
    public func signature(
        method: String, path: String, query: String, headers: [(String, String)], body: some DataProtocol, amzDate: String
    ) -> (signature: String, signedHeaders: String) {
        let parts = canonicalParts(method: method, path: path, query: query, headers: headers, body: body)
        let scope = "\(amzDate.prefix(8))/\(region)/\(service)/aws4_request"
        let stringToSign = ["AWS4-HMAC-SHA256", amzDate, scope, Self.hex(SHA256.hash(data: Data(parts.request.utf8)))].joined(separator: "\n")
        let key = keys.key(day: String(amzDate.prefix(8)), secret: credentials.secretAccessKey) { signingKey(day: $0) }
        return (Self.hex(HMAC<SHA256>.authenticationCode(for: Data(stringToSign.utf8), using: key)), parts.signedHeaders)
    }

    /// The canonical request and the signed-header list, as the SigV4 specification builds them.
    public func canonicalParts(
        method: String, path: String, query: String, headers: [(String, String)], body: some DataProtocol
    ) -> (request: String, signedHeaders: String) {
        var merged: [String: [String]] = [:]
        for (name, value) in headers {
            let trimmed = value.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
            merged[name.lowercased(), default: []].append(trimmed)
        }
        let names = merged.keys.sorted()
        let canonicalHeaders = names.map { "\($0):\(merged[$0]!.joined(separator: ","))\n" }.joined()
        let signedHeaders = names.joined(separator: ";")
        let canonicalQuery = query.isEmpty ? "" : Self.canonicalQuery(query)
        let request = [
            method.uppercased(), path.isEmpty ? "/" : path, canonicalQuery, canonicalHeaders, signedHeaders,
            Self.hex(SHA256.hash(data: Data(body))),
        ].joined(separator: "\n")
        return (request, signedHeaders)
    }

    func signingKey(day: String) -> SymmetricKey {
        func hmac(_ key: SymmetricKey, _ text: String) -> SymmetricKey {
            SymmetricKey(data: Data(HMAC<SHA256>.authenticationCode(for: Data(text.utf8), using: key)))
        }
        var key = SymmetricKey(data: Data("AWS4\(credentials.secretAccessKey)".utf8))
        for part in [day, region, service, "aws4_request"] { key = hmac(key, part) }
        return key
    }

    /// Query pairs sorted by key then value, each already percent-encoded the AWS way.
    static func canonicalQuery(_ query: String) -> String {
        let encoded: [(key: String, value: String)] = FormCodec.decodePairs(query).map { pair in
            (key: QueryEncoding.percentEncode(pair.0), value: QueryEncoding.percentEncode(pair.1))
        }
        let sorted = encoded.sorted { left, right in left.key == right.key ? left.value < right.value : left.key < right.key }
        return sorted.map { "\($0.key)=\($0.value)" }.joined(separator: "&")
    }

    /// `yyyyMMdd'T'HHmmss'Z'` in UTC.
    public static func amzDate(_ date: Date) -> String {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(parts.tm_year + 1900)\(two(parts.tm_mon + 1))\(two(parts.tm_mday))T\(two(parts.tm_hour))\(two(parts.tm_min))\(two(parts.tm_sec))Z"
    }

    static func hex<D: Sequence>(_ digest: D) -> String where D.Element == UInt8 {
        let digits = Array("0123456789abcdef".utf8)
        var bytes: [UInt8] = []
        for byte in digest {
            bytes.append(digits[Int(byte >> 4)])
            bytes.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// The signing key of the last day used, so requests of the same day derive it once.
final class SigningKeyCache: @unchecked Sendable {
    private let lock = NSLock()
    private var day = ""
    private var secret = ""
    private var key: SymmetricKey?

    func key(day: String, secret: String, derive: (String) -> SymmetricKey) -> SymmetricKey {
        lock.lock()
        defer { lock.unlock() }
        if let key, day == self.day, secret == self.secret { return key }
        let derived = derive(day)
        (self.day, self.secret, self.key) = (day, secret, derived)
        return derived
    }
}
