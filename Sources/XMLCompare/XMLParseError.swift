/// Why a document could not be read, with the line and column libxml2 reported.
public struct XMLParseError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable, Equatable {
        case empty
        case malformed
        case truncated
        case encoding
        case tooLarge = "too-large"
        case tooDeep = "too-deep"
        /// A DOCTYPE or entity reference: refused, never expanded.
        case forbidden
    }

    public var kind: Kind
    public var message: String
    public var line: Int?
    public var column: Int?

    public init(kind: Kind, message: String, line: Int? = nil, column: Int? = nil) {
        self.kind = kind
        self.message = message
        self.line = line
        self.column = column
    }

    public var description: String {
        var location = ""
        if let line { location = "line \(line)" + (column.map { ", column \($0)" } ?? "") + ": " }
        return "\(location)\(message) (\(kind.rawValue))"
    }
}
