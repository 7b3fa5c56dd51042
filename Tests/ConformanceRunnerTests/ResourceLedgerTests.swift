import ConformanceRunner
import ConformanceTestSupport
import QueryProtocol
import Testing

/// The ledger follows what the run created through the spec's `renames`, so tear-down and the sweep delete
/// a renamed cluster by its new name and never touch what the run did not make.
@Suite struct ResourceLedgerTests {
    static func request(_ operation: String, _ parameters: [(String, String)]) -> Request {
        Request(operation: operation, parameters: parameters.map { Parameter($0.0, .scalar($0.1)) })
    }

    @Test func aRenameMovesTheEntryToTheNewName() async {
        let ledger = ResourceLedger(spec: Fixtures.spec)
        await ledger.record(Self.request("CreateDBCluster", [("DBClusterIdentifier", "NC-Old-1"), ("Engine", "neptune")]))
        await ledger.record(Self.request("ModifyDBCluster", [("DBClusterIdentifier", "nc-old-1"), ("NewDBClusterIdentifier", "NC-New-1")]))
        #expect(await ledger.contains(.cluster, "nc-new-1"))
        #expect(!(await ledger.contains(.cluster, "nc-old-1")))
        // Renaming a cluster the run did not create adopts nothing.
        await ledger.record(Self.request("ModifyDBCluster", [("DBClusterIdentifier", "someone-elses"), ("NewDBClusterIdentifier", "nc-new-2")]))
        #expect(!(await ledger.contains(.cluster, "nc-new-2")))
        #expect(await ledger.remaining.map(\.1) == ["nc-new-1"])
    }

    @Test func withoutASpecNothingIsRenamed() async {
        let ledger = ResourceLedger()
        await ledger.record(Self.request("CreateDBCluster", [("DBClusterIdentifier", "nc-old-1")]))
        await ledger.record(Self.request("ModifyDBCluster", [("DBClusterIdentifier", "nc-old-1"), ("NewDBClusterIdentifier", "nc-new-1")]))
        #expect(await ledger.contains(.cluster, "nc-old-1"))
    }
}
