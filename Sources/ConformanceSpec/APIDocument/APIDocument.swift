/// What the API document (the boto3-style reference in `shared/seeds/`) says about each operation:
/// the request syntax, the response syntax, `[REQUIRED]` markers and "Not supported" notes.
public struct APIDocument: Sendable, Equatable {
    public var operations: [Operation]

    public struct Operation: Sendable, Equatable {
        public var name: String
        /// 1-based line of the operation's heading.
        public var line: Int
        public var parameters: [Member]
        public var response: [Member]
        public var requiredParameters: Set<String>
        public var unsupportedParameters: Set<String>
    }

    public struct Member: Sendable, Equatable {
        public var name: String
        public var type: MemberType

        public init(name: String, type: MemberType) {
            self.name = name
            self.type = type
        }
    }

    public indirect enum MemberType: Sendable, Equatable {
        case scalar(String)
        case list(MemberType)
        case structure([Member])

        /// The same names `TypeSpec.name` uses.
        public var name: String {
            switch self {
            case .scalar(let name): name
            case .list: "list"
            case .structure: "structure"
            }
        }
    }

    /// A problem reading the document, with the line it is on.
    public struct ParseError: Error, Sendable, Equatable, CustomStringConvertible {
        public var line: Int
        public var message: String
        public var description: String { "line \(line): \(message)" }
    }
}
