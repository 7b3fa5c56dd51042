import ConformanceSpec

extension Request {
    /// The request a `ResourceStep` of `resources.yaml` stands for: its identifier parameter first, then the
    /// step's other parameters (scalars, and lists where the step gives several values).
    /// - Parameters:
    ///   - step: the step.
    ///   - id: the identifier of the resource the step acts on.
    ///   - related: identifiers of the related resources its `{{Kind}}` values name.
    public init(_ step: ResourceStep, id: String, related: [ResourceKind: String] = [:]) {
        self.init(operation: step.operation, parameters: step.requestValues(id: id, related: related))
    }
}
