import ConformanceSpec

/// What the spec says an element holds, so comparison and shape checking know the type of each
/// leaf and which lists are unordered. Built from an operation's output and walked element by element.
public indirect enum ShapeContext: Sendable, Equatable {
    /// The spec says nothing about this element.
    case unknown
    case scalar(TypeSpec)
    case list(ListSpec)
    case structure(StructureSpec)

    init(_ type: TypeSpec) {
        switch type {
        case .list(let list): self = .list(list)
        case .structure(let structure): self = .structure(structure)
        default: self = .scalar(type)
        }
    }

    /// The context of a child element named `name`.
    public func child(_ name: String) -> ShapeContext {
        switch self {
        case .structure(let structure): structure.member(named: name).map { ShapeContext($0.type) } ?? .unknown
        case .list(let list): name == list.memberName ? ShapeContext(list.member) : .unknown
        default: .unknown
        }
    }

    /// The context of a success answer's root (`<OpResponse>`): the result wrapper and ResponseMetadata (only
    /// ResponseMetadata for an operation without output).
    public static func successRoot(_ operation: OperationSpec) -> ShapeContext {
        let metadata = MemberSpec(name: "ResponseMetadata", type: .structure(responseMetadata), required: true)
        guard operation.hasResult else { return .structure(StructureSpec(members: [metadata])) }
        return .structure(
            StructureSpec(members: [
                MemberSpec(name: operation.resultWrapper, type: .structure(operation.output), required: true), metadata,
            ]))
    }

    /// The context of an error answer's root (`<ErrorResponse>`).
    public static let errorRoot = ShapeContext.structure(
        StructureSpec(members: [
            MemberSpec(
                name: "Error",
                type: .structure(
                    StructureSpec(members: [
                        MemberSpec(
                            name: "Type", type: .string, required: true,
                            constraints: [Constraint(kind: .oneOf(["Sender", "Receiver"]), error: "")]),
                        MemberSpec(name: "Code", type: .string, required: true),
                        MemberSpec(name: "Message", type: .string, required: true),
                    ])), required: true),
            MemberSpec(name: "RequestId", type: .string, required: true),
        ]))

    static let responseMetadata = StructureSpec(members: [MemberSpec(name: "RequestId", type: .string, required: true)])
}
