import Foundation

extension ServiceModel {
    /// A documentation string as lines of plain text: paragraphs and list items each on a line, other tags dropped,
    /// the few entities botocore uses decoded, runs of white space made one space.
    public static func documentationLines(_ html: String) -> [String] {
        var text = html
        for blockTag in ["<p>", "</p>", "<li>", "</li>", "<ul>", "</ul>", "<ol>", "</ol>", "<br>", "<br/>", "<br />"] {
            text = text.replacingOccurrences(of: blockTag, with: "\n", options: .caseInsensitive)
        }
        text = text.replacingOccurrences(of: #"<[^>]*>"#, with: " ", options: .regularExpression)
        for (entity, character) in [
            ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&apos;", "'"), ("&nbsp;", " "),
            ("&amp;", "&"),
        ] {
            text = text.replacingOccurrences(of: entity, with: character)
        }
        return text.replacingOccurrences(of: "\u{00A0}", with: " ").split(separator: "\n")
            .map { $0.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
            .filter { !$0.isEmpty }
    }

    /// What a member's documentation and its target shape's traits (`enum`, `min`, `max`, `pattern`) say about
    /// its values.
    public func documentedConstraints(of member: Member) -> DocumentedConstraints {
        var result = DocumentedConstraints.read(lines: member.documentation.map(Self.documentationLines) ?? [])
        guard let shape = shapes[member.shape] else { return result }
        func add(_ kind: Constraint.Kind, _ sentence: String) {
            result.constraints.append(DocumentedConstraints.Fact(kind: kind, sentence: sentence))
        }
        switch shape.kind {
        case .string(let values):
            if let values { add(.oneOf(values), "shape \(shape.name): enum \(values.joined(separator: ", "))") }
            if shape.min != nil || shape.max != nil {
                let low = shape.min.flatMap { Int(exactly: $0) }
                let high = shape.max.flatMap { Int(exactly: $0) }
                add(
                    .length(min: low, max: high),
                    "shape \(shape.name): min \(low.map(String.init) ?? "-"), max \(high.map(String.init) ?? "-")")
            }
            if let pattern = shape.pattern { add(.pattern(pattern), "shape \(shape.name): pattern \(pattern)") }
        case .integer, .double:
            if shape.min != nil || shape.max != nil {
                add(.range(min: shape.min, max: shape.max), "shape \(shape.name): min/max")
            }
        default:
            break
        }
        return result
    }
}
