/// The kind of a case's departure from the contract: the second half of a root cause (the first
/// is the spec item). Raw values are the stable words reports and baselines use.
public enum DepartureKind: String, Sendable, Codable, CaseIterable {
    /// Every case of an operation got a 5xx, a page that is not XML, `InvalidAction` or no answer: the endpoint does
    /// not implement it (`UnimplementedOperations`).
    case notImplemented = "does-not-implement"
    /// A request the contract refuses got a success answer.
    case acceptedInvalid = "accepts-invalid"
    /// A valid request got an error answer (4xx).
    case refusedValid = "refuses-valid"
    /// An error answer with another error code than the contract's.
    case wrongCode = "wrong-code"
    /// The expected error code with another HTTP status.
    case wrongStatus = "wrong-status"
    /// The error's Type is Receiver where the contract says Sender, or the reverse.
    case wrongFaultType = "wrong-fault-type"
    /// An element the contract does not know.
    case unknownElement = "unknown-element"
    /// A member the contract requires is missing.
    case missingMember = "missing-member"
    /// A member with a value, type, order or namespace the contract does not allow.
    case wrongValue = "wrong-value"
    /// A walk over a paged or filtered answer found an oversize page, a missing or extra token, or an item
    /// listed twice, missing or not filtered out.
    case brokenPaging = "breaks-paging"
    /// A case signed for a second region saw the first region's resources, or an answer naming another region.
    case ignoredRegion = "ignores-region"
    /// The answer is not XML (an HTML error page, a truncated body).
    case malformedAnswer = "malformed-answer"
    /// HTTP 5xx where the contract gives a 4xx or a success.
    case serverError = "server-error"
    /// No answer: refused, reset, timed out, too large.
    case transportFailure = "transport-failure"
    /// A resource never reached the state a set-up step waits for (within `--state-timeout`).
    case stuckState = "stuck-state"
    /// A resource's describe answered a status outside its kind's vocabulary while a set-up step waited on it.
    case unknownState = "unknown-state"
    /// A set-up step the case needs was refused, so the case could not be judged.
    case setupFailed = "setup-failed"
    /// A success case without its golden file (a gap of the suite's data, not of the endpoint).
    case missingGolden = "missing-golden"

    /// How a title says it, before the item's words ("accepts values that break …").
    var phrase: String {
        switch self {
        case .notImplemented: "does not implement"
        case .acceptedInvalid: "accepts"
        case .refusedValid: "refuses"
        case .wrongCode: "answers with the wrong error code for"
        case .wrongStatus: "answers with the wrong HTTP status for"
        case .wrongFaultType: "answers with the wrong Sender/Receiver type for"
        case .unknownElement: "answers with an element the contract does not know:"
        case .missingMember: "leaves out a member the contract requires:"
        case .wrongValue: "answers with a wrong value for"
        case .brokenPaging: "breaks the pages or filters of"
        case .ignoredRegion: "ignores the region a request is signed for in"
        case .malformedAnswer: "answers with something that is not XML for"
        case .serverError: "fails with HTTP 5xx on"
        case .transportFailure: "does not answer"
        case .stuckState: "never reaches the state a set-up step waits for:"
        case .unknownState: "answers a status outside the kind's vocabulary:"
        case .setupFailed: "refuses a set-up step:"
        case .missingGolden: "has no golden file for"
        }
    }
}
