import CaseGenerator
import ConformanceRunner
import ConformanceTestSupport
import Foundation
import ReferenceServer
import Testing

@Suite struct GoldenProvenanceTests {
    @Test func everyCommittedGoldenHasProvenanceForTheSpecsRevision() throws {
        let root = BuiltCLI.packageRoot.appendingPathComponent("Golden")
        let files =
            FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String }.filter {
                $0.hasSuffix(".xml")
            } ?? []
        // Exactly the goldens the generated cases name: none missing, none left over from a case that is gone.
        let named = Set(
            Fixtures.cases.compactMap { testCase -> String? in
                if case .success(let golden) = testCase.expectation { "\(golden).xml" } else { nil }
            })
        #expect(
            Set(files) == named,
            "unused: \(Set(files).subtracting(named).sorted().prefix(5)); missing: \(named.subtracting(files).sorted().prefix(5))"
        )
        for file in files {
            let text = try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)
            let provenance = try #require(GoldenProvenance.read(from: text), "\(file) has no provenance")
            #expect(provenance.api == Fixtures.spec.apiVersion)
            #expect(provenance.placeholders == GoldenProvenance.placeholderKinds(in: text), "\(file)")
        }
    }

    /// A golden without provenance, and one recorded for another API revision, are flagged in the
    /// results (as warnings: the answer is still judged).
    @Test func goldensWithoutOrWithOtherProvenanceAreFlagged() async throws {
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("golden-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: BuiltCLI.packageRoot.appendingPathComponent("Golden"), to: copy)
        let minimal = copy.appendingPathComponent("StopDBCluster/valid/minimal.xml")
        try GoldenProvenance.stripped(try String(contentsOf: minimal, encoding: .utf8)).write(
            to: minimal, atomically: true, encoding: .utf8)
        let promote = copy.appendingPathComponent("PromoteReadReplicaDBCluster/valid/minimal.xml")
        try (try String(contentsOf: promote, encoding: .utf8)).replacingOccurrences(
            of: "api=2014-10-31", with: "api=2013-02-12"
        ).write(to: promote, atomically: true, encoding: .utf8)
        let cases = Fixtures.cases.filter {
            [
                "StopDBCluster/valid/minimal", "PromoteReadReplicaDBCluster/valid/minimal",
                "StartDBCluster/valid/minimal",
            ].contains($0.id)
        }
        let report = try await ReferenceServer.withRunning(emulator: NeptuneEmulator(spec: Fixtures.spec)) { url in
            await ConformanceRun(spec: Fixtures.spec, endpoint: Endpoint(url: url), goldenDirectory: copy.path).run(
                cases
            ).report
        }
        let flagged = Dictionary(
            uniqueKeysWithValues: report.results.map { ($0.id, $0.findings.filter { $0.kind == .provenance }) })
        #expect(flagged["StopDBCluster/valid/minimal"]?.first?.found == "none")
        #expect(flagged["PromoteReadReplicaDBCluster/valid/minimal"]?.first?.found?.contains("2013-02-12") == true)
        #expect(flagged["StartDBCluster/valid/minimal"]?.isEmpty == true)
        #expect(report.results.allSatisfy { $0.verdict == .passed })
    }

    @Test func coverageTableNamesEverySpecItemAndWhatExercisedIt() async throws {
        let cases = Fixtures.cases.filter { $0.operation == "StopDBCluster" }
        let report = try await ReferenceServer.withRunning(
            emulator: NeptuneEmulator(spec: Fixtures.spec, configuration: .init(faults: [.stopStoppedCluster]))
        ) { url in
            await ConformanceRun(spec: Fixtures.spec, endpoint: Endpoint(url: url), goldenDirectory: Fixtures.goldens)
                .run(cases).report
        }
        let coverage = try #require(report.coverage)
        #expect(coverage.count == 619)
        let state = try #require(coverage.first { $0.item == "StopDBCluster#state:DBClusterIdentifier" })
        #expect(state.cases == ["StopDBCluster/stateful/DBClusterIdentifier/in-state-stopped": .failed])
        #expect(coverage.first { $0.item == "StopDBCluster#exists:DBClusterIdentifier" }?.allPassed == true)
        #expect(coverage.first { $0.item == "CreateDBCluster.Port#range" }?.exercised == false)
    }
}
