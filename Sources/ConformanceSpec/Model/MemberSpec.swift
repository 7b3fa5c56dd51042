/// One request parameter or response member: its type, whether it is required, and its constraints.
public struct MemberSpec: Sendable, Equatable {
    public var name: String
    public var type: TypeSpec
    public var required: Bool
    /// The documented default, as text (`"1"`, `"8182"`, `"false"`), when the API document states one.
    public var defaultValue: String?
    /// For an answer member: the value the API document says it always has ("AllocatedStorage always
    /// returns 1"); goldens carry it literally.
    public var constant: String?
    /// True when the service stores the value lower-cased (identifiers).
    public var lowercased: Bool
    /// True for parameters the API document marks "Not supported by Neptune".
    public var unsupported: Bool
    /// The error code drawn when an unsupported parameter is sent, if the spec states one.
    public var unsupportedError: String?
    /// Where the member comes from: the API document (`document`) or only the AWS service model (`service-model`).
    public var origin: Origin
    /// Single-value constraints on this member.
    public var constraints: [Constraint]
    /// Free text carried from the spec file (a short note for people).
    public var note: String?
    /// A documented example value valid requests send (`subnet-…` ids, a role ARN), for values no constraint
    /// can produce and the suite cannot create.
    public var example: ParameterValue?
    /// The sibling parameter whose resource this value becomes the new identifier of
    /// (`NewDBClusterIdentifier` renames the cluster `DBClusterIdentifier` names); its answers show the
    /// value under that sibling's element.
    public var renames: String?
    /// Why the spec deliberately departs from what the documentation text says of this member (the API document's
    /// or botocore's service model's constraints or default, or the member's presence in the model), naming the
    /// source the spec follows instead (`departsFromSources:` in the spec file). `spec lint` lists every one.
    public var departsFromSources: String?
    /// For an answer member: whether every answer of its shape carries it (`always`) or it comes back exactly when
    /// the request or the resource has it (`whenSet`); nil when it may be absent.
    public var presence: Presence?
    /// For an answer member: the values it may hold (`values:` naming a vocabulary of `vocabularies.yaml`).
    public var vocabulary: Vocabulary?
    /// For an answer member: how its value follows from the region, the account and its siblings (`derive:`).
    public var derivation: Derivation?
    /// For an answer member: the request parameter that sets it, when its name is not the member's own (`setBy:`;
    /// `DBClusterParameterGroupName` sets a DBCluster's `DBClusterParameterGroup`).
    public var setBy: String?
    /// Where the member's presence, values or derivation claim comes from (its own `evidence:`, else its shape's).
    public var evidence: Evidence?

    public enum Origin: String, Sendable, Equatable {
        case document
        case serviceModel = "service-model"
    }

    public init(
        name: String, type: TypeSpec, required: Bool = false, defaultValue: String? = nil,
        lowercased: Bool = false, unsupported: Bool = false, unsupportedError: String? = nil,
        origin: Origin = .document, constraints: [Constraint] = [], note: String? = nil
    ) {
        self.name = name
        self.type = type
        self.required = required
        self.defaultValue = defaultValue
        self.lowercased = lowercased
        self.unsupported = unsupported
        self.unsupportedError = unsupportedError
        self.origin = origin
        self.constraints = constraints
        self.note = note
    }
}
