import ConformanceSpec

extension Request {
    /// The query protocol's key/value pairs, as the AWS SDKs flatten them: `Action`, `Version`,
    /// structures as `Parent.Member`, lists as `List.MemberName.N` (1-based), with the member names
    /// the spec gives (`member` for parameters the spec does not know).
    public func queryPairs(spec: ServiceSpec) -> [(String, String)] {
        var pairs: [(String, String)] = [("Action", operation), ("Version", spec.apiVersion)]
        let structure = spec.operation(named: operation)?.parameters
        func walk(_ value: ParameterValue, key: String, type: TypeSpec?) {
            switch value {
            case .scalar(let text):
                pairs.append((key, text))
            case .list(let items):
                var memberName = "member"
                var memberType: TypeSpec?
                if case .list(let list)? = type {
                    memberName = list.memberName
                    memberType = list.member
                }
                if items.isEmpty { pairs.append((key, "")) }
                for (index, item) in items.enumerated() {
                    walk(item, key: "\(key).\(memberName).\(index + 1)", type: memberType)
                }
            case .structure(let members):
                var inner: StructureSpec?
                if case .structure(let found)? = type { inner = found }
                for member in members {
                    walk(member.value, key: "\(key).\(member.name)", type: inner?.member(named: member.name)?.type)
                }
            }
        }
        for parameter in parameters {
            walk(parameter.value, key: parameter.name, type: structure?.member(named: parameter.name)?.type)
        }
        return pairs
    }

    /// The `application/x-www-form-urlencoded` body, percent-encoded as AWS expects (RFC 3986 unreserved kept).
    public func formBody(spec: ServiceSpec) -> String {
        QueryEncoding.formBody(queryPairs(spec: spec))
    }
}

/// Percent-encoding as AWS expects it in query strings, form bodies and SigV4 canonical requests.
public enum QueryEncoding {
    /// `key=value&...` with both sides percent-encoded.
    public static func formBody(_ pairs: [(String, String)]) -> String {
        var body = ""
        body.reserveCapacity(pairs.reduce(0) { $0 + $1.0.utf8.count + $1.1.utf8.count + 2 })
        for (index, pair) in pairs.enumerated() {
            if index > 0 { body += "&" }
            appendPercentEncoded(pair.0, to: &body)
            body += "="
            appendPercentEncoded(pair.1, to: &body)
        }
        return body
    }

    /// RFC 3986: unreserved characters kept, every other UTF-8 byte as `%XX` (upper-case hex).
    public static func percentEncode(_ text: String) -> String {
        var result = ""
        appendPercentEncoded(text, to: &result)
        return result
    }

    static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"),
            UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"):
            true
        default:
            false
        }
    }

    /// Appends `text` percent-encoded; text with nothing to encode is appended whole.
    static func appendPercentEncoded(_ text: String, to result: inout String) {
        if text.utf8.allSatisfy(isUnreserved) {
            result += text
            return
        }
        let digits: [UInt8] = Array("0123456789ABCDEF".utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count * 3)
        for byte in text.utf8 {
            if isUnreserved(byte) {
                bytes.append(byte)
            } else {
                bytes.append(UInt8(ascii: "%"))
                bytes.append(digits[Int(byte >> 4)])
                bytes.append(digits[Int(byte & 0x0F)])
            }
        }
        result += String(decoding: bytes, as: UTF8.self)
    }
}
