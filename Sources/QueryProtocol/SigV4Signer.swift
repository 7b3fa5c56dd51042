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
        method: String, path: String = "/", query: String = "", headers: [(String, String)], body: some DataProtocol,
        date: Date
    ) -> [(String, String)] {
        let amzDate = Self.amzDate(date)
        var added: [(String, String)] = [("X-Amz-Date", amzDate)]
        if let token = credentials.sessionToken { added.append(("X-Amz-Security-Token", token)) }
        let (signature, signedHeaders) = self.signature(
            method: method, path: path, query: query, headers: headers + added, body: body, amzDate: amzDate)
        let scope = "\(amzDate.prefix(8))/\(region)/\(service)/aws4_request"
        added.append(
            (
                "Authorization",
                "AWS4-HMAC-SHA256 Credential=\(credentials.accessKeyId)/\(scope), SignedHeaders=\(signedHeaders), Signature=\(signature)"
            ))
        return added
    }

    /// The signature of a request whose `headers` are exactly the signed ones (`X-Amz-Date` and any
    /// `X-Amz-Security-Token` included), at `amzDate`; a verifier recomputes what a client sent with it.
    public func signature(
        method: String, path: String, query: String, headers: [(String, String)], body: some DataProtocol,
        amzDate: String
    ) -> (signature: String, signedHeaders: String) {
        let (request, signedHeaders) = canonicalRequest(
            method: method, path: path, query: query, headers: headers, body: body)
        let day = amzDate.prefix(8)
        var stringToSign: [UInt8] = []
        stringToSign.reserveCapacity(160)
        stringToSign += Self.algorithm
        stringToSign += amzDate.utf8
        stringToSign.append(10)
        stringToSign += day.utf8
        stringToSign.append(UInt8(ascii: "/"))
        stringToSign += region.utf8
        stringToSign.append(UInt8(ascii: "/"))
        stringToSign += service.utf8
        stringToSign += Self.scopeEnd
        Self.appendHex(SHA256.hash(data: request), to: &stringToSign)
        var hmac = keys.hmac(day: String(day), secret: credentials.secretAccessKey) { signingKey(day: $0) }
        hmac.update(data: stringToSign)
        return (Self.hex(hmac.finalize()), signedHeaders)
    }

    static let algorithm = Array("AWS4-HMAC-SHA256\n".utf8)
    static let scopeEnd = Array("/aws4_request\n".utf8)

    /// The canonical request and the signed-header list, as the SigV4 specification builds them: header names
    /// lower-cased and sorted, values trimmed with inner runs of spaces folded, repeated names joined by commas.
    public func canonicalParts(
        method: String, path: String, query: String, headers: [(String, String)], body: some DataProtocol
    ) -> (request: String, signedHeaders: String) {
        let (request, signedHeaders) = canonicalRequest(
            method: method, path: path, query: query, headers: headers, body: body)
        return (String(decoding: request, as: UTF8.self), signedHeaders)
    }

    /// `canonicalParts` as bytes: signing hashes them, so no string is made (this runs before every request).
    func canonicalRequest(
        method: String, path: String, query: String, headers: [(String, String)], body: some DataProtocol
    ) -> (request: [UInt8], signedHeaders: String) {
        var lowered = headers.enumerated().map {
            (name: Self.lowercasedASCII($0.element.0), value: Self.foldSpaces($0.element.1), order: $0.offset)
        }
        lowered.sort { $0.name == $1.name ? $0.order < $1.order : $0.name < $1.name }
        var request: [UInt8] = []
        request.reserveCapacity(
            384 + query.utf8.count + lowered.reduce(0) { $0 + $1.name.utf8.count * 2 + $1.value.utf8.count + 2 })
        request += method.uppercased().utf8
        request.append(10)
        request += (path.isEmpty ? "/" : path).utf8
        request.append(10)
        if !query.isEmpty { request += Self.canonicalQuery(query).utf8 }
        request.append(10)
        var signedHeaders = ""
        var previous: String?
        for header in lowered {
            if header.name == previous {
                request[request.count - 1] = UInt8(ascii: ",")
            } else {
                if previous != nil { signedHeaders += ";" }
                signedHeaders += header.name
                request += header.name.utf8
                request.append(UInt8(ascii: ":"))
            }
            request += header.value.utf8
            request.append(10)
            previous = header.name
        }
        request.append(10)
        request += signedHeaders.utf8
        request.append(10)
        Self.appendHex(SHA256.hash(data: body), to: &request)
        return (request, signedHeaders)
    }

    /// Lower-cased the ASCII way (header names are ASCII); a name already in lower case is not copied.
    static func lowercasedASCII(_ name: String) -> String {
        guard name.utf8.contains(where: { (65...90).contains($0) || $0 >= 0x80 }) else { return name }
        guard name.utf8.allSatisfy({ $0 < 0x80 }) else { return name.lowercased() }
        return String(decoding: name.utf8.map { (65...90).contains($0) ? $0 | 0x20 : $0 }, as: UTF8.self)
    }

    /// A header value trimmed, with runs of spaces and tabs folded to one space; unchanged values are not copied.
    static func foldSpaces(_ value: String) -> String {
        var previousBlank = true
        var clean = true
        for byte in value.utf8 {
            let blank = byte == 0x20 || byte == 0x09
            if byte == 0x09 || (blank && previousBlank) {
                clean = false
                break
            }
            previousBlank = blank
        }
        if clean && !previousBlank { return value }
        return value.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
    }

    func signingKey(day: String) -> [UInt8] {
        var key = Array("AWS4\(credentials.secretAccessKey)".utf8)
        for part in [day, region, service, "aws4_request"] {
            key = HMACSHA256.authenticationCode(for: Array(part.utf8), key: key)
        }
        return key
    }

    /// Query pairs sorted by key then value, each already percent-encoded the AWS way.
    static func canonicalQuery(_ query: String) -> String {
        let encoded: [(key: String, value: String)] = FormCodec.decodePairs(query).map { pair in
            (key: QueryEncoding.percentEncode(pair.0), value: QueryEncoding.percentEncode(pair.1))
        }
        let sorted = encoded.sorted { left, right in
            left.key == right.key ? left.value < right.value : left.key < right.key
        }
        return sorted.map { "\($0.key)=\($0.value)" }.joined(separator: "&")
    }

    /// `yyyyMMdd'T'HHmmss'Z'` in UTC (the text of the last second is kept: every request of a run signs with it).
    public static func amzDate(_ date: Date) -> String {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        if let cached = AmzDateCache.shared.text(for: Int(seconds)) { return cached }
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let text =
            "\(parts.tm_year + 1900)\(two(parts.tm_mon + 1))\(two(parts.tm_mday))T\(two(parts.tm_hour))\(two(parts.tm_min))\(two(parts.tm_sec))Z"
        AmzDateCache.shared.store(text, for: Int(seconds))
        return text
    }

    static func appendHex(_ digest: [UInt8], to bytes: inout [UInt8]) {
        digest.withUnsafeBytes { digest in
            for byte in digest {
                bytes.append(hexDigits[Int(byte >> 4)])
                bytes.append(hexDigits[Int(byte & 0x0F)])
            }
        }
    }

    static let hexDigits = Array("0123456789abcdef".utf8)

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
    private var keyed: HMACSHA256?

    func hmac(day: String, secret: String, derive: (String) -> [UInt8]) -> HMACSHA256 {
        lock.lock()
        defer { lock.unlock() }
        if let keyed, day == self.day, secret == self.secret { return keyed }
        let made = HMACSHA256(key: derive(day))
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
