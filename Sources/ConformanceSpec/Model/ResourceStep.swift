/// A parameter that names a resource in one operation: `(operation, parameter)`.
public struct ResourceParameter: Sendable, Equatable, Hashable {
    public var operation: String
    public var parameter: String

    public init(operation: String, parameter: String) {
        self.operation = operation
        self.parameter = parameter
    }
}

/// One parameter of a `ResourceStep` besides the identifier: literal text, or the identifier of a related
/// resource (`{{DBCluster}}` in a spec file: the cluster an instance is made in, or a snapshot is taken of).
public struct StepParameter: Sendable, Equatable {
    public enum Value: Sendable, Equatable {
        case literal(String)
        /// A list of literal values (the subnets of a subnet group).
        case literals([String])
        case identifierOf(ResourceKind)
    }

    public var name: String
    public var value: Value

    public init(name: String, value: Value) {
        self.name = name
        self.value = value
    }
}

/// A request on one resource, from `resources.yaml`: the operation, the parameter that names the resource
/// (always sent first), the other parameters in order, and the state to wait for afterwards.
public struct ResourceStep: Sendable, Equatable {
    public var operation: String
    /// The parameter naming the resource the step acts on.
    public var identifier: String
    public var parameters: [StepParameter]
    /// The state the resource must reach before the next step, if any.
    public var waitFor: String?

    public init(operation: String, identifier: String, parameters: [StepParameter] = [], waitFor: String? = nil) {
        self.operation = operation
        self.identifier = identifier
        self.parameters = parameters
        self.waitFor = waitFor
    }

    /// The kinds whose identifiers the step needs (`{{Kind}}` values), in order of appearance.
    public var relatedKinds: [ResourceKind] {
        var kinds: [ResourceKind] = []
        for parameter in parameters {
            if case .identifierOf(let kind) = parameter.value, !kinds.contains(kind) { kinds.append(kind) }
        }
        return kinds
    }

    /// The step with `extra` parameters after its own (a deletion-protected or read-replica variant of a create).
    public func adding(_ extra: [StepParameter]) -> ResourceStep {
        var copy = self
        copy.parameters += extra
        return copy
    }

    /// Name and value of every parameter, the identifier first; `{{Kind}}` values come from `related`
    /// (a kind missing there leaves its parameter out).
    /// - Parameters:
    ///   - id: the identifier of the resource the step acts on.
    ///   - related: identifiers of related resources by kind.
    public func values(id: String, related: [ResourceKind: String] = [:]) -> [(name: String, value: String)] {
        var result = [(name: identifier, value: id)]
        for parameter in parameters {
            switch parameter.value {
            case .literal(let text): result.append((parameter.name, text))
            case .literals(let texts): result.append((parameter.name, texts.joined(separator: ",")))
            case .identifierOf(let kind): if let other = related[kind] { result.append((parameter.name, other)) }
            }
        }
        return result
    }

    /// Like `values(id:related:)`, with list parameters as lists: what the step's request carries.
    public func requestValues(id: String, related: [ResourceKind: String] = [:]) -> [Parameter] {
        var result = [Parameter(identifier, .scalar(id))]
        for parameter in parameters {
            switch parameter.value {
            case .literal(let text): result.append(Parameter(parameter.name, .scalar(text)))
            case .literals(let texts): result.append(Parameter(parameter.name, .list(texts.map { .scalar($0) })))
            case .identifierOf(let kind):
                if let other = related[kind] { result.append(Parameter(parameter.name, .scalar(other))) }
            }
        }
        return result
    }
}
