import ConformanceSpec

/// Why a query-protocol form body could not be turned into a request.
public struct FormDecodingError: Error, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable, Equatable {
        /// A `%` not followed by two hex digits, or bytes that are not UTF-8.
        case badEncoding
        /// A list index that is not a positive integer, or a gap in the indexes.
        case badListIndex
        /// The same key twice.
        case duplicateKey
        /// A key that walks into a scalar, or a list key without its member name.
        case badKey
    }

    public var kind: Kind
    public var key: String
    public var description: String
}

/// Reads `application/x-www-form-urlencoded` bodies and rebuilds the nested request the SDK flattened,
/// using the spec's list member names: the inverse of `Request.queryPairs(spec:)`.
public enum FormCodec {
    /// The pairs of a form body, percent-decoded (`+` as a space). Malformed escapes are kept as text.
    public static func decodePairs(_ body: String) -> [(String, String)] {
        (try? decodePairsStrict(body))
            ?? body.split(separator: "&").map { part in
                let pieces = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                return (String(pieces[0]), pieces.count > 1 ? String(pieces[1]) : "")
            }
    }

    /// The pairs of a form body, failing on a malformed escape.
    public static func decodePairsStrict(_ body: String) throws(FormDecodingError) -> [(String, String)] {
        // Read as bytes: `&` and `=` are ASCII, so every piece between them of the UTF-8 body is UTF-8 itself, and a
        // piece without `%` or `+` is its own decoding (splitting Substrings was 2 % of a whole run's CPU).
        var pairs: [(String, String)] = []
        let bytes = Array(body.utf8)
        var start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != UInt8(ascii: "&") { end += 1 }
            if end > start {
                var equals = start
                while equals < end, bytes[equals] != UInt8(ascii: "=") { equals += 1 }
                let key = try decoded(bytes[start..<equals])
                let value = equals < end ? try decoded(bytes[(equals + 1)..<end]) : ""
                pairs.append((key, value))
            }
            start = end + 1
        }
        return pairs
    }

    static func decoded(_ piece: ArraySlice<UInt8>) throws(FormDecodingError) -> String {
        guard piece.contains(where: { $0 == UInt8(ascii: "%") || $0 == UInt8(ascii: "+") }) else {
            return String(decoding: piece, as: UTF8.self)
        }
        return try percentDecode(Substring(String(decoding: piece, as: UTF8.self)))
    }

    static func percentDecode(_ text: Substring) throws(FormDecodingError) -> String {
        var bytes: [UInt8] = []
        var iterator = Array(text.utf8)[...]
        while let byte = iterator.popFirst() {
            switch byte {
            case UInt8(ascii: "+"): bytes.append(UInt8(ascii: " "))
            case UInt8(ascii: "%"):
                guard iterator.count >= 2, let high = hexValue(iterator[iterator.startIndex]),
                    let low = hexValue(iterator[iterator.startIndex + 1])
                else {
                    throw FormDecodingError(
                        kind: .badEncoding, key: String(text),
                        description: "malformed percent escape in '\(text.prefix(80))'")
                }
                bytes.append(high << 4 | low)
                iterator = iterator.dropFirst(2)
            default: bytes.append(byte)
            }
        }
        guard let decoded = String(validating: bytes, as: UTF8.self) else {
            throw FormDecodingError(
                kind: .badEncoding, key: String(text),
                description: "'\(text.prefix(80))' is not UTF-8 after percent-decoding")
        }
        return decoded
    }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// Rebuilds the parameters of `operation` from decoded pairs (without `Action` and `Version`).
    /// Keys the spec does not know are kept as top-level scalars under their full key, so a server can
    /// name them. List members are ordered by index; indexes must run 1, 2, 3... without gaps.
    public static func parameters(from pairs: [(String, String)], operation: OperationSpec?) throws(FormDecodingError)
        -> [Parameter]
    {
        var root = Node.structure([:], order: [])
        var seen = Set<String>()
        for (key, value) in pairs where key != "Action" && key != "Version" {
            guard seen.insert(key).inserted else {
                throw FormDecodingError(
                    kind: .duplicateKey, key: key, description: "the key '\(key)' appears more than once")
            }
            let parts = key.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            guard let operation, operation.parameter(at: parts[0]) != nil else {
                root.insert(path: [.member(key)], value: value)
                continue
            }
            var path: [Node.Step] = []
            var type: TypeSpec? = .structure(operation.parameters)
            var index = 0
            while index < parts.count {
                let part = parts[index]
                switch type {
                case .structure(let structure)?:
                    path.append(.member(part))
                    type = structure.member(named: part)?.type
                    index += 1
                case .list(let list)?:
                    let listKey = parts[0..<index].joined(separator: ".")
                    guard parts[index] == list.memberName else {
                        throw FormDecodingError(
                            kind: .badKey, key: key,
                            description:
                                "'\(key)': members of the list '\(listKey)' are sent as '\(listKey).\(list.memberName).N'"
                        )
                    }
                    guard index + 1 < parts.count else {
                        throw FormDecodingError(kind: .badKey, key: key, description: "'\(key)' has no list index")
                    }
                    guard let position = Int(parts[index + 1]), position >= 1, String(position) == parts[index + 1]
                    else {
                        throw FormDecodingError(
                            kind: .badListIndex, key: key,
                            description:
                                "'\(key)': list indexes start at 1 and are plain integers, not '\(parts[index + 1])'")
                    }
                    path.append(.index(position))
                    type = list.member
                    index += 2
                default:
                    if type == nil {
                        path.append(.member(parts[index...].joined(separator: ".")))
                        index = parts.count
                    } else {
                        throw FormDecodingError(
                            kind: .badKey, key: key,
                            description: "'\(key)' goes inside the scalar '\(parts[0..<index].joined(separator: "."))'")
                    }
                }
            }
            if case .list? = type, value.isEmpty {
                root.insert(path: path, value: nil)
            } else {
                root.insert(path: path, value: value)
            }
        }
        guard case .structure(let members, let order) = root else { return [] }
        return try order.map { name throws(FormDecodingError) in
            Parameter(name, try members[name]!.parameterValue(key: name))
        }
    }

    /// The request a form body carries, or an error naming what is wrong with it.
    public static func request(fromBody body: String, spec: ServiceSpec) throws(FormDecodingError) -> (
        action: String?, version: String?, request: Request
    ) {
        let pairs = try decodePairsStrict(body)
        let action = pairs.first { $0.0 == "Action" }?.1
        let version = pairs.first { $0.0 == "Version" }?.1
        let operation = action.flatMap { spec.operation(named: $0) }
        let parameters = try parameters(from: pairs, operation: operation)
        return (action, version, Request(operation: action ?? "", parameters: parameters))
    }
}

