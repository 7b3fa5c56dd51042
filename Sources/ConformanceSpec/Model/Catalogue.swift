/// Values the service accepts only from its own catalogue (engine versions, say): the spec holds the catalogue
/// as the reference server serves it, and the request that asks an endpoint for one valid value at run time, so
/// that a valid case never sends a value the real service would refuse. `Specs/catalogues.yaml`.
public struct Catalogue: Sendable, Equatable {
    /// The name constraints and run-time tokens use (`EngineVersion`).
    public var name: String
    /// The entry field that holds the value (`version`).
    public var key: String
    /// The request that asks an endpoint for a valid value, and where the value is in its answer.
    public var ask: CatalogueQuery
    /// The catalogue as the reference server holds it: one field map per entry, in the file's order.
    public var entries: [[String: String]]

    public init(name: String, key: String, ask: CatalogueQuery, entries: [[String: String]]) {
        self.name = name
        self.key = key
        self.ask = ask
        self.entries = entries
    }

    /// Every value of the catalogue, in the file's order.
    public var values: [String] { entries.compactMap { $0[key] } }

    /// The entry whose key field is `value`.
    public func entry(_ value: String) -> [String: String]? { entries.first { $0[key] == value } }
}

/// A request with fixed parameters whose answer names a valid catalogue value at `valuePath` (slash-separated
/// element names from the answer's root; the first match is taken).
public struct CatalogueQuery: Sendable, Equatable {
    public var operation: String
    public var parameters: [(name: String, value: String)]
    public var valuePath: String

    public init(operation: String, parameters: [(name: String, value: String)], valuePath: String) {
        self.operation = operation
        self.parameters = parameters
        self.valuePath = valuePath
    }

    public static func == (left: CatalogueQuery, right: CatalogueQuery) -> Bool {
        left.operation == right.operation && left.valuePath == right.valuePath
            && left.parameters.map(\.name) == right.parameters.map(\.name)
            && left.parameters.map(\.value) == right.parameters.map(\.value)
    }
}
