/// What the API document (the boto3-style reference in `Facts/api-document/`) says about each operation:
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
        /// What each parameter's text says of its values ("Constraints:", "Valid Values:", "Default:"), for the
        /// parameters whose text says something.
        public var documentedConstraints: [String: DocumentedConstraints] = [:]
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

        /// True for a scalar or a list of scalars: a parameter whose text speaks of one kind of value (a structure's
        /// text holds its members' constraints).
        var holdsOneValueKind: Bool {
            switch self {
            case .scalar, .list(.scalar): true
            default: false
            }
        }

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
