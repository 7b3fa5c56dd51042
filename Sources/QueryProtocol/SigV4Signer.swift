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
        let day = amzDate.prefix(8)
        var stringToSign = "AWS4-HMAC-SHA256\n"
        stringToSign.reserveCapacity(160)
        stringToSign += amzDate
        stringToSign += "\n"
        stringToSign += day
        stringToSign += "/\(region)/\(service)/aws4_request\n"
        stringToSign += Self.hex(Self.sha256(parts.request))
        var hmac = keys.hmac(day: String(day), secret: credentials.secretAccessKey) { signingKey(day: $0) }
        var text = stringToSign
        text.withUTF8 { hmac.update(data: UnsafeRawBufferPointer($0)) }
        return (Self.hex(hmac.finalize()), parts.signedHeaders)
    }

    /// The canonical request and the signed-header list, as the SigV4 specification builds them: header names
    /// lower-cased and sorted, values trimmed with inner runs of spaces folded, repeated names joined by commas.
    public func canonicalParts(
        method: String, path: String, query: String, headers: [(String, String)], body: some DataProtocol
    ) -> (request: String, signedHeaders: String) {
        var lowered = headers.enumerated().map { (name: $0.element.0.lowercased(), value: Self.foldSpaces($0.element.1), order: $0.offset) }
        lowered.sort { $0.name == $1.name ? $0.order < $1.order : $0.name < $1.name }
        var canonicalHeaders = ""
        var signedHeaders = ""
        canonicalHeaders.reserveCapacity(256)
        var previous: String?
        for header in lowered {
            if header.name == previous {
                canonicalHeaders.removeLast()
                canonicalHeaders += ","
            } else {
                if previous != nil { signedHeaders += ";" }
                signedHeaders += header.name
                canonicalHeaders += header.name
                canonicalHeaders += ":"
            }
            canonicalHeaders += header.value
            canonicalHeaders += "\n"
            previous = header.name
        }
        var request = method.uppercased()
        request.reserveCapacity(canonicalHeaders.utf8.count + signedHeaders.utf8.count + query.utf8.count + 128)
        request += "\n"
        request += path.isEmpty ? "/" : path
        request += "\n"
        if !query.isEmpty { request += Self.canonicalQuery(query) }
        request += "\n"
        request += canonicalHeaders
        request += "\n"
        request += signedHeaders
        request += "\n"
        request += Self.hex(SHA256.hash(data: body))
        return (request, signedHeaders)
    }

    /// A header value trimmed, with runs of spaces and tabs folded to one space; unchanged values are not copied.
    static func foldSpaces(_ value: String) -> String {
        var previousBlank = true
        var clean = true
        for byte in value.utf8 {
            let blank = byte == 0x20 || byte == 0x09
            if byte == 0x09 || (blank && previousBlank) { clean = false; break }
            previousBlank = blank
        }
        if clean && !previousBlank { return value }
        return value.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
    }

    static func sha256(_ text: String) -> SHA256.Digest {
        var text = text
        return text.withUTF8 { SHA256.hash(data: UnsafeRawBufferPointer($0)) }
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

    /// `yyyyMMdd'T'HHmmss'Z'` in UTC (the text of the last second is kept: every request of a run signs with it).
    public static func amzDate(_ date: Date) -> String {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        if let cached = AmzDateCache.shared.text(for: Int(seconds)) { return cached }
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let text = "\(parts.tm_year + 1900)\(two(parts.tm_mon + 1))\(two(parts.tm_mday))T\(two(parts.tm_hour))\(two(parts.tm_min))\(two(parts.tm_sec))Z"
        AmzDateCache.shared.store(text, for: Int(seconds))
        return text
    }

    static func hex(_ digest: some ContiguousBytes) -> String {
        digest.withUnsafeBytes { bytes in
            String(unsafeUninitializedCapacity: bytes.count * 2) { buffer in
                let digits: StaticString = "0123456789abcdef"
                digits.withUTF8Buffer { digits in
                    for (index, byte) in bytes.enumerated() {
                        buffer[2 * index] = digits[Int(byte >> 4)]
                        buffer[2 * index + 1] = digits[Int(byte & 0x0F)]
                    }
                }
                return bytes.count * 2
            }
        }
    }
}

/// The signing key of the last day used, as an HMAC already keyed with it (copying it skips the key set-up),
/// so requests of the same day derive it once.
final class SigningKeyCache: @unchecked Sendable {
    private let lock = NSLock()
    private var day = ""
    private var secret = ""
    private var keyed: HMAC<SHA256>?

    func hmac(day: String, secret: String, derive: (String) -> SymmetricKey) -> HMAC<SHA256> {
        lock.lock()
        defer { lock.unlock() }
        if let keyed, day == self.day, secret == self.secret { return keyed }
        let made = HMAC<SHA256>(key: derive(day))
        (self.day, self.secret, self.keyed) = (day, secret, made)
        return made
    }
}

/// The `X-Amz-Date` text of the last second formatted.
final class AmzDateCache: @unchecked Sendable {
    static let shared = AmzDateCache()
    private let lock = NSLock()
    private var second = Int.min
    private var cached = ""

    func text(for second: Int) -> String? {
        lock.lock()
        defer { lock.unlock() }
        return second == self.second ? cached : nil
    }

    func store(_ text: String, for second: Int) {
        lock.lock()
        defer { lock.unlock() }
        (self.second, cached) = (second, text)
    }
}
