import CaseGenerator
import ConformanceSpec
import ConformanceTestSupport
import Foundation
import Testing

/// The invalid-input and state table of NEPTUNE-FACTS-2.md (section 6, rows 1-174: the 60 operations beyond
/// the seed's ten) against the generated cases, as `NeptuneFactsTableTests` does for the first table. A row
/// whose operation is in `Specs/` must be exercised by the cases its family names, each expecting one of the
/// row's codes and the HTTP status the row gives (400 unless shown), or excused with a reason that names what
/// the spec cannot hold. Rows of operations not yet in `Specs/` are counted as pending and listed by the test
/// that counts them. Each resource family keeps its rows in its own `NeptuneFacts2Rows+Family.swift`.
enum Facts2File {
    /// The project's copy of the facts (Facts/README.md says where it comes from).
    static let url = GeneratorFixtures.root.appendingPathComponent("Facts/NEPTUNE-FACTS-2.md")
}

/// One family's accounting of its operations' rows.
struct Facts2Family: Sendable {
    /// Row number → the ids of the generated cases that exercise it.
    var exercisedBy: [Int: [String]] = [:]
    /// Row number → why no case exercises it (what the spec cannot hold).
    var notExercised: [Int: String] = [:]
}

enum NeptuneFacts2Rows {
    /// Every family's accounting; a family adds itself here.
    static let families: [Facts2Family] = [
        protocolRows, engineVersions, tagStore, parameterGroups, instancesAndSnapshots, endpoints, events,
        globalClusters,
    ]

    /// Row 174 is about every operation: the query protocol's unknown action.
    static let protocolRows = Facts2Family(exercisedBy: [174: ["QueryProtocol/protocol/unknown-action"]])

    static var exercisedBy: [Int: [String]] {
        families.reduce(into: [:]) { $0.merge($1.exercisedBy) { $0 + $1 } }
    }
    static var notExercised: [Int: String] {
        families.reduce(into: [:]) { $0.merge($1.notExercised) { $0 + "; " + $1 } }
    }
}

@Suite
struct NeptuneFacts2TableTests {
    struct Row: Sendable, CustomTestStringConvertible {
        let number: Int
        let operation: String
        let input: String
        /// The error codes the row names that the spec knows, and the HTTP status it gives (400 unless shown).
        let codes: [String]
        let status: Int
        var testDescription: String { "row \(number): \(input)" }
    }

    /// The numbered rows of section 6. A row's operation is the first word of its input cell; a row about
    /// "any" operation belongs to the protocol family.
    static func rows() throws -> [Row] {
        let text = try String(contentsOf: Facts2File.url, encoding: .utf8)
        guard let table = text.range(of: "## 6.") else { return [] }
        let known = Set(GeneratorFixtures.spec.errors.keys).union(["MissingParameter", "InvalidAction"])
        return text[table.upperBound...].split(separator: "\n").compactMap { line -> Row? in
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            guard cells.count >= 5, let number = Int(cells[1]) else { return nil }
            let operation = String(cells[2].prefix { $0.isLetter })
            let words = cells[3].split { !$0.isLetter && !$0.isNumber }.map(String.init)
            let status = words.compactMap { Int($0) }.first { (400...599).contains($0) } ?? 400
            return Row(
                number: number, operation: operation, input: cells[2], codes: words.filter { known.contains($0) },
                status: status)
        }
    }

    static func specifies(_ row: Row) -> Bool {
        row.operation == "Any" || GeneratorFixtures.spec.operation(named: row.operation) != nil
    }

