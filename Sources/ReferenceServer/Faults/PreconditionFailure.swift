import ConformanceSpec

/// A state precondition that does not hold for a request: the error it draws, and why it failed, so that
/// a fault can let it through (`FaultDecorator.waives(_:)`).
struct PreconditionFailure: Sendable {
    /// Why the precondition failed.
    enum Reason: Sendable, Equatable {
        /// The precondition as the spec states it does not hold (the cluster is stopped, protected, ...).
        case unmet
        /// A `readerOf` target is no member of the cluster at all (not merely its writer).
        case notAMember
    }

    var operation: String
    var condition: Precondition
    var code: String
    var message: String
    var reason: Reason = .unmet
}
