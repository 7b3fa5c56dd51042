/// A value an answer must hold because of another resource (`scenarios.yaml`, `derived:`): an instance's
/// `EngineVersion` is its cluster's, a restored cluster's is its snapshot's. `value` is a run-time token the runner
/// fills in from the other resource's describe answer (`{{EngineVersion:{{c}}}}`); some element named `element` of
/// the answer must hold it.
public struct DerivedValue: Sendable, Equatable, Codable {
    /// The answer element's name (`EngineVersion`).
    public var element: String
    /// The value, usually a run-time token naming the resource it comes from.
    public var value: String

    public init(element: String, value: String) {
        self.element = element
        self.value = value
    }
}
