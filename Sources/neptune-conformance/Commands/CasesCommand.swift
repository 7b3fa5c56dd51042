import ArgumentParser
import CaseGenerator
import ConformanceSpec
import Foundation
import QueryProtocol

struct CasesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cases",
        abstract: "List the generated conformance cases.",
        discussion: """
            Cases come from Specs/: valid (minimal, full, boundaries), invalid (one broken
            constraint each), stateful (set-up, request, tear-down), protocol (malformed
            HTTP and query requests) and signature (missing or wrong SigV4). The same
            --seed gives the same cases byte for byte; case ids never depend on the seed.
            A value written {{LatestRestorableTime:cluster}} is asked of the endpoint when
            the case runs.

            Examples:
              neptune-conformance cases --operation CreateDBCluster --kind invalid
              neptune-conformance cases --format jsonl --tag rule:disjointWindows
              neptune-conformance cases --coverage
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table
        case jsonl
    }

    @OptionGroup var specOptions: SpecOptions

    @OptionGroup(title: "Selection") var selection: SelectionOptions

    @Option(help: "table for people, jsonl for machines (one case per line, with its encoded request body).")
    var format: Format = .table

    @Flag(help: "Print which spec constraints and parameters the cases cover, and which none covers.")
    var coverage = false

    func run() async throws {
        let spec = try specOptions.load()
        let all = CaseGenerator(spec: spec, seed: selection.seed).generate()
        let cases = try selection.select(from: all, spec: spec)
        if coverage {
            printCoverage(Coverage(spec: spec, cases: all), cases: all)
            return
        }
        switch format {
        case .jsonl:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            for testCase in cases {
                let line = CaseLine(testCase: testCase, body: testCase.request.formBody(spec: spec))
                print(String(decoding: try encoder.encode(line), as: UTF8.self))
            }
        case .table:
            let width = min(90, cases.map(\.id.count).max() ?? 10)
            for testCase in cases {
                let id = testCase.id.padding(toLength: width, withPad: " ", startingAt: 0)
                print(
                    "\(id)  \(testCase.expectation.summary.padding(toLength: 40, withPad: " ", startingAt: 0))  \(testCase.summary)"
                )
            }
            let counts = TestCase.Kind.allCases.map { kind in
                "\(cases.filter { $0.kind == kind }.count) \(kind.rawValue)"
            }
            print("\(cases.count) cases (\(counts.joined(separator: ", ")))")
        }
    }

    func printCoverage(_ coverage: Coverage, cases: [TestCase]) {
        print("Constraints, rules and preconditions (\(coverage.constraints.count)):")
        for item in coverage.constraints {
            let ids = coverage.coveredBy[item] ?? []
            print(
                "  \(ids.isEmpty ? "UNCOVERED" : String(ids.count).padding(toLength: 9, withPad: " ", startingAt: 0)) \(item)"
            )
        }
        let uncoveredParameters = coverage.uncoveredParameters(cases: cases)
        print(
            "Supported parameters without a valid case (\(uncoveredParameters.count) of \(coverage.parameters.count)):")
        for item in uncoveredParameters { print("  \(item)") }
        print(
            "\(coverage.constraints.count - coverage.uncoveredConstraints.count) of \(coverage.constraints.count) constraints covered"
        )
    }

    struct CaseLine: Encodable {
        var testCase: TestCase
        var body: String

        func encode(to encoder: Encoder) throws {
            try testCase.encode(to: encoder)
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(body, forKey: .body)
        }

        struct Key: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
            static let body = Key(stringValue: "body")
        }
    }
}

extension TestCase.Kind: ExpressibleByArgument {}
