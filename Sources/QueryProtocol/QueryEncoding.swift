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
                for (index, item) in items.enumerated() { walk(item, key: "\(key).\(memberName).\(index + 1)", type: memberType) }
            case .structure(let members):
                var inner: StructureSpec?
                if case .structure(let found)? = type { inner = found }
                for member in members { walk(member.value, key: "\(key).\(member.name)", type: inner?.member(named: member.name)?.type) }
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
        pairs.map { "\(percentEncode($0.0))=\(percentEncode($0.1))" }.joined(separator: "&")
    }

    /// RFC 3986: unreserved characters kept, every other UTF-8 byte as `%XX` (upper-case hex).
    public static func percentEncode(_ text: String) -> String {
        var result = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                result += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return result
    }
}
