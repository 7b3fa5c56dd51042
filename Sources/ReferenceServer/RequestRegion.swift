import Foundation

/// The region of a request: the third field of its SigV4 credential scope
/// (`Credential=KEY/20261129/us-east-2/rds/aws4_request`, in the Authorization header or `X-Amz-Credential`).
public enum RequestRegion {
    static func of(headers: [(String, String)], query: String) -> String? {
        var credential: String?
        if let authorization = headers.first(where: { isNamed($0.0, "authorization") })?.1,
            let value = value(after: "Credential=", in: authorization, endingAt: { $0 == "," || $0 == " " })
        {
            credential = value
        } else if let value = value(after: "X-Amz-Credential=", in: query, endingAt: { $0 == "&" }) {
            credential = value.removingPercentEncoding
        }
        return credential.flatMap(region(inScope:))
    }

    /// The third of the five non-empty `/`-separated fields of a credential scope, when it is a region name. ASCII
    /// scopes are split byte by byte (splitting by characters cost as much as the search), others by characters.
    static func region(inScope credential: String) -> String? {
        guard credential.utf8.allSatisfy({ $0 < 0x80 }) else {
            let scope = credential.split(separator: "/").map(String.init)
            guard scope.count == 5, isRegionName(scope[2]) else { return nil }
            return scope[2]
        }
        let fields = credential.utf8.split(separator: UInt8(ascii: "/"))
        guard fields.count == 5 else { return nil }
        let region = String(Substring(fields[2]))
        return isRegionName(region) ? region : nil
    }

    /// Lower-case letters, digits and hyphens, as every AWS region name is (`us-east-2`, `eu-central-1`).
    public static func isRegionName(_ text: String) -> Bool {
        !text.isEmpty && text.count <= 32
            && text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    /// True when header `name` lower-cased is `lowercased` (lower-case ASCII), as `name.lowercased() == lowercased`
    /// is: compared byte by byte while the name is ASCII (lower-casing maps A-Z alone and keeps every other scalar's
    /// place), through `lowercased()` from its first other byte. Every request asks this of each header.
    static func isNamed(_ name: String, _ lowercased: String) -> Bool {
        var expected = lowercased.utf8.makeIterator()
        for byte in name.utf8 {
            guard byte < 0x80 else { return name.lowercased() == lowercased }
            guard let wanted = expected.next(), lower(byte) == wanted else { return false }
        }
        return expected.next() == nil
    }

    /// True when `text` lower-cased starts with `prefix` (lower-case ASCII), as `text.lowercased().hasPrefix(prefix)`
    /// is: byte by byte over ASCII text, through `lowercased()` when a byte that is not ASCII could decide it (inside
    /// the prefix, or right after it, where a combining mark would join the prefix's last character).
    static func hasLowercasedPrefix(_ text: String, _ prefix: String) -> Bool {
        var expected = prefix.utf8.makeIterator()
        for byte in text.utf8 {
            guard let wanted = expected.next() else { return byte < 0x80 || text.lowercased().hasPrefix(prefix) }
            guard byte < 0x80 else { return text.lowercased().hasPrefix(prefix) }
            guard lower(byte) == wanted else { return false }
        }
        return expected.next() == nil
    }

    static func lower(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
    }

    /// The text after the first `marker` (ASCII) in `text`, up to the first character `stop` accepts (ASCII) or the
    /// end; nil without the marker. ASCII text is searched byte by byte in place (Foundation's `range(of:)` was a
    /// tenth of the server's time per request); other text as before, through `range(of:)`.
    static func value(after marker: String, in text: String, endingAt stop: (Character) -> Bool) -> String? {
        let searched = text.utf8.withContiguousStorageIfAvailable { bytes -> String?? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return .none }
            return .some(asciiValue(after: marker, in: bytes, endingAt: stop))
        }
        if let searched, let found = searched { return found }
        guard let range = text.range(of: marker) else { return nil }
        return String(text[range.upperBound...].prefix { !stop($0) })
    }

    /// `value(after:in:endingAt:)` in ASCII bytes.
    private static func asciiValue(
        after marker: String, in bytes: UnsafeBufferPointer<UInt8>, endingAt stop: (Character) -> Bool
    ) -> String? {
        let needle = Array(marker.utf8)
        guard bytes.count >= needle.count,
            let start = (0...(bytes.count - needle.count)).first(where: { start in
                bytes[start] == needle[0] && bytes[start..<start + needle.count].elementsEqual(needle)
            })
        else { return nil }
        var end = start + needle.count
        while end < bytes.count, !stop(Character(UnicodeScalar(bytes[end]))) { end += 1 }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[(start + needle.count)..<end]), as: UTF8.self)
    }
}
