import Foundation

/// The region of a request: the third field of its SigV4 credential scope
/// (`Credential=KEY/20261129/us-east-2/rds/aws4_request`, in the Authorization header or `X-Amz-Credential`).
public enum RequestRegion {
    static func of(headers: [(String, String)], query: String) -> String? {
        var credential: String?
        if let authorization = headers.first(where: { isNamed($0.0, "authorization") })?.1,
            let value = value(after: "Credential=", in: authorization, endingAtAnyOf: ", ")
        {
            credential = value
        } else if let value = value(after: "X-Amz-Credential=", in: query, endingAtAnyOf: "&") {
            credential = value.removingPercentEncoding
        }
        return credential.flatMap(region(inScope:))
    }

    /// The third of the five non-empty `/`-separated fields of a credential scope, when it is a region name. ASCII
    /// scopes are split in place, byte by byte (splitting by characters cost as much as the search), others by
    /// characters.
    static func region(inScope credential: String) -> String? {
        let split = credential.utf8.withContiguousStorageIfAvailable { bytes -> String?? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return .none }
            var fields = 0
            var third: Range<Int>?
            var start = 0
            for end in 0...bytes.count where end == bytes.count || bytes[end] == UInt8(ascii: "/") {
                if end > start {
                    fields += 1
                    if fields == 3 { third = start..<end }
                }
                start = end + 1
            }
            guard fields == 5, let third else { return .some(nil) }
            return .some(String(decoding: UnsafeBufferPointer(rebasing: bytes[third]), as: UTF8.self))
        }
        if let split, let region = split { return region.flatMap { isRegionName($0) ? $0 : nil } }
        let scope = credential.split(separator: "/").map(String.init)
        guard scope.count == 5, isRegionName(scope[2]) else { return nil }
        return scope[2]
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

    /// The text after the first `marker` (ASCII) in `text`, up to the first of the characters `stops` (ASCII) or the
    /// end; nil without the marker. ASCII text is searched in place, byte by byte (Foundation's `range(of:)` was a
    /// tenth of the server's time per request); other text as before, through `range(of:)` and characters.
    static func value(after marker: String, in text: String, endingAtAnyOf stops: String) -> String? {
        let searched = text.utf8.withContiguousStorageIfAvailable { bytes -> String?? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return .none }
            return .some(asciiValue(after: Array(marker.utf8), in: bytes, endingAtAnyOf: Array(stops.utf8)))
        }
        if let searched, let found = searched { return found }
        guard let range = text.range(of: marker) else { return nil }
        return String(text[range.upperBound...].prefix { !stops.contains($0) })
    }

    /// `value(after:in:endingAtAnyOf:)` in ASCII bytes.
    private static func asciiValue(
        after marker: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, endingAtAnyOf stops: [UInt8]
    ) -> String? {
        guard !marker.isEmpty, bytes.count >= marker.count else { return nil }
        var start = 0
        search: while start <= bytes.count - marker.count {
            for offset in 0..<marker.count where bytes[start + offset] != marker[offset] {
                start += 1
                continue search
            }
            var end = start + marker.count
            while end < bytes.count, !stops.contains(bytes[end]) { end += 1 }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[(start + marker.count)..<end]), as: UTF8.self)
        }
        return nil
    }
}
