import ConformanceSpec

/// One way an actual answer departs from what was expected, located by its XPath.
public struct XMLDifference: Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        /// An expected element is absent.
        case missing
        /// An element is present that was not expected.
        case unexpected
        /// A leaf's text differs.
        case value
        /// A leaf's text is not of the expected type (integer, boolean, timestamp, ...).
        case type
        /// A list holds the right members in the wrong order.
        case order
        /// An element is in the wrong XML namespace.
        case namespace
    }

    public enum Severity: String, Sendable, Equatable {
        case error
        /// Reported, but does not make the answer fail (lenient mode's unexpected elements).
        case warning
    }

    public var kind: Kind
    /// Where: `/DescribeDBClustersResponse/DescribeDBClustersResult/DBClusters/DBCluster[2]/Port`.
    public var path: String
    public var expected: String?
    public var found: String?
    public var severity: Severity
    /// Where the expectation this difference departs from comes from, when the spec says.
    public var evidence: Evidence?

    public init(
        kind: Kind, path: String, expected: String? = nil, found: String? = nil, severity: Severity = .error,
        evidence: Evidence? = nil
    ) {
        self.kind = kind
        self.path = path
        self.expected = expected
        self.found = found
        self.severity = severity
        self.evidence = evidence
    }

    /// One readable line, diff-style: `- expected` / `+ found` after the path.
    public var description: String {
        Self.render(warning: severity == .warning, kind: kind.rawValue, path: path, expected: expected, found: found)
    }

    /// The diff-style block for any departure (the runner's findings print the same way).
    public static func render(warning: Bool, kind: String, path: String, expected: String?, found: String?) -> String {
        var text = "\(warning ? "warning" : "error") [\(kind)] \(path)"
        if let expected { text += "\n    - expected: \(expected)" }
        if let found { text += "\n    + found:    \(found)" }
        return text
    }
}

extension Array where Element == XMLDifference {
    /// The differences that make an answer fail (not warnings).
    public var errors: [XMLDifference] { filter { $0.severity == .error } }

    /// All differences, one block each, for people.
    public var rendered: String { map(\.description).joined(separator: "\n") }
}

/// Strict: elements the expectation does not know are errors. Lenient: they are warnings.
public enum ComparisonMode: String, Sendable, Equatable, CaseIterable {
    case strict
    case lenient
}
