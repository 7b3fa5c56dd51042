import ConformanceTestSupport
import Foundation
import Testing

/// `--help` is written for people: at 80 columns (what a pipe or a small terminal gets) no line of a
/// command's description is broken in two by the wrapper, so it reads as written.
@Suite struct HelpTextTests {
    static let commands = [
        ["run"], ["serve"], ["cases"], ["record"], ["report"], ["parity"], ["compare"], ["spec"], ["spec", "lint"],
        ["spec", "show"], ["weather"], ["explore"], [],
    ]

    /// The part of the help before the option lists: overview, description, examples.
    static func description(_ arguments: [String], columns: Int) async throws -> [String] {
        var environment = ProcessInfo.processInfo.environment
        environment["COLUMNS"] = String(columns)
        let result = try await ProcessResult.run(BuiltCLI.url, arguments + ["--help"], environment: environment)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        return Array(lines.prefix { !$0.hasPrefix("USAGE:") })
    }

    @Test(arguments: commands)
    func descriptionIsNotRewrappedAt80Columns(_ arguments: [String]) async throws {
        let narrow = try await Self.description(arguments, columns: 80)
        let wide = try await Self.description(arguments, columns: 400)
        #expect(!wide.isEmpty)
        let broken = wide.filter { $0.count >= 80 }
        #expect(
            broken.isEmpty,
            "lines of 80 columns or more in `\(arguments.joined(separator: " ")) --help`:\n\(broken.joined(separator: "\n"))"
        )
        #expect(narrow == wide, "`\(arguments.joined(separator: " ")) --help` reads differently at 80 columns")
    }
}
