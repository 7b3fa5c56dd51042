import QueryProtocol

/// One generated conformance case: set-up steps, the request under test, what must come back, and tear-down.
public struct TestCase: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case valid
        case invalid
        case stateful
    }

    /// Stable across runs and seeds, e.g. `CreateDBCluster/invalid/ServerlessV2ScalingConfiguration.MinCapacity/not-half-step`.
    public var id: String
    public var operation: String
    public var kind: Kind
    /// operation, kind, and the constraint or scenario tags (`constraint:range`, `rule:exclusive`, ...).
    public var tags: [String]
    /// Spec items the case exercises (`CreateDBCluster.BackupRetentionPeriod#range`, `CreateDBCluster.request.Port`).
    public var covers: [String]
    /// One line saying what the case checks, for people.
    public var summary: String
    public var setup: [Step]
    public var request: Request
    public var expectation: Expectation
    public var teardown: [Step]

    public init(
        id: String, operation: String, kind: Kind, tags: [String], covers: [String], summary: String, setup: [Step] = [],
        request: Request, expectation: Expectation, teardown: [Step] = []
    ) {
        self.id = id
        self.operation = operation
        self.kind = kind
        self.tags = tags
        self.covers = covers
        self.summary = summary
        self.setup = setup
        self.request = request
        self.expectation = expectation
        self.teardown = teardown
    }
}

/// A set-up or tear-down call.
public struct Step: Sendable, Equatable, Codable {
    public var request: Request
    /// The state the cluster named by the step must reach before the next step (polled), if any.
    public var waitFor: String?
    /// True when the step may fail without failing the case (tear-down of something already gone).
    public var mayFail: Bool

    public init(_ request: Request, waitFor: String? = nil, mayFail: Bool = false) {
        self.request = request
        self.waitFor = waitFor
        self.mayFail = mayFail
    }
}

/// What the endpoint must answer.
public enum Expectation: Sendable, Equatable, Codable {
    /// A success answer matching the golden `Golden/<golden>.xml`.
    case success(golden: String)
    /// An error answer with this code, HTTP status and fault type.
    case error(code: String, status: Int, type: String, inferred: Bool)

    public var summary: String {
        switch self {
        case .success: "success"
        case .error(let code, let status, _, _): "\(code) (\(status))"
        }
    }
}
