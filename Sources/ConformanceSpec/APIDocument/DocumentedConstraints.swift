import Foundation

/// What a parameter's documentation text says about its values, read from the sentences AWS writes the same way in
/// the API document and in botocore's `documentation` strings: `Constraints:` bullets ("Must contain from 1 to 63
/// letters, numbers, or hyphens", "First character must be a letter", "Must be a value from 1 to 35", "Minimum 20,
/// maximum 100", "Must be in the format hh24:mi-hh24:mi", "Must be at least 30 minutes", "Must not be default"),
/// `Valid Values:` and `Default:`.
///
/// Sentences it does not recognise (existence, cross-parameter rules, prose) are left alone: they are
/// preconditions and rules, which the spec holds elsewhere.
public struct DocumentedConstraints: Sendable, Equatable {
    /// One constraint and the text it was read from.
    public struct Fact: Sendable, Equatable {
        public var kind: Constraint.Kind
        public var sentence: String
    }

    public var constraints: [Fact] = []
    /// A literal documented default (`1`, `false`, `standard`), with its sentence; prose defaults ("The same port
    /// as the original DB cluster") are not values and are not kept.
    public var defaultValue: (value: String, sentence: String)?

    public static func == (left: DocumentedConstraints, right: DocumentedConstraints) -> Bool {
        left.constraints == right.constraints && left.defaultValue?.value == right.defaultValue?.value
            && left.defaultValue?.sentence == right.defaultValue?.sentence
    }

    public var isEmpty: Bool { constraints.isEmpty && defaultValue == nil }

