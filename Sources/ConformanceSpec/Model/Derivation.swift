/// How an answer member's value follows from the region, the account and its sibling members:
/// `arn:aws:rds:{region}:{account}:cluster:{DBClusterIdentifier}`. `{region}` is the region the request was
/// signed for, `{account}` an account number (digits), `{Sibling}` the text of a sibling member of the same
/// structure, `{*}` one or more of `[A-Za-z0-9-]`; everything else is literal.
public struct Derivation: Sendable, Hashable, CustomStringConvertible {
    public enum Part: Sendable, Hashable {
        case literal(String)
        case region
        case account
        case any
        case sibling(String)
    }

    /// The template as the spec wrote it.
    public var template: String
    public var parts: [Part]

    /// Why a template cannot be read.
    public struct TemplateError: Error, Sendable, Equatable {
        public var message: String
    }

    /// Parses a template, refusing unbalanced braces, empty or unknown tokens and a template without any token.
    public init(template: String) throws(TemplateError) {
        var parts: [Part] = []
        var literal = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(where: { $0 == "{" || $0 == "}" }) {
            guard rest[open] == "{" else { throw TemplateError(message: "a '}' closes no '{'") }
            literal += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else {
                throw TemplateError(message: "a '{' is never closed")
            }
            let token = String(rest[rest.index(after: open)..<close])
            if token.contains("{") { throw TemplateError(message: "'{' inside a token") }
            if !literal.isEmpty { parts.append(.literal(literal)) }
            literal = ""
            switch token {
            case "region": parts.append(.region)
            case "account": parts.append(.account)
            case "*": parts.append(.any)
            case "": throw TemplateError(message: "an empty token '{}'")
            default:
                guard let first = token.unicodeScalars.first, ("A"..."Z").contains(first),
                    token.unicodeScalars.allSatisfy({
                        ("A"..."Z").contains($0) || ("a"..."z").contains($0) || ("0"..."9").contains($0)
                    })
                else {
                    throw TemplateError(
                        message: "unknown token '{\(token)}'; expected {region}, {account}, {*} or {SiblingMember}")
                }
                parts.append(.sibling(token))
            }
            rest = rest[rest.index(after: close)...]
        }
        literal += rest
        if !literal.isEmpty { parts.append(.literal(literal)) }
        if !parts.contains(where: { if case .literal = $0 { false } else { true } }) {
            throw TemplateError(message: "a template needs at least one token; a fixed value is a 'constant'")
        }
        self.template = template
        self.parts = parts
    }

    /// The sibling members the template names.
    public var siblings: [String] {
        parts.compactMap { if case .sibling(let name) = $0 { name } else { nil } }
    }

    public var description: String { template }

    /// Whether `value` follows the template. `siblings` holds the texts of the structure's members (an absent
    /// sibling matches any text without '/' or ':'), `region` the signed region (nil: any region-like token).
    public func matches(_ value: String, siblings: [String: String], region: String?) -> Bool {
        Self.match(Array(value.unicodeScalars)[...], parts[...], siblings: siblings, region: region)
    }

    private static func match(
        _ text: ArraySlice<Unicode.Scalar>, _ parts: ArraySlice<Part>, siblings: [String: String], region: String?
    ) -> Bool {
        guard let part = parts.first else { return text.isEmpty }
        let rest = parts.dropFirst()
        func fixed(_ expected: String) -> Bool {
            let scalars = Array(expected.unicodeScalars)
            guard text.starts(with: scalars) else { return false }
            return match(text.dropFirst(scalars.count), rest, siblings: siblings, region: region)
        }
        func run(_ allowed: (Unicode.Scalar) -> Bool) -> Bool {
            var end = text.startIndex
            while end < text.endIndex, allowed(text[end]) { end += 1 }
            guard end > text.startIndex else { return false }
            // Longest first, then shorter: templates are short, answers shorter than a kilobyte.
            for stop in stride(from: end, to: text.startIndex, by: -1)
            where match(text[stop...], rest, siblings: siblings, region: region) {
                return true
            }
            return false
        }
        switch part {
        case .literal(let literal): return fixed(literal)
        case .region:
            if let region { return fixed(region) }
            return run { isLower($0) || isDigit($0) || $0 == "-" }
        case .account: return run(isDigit)
        case .any: return run { isLower($0) || isUpper($0) || isDigit($0) || $0 == "-" }
        case .sibling(let name):
            if let sibling = siblings[name] { return fixed(sibling) }
            return run { $0 != "/" && $0 != ":" }
        }
    }

    private static func isLower(_ scalar: Unicode.Scalar) -> Bool { ("a"..."z").contains(scalar) }
    private static func isUpper(_ scalar: Unicode.Scalar) -> Bool { ("A"..."Z").contains(scalar) }
    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }
}