/// The tree that flattened keys are put back into.
private indirect enum Node {
    enum Step {
        case member(String)
        case index(Int)
    }

    case scalar(String)
    case list([Int: Node])
    case structure([String: Node], order: [String])

    mutating func insert(path: [Step], value: String?) {
        guard let first = path.first else {
            self = value.map(Node.scalar) ?? .list([:])
            return
        }
        let rest = Array(path.dropFirst())
        switch first {
        case .member(let name):
            var members: [String: Node] = [:]
            var order: [String] = []
            if case .structure(let existing, let existingOrder) = self {
                members = existing
                order = existingOrder
            }
            if members[name] == nil { order.append(name) }
            var child = members[name] ?? Node.empty(for: rest.first)
            child.insert(path: rest, value: value)
            members[name] = child
            self = .structure(members, order: order)
        case .index(let position):
            var items: [Int: Node] = [:]
            if case .list(let existing) = self { items = existing }
            var child = items[position] ?? Node.empty(for: rest.first)
            child.insert(path: rest, value: value)
            items[position] = child
            self = .list(items)
        }
    }

    static func empty(for next: Step?) -> Node {
        switch next {
        case .member?: .structure([:], order: [])
        case .index?: .list([:])
        case nil: .scalar("")
        }
    }

    func parameterValue(key: String) throws(FormDecodingError) -> ParameterValue {
        switch self {
        case .scalar(let text): return .scalar(text)
        case .structure(let members, let order):
            return .structure(
                try order.map { name throws(FormDecodingError) in
                    Parameter(name, try members[name]!.parameterValue(key: "\(key).\(name)"))
                })
        case .list(let items):
            let positions = items.keys.sorted()
            if let gap = positions.enumerated().first(where: { $0.offset + 1 != $0.element }) {
                throw FormDecodingError(
                    kind: .badListIndex, key: key,
                    description:
                        "'\(key)' list indexes must run 1, 2, 3... without gaps; index \(gap.offset + 1) is missing")
            }
            return .list(
                try positions.map { position throws(FormDecodingError) in
                    try items[position]!.parameterValue(key: "\(key).\(position)")
                })
        }
    }
}