    /// Reads the documentation of one parameter, given as lines (paragraphs and bullets, tags already removed).
    public static func read(lines rawLines: [String]) -> DocumentedConstraints {
        let lines = rawLines.map { $0.replacingOccurrences(of: "\u{00A0}", with: " ") }
            .map { $0.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
            .map { $0.hasPrefix("• ") ? String($0.dropFirst(2)) : $0 }
            .filter { !$0.isEmpty }
        var result = DocumentedConstraints()
        let text = lines.joined(separator: "\n")
        result.readLengths(text)
        result.readRanges(text)
        result.readWindow(text)
        for (index, line) in lines.enumerated() {
            result.readValidValues(line, following: lines[(index + 1)...])
            result.readDefault(line)
            if let match = line.firstMatch(#"(?i)\bmust not be ([a-z][a-z0-9-]*)\s*(?:\.|$)"#) {
                result.constraints.append(Fact(kind: .notOneOf([match.groups[0]]), sentence: match.text))
            }
        }
        return result
    }

    /// "Must contain from 1 to 63 letters, numbers, or hyphens" with "First character must be a letter": an
    /// identifier; without the first-letter rule, or "no more than 255 letters, numbers, periods, …": a length.
    private mutating func readLengths(_ text: String) {
        let letters =
            #"(?i)(?:from )?(\d+) to (\d+) (?:letters|alphanumeric characters|characters)(, numbers,? or hyphens\b)?"#
        if let match = text.firstMatch(letters), let low = Int(match.groups[0]), let high = Int(match.groups[1]) {
            let firstLetter = text.firstMatch(#"(?i)first character must be a letter"#)
            if !match.groups[2].isEmpty, let firstLetter {
                constraints.append(
                    Fact(
                        kind: .identifier(minLength: low, maxLength: high),
                        sentence: "\(match.text); \(firstLetter.text)"))
            } else {
                constraints.append(Fact(kind: .length(min: low, max: high), sentence: match.text))
            }
        } else if let match = text.firstMatch(#"(?i)no more than (\d+) (?:letters|characters|alphanumeric)[^.\n]*"#),
            let high = Int(match.groups[0])
        {
            constraints.append(Fact(kind: .length(min: nil, max: high), sentence: match.text))
        }
    }

    /// "Must be a value from 1 to 35", "Value must be 1150-65535", "Minimum 20, maximum 100", "must be between 1
    /// and 10", and "a minimum value of 1" (merged into one range).
    private mutating func readRanges(_ text: String) {
        let bounded = [
            #"(?i)must be a value from (-?[\d.]+) to (-?[\d.]+)"#, #"(?i)value must be (-?[\d.]+) ?- ?(-?[\d.]+)"#,
            #"(?i)minimum (-?[\d.]+), maximum (-?[\d.]+)"#, #"(?i)must be between (-?[\d.]+) and (-?[\d.]+)"#,
        ]
        var minimum: Double?
        var maximum: Double?
        var sentences: [String] = []
        for pattern in bounded {
            guard let match = text.firstMatch(pattern), let low = Double(match.groups[0]),
                let high = Double(match.groups[1].trimmingCharacters(in: CharacterSet(charactersIn: ".")))
            else { continue }
            minimum = minimum ?? low
            maximum = maximum ?? high
            sentences.append(match.text)
        }
        if let match = text.firstMatch(#"(?i)(?:a )?minimum value of (-?\d+)"#), let low = Double(match.groups[0]) {
            minimum = minimum ?? low
            sentences.append(match.text)
        }
        if minimum != nil || maximum != nil {
            constraints.append(
                Fact(kind: .range(min: minimum, max: maximum), sentence: sentences.joined(separator: "; ")))
        }
    }

    /// "Must be in the format hh24:mi-hh24:mi" / "Format: ddd:hh24:mi-ddd:hh24:mi" with "Must be at least 30
    /// minutes" / "Minimum 30-minute window".
    private mutating func readWindow(_ text: String) {
        let format: WindowFormat
        guard
            let formatMatch = text.firstMatch(#"(?i)ddd:hh24:mi-ddd:hh24:mi"#)
                ?? text.firstMatch(#"(?i)hh24:mi-hh24:mi"#)
        else { return }
        format = formatMatch.text.lowercased().hasPrefix("ddd") ? .weekly : .daily
        guard
            let minutes = text.firstMatch(#"(?i)at least (\d+) minutes"#)
                ?? text.firstMatch(#"(?i)minimum (\d+)-minute window"#),
            let count = Int(minutes.groups[0])
        else { return }
        constraints.append(
            Fact(kind: .window(format, minMinutes: count), sentence: "\(formatMatch.text); \(minutes.text)"))
    }

    /// "Valid Values: neptune", "Valid Values: user | system | engine-default", "Valid values: standard , iopt1",
    /// or "Valid Values:" / "… one of the following values:" followed by "standard – ( the default ) …" /
    /// "iopt1 – …" items (the item marked the default is the default).
    /// "Valid Values (for the application method): …" is about another member and is skipped.
    private mutating func readValidValues(_ line: String, following: ArraySlice<String>) {
        guard
            let match = line.firstMatch(#"(?i)^(?:.*?\s)?valid values:\s*(.*)$"#)
                ?? line.firstMatch(#"(?i)one of the following values:()$"#)
        else { return }
        let rest = match.groups[0].trimmingCharacters(in: .whitespaces)
        if rest.isEmpty {
            var values: [String] = []
            for item in following {
                guard let itemMatch = item.firstMatch(#"^([A-Za-z0-9][A-Za-z0-9._-]*) [–-] (.*)$"#) else { break }
                values.append(itemMatch.groups[0])
                if itemMatch.groups[1].firstMatch(#"(?i)^\(\s*the default\s*\)"#) != nil, defaultValue == nil {
                    defaultValue = (itemMatch.groups[0], item)
                }
            }
            if !values.isEmpty {
                constraints.append(
                    Fact(kind: .oneOf(values), sentence: "Valid Values: " + values.joined(separator: ", ")))
            }
            return
        }
        let values = rest.split(whereSeparator: { $0 == "|" || $0 == "," }).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        guard values.allSatisfy({ $0.firstMatch(#"^[A-Za-z0-9][A-Za-z0-9._-]*$"#) != nil }) else { return }
        constraints.append(Fact(kind: .oneOf(values), sentence: line))
    }

    /// "Default: 1", "Default: false .", "Default: 100"; a default in words is prose, not a value.
    private mutating func readDefault(_ line: String) {
        guard defaultValue == nil, let match = line.firstMatch(#"(?i)\bdefault: ?(\S+)"#) else { return }
        let token = match.groups[0].trimmingCharacters(in: CharacterSet(charactersIn: ".,;"))
        let isLiteral =
            Double(token) != nil || token == "true" || token == "false"
            || token.firstMatch(#"^[a-z][a-z0-9.-]*$"#) != nil
        if isLiteral, !token.isEmpty { defaultValue = (token, line) }
    }
}

/// One regular-expression match: the whole text and each group's text (empty for a group that took no part).
struct TextMatch {
    var text: String
    var groups: [String]
}

extension String {
    /// The first match of `pattern` in this text, or nil (also for an invalid pattern).
    func firstMatch(_ pattern: String) -> TextMatch? {
        guard let expression = try? NSRegularExpression(pattern: pattern) else { return nil }
        let range = NSRange(startIndex..., in: self)
        guard let result = expression.firstMatch(in: self, range: range) else { return nil }
        func text(_ range: NSRange) -> String {
            Range(range, in: self).map { String(self[$0]) } ?? ""
        }
        return TextMatch(
            text: text(result.range), groups: (1..<result.numberOfRanges).map { text(result.range(at: $0)) })
    }
}
