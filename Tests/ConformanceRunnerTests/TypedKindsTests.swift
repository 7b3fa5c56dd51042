import CaseGenerator
import ConformanceRunner
import Foundation
import Testing
import XMLCompare

/// Result, finding and scheduling kinds are enums whose raw values are the strings the reports and tags
/// have always carried, so report.json, JUnit, HTML and Markdown stay as they were.
@Suite struct TypedKindsTests {
    @Test func findingKindsWriteTheirOldStrings() throws {
        #expect(
            Finding.Kind.allCases.map(\.rawValue) == [
                "status", "code", "not-xml", "provenance", "errored", "paging", "region", "missing", "unexpected",
                "value",
                "type", "order",
                "namespace",
            ])
        for kind in XMLDifference.Kind.allCases { #expect(Finding.Kind(kind).rawValue == kind.rawValue) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(Finding(kind: .notXML, path: "/")), as: UTF8.self)
        #expect(json == #"{"kind":"not-xml","path":"\/","warning":false}"#)
        #expect(try JSONDecoder().decode(Finding.self, from: Data(json.utf8)).kind == .notXML)
    }

    @Test func resultKindsAreTheCaseKinds() throws {
        let testCase = try #require(Fixtures.cases.first { $0.kind == .stateful })
        let result = CaseResult(
            id: testCase.id, operation: testCase.operation, kind: testCase.kind, tags: [], covers: [], summary: "",
            verdict: .passed, expected: "")
        let object = try JSONSerialization.jsonObject(with: JSONEncoder().encode(result)) as? [String: Any]
        #expect(object?["kind"] as? String == "stateful")
    }

    @Test func serialCasesAreTheOnesTaggedSo() {
        #expect(Scheduling.serial.tag == "run:serial")
        let serial = Fixtures.cases.filter { $0.scheduling == .serial }
        #expect(!serial.isEmpty)
        #expect(serial.map(\.id) == Fixtures.cases.filter { $0.tags.contains("run:serial") }.map(\.id))
    }
}
