import Foundation

/// The counts README.md states (cases by kind, deliberate faults, the mutation score): tests hold the suite to
/// them exactly, so a README that went stale, or a suite that lost cases or faults, fails.
public struct ReadmeCounts: Sendable, Equatable {
    public var cases: Int
    public var byKind: [String: Int]
    public var faults: Int
    public var mutationScore: (caught: Int, of: Int)

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.cases == rhs.cases && lhs.byKind == rhs.byKind && lhs.faults == rhs.faults
            && lhs.mutationScore == rhs.mutationScore
    }

    /// Reads `(1241 today: 249 valid, 719 invalid, …)`, `lists its 48 deliberate faults` and `mutation score 48/48`
    /// from the README's text; nil when one of them is missing.
    public init?(readme text: String) {
        let flat = text.replacingOccurrences(of: "\n", with: " ")
        guard let cases = Self.match(#"\((\d+) today: ([^)]*)\)"#, in: flat),
            let total = Int(cases[0]),
            let faults = Self.match(#"lists its (\d+) deliberate faults"#, in: flat).flatMap({ Int($0[0]) }),
            let score = Self.match(#"mutation score (\d+)/(\d+)"#, in: flat),
            let caught = Int(score[0]), let of = Int(score[1])
        else { return nil }
        var byKind: [String: Int] = [:]
        for part in cases[1].split(separator: ",") {
            let words = part.split(separator: " ")
            if words.count == 2, let count = Int(words[0]) { byKind[String(words[1])] = count }
        }
        self.cases = total
        self.byKind = byKind
        self.faults = faults
        self.mutationScore = (caught, of)
    }

    /// The README of this package.
    public static var ofThisPackage: ReadmeCounts? {
        (try? String(contentsOf: BuiltCLI.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)).flatMap {
            ReadmeCounts(readme: $0)
        }
    }

    static func match(_ pattern: String, in text: String) -> [String]? {
        guard let expression = try? NSRegularExpression(pattern: pattern),
            let found = expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text))
        else { return nil }
        return (1..<found.numberOfRanges).compactMap { Range(found.range(at: $0), in: text).map { String(text[$0]) } }
    }
}
