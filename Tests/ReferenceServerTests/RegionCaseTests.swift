import CaseGenerator
import ConformanceRunner
import ConformanceSpec
import EmulatorTransport
import QueryProtocol
import ReferenceServer
import Testing

/// The region cases: signed for a second region, they find nothing of the run's region there and only that
/// region's names in answers; what they make in the second region is deleted there, by tear-down or by the sweep.
@Suite struct RegionCaseTests {
    static let regionCases = Suite.cases.filter { $0.tags.contains("region") }

    static func run(_ cases: [TestCase], on emulator: NeptuneEmulator) async -> RunReport {
        let run = ConformanceRun(
            spec: Suite.spec, endpoint: Endpoint(url: InMemoryTransport.url, label: "test"),
            goldenDirectory: Suite.goldens, options: .init(concurrency: 4, stateTimeout: .seconds(3)),
            transport: InMemoryTransport(emulator: emulator))
        return await run.run(cases).report
    }

    static func verifying(faults: Set<Fault> = [], otherRegions: [String]? = nil) -> NeptuneEmulator {
        NeptuneEmulator(
            spec: Suite.spec,
            configuration: .init(
                faults: faults, verifySignatures: NeptuneEmulator.Configuration.localTestingKeys,
                otherRegions: otherRegions))
    }

    @Test func everyKindDescribedByIdentifierHasBothCases() {
        let kinds = Suite.spec.operations.compactMap { Suite.spec.resources.lifecycle(lookingUp: $0) }.filter(
            \.regional)
        #expect(kinds.count >= 4)
        #expect(Self.regionCases.count == 2 * kinds.count)
        for testCase in Self.regionCases {
            #expect(testCase.signingRegion == .second)
            #expect(testCase.covers == [SpecItemID.rule(testCase.operation, "region").text])
        }
        let away = Self.regionCases.filter { $0.id.hasSuffix("answers-in-signing-region") }
        #expect(away.allSatisfy { $0.setup.allSatisfy { $0.signingRegion == .second } && !$0.teardown.isEmpty })
        #expect(away.allSatisfy { $0.teardown.allSatisfy { $0.signingRegion == .second } })
    }

    /// A kind every region lists alike (`regional: false`, global clusters) has no region case: the second region
    /// sees what the first made, as AWS answers (NEPTUNE-FACTS-2 §2.9).
    @Test func aKindThatIsNotRegionalHasNoRegionCases() {
        let global = Suite.spec.operations.filter { Suite.spec.resources.lifecycle(lookingUp: $0)?.regional == false }
        #expect(global.map(\.name) == ["DescribeGlobalClusters"])
        #expect(!Self.regionCases.contains { testCase in global.contains { $0.name == testCase.operation } })
        #expect(
            !Coverage(spec: Suite.spec, cases: Suite.cases).constraints.contains(
                SpecItemID.rule("DescribeGlobalClusters", "region").text))
    }

    @Test func theyPassOnTheReferenceServerAndLeaveNothingInEitherRegion() async {
        let emulator = Self.verifying()
        let report = await Self.run(Self.regionCases, on: emulator)
        for result in report.results { #expect(result.verdict == .passed, "\(result.explanation)") }
        #expect(report.leftovers.isEmpty)
        #expect(await emulator.inventory().isEmpty)
    }

    /// Without tear-down, the sweep deletes what was made in the second region, signing for that region.
    @Test func theSweepDeletesInTheRegionWhereTheResourceWasMade() async throws {
        let emulator = Self.verifying()
        var cases = Self.regionCases.filter { $0.id.hasSuffix("answers-in-signing-region") }
        for index in cases.indices { cases[index].teardown = [] }
        let report = await Self.run(cases, on: emulator)
        #expect(report.results.allSatisfy { $0.verdict == .passed })
        #expect(report.leftovers.isEmpty, "\(report.leftovers)")
        #expect(await emulator.inventory().isEmpty)
    }

    @Test func aServerThatIgnoresRegionsFailsEveryRegionCaseWithThatRootCause() async {
        let report = await Self.run(Self.regionCases, on: Self.verifying(faults: [.ignoreRegion]))
        for result in report.results { #expect(result.verdict == .failed, "\(result.id)") }
        #expect((report.findings ?? []).map(\.kind) == [.ignoredRegion], "\((report.findings ?? []).map(\.title))")
    }

    /// A server that serves one region refuses the second region's signature: the run says why it skips them.
    @Test func aOneRegionServerSkipsThemWithTheReason() async {
        let report = await Self.run(Self.regionCases, on: Self.verifying(otherRegions: []))
        for result in report.results {
            #expect(result.verdict == .skipped)
            #expect(
                result.reason?.contains("does not serve eu-central-1 besides us-east-1") == true,
                "\(result.reason ?? "")")
        }
    }
}
