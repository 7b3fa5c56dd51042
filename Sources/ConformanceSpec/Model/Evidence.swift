/// Where an expectation comes from, so a departure can say how strong the ground it stands on is: the
/// documented contract (the API reference or botocore's model, named), an answer AWS was seen to send
/// (a captured answer under `Facts/real-aws/`, named), or the suite's own inference.
public struct Evidence: Sendable, Hashable, Codable, CustomStringConvertible {
    /// How strong an expectation's ground is, weakest first.
    public enum Level: String, Sendable, Hashable, Codable, CaseIterable, Comparable, CustomStringConvertible {
        /// No public source says it; the suite inferred it (from Aurora, RDS or the service's habits).
        case inferred
        /// A captured answer of the real service shows it.
        case observed
        /// The API reference, the user guide or botocore's service model states it.
        case documented

        public static func < (left: Level, right: Level) -> Bool {
            allCases.firstIndex(of: left)! < allCases.firstIndex(of: right)!
        }

        public var description: String { rawValue }
    }

    public var level: Level
    /// The named source: a document and section, a captured answer's file, or why the suite infers it.
    public var source: String

    public init(_ level: Level, source: String) {
        self.level = level
        self.source = source
    }

    public var description: String { "\(level): \(source)" }
}
