import Foundation

/// Where a golden came from, kept as an XML comment on its second line:
/// `<!-- neptune-conformance golden: endpoint=embedded; recorded=2026-11-24; api=2014-10-31; placeholders=input,string?,bool? -->`.
public struct GoldenProvenance: Sendable, Equatable, Codable {
    /// The kind of endpoint the answer came from (`embedded`, `loopback`, `remote`).
    public var endpoint: String
    /// The day it was recorded (UTC).
    public var recorded: String
    /// The API revision of the spec at recording time.
    public var api: String
    /// The placeholder kinds the golden uses.
    public var placeholders: [String]

    public init(endpoint: String, recorded: String, api: String, placeholders: [String]) {
        self.endpoint = endpoint
        self.recorded = recorded
        self.api = api
        self.placeholders = placeholders
    }

    static let marker = "<!-- neptune-conformance golden:"

    public var comment: String {
        "\(Self.marker) endpoint=\(endpoint); recorded=\(recorded); api=\(api); placeholders=\(placeholders.joined(separator: ",")) -->"
    }

    /// The provenance in a golden's text, or nil when it has none.
    public static func read(from text: String) -> GoldenProvenance? {
        guard let start = text.range(of: marker), let end = text[start.upperBound...].range(of: "-->") else {
            return nil
        }
        var fields: [String: String] = [:]
        for part in text[start.upperBound..<end.lowerBound].split(separator: ";") {
            let pair = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if pair.count == 2 { fields[pair[0]] = pair[1] }
        }
        guard let endpoint = fields["endpoint"], let recorded = fields["recorded"], let api = fields["api"] else {
            return nil
        }
        return GoldenProvenance(
            endpoint: endpoint, recorded: recorded, api: api,
            placeholders: fields["placeholders"].map { $0.split(separator: ",").map(String.init) } ?? [])
    }

    /// The placeholder kinds used in a golden's text (`input`, `input|lower`, `string?`, `ignore`, ...).
    public static func placeholderKinds(in text: String) -> [String] {
        var kinds = Set<String>()
        var rest = text[...]
        while let open = rest.range(of: "{{"), let close = rest[open.upperBound...].range(of: "}}") {
            var body = String(rest[open.upperBound..<close.lowerBound])
            if body.hasPrefix("input:") { body = body.hasSuffix("|lower") ? "input|lower" : "input" }
            if body.hasPrefix("regex:") { body = "regex" }
            kinds.insert(body)
            rest = rest[close.upperBound...]
        }
        return kinds.sorted()
    }

    /// `text` with its provenance line removed, to compare goldens by content.
    public static func stripped(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix(marker) }.joined(
            separator: "\n")
    }
}
