import Foundation

/// Whole-string regular-expression matching with the compiled expressions cached and shared between
/// tasks: golden `{{regex:…}}` placeholders and the spec's `pattern` constraints both use it.
public enum WholeMatch {
    /// True when `value` matches `pattern` from its first character to its last; nil when the pattern does not compile.
    public static func matches(_ pattern: String, _ value: String) -> Bool? {
        guard let regex = RegexCache.shared.regex(pattern) else { return nil }
        let range = NSRange(value.startIndex..., in: value)
        return regex.firstMatch(in: value, options: [.anchored], range: range).map { $0.range == range } ?? false
    }
}

/// Compiled regular expressions, shared between tasks.
final class RegexCache: @unchecked Sendable {
    static let shared = RegexCache()
    private let lock = NSLock()
    private var cache: [String: NSRegularExpression] = [:]

    func regex(_ pattern: String) -> NSRegularExpression? {
        lock.lock()
        defer { lock.unlock() }
        if let found = cache[pattern] { return found }
        guard let compiled = try? NSRegularExpression(pattern: pattern) else { return nil }
        cache[pattern] = compiled
        return compiled
    }
}
