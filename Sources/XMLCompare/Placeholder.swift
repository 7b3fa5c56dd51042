import ConformanceSpec
import Foundation

/// A golden value that stands for many actual values: `{{ignore}}`, `{{string}}`, `{{integer}}`,
/// `{{number}}`, `{{bool}}`, `{{timestamp}}`, `{{regex:…}}`, `{{input:Param.Path}}` (optionally
/// `{{input:Param.Path|lower}}`). A `?` before the closing braces (`{{string?}}`) makes the element
/// optional: it may be absent, and when present the placeholder applies.
public enum Placeholder: Sendable, Equatable {
    case ignore
    case string
    case integer
    case number
    case bool
    case timestamp
    case regex(String)
    case input(path: String, lowercased: Bool)

    /// True for `{{…?}}`: the element may be absent; when present, the placeholder applies.
    public static func isOptional(_ text: String) -> Bool {
        guard text.utf8.contains(UInt8(ascii: "?")) else { return false }
        let trimmed = XMLTree.trimmed(text)
        return trimmed.hasPrefix("{{") && trimmed.hasSuffix("?}}")
    }

    /// The placeholder a golden text holds, nil for a literal, or an error text for a malformed one.
    public static func parse(_ text: String) -> Result<Placeholder, PlaceholderError>? {
        guard text.utf8.contains(UInt8(ascii: "{")) else { return nil }
        let trimmed = XMLTree.trimmed(text)
        guard trimmed.hasPrefix("{{"), trimmed.hasSuffix("}}"), trimmed.count >= 4 else { return nil }
        var body = String(trimmed.dropFirst(2).dropLast(2))
        if body.hasSuffix("?") { body.removeLast() }
        switch body {
        case "ignore": return .success(.ignore)
        case "string": return .success(.string)
        case "integer": return .success(.integer)
        case "number": return .success(.number)
        case "bool": return .success(.bool)
        case "timestamp": return .success(.timestamp)
        default:
            if body.hasPrefix("regex:") {
                let pattern = String(body.dropFirst("regex:".count))
                guard (try? NSRegularExpression(pattern: pattern)) != nil else {
                    return .failure(PlaceholderError(text: trimmed, reason: "not a valid regular expression"))
                }
                return .success(.regex(pattern))
            }
            if body.hasPrefix("input:") {
                var path = String(body.dropFirst("input:".count))
                var lower = false
                if path.hasSuffix("|lower") {
                    lower = true
                    path = String(path.dropLast("|lower".count))
                }
                guard !path.isEmpty else {
                    return .failure(PlaceholderError(text: trimmed, reason: "names no parameter"))
                }
                return .success(.input(path: path, lowercased: lower))
            }
            return .failure(
                PlaceholderError(
                    text: trimmed,
                    reason:
                        "unknown placeholder; use ignore, string, integer, number, bool, timestamp, regex:…, input:Param.Path"
                ))
        }
    }

    /// Whether `value` (already trimmed) satisfies the placeholder; `inputs` holds the request's values.
    public func matches(_ value: String, inputs: [String: String]) -> Bool {
        switch self {
        case .ignore, .string: return true
        case .integer: return Self.isInteger(value)
        case .number: return Self.isNumber(value)
        case .bool: return value == "true" || value == "false"
        case .timestamp: return Self.isTimestamp(value)
        case .regex(let pattern): return Self.fullMatch(pattern, value)
        case .input(let path, let lower):
            guard let sent = inputs[path] else { return false }
            return value == (lower ? sent.lowercased() : sent)
        }
    }

    /// What the placeholder expects, for difference messages.
    public func expectation(inputs: [String: String]) -> String {
        switch self {
        case .ignore: "anything"
        case .string: "any text"
        case .integer: "an integer"
        case .number: "a number"
        case .bool: "true or false"
        case .timestamp: "an ISO 8601 timestamp"
        case .regex(let pattern): "text matching /\(pattern)/"
        case .input(let path, let lower):
            inputs[path].map { "'\(lower ? $0.lowercased() : $0)' (the request's \(path))" }
                ?? "the request's \(path), which the request did not send"
        }
    }

    static func isInteger(_ value: String) -> Bool {
        var bytes = Substring(value).utf8[...]
        if bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        return !bytes.isEmpty && bytes.allSatisfy(isDigit)
    }

    static func isNumber(_ value: String) -> Bool {
        var bytes = Array(value.utf8)[...]
        if bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        if let e = bytes.firstIndex(where: { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }) {
            var exponent = bytes[(e + 1)...]
            if exponent.first == UInt8(ascii: "-") || exponent.first == UInt8(ascii: "+") {
                exponent = exponent.dropFirst()
            }
            guard !exponent.isEmpty, exponent.allSatisfy(isDigit) else { return false }
            bytes = bytes[..<e]
        }
        let parts = bytes.split(separator: UInt8(ascii: "."), maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count <= 2, parts.allSatisfy({ $0.allSatisfy(isDigit) }) else { return false }
        return parts.contains { !$0.isEmpty }
    }

    /// ISO 8601 as AWS sends it: `2023-01-01T10:00:00Z`, with or without fractions of a second, `Z` or an offset.
    /// The one timestamp reader (`ISOTimestamp`), so goldens and the validator agree.
    static func isTimestamp(_ value: String) -> Bool { ISOTimestamp.parse(value) != nil }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }

    static func fullMatch(_ pattern: String, _ value: String) -> Bool {
        WholeMatch.matches(pattern, value) ?? false
    }
}

/// A golden text that looks like a placeholder but is not a valid one.
public struct PlaceholderError: Error, Sendable, Equatable {
    public var text: String
    public var reason: String
}
