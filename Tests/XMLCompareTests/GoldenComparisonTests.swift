import ConformanceSpec
import Foundation
import Testing
import XMLCompare

@Suite struct GoldenComparisonTests {
    let ns = Fixtures.namespace

    func compare(
        _ golden: String, _ actual: String, mode: ComparisonMode = .strict, inputs: [String: String] = [:],
        context: ShapeContext = .unknown
    ) -> [XMLDifference] {
        GoldenComparison(mode: mode, inputs: inputs, context: context).compare(
            golden: Fixtures.tree(golden), actual: Fixtures.tree(actual))
    }

    func leaf(_ value: String) -> String { "<R xmlns=\"\(ns)\"><V>\(value)</V></R>" }

    struct PlaceholderCase: Sendable, CustomTestStringConvertible {
        var placeholder: String
        var accepted: [String]
        var refused: [String]
        var kind: XMLDifference.Kind
        var testDescription: String { placeholder }
    }

    static let placeholderCases: [PlaceholderCase] = [
        .init(placeholder: "{{ignore}}", accepted: ["", "x", "<A>1</A>"], refused: [], kind: .value),
        .init(placeholder: "{{string}}", accepted: ["", "any text", "42"], refused: ["<A>1</A>"], kind: .type),
        .init(placeholder: "{{integer}}", accepted: ["0", "35", "-1"], refused: ["1.5", "x", "", "1e3"], kind: .type),
        .init(
            placeholder: "{{number}}", accepted: ["1", "2.5", "128.0", "-0.5", "1e3"], refused: ["one", "", "1.2.3"],
            kind: .type),
        .init(placeholder: "{{bool}}", accepted: ["true", "false"], refused: ["True", "1", "yes", ""], kind: .type),
        .init(
            placeholder: "{{timestamp}}",
            accepted: ["2024-05-01T10:00:00Z", "2024-05-01T10:00:00.123Z", "2015-03-07T23:45:00.000+00:00"],
            refused: ["2024-05-01", "yesterday", "2024-13-01T10:00:00Z", "2024-05-01 10:00:00Z"], kind: .type),
        .init(
            placeholder: "{{regex:sg-[0-9a-f]+}}", accepted: ["sg-1a2b"], refused: ["sg-XYZ", "xsg-1", "sg-1x!"],
            kind: .value),
        .init(
            placeholder: "{{input:DBClusterIdentifier}}", accepted: ["My-Cluster"], refused: ["my-cluster", "other"],
            kind: .value),
        .init(
            placeholder: "{{input:DBClusterIdentifier|lower}}", accepted: ["my-cluster"], refused: ["My-Cluster"],
            kind: .value),
    ]

    @Test(arguments: placeholderCases)
    func placeholder(_ testCase: PlaceholderCase) {
        let inputs = ["DBClusterIdentifier": "My-Cluster"]
        for value in testCase.accepted {
            #expect(
                compare(leaf(testCase.placeholder), leaf(value), inputs: inputs).isEmpty,
                "\(testCase.placeholder) should accept '\(value)'")
        }
        for value in testCase.refused {
            let differences = compare(leaf(testCase.placeholder), leaf(value), inputs: inputs)
            #expect(differences.count == 1, "\(testCase.placeholder) should refuse '\(value)'")
            #expect(differences.first?.path == "/R/V")
            if !value.hasPrefix("<") { #expect(differences.first?.kind == testCase.kind) }
        }
    }

    @Test func unknownPlaceholderIsReportedNotMatched() {
        let differences = compare(leaf("{{uuid}}"), leaf("x"))
        #expect(differences.count == 1)
        #expect(differences[0].expected?.contains("unknown placeholder") == true)
    }

    @Test func inputPlaceholderWithoutARequestValueFails() {
        let differences = compare(leaf("{{input:Port}}"), leaf("8182"))
        #expect(differences.map(\.expected) == ["the request's Port, which the request did not send"])
    }

    @Test func literalValuesAndWhitespace() {
        #expect(compare(leaf("8182"), leaf("  8182 \n")).isEmpty)
        let differences = compare(leaf("8182"), leaf("8183"))
        #expect(differences == [XMLDifference(kind: .value, path: "/R/V", expected: "'8182'", found: "'8183'")])
    }

    @Test func structureMembersInAnyOrder() {
        let golden = "<R xmlns=\"\(ns)\"><A>1</A><B>2</B><C>3</C></R>"
        let actual = "<R xmlns=\"\(ns)\">\n  <C>3</C>\n  <A>1</A>\n  <B>2</B>\n</R>"
        #expect(compare(golden, actual).isEmpty)
    }

    @Test func missingElementNamesItsPath() {
        let golden = "<R xmlns=\"\(ns)\"><S><A>1</A><B>2</B></S></R>"
        let actual = "<R xmlns=\"\(ns)\"><S><A>1</A></S></R>"
        #expect(compare(golden, actual) == [XMLDifference(kind: .missing, path: "/R/S/B", expected: "<B>2</B>")])
    }

