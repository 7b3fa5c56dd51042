/// botocore's service model of the service (`service-2.json`): its operations, with their input and output shapes,
/// result wrappers and errors, and every shape with its documentation string. An independent reading of the API
/// that `ServiceModelCrossCheck` holds `Specs/` against (`spec lint --model`).
public struct ServiceModel: Sendable, Equatable {
    /// `metadata.apiVersion` (`2014-10-31`).
    public var apiVersion: String
    /// `metadata.signingName` (`rds`), when the model gives one.
    public var signingName: String?
    /// `metadata.protocol` (`query`), when the model gives one.
    public var protocolName: String?
    /// Operations by name.
    public var operations: [String: Operation]
    /// Shapes by name.
    public var shapes: [String: Shape]

    public init(
        apiVersion: String, signingName: String? = nil, protocolName: String? = nil,
        operations: [String: Operation], shapes: [String: Shape]
    ) {
        self.apiVersion = apiVersion
        self.signingName = signingName
        self.protocolName = protocolName
        self.operations = operations
        self.shapes = shapes
    }

    public struct Operation: Sendable, Equatable {
        public var name: String
        /// The input shape's name; nil for an operation without input.
        public var input: String?
        /// The output shape's name; nil for an operation without output.
        public var output: String?
        /// The element wrapping the answer's content (`output.resultWrapper`).
        public var resultWrapper: String?
        /// The error shapes' names, in model order.
        public var errors: [String]
        public var documentation: String?

        public init(
            name: String, input: String? = nil, output: String? = nil, resultWrapper: String? = nil,
            errors: [String] = [], documentation: String? = nil
        ) {
            self.name = name
            self.input = input
            self.output = output
            self.resultWrapper = resultWrapper
            self.errors = errors
            self.documentation = documentation
        }
    }

    public struct Shape: Sendable, Equatable {
        public var name: String
        public var kind: Kind
        public var documentation: String?
        /// For an error shape: its wire code, HTTP status and fault side.
        public var error: ErrorTrait?
        /// The shape's own `min` / `max` (length of a string, count of a list, value of a number).
        public var min: Double?
        public var max: Double?
        /// The shape's own `pattern` (a regular expression a string must match).
        public var pattern: String?

        public init(
            name: String, kind: Kind, documentation: String? = nil, error: ErrorTrait? = nil, min: Double? = nil,
            max: Double? = nil, pattern: String? = nil
        ) {
            self.name = name
            self.kind = kind
            self.documentation = documentation
            self.error = error
            self.min = min
            self.max = max
            self.pattern = pattern
        }

        /// The wire type name, as `TypeSpec.name` spells it (`long` reads as `integer`, `float` as `double`).
        public var typeName: String {
            switch kind {
            case .structure: "structure"
            case .list: "list"
            case .map: "map"
            case .string: "string"
            case .integer: "integer"
            case .boolean: "boolean"
            case .double: "double"
            case .timestamp: "timestamp"
            case .blob: "blob"
            }
        }
    }

    public enum Kind: Sendable, Equatable {
        /// Members in model order and the names of the required ones.
        case structure(members: [Member], required: [String])
        /// A list; its member's `locationName` is the element name of each item (`member` when absent).
        case list(member: Member)
        case map(key: Member, value: Member)
        /// A string, with its `enum` values when the model lists them.
        case string(enumValues: [String]?)
        case integer
        case boolean
        case double
        case timestamp
        case blob
    }

    /// A reference from a structure, list or map to a shape, with what the reference adds.
    public struct Member: Sendable, Equatable {
        /// The member's name in its structure (`member` for a list's item).
        public var name: String
        /// The target shape's name.
        public var shape: String
        /// The XML / query element name, when it differs from `name`.
        public var locationName: String?
        public var documentation: String?

        public init(name: String, shape: String, locationName: String? = nil, documentation: String? = nil) {
            self.name = name
            self.shape = shape
            self.locationName = locationName
            self.documentation = documentation
        }
    }

    /// An error shape's `error` trait.
    public struct ErrorTrait: Sendable, Equatable {
        /// The wire code (`DBClusterNotFoundFault`, `DBInstanceNotFound`).
        public var code: String
        public var httpStatusCode: Int
        /// True for a Sender fault, false for a Receiver fault.
        public var senderFault: Bool

        public init(code: String, httpStatusCode: Int, senderFault: Bool) {
            self.code = code
            self.httpStatusCode = httpStatusCode
            self.senderFault = senderFault
        }
    }

    /// A problem reading a model file: the file, the JSON key path (`shapes.DBCluster.members.Port.shape`) and what
    /// is wrong there.
    public struct ReadError: Error, Sendable, Equatable, CustomStringConvertible {
        public var file: String
        public var keyPath: String
        public var message: String

        public init(file: String, keyPath: String, message: String) {
            self.file = file
            self.keyPath = keyPath
            self.message = message
        }

        public var description: String {
            keyPath.isEmpty ? "\(file): \(message)" : "\(file): at \(keyPath): \(message)"
        }
    }
}
