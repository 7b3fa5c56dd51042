/// The wire type of a parameter or a response member, as the query protocol and the XML answers carry it.
public indirect enum TypeSpec: Sendable, Equatable {
    case string
    case integer
    case double
    case boolean
    case timestamp
    /// A list; `memberName` is the element name of each member (`AvailabilityZone`, `Tag`, `member`).
    case list(ListSpec)
    case structure(StructureSpec)

    /// The short name people and the API document use for this type (`string`, `list`, ...).
    public var name: String {
        switch self {
        case .string: "string"
        case .integer: "integer"
        case .double: "double"
        case .boolean: "boolean"
        case .timestamp: "timestamp"
        case .list: "list"
        case .structure: "structure"
        }
    }

    /// True for the types with one text value (not a list or a structure).
    public var isScalar: Bool {
        switch self {
        case .list, .structure: false
        default: true
        }
    }

    /// The names a spec file may use for a scalar type.
    public static let scalarNames: [String: TypeSpec] = [
        "string": .string, "integer": .integer, "double": .double, "boolean": .boolean, "timestamp": .timestamp,
    ]
}

/// A list type: the member type and the XML/query element name of each member.
public struct ListSpec: Sendable, Equatable {
    public var member: TypeSpec
    /// Element name of each member (`AvailabilityZone`, `Tag`, or `member` when the model gives none).
    public var memberName: String
    /// True when the order of members carries no meaning, so golden comparison treats the list as a multiset.
    public var unordered: Bool
    /// Constraints on each member's value (e.g. the allowed log types).
    public var memberConstraints: [Constraint]

    public init(member: TypeSpec, memberName: String, unordered: Bool, memberConstraints: [Constraint] = []) {
        self.member = member
        self.memberName = memberName
        self.unordered = unordered
        self.memberConstraints = memberConstraints
    }
}

/// A structure type: its members in model order.
public struct StructureSpec: Sendable, Equatable {
    /// The shared shape name when the structure came from `shapes.yaml` (`DBCluster`, `Tag`), else nil.
    public var shapeName: String?
    public var members: [MemberSpec] {
        didSet { index = members.firstPositions(by: \.name) }
    }
    /// Member positions by name (the first of a repeated name), so lookups on every request and every
    /// compared element do not scan the 45 members of a DBCluster.
    private var index: [String: Int]

    public init(shapeName: String? = nil, members: [MemberSpec]) {
        self.shapeName = shapeName
        self.members = members
        index = members.firstPositions(by: \.name)
    }

    /// The member with this name, if any.
    public func member(named name: String) -> MemberSpec? {
        index[name].map { members[$0] }
    }

    /// The name of the member a request parameter sets: the member whose `setBy` names it, else its own name.
    public func memberName(setBy parameter: String) -> String {
        members.first { $0.setBy == parameter }?.name ?? parameter
    }

    public static func == (left: StructureSpec, right: StructureSpec) -> Bool {
        left.shapeName == right.shapeName && left.members == right.members
    }
}

extension Array {
    /// The position of the first element with each name: an index for lookups by name that keeps the
    /// first-wins meaning of a linear search.
    func firstPositions(by name: (Element) -> String) -> [String: Int] {
        var positions: [String: Int] = [:]
        for (position, element) in enumerated() where positions[name(element)] == nil {
            positions[name(element)] = position
        }
        return positions
    }
}
