import CaseGenerator
import ConformanceSpec
import Testing
import XMLCompare

@testable import ConformanceRunner

/// Scenarios' derived values reach their cases with the scenario's names filled in, and the runner finds an answer's
/// elements by name at any depth.
@Suite struct DerivedValueTests {
    @Test func scenarioCasesCarryTheirDerivedValuesWithIdentifiersFilledIn() throws {
        let testCase = try #require(
            Fixtures.cases.first {
                $0.id == "DescribeDBInstances/stateful/scenario/instance-runs-its-clusters-engine-version"
            })
        let derived = try #require(testCase.derived)
        #expect(derived.map(\.element) == ["EngineVersion"])
        #expect(derived[0].value.hasPrefix("{{EngineVersion:nc"))
        #expect(!derived[0].value.contains("{{c}}"))
        #expect(Fixtures.cases.filter { $0.derived != nil }.count >= 4)
    }

    @Test func valuesAreFoundByNameAtAnyDepth() throws {
        let tree = try SafeXMLParser().parse(
            "<A><B><EngineVersion>1.3.2.1</EngineVersion></B><C><D><EngineVersion>1.4.6.3</EngineVersion></D></C></A>")
        #expect(CaseExecutor.values(named: "EngineVersion", in: tree.root) == ["1.3.2.1", "1.4.6.3"])
        #expect(CaseExecutor.values(named: "Missing", in: tree.root).isEmpty)
    }
}
