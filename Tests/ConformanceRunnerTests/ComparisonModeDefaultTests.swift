import ConformanceTargets
import Testing
import XMLCompare

@testable import neptune_conformance

/// Mocks are judged strictly; the real service, whose answers carry RDS-only members, leniently;
/// an explicit flag always wins.
@Suite struct ComparisonModeDefaultTests {
    @Test(arguments: [
        ([String](), nil as String?, ComparisonMode.strict),
        ([], "http://127.0.0.1:5000", .strict),
        ([], "http://localhost:4566", .strict),
        ([], "https://rds.us-east-1.amazonaws.com", .lenient),
        (["--strict"], "https://rds.us-east-1.amazonaws.com", .strict),
        (["--lenient"], "http://127.0.0.1:5000", .lenient),
        (["--lenient"], nil, .lenient),
        ([], "embedded:wrong-namespace", .strict),
    ])
    func defaultDependsOnTheEndpoint(flags: [String], endpoint: String?, expected: ComparisonMode) throws {
        let options = try OutputOptions.parse(flags)
        #expect(options.mode(for: try endpoint.map { try Target(parsing: $0) } ?? .embedded) == expected)
    }
}
