/// One operation of the API: its request parameters, cross-parameter rules, state preconditions,
/// the answer's shape and the errors it may return.
public struct OperationSpec: Sendable, Equatable {
    public var name: String
    /// The element wrapping a success answer's content (`CreateDBClusterResult`); empty for an operation
    /// without output, whose answer carries only ResponseMetadata.
    public var resultWrapper: String
    /// The request parameters, in model order.
    public var parameters: StructureSpec
    public var rules: [Rule]
    public var preconditions: [Precondition]
    /// The members of the result wrapper.
    public var output: StructureSpec
    /// The error codes (wire codes) the operation may return, besides the common ones.
    public var errors: [String]
    /// True when the API document says the whole operation is not supported by Neptune.
    public var unsupported: Bool
    /// Where the operation comes from: the API document of the ten cluster operations, or (for the others) only
    /// the AWS service model and NEPTUNE-FACTS-2 (`origin: service-model` in its file).
    public var origin: MemberSpec.Origin = .document
    /// The spec file this operation was read from (relative path), for messages.
    public var sourceFile: String
    /// The line of the `operation:` key in that file, for messages.
    public var sourceLine: Int?
    /// How the operation pages its answer, when it does.
    public var paging: Paging?
    /// The documented filters of the operation's `Filters` parameter.
    public var filters: [FilterSpec] = []

    public init(
        name: String, resultWrapper: String, parameters: StructureSpec, rules: [Rule] = [],
        preconditions: [Precondition] = [], output: StructureSpec, errors: [String] = [],
        unsupported: Bool = false, sourceFile: String = ""
    ) {
        self.name = name
        self.resultWrapper = resultWrapper
        self.parameters = parameters
        self.rules = rules
        self.preconditions = preconditions
        self.output = output
        self.errors = errors
        self.unsupported = unsupported
        self.sourceFile = sourceFile
    }

    /// False for an operation without output (AddTagsToResource): no result wrapper in its answer.
    public var hasResult: Bool { !resultWrapper.isEmpty }

    /// The response element (`CreateDBClusterResponse`).
    public var responseElement: String { name + "Response" }

    /// True when the parameter at `path` names an existing resource (an `exists` precondition), so its
    /// identifier format is not this operation's to check.
    public func namesExistingResource(_ path: String) -> Bool {
        preconditions.contains { condition in
            guard condition.parameter == path, case .exists = condition.kind else { return false }
            return true
        }
    }

    /// The value constraints the operation judges on `member`: on the parameter, its structure members and
    /// its list members (with their paths, in spec order), except identifier rules on a parameter that names
    /// an existing resource, and none on an unsupported parameter (the evaluator refuses it whole). Coverage and the
    /// faults' item families both read them from here.
    public func judgedConstraints(of member: MemberSpec) -> [(path: String, constraint: Constraint)] {
        // An unsupported parameter draws its own error whatever it holds: nothing inside it is judged.
        guard !member.unsupported else { return [] }
        var sites: [(path: String, constraint: Constraint)] = []
        guard !member.unsupported else { return sites }
        func add(_ path: String, _ constraints: [Constraint]) {
            for constraint in constraints where !(constraint.keyword == "identifier" && namesExistingResource(path)) {
                sites.append((path, constraint))
            }
        }
        add(member.name, member.constraints)
        switch member.type {
        case .structure(let inner):
            for item in inner.members { add("\(member.name).\(item.name)", item.constraints) }
        case .list(let list):
            add(member.name, list.memberConstraints)
            if case .structure(let inner) = list.member {
                for item in inner.members { add("\(member.name).\(item.name)", item.constraints) }
            }
        default: break
        }
        return sites
    }

    /// The parameter that gives the resource named by `parameter` a new identifier (`NewDBClusterIdentifier`
    /// for `DBClusterIdentifier` in ModifyDBCluster), if the operation has one.
    public func renaming(_ parameter: String) -> String? {
        parameters.members.first { $0.renames == parameter }?.name
    }

    /// True when a `readerOf` precondition says the parameter at `path` names one of a cluster's readers
    /// (so its value comes back as a member's `DBInstanceIdentifier`).
    public func namesReaderInstance(_ path: String) -> Bool {
        preconditions.contains { condition in
            guard condition.parameter == path, case .readerOf = condition.kind else { return false }
            return true
        }
    }

    /// The parameter at a dotted path (`ServerlessV2ScalingConfiguration.MinCapacity`), if it exists.
    public func parameter(at path: String) -> MemberSpec? {
        ParameterPath.resolve(path, in: parameters)
    }
}

/// Dotted paths into structures.
public enum ParameterPath {
    /// The member at `path` inside `root`, following structure members (not list members).
    public static func resolve(_ path: String, in root: StructureSpec) -> MemberSpec? {
        var current = root
        var found: MemberSpec?
        for (index, part) in path.split(separator: ".", omittingEmptySubsequences: false).enumerated() {
            if index > 0 {
                guard case .structure(let inner) = found?.type else { return nil }
                current = inner
            }
            guard let member = current.member(named: String(part)) else { return nil }
            found = member
        }
        return found
    }
}
