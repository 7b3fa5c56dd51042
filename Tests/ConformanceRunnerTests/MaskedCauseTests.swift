import ConformanceRunner
import Testing

/// A departure that comes second in every case that has it (moto's AllocatedStorage 0 behind its unknown
/// BacktrackWindow) is still reported, as a masked finding listing those cases; facets of the leading departure
/// (its status, code, XML-ness) are not.
@Suite struct MaskedCauseTests {
    static let backtrack = Finding(
        kind: .unexpected, path: "/StopDBClusterResponse/StopDBClusterResult/DBCluster/BacktrackWindow", found: "0")
    static let storage = Finding(
        kind: .value, path: "/StopDBClusterResponse/StopDBClusterResult/DBCluster/AllocatedStorage", expected: "'1'",
        found: "'0'")

    static func triaged(_ results: [CaseResult]) -> (visible: [RootCause], masked: [RootCause]) {
        let visible = RootCauseAnalysis.rootCauses(
            of: results, endpoint: "test", url: nil, region: "us-east-1", signingName: "rds")
        let masked = RootCauseAnalysis.maskedCauses(
            of: results, visible: Set(visible.map(\.id)), endpoint: "test", url: nil, region: "us-east-1",
            signingName: "rds")
        return (visible, masked)
    }

    @Test func aDepartureBehindAnotherInEveryCaseIsReportedAsMasked() {
        let results = ["StopDBCluster/valid/minimal", "StopDBCluster/valid/full"].map {
            RootCauseTests.result(
                $0, covers: [], expected: "success matching Golden/x.xml", findings: [Self.backtrack, Self.storage])
        }
        let (visible, masked) = Self.triaged(results)
        #expect(visible.map(\.id) == ["unknown-element/BacktrackWindow"])
        #expect(masked.map(\.id) == ["wrong-value/AllocatedStorage"])
        #expect(masked.first?.cases == results.map(\.id))
        #expect(masked.first?.title == "answers with a wrong value in <AllocatedStorage>")
    }

    @Test func aDepartureThatLeadsSomewhereIsNotMaskedAndFacetsAreNot() {
        let leading = RootCauseTests.result(
            "StopDBCluster/valid/a", covers: [], expected: "success matching Golden/x.xml", findings: [Self.storage])
        let behind = RootCauseTests.result(
            "StopDBCluster/valid/b", covers: [], expected: "success matching Golden/x.xml",
            findings: [Self.backtrack, Self.storage])
        let accepted = RootCauseTests.result(
            "CreateDBCluster/invalid/Port/above", covers: ["CreateDBCluster.Port#range"],
            expected: "Sender error InvalidParameterValue, HTTP 400",
            findings: [
                RootCauseTests.accepted,
                Finding(kind: .code, path: "/ErrorResponse/Error/Code", expected: "InvalidParameterValue"),
            ])
        let (visible, masked) = Self.triaged([leading, behind, accepted])
        #expect(
            Set(visible.map(\.id)).isSuperset(of: ["wrong-value/AllocatedStorage", "unknown-element/BacktrackWindow"]))
        #expect(masked.isEmpty, "\(masked.map(\.id))")
    }
}
