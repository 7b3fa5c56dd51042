import ConformanceSpec
import XMLCompare

/// One departure found in an answer: where, what was expected and what came.
public struct Finding: Sendable, Codable, Equatable, CustomStringConvertible {
    public var kind: Kind
    /// An XPath, or `(HTTP status)` for the status line.
    public var path: String
    public var expected: String?
    public var found: String?
    public var warning: Bool
    /// Where the expectation this finding departs from comes from (documented, observed or inferred, with its source).
    public var evidence: Evidence?

    public init(
        kind: Kind, path: String, expected: String? = nil, found: String? = nil, warning: Bool = false,
        evidence: Evidence? = nil
    ) {
        self.kind = kind
        self.path = path
        self.expected = expected
        self.found = found
        self.warning = warning
        self.evidence = evidence
    }

    /// The finding a failed case is reported by: a broken walk over pages or a foreign region first (the case's
    /// point, whatever else its answers hold), else the first that is not a warning.
    public static func leading(_ findings: [Finding]) -> Finding? {
        findings.first { ($0.kind == .paging || $0.kind == .region) && !$0.warning }
            ?? findings.first { !$0.warning }
    }

    public var description: String {
        XMLDifference.render(warning: warning, kind: kind.rawValue, path: path, expected: expected, found: found)
            + (evidence.map { "\n    = evidence: \($0)" } ?? "")
    }

    /// What sort of departure a finding is. The raw value is what the reports write (`status`, `not-xml`, ...).
    public enum Kind: String, Sendable, Codable, CaseIterable, CustomStringConvertible {
        /// The HTTP status is not the expected one.
        case status
        /// The error code is not the expected one, or the answer has no error envelope.
        case code
        /// The answer is not XML.
        case notXML = "not-xml"
        /// A golden without its provenance line, or recorded for another API revision (a warning).
        case provenance
        /// Parity: one of the two targets could not be judged.
        case errored
        /// A walk over the pages of a paged answer found an oversize page, a missing or extra token, or an item
        /// listed twice, missing or not filtered out.
        case paging
        /// An answer to a request signed for one region names another (in an ARN, endpoint or Availability Zone).
        case region
        /// An expected element is absent (from `XMLDifference.Kind`, as are the kinds below).
        case missing
        /// An element is present that was not expected.
        case unexpected
        /// A leaf's text differs.
        case value
        /// A leaf's text is not of the expected type.
        case type
        /// A list holds the right members in the wrong order.
        case order
        /// An element is in the wrong XML namespace.
        case namespace

        /// The finding kind of an XML difference.
        public init(_ kind: XMLDifference.Kind) {
            switch kind {
            case .missing: self = .missing
            case .unexpected: self = .unexpected
            case .value: self = .value
            case .type: self = .type
            case .order: self = .order
            case .namespace: self = .namespace
            }
        }

        public var description: String { rawValue }
    }
}
