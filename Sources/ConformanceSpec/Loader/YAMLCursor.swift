import Foundation
import Yams

/// A position in a parsed YAML document: the node, its key path and file, with typed readers that
/// throw a `SpecLoadError` saying what was expected, where.
struct YAMLCursor {
    let node: Node
    let path: [String]
    let file: String

    var keyPath: String {
        var text = ""
        for part in path {
            if part.hasPrefix("[") { text += part } else { text += text.isEmpty ? part : "." + part }
        }
        return text
    }

    func error(_ message: String) -> SpecLoadError {
        SpecLoadError(file: file, keyPath: keyPath, line: node.mark?.line, column: node.mark?.column, message: message)
    }

    /// A short, readable description of what the node holds, for "found ..." messages.
    var found: String {
        switch node {
        case .scalar(let scalar): "'\(scalar.string)'"
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
        }
    }

    /// The entries of a mapping, refusing keys outside `allowed` and requiring those in `required`.
    func mapping(allowed: [String], required: [String] = []) throws(SpecLoadError) -> [(key: String, value: YAMLCursor)]
    {
        guard case .mapping(let mapping) = node else {
            throw error("expected a mapping with keys \(allowed.joined(separator: ", ")), found \(found)")
        }
        var entries: [(key: String, value: YAMLCursor)] = []
        for (keyNode, valueNode) in mapping {
            guard case .scalar(let keyScalar) = keyNode else {
                throw YAMLCursor(node: keyNode, path: path, file: file).error(
                    "expected a text key, found a complex key")
            }
            let key = keyScalar.string
            let child = YAMLCursor(node: valueNode, path: path + [key], file: file)
            if !allowed.isEmpty && !allowed.contains(key) {
                let at = YAMLCursor(node: keyNode, path: path + [key], file: file)
                var message = "unknown key '\(key)'; expected one of: \(allowed.joined(separator: ", "))"
                if let near = Self.nearest(key, in: allowed) { message += " (did you mean '\(near)'?)" }
                throw at.error(message)
            }
            entries.append((key, child))
        }
        for key in required where !entries.contains(where: { $0.key == key }) {
            throw error("missing required key '\(key)'")
        }
        return entries
    }

    /// The entries of a mapping whose keys are free names (parameter names, shape names).
    func namedEntries() throws(SpecLoadError) -> [(key: String, value: YAMLCursor)] {
        try mapping(allowed: [])
    }

    /// The value for `key` in a mapping already read with `mapping(allowed:)`.
    static func value(_ key: String, in entries: [(key: String, value: YAMLCursor)]) -> YAMLCursor? {
        entries.first { $0.key == key }?.value
    }

    func sequence() throws(SpecLoadError) -> [YAMLCursor] {
        guard case .sequence(let sequence) = node else { throw error("expected a list, found \(found)") }
        return sequence.enumerated().map { YAMLCursor(node: $0.element, path: path + ["[\($0.offset)]"], file: file) }
    }

    private func scalar(_ what: String) throws(SpecLoadError) -> Node.Scalar {
        guard case .scalar(let scalar) = node else { throw error("expected \(what), found \(found)") }
        return scalar
    }

    func string() throws(SpecLoadError) -> String {
        let scalar = try scalar("a text value")
        return scalar.string
    }

    func nonEmptyString() throws(SpecLoadError) -> String {
        let text = try string()
        if text.trimmingCharacters(in: .whitespaces).isEmpty { throw error("expected a non-empty text value") }
        return text
    }

    func strings() throws(SpecLoadError) -> [String] {
        var result: [String] = []
        for item in try sequence() { result.append(try item.nonEmptyString()) }
        return result
    }

    func int() throws(SpecLoadError) -> Int {
        let scalar = try scalar("a whole number")
        guard scalar.style == .plain, let value = Int(scalar.string) else {
            throw error("expected a whole number, found \(found)")
        }
        return value
    }

    func double() throws(SpecLoadError) -> Double {
        let scalar = try scalar("a number")
        guard scalar.style == .plain, let value = Double(scalar.string), value.isFinite else {
            throw error("expected a number, found \(found)")
        }
        return value
    }

    func bool() throws(SpecLoadError) -> Bool {
        let scalar = try scalar("true or false")
        switch scalar.string {
        case "true" where scalar.style == .plain: return true
        case "false" where scalar.style == .plain: return false
        default: throw error("expected true or false, found \(found)")
        }
    }

    /// The candidate closest to `word` by edit distance, when it is close enough to be a likely typo.
    static func nearest(_ word: String, in candidates: [String]) -> String? {
        let scored = candidates.map { ($0, editDistance(word.lowercased(), $0.lowercased())) }
        guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= max(2, word.count / 3) else { return nil }
        return best.0
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