    @Test func unorderedListsFromTheSpecCompareAsMultisets() throws {
        let operation = try #require(Fixtures.spec.operation(named: "CreateDBCluster"))
        let golden = Fixtures.fullCreateAnswer(zones: ["us-east-1a", "us-east-1b", "us-east-1c"])
        let shuffled = Fixtures.fullCreateAnswer(zones: ["us-east-1c", "us-east-1a", "us-east-1b"])
        #expect(compare(golden, shuffled, context: .successRoot(operation)).isEmpty)
        let wrong = Fixtures.fullCreateAnswer(zones: ["us-east-1c", "us-east-1a", "us-east-1d"])
        let differences = compare(golden, wrong, context: .successRoot(operation))
        #expect(differences.count == 1)
        #expect(differences.first?.path.hasSuffix("/DBCluster/AvailabilityZones/AvailabilityZone[3]") == true)
        #expect(differences.first?.expected == "'us-east-1b'")
        #expect(differences.first?.found == "'us-east-1d'")
        let short = Fixtures.fullCreateAnswer(zones: ["us-east-1c", "us-east-1a"])
        #expect(compare(golden, short, context: .successRoot(operation)).map(\.kind) == [.missing])
    }

    @Test func orderedListsReportOrder() {
        let golden = "<R xmlns=\"\(ns)\"><L><m>1</m><m>2</m><m>3</m></L></R>"
        let actual = "<R xmlns=\"\(ns)\"><L><m>3</m><m>1</m><m>2</m></L></R>"
        let differences = compare(golden, actual)
        #expect(differences.map(\.kind) == [.order])
        #expect(differences.first?.path == "/R/L/m")
    }

    @Test func namespaces() {
        let golden = "<R xmlns=\"\(ns)\"><A>1</A></R>"
        #expect(
            compare(golden, "<x:R xmlns:x=\"\(ns)\"><x:A>1</x:A></x:R>").isEmpty,
            "prefixes do not matter, namespace URIs do")
        let wrong = compare(golden, "<R xmlns=\"http://rds.amazonaws.com/doc/2010-01-01/\"><A>1</A></R>")
        #expect(
            wrong.first
                == XMLDifference(
                    kind: .namespace, path: "/R", expected: ns, found: "http://rds.amazonaws.com/doc/2010-01-01/"))
        #expect(compare(golden, "<R><A>1</A></R>").first?.found == "no namespace")
    }

    @Test func strictAndLenientExtraElements() {
        let golden = "<R xmlns=\"\(ns)\"><A>1</A></R>"
        let actual = "<R xmlns=\"\(ns)\"><A>1</A><AutoMinorVersionUpgrade>true</AutoMinorVersionUpgrade></R>"
        let strict = compare(golden, actual, mode: .strict)
        #expect(strict.map(\.severity) == [.error])
        #expect(strict.first?.kind == .unexpected)
        #expect(strict.first?.path == "/R/AutoMinorVersionUpgrade")
        let lenient = compare(golden, actual, mode: .lenient)
        #expect(lenient.map(\.severity) == [.warning])
        #expect(lenient.errors.isEmpty)
    }

    @Test func diffRendersReadably() {
        let differences = compare(leaf("8182"), leaf("8183"))
        #expect(differences.rendered == "error [value] /R/V\n    - expected: '8182'\n    + found:    '8183'")
    }

    @Test func concurrentComparisonsMatchSerialOnes() async throws {
        let operation = try #require(Fixtures.spec.operation(named: "CreateDBCluster"))
        let golden = Fixtures.fullCreateAnswer()
        let actuals = (0..<64).map { index in
            Fixtures.fullCreateAnswer(
                identifier: "c\(index % 7)",
                zones: index % 3 == 0 ? ["us-east-1c", "us-east-1a", "us-east-1b"] : ["us-east-1a", "x"])
        }
        let comparison = GoldenComparison(mode: .strict, inputs: [:], context: .successRoot(operation))
        func run(_ text: String) -> [XMLDifference] {
            guard let tree = try? SafeXMLParser().parse(text), let goldenTree = try? SafeXMLParser().parse(golden)
            else { return [] }
            return comparison.compare(golden: goldenTree, actual: tree)
        }
        let serial = actuals.map(run)
        let concurrent = await withTaskGroup(of: (Int, [XMLDifference]).self) { group in
            for round in 0..<4 {
                for (index, text) in actuals.enumerated() { group.addTask { (index + round * 0, run(text)) } }
            }
            var results: [(Int, [XMLDifference])] = []
            for await result in group { results.append(result) }
            return results
        }
        #expect(concurrent.count == actuals.count * 4)
        for (index, differences) in concurrent { #expect(differences == serial[index]) }
        #expect(Set(serial.map(\.count)).count > 1, "the inputs differ, so the results must too")
    }
}
