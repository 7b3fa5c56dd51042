import ConformanceSpec
import QueryProtocol

/// One generated conformance case: set-up steps, the request under test, what must come back, and tear-down.
public struct TestCase: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case valid
        case invalid
        case stateful
        /// Malformed query-protocol requests (missing Action, list index 0, duplicate keys, ...).
        case `protocol`
        /// Requests whose SigV4 signature is missing or wrong, for endpoints that check signatures.
        case signature
    }

    /// Stable across runs and seeds, e.g. `<Operation>/invalid/ServerlessV2ScalingConfiguration.MinCapacity/not-half-step`.
    public var id: String
    public var operation: String
    public var kind: Kind
    /// operation, kind, and the constraint or scenario tags (`constraint:range`, `rule:exclusive`, ...).
    public var tags: [String]
    /// Spec items the case exercises (`<Operation>.BackupRetentionPeriod#range`, `<Operation>.request.Port`).
    public var covers: [String]
    /// One line saying what the case checks, for people.
    public var summary: String
    public var setup: [Step]
    public var request: Request
    public var expectation: Expectation
    public var teardown: [Step]
    /// Sent as these exact bytes instead of encoding `request` (protocol cases).
    public var raw: RawRequest?
    /// How to spoil the signature (signature cases).
    public var signature: SignatureVariant?
    /// The region the request under test is signed for, when not the run's own (region cases).
    public var signingRegion: SigningRegion?
    /// Where the expectation comes from (documented, observed or inferred, with its source); set by the generator.
    public var evidence: Evidence?
    /// Values the answer must hold because of other resources (a scenario's `derived:`), run-time tokens filled in.
    public var derived: [DerivedValue]?

    public init(
        id: String, operation: String, kind: Kind, tags: [String], covers: [String], summary: String,
        setup: [Step] = [],
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

extension TestCase {
    /// True when the request or any step is signed for the second region: the case needs an endpoint serving both.
    public var usesSecondRegion: Bool {
        signingRegion != nil || setup.contains { $0.signingRegion != nil }
            || teardown.contains { $0.signingRegion != nil }
    }
}

/// A request sent as given: method, content type and body (or query string for GET), signed as usual.
public struct RawRequest: Sendable, Equatable, Codable {
    public var method: String
    public var contentType: String?
    public var body: String

    public init(
        method: String = "POST", contentType: String? = "application/x-www-form-urlencoded; charset=utf-8", body: String
    ) {
        self.method = method
        self.contentType = contentType
        self.body = body
    }
}

/// A way to send a request with a missing or wrong SigV4 signature.
public enum SignatureVariant: String, Sendable, Equatable, Codable, CaseIterable {
    case unsigned
    case tamperedSignature = "tampered-signature"
    case wrongRegion = "wrong-region"
    case wrongService = "wrong-service"
    case skewedClock = "skewed-clock"
    case unknownAccessKey = "unknown-access-key"
}

/// A region a request is signed for other than the run's own: the region cases ask an endpoint that serves several
/// regions on one URL (a local emulator) whether each region keeps its own resources and names itself in answers.
public enum SigningRegion: String, Sendable, Equatable, Codable, CaseIterable {
    /// A second region, the same for every case of a run (`Endpoint.secondRegion`).
    case second
}

/// A set-up or tear-down call.
public struct Step: Sendable, Equatable, Codable {
    public var request: Request
    /// The region the step is signed for, when not the run's own.
    public var signingRegion: SigningRegion?
    /// The state the resource the step acts on must reach before the next step (polled through its kind's describe), if any.
    public var waitFor: String?
    /// True when the step may fail without failing the case (tear-down of something already gone).
    public var mayFail: Bool

    public init(_ request: Request, waitFor: String? = nil, mayFail: Bool = false, signingRegion: SigningRegion? = nil)
    {
        self.request = request
        self.signingRegion = signingRegion
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
    /// Any 4xx answer with an AWS error envelope (no public source says which code).
    case anyClientError
    /// Any success answer of the right shape (`source` says where the behaviour is documented).
    case anySuccess(source: String)
    /// Success answers of the right shape on every page of a walk, which finds what `walk` says.
    case pages(walk: PageWalk)

    public var summary: String {
        switch self {
        case .success: "success"
        case .error(let code, let status, _, _): "\(code) (\(status))"
        case .anyClientError: "any 4xx error envelope"
        case .anySuccess: "any success"
        case .pages(let walk): "every page\(walk.limit.map { " of \($0)" } ?? "")"
        }
    }
}
