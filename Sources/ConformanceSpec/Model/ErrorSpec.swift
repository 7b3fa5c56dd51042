/// An error the service can return: its wire code, HTTP status and fault type.
public struct ErrorSpec: Sendable, Equatable {
    /// The code on the wire (`DBClusterNotFoundFault`, `DBInstanceNotFound`).
    public var code: String
    /// The service model's shape name when it differs from the wire code.
    public var shape: String?
    public var httpStatus: Int
    public var type: FaultType
    /// True for the errors any operation may return (InvalidParameterValue, MissingParameter, ...).
    public var common: Bool

    public enum FaultType: String, Sendable, Equatable {
        case sender = "Sender"
        case receiver = "Receiver"
    }

    public init(code: String, shape: String? = nil, httpStatus: Int, type: FaultType, common: Bool = false) {
        self.code = code
        self.shape = shape
        self.httpStatus = httpStatus
        self.type = type
        self.common = common
    }
}