    @Test func everyRowOfASpecifiedOperationIsExercisedOrExcused() throws {
        let rows = try Self.rows()
        #expect(rows.map(\.number) == Array(1...174), "the table's rows changed: \(rows.map(\.number))")
        let exercised = NeptuneFacts2Rows.exercisedBy
        let excused = NeptuneFacts2Rows.notExercised
        let due = Set(rows.filter(Self.specifies).map(\.number))
        let accounted = Set(exercised.keys).union(excused.keys)
        #expect(
            due.subtracting(accounted).isEmpty,
            "rows of specified operations neither exercised nor excused: \(due.subtracting(accounted).sorted())")
        #expect(
            accounted.subtracting(rows.map(\.number)).isEmpty,
            "rows named but not in the table: \(accounted.subtracting(rows.map(\.number)).sorted())")
        #expect(
            Set(exercised.keys).isDisjoint(with: excused.keys),
            "rows both exercised and excused: \(Set(exercised.keys).intersection(excused.keys).sorted())")
    }

    /// The table's state, for the note: exercised, excused and pending (operation not yet in `Specs/`).
    @Test func accountingIsReported() throws {
        let rows = try Self.rows()
        let pending = rows.filter { !Self.specifies($0) }
        let exercised = rows.filter { NeptuneFacts2Rows.exercisedBy[$0.number] != nil }.count
        let excused = rows.filter { NeptuneFacts2Rows.notExercised[$0.number] != nil }.count
        print(
            "NEPTUNE-FACTS-2 table: \(exercised) rows exercised, \(excused) excused, \(pending.count) pending"
                + " (operations not yet in Specs/: \(Set(pending.map(\.operation)).count))")
        #expect(exercised + excused + pending.count >= rows.count)
    }

    @Test(arguments: try rows())
    func rowIsExercisedWithItsCodeAndStatus(_ row: Row) throws {
        guard let ids = NeptuneFacts2Rows.exercisedBy[row.number] else { return }
        for problem in Self.problems(of: row, exercisedBy: ids, in: GeneratorFixtures.cases) {
            Issue.record(Comment(rawValue: problem))
        }
    }

    /// What is wrong with `row`'s exercising cases among `cases`: a case missing, expecting success, or expecting
    /// a code or HTTP status the row does not give (each problem names the row and both codes or statuses).
    static func problems(of row: Row, exercisedBy ids: [String], in cases: [TestCase]) -> [String] {
        guard !row.codes.isEmpty else { return ["row \(row.number) names no error code the spec knows"] }
        var problems: [String] = []
        for id in ids {
            guard let testCase = cases.first(where: { $0.id == id }) else {
                problems.append("row \(row.number): no generated case \(id)")
                continue
            }
            guard case .error(let code, let status, _, _) = testCase.expectation else {
                problems.append("row \(row.number): \(id) expects success")
                continue
            }
            if !row.codes.contains(code) {
                problems.append("row \(row.number) (\(row.input)) says \(row.codes), \(id) expects \(code)")
            }
            if status != row.status {
                problems.append("row \(row.number) (\(row.input)) says HTTP \(row.status), \(id) expects \(status)")
            }
        }
        return problems
    }

    /// The guard detects: one code changed in a copy of `Specs/` makes the row that names the code fail, naming the
    /// row and both codes.
    @Test func aCodeChangedInTheSpecIsNamedWithItsRow() throws {
        let row = try #require(try Self.rows().first { $0.number == 105 })
        let ids = try #require(NeptuneFacts2Rows.exercisedBy[105])
        #expect(Self.problems(of: row, exercisedBy: ids, in: GeneratorFixtures.cases).isEmpty)

        let copy = try SpecsCopy(of: GeneratorFixtures.root.appendingPathComponent("Specs"))
        defer { copy.remove() }
        try copy.replace(
            "error: InvalidDBSubnetGroupStateFault", with: "error: InvalidDBSubnetStateFault",
            in: "operations/DeleteDBSubnetGroup.yaml")

        let spec = try SpecLoader(directory: copy.directory).load()
        let problems = Self.problems(of: row, exercisedBy: ids, in: CaseGenerator(spec: spec, seed: 7).generate())
        #expect(problems.count == 1, "\(problems)")
        let problem = try #require(problems.first)
        #expect(problem.hasPrefix("row 105 "))
        #expect(problem.contains("InvalidDBSubnetGroupStateFault") && problem.contains("InvalidDBSubnetStateFault"))
    }
}
