/// A state precondition that does not hold for a request: the spec item, the error it draws, and why,
/// so that an emulator's deliberate fault can let it through.
public struct PreconditionFailure: Sendable, Equatable {
    /// Why the precondition failed.
    public enum Reason: Sendable, Equatable {
        /// The precondition as the spec states it does not hold (the cluster is stopped, protected, ...).
        case unmet
        /// A `readerOf` target is no member of the cluster at all (not merely its writer).
        case notAMember
    }

    public var operation: String
    public var condition: Precondition
    public var code: String
    public var message: String
    public var reason: Reason

    public init(operation: String, condition: Precondition, code: String, message: String, reason: Reason = .unmet) {
        self.operation = operation
        self.condition = condition
        self.code = code
        self.message = message
        self.reason = reason
    }

    /// The spec item the failure breaks (`Op#keyword:Parameter`).
    public var item: SpecItemID { .precondition(operation, condition.keyword, condition.parameter) }
}
