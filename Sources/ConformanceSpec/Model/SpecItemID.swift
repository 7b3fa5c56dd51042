/// The one id scheme of spec items: what cases `covers`, coverage rows, findings, the validator's
/// violations and the faults' broken items all name. Built and read only here.
///
/// - constraint on a parameter: `Op.Path#keyword` (a constraint's keyword, or `required`,
///   `unsupported`, `type`, `lowercased`)
/// - rule across parameters: `Op#keyword`
/// - precondition on state: `Op#keyword:Parameter`
/// - request member sent: `Op.request.Path`
/// - answer shape member: `shapes.Shape.Member` (with `#type` for its type)
/// - error entry: `errors.Code#aspect` (`code`, `status`, `type`)
/// - envelope member: `envelope.Path`; service attribute: `service#attribute`
public struct SpecItemID: Hashable, Sendable, Comparable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        case constraint, rule, precondition, requestMember, shapeMember, error, envelope, service
    }

    /// The id as cases and reports write it.
    public let text: String

    public init(_ text: String) { self.text = text }

    public var description: String { text }

    public static func < (left: SpecItemID, right: SpecItemID) -> Bool { left.text < right.text }

    public static func constraint(_ operation: String, _ path: String, _ keyword: String) -> SpecItemID {
        SpecItemID("\(operation).\(path)#\(keyword)")
    }

    public static func rule(_ operation: String, _ keyword: String) -> SpecItemID {
        SpecItemID("\(operation)#\(keyword)")
    }

    public static func precondition(_ operation: String, _ keyword: String, _ parameter: String) -> SpecItemID {
        SpecItemID("\(operation)#\(keyword):\(parameter)")
    }

    public static func requestMember(_ operation: String, _ path: String) -> SpecItemID {
        SpecItemID("\(operation).request.\(path)")
    }

    public static func shapeMember(_ shape: String, _ member: String, aspect: String? = nil) -> SpecItemID {
        SpecItemID("shapes.\(shape).\(member)" + (aspect.map { "#\($0)" } ?? ""))
    }

    public static func error(_ code: String, _ aspect: String) -> SpecItemID { SpecItemID("errors.\(code)#\(aspect)") }

    public static func envelope(_ path: String) -> SpecItemID { SpecItemID("envelope.\(path)") }

    public static func service(_ attribute: String) -> SpecItemID { SpecItemID("service#\(attribute)") }

    /// The part before the first `.` or `#`: the operation (or `shapes`, `errors`, `envelope`, `service`).
    public var operation: String { String(text.prefix { $0 != "." && $0 != "#" }) }

    /// The keyword after `#`, without a precondition's parameter (`range`, `state`).
    public var keyword: String? {
        guard let hash = text.firstIndex(of: "#") else { return nil }
        return String(text[text.index(after: hash)...].prefix { $0 != ":" })
    }

    /// A precondition's parameter (after `:`).
    public var parameter: String? {
        guard kind == .precondition, let colon = text.lastIndex(of: ":") else { return nil }
        return String(text[text.index(after: colon)...])
    }

    /// The parameter or member path: `Port` of `Op.Port#range` and of `Op.request.Port` (an error entry: its code).
    public var path: String? {
        let head = text.prefix { $0 != "#" }
        guard let dot = head.firstIndex(of: ".") else { return nil }
        let rest = head[head.index(after: dot)...]
        return String(rest.hasPrefix("request.") ? rest.dropFirst("request.".count) : rest)
    }

    public var kind: Kind {
        switch operation {
        case "shapes": return .shapeMember
        case "errors": return .error
        case "envelope": return .envelope
        case "service": return .service
        default: break
        }
        if text.contains(".request.") && !text.contains("#") { return .requestMember }
        if path != nil { return .constraint }
        return text.contains(":") ? .precondition : .rule
    }
}
