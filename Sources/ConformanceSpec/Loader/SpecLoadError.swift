/// A mistake in a spec file: where it is (file, line, column, key path) and what was expected.
public struct SpecLoadError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file, relative to the spec directory when possible.
    public var file: String
    /// The key path inside the file, e.g. `parameters.Port.constraints[0].range.min`.
    public var keyPath: String
    public var line: Int?
    public var column: Int?
    /// What is wrong and what was expected instead.
    public var message: String

    public init(file: String, keyPath: String, line: Int? = nil, column: Int? = nil, message: String) {
        self.file = file
        self.keyPath = keyPath
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String {
        var location = file
        if let line { location += ":\(line)" }
        if let line, let column, line > 0 { location += ":\(column)" }
        let path = keyPath.isEmpty ? "" : " \(keyPath):"
        return "\(location):\(path) \(message)"
    }
}

/// Every mistake found while loading a spec directory (the loader reports them all, not just the first).
public struct SpecLoadFailure: Error, Sendable, CustomStringConvertible {
    public var errors: [SpecLoadError]

    public init(errors: [SpecLoadError]) { self.errors = errors }

    public var description: String {
        let noun = errors.count == 1 ? "problem" : "problems"
        return "\(errors.count) \(noun) in the spec:\n" + errors.map { "  " + $0.description }.joined(separator: "\n")
    }
}
