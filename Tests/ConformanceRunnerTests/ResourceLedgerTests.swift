import ConformanceRunner
import ConformanceSpec
import ConformanceTestSupport
import QueryProtocol
import Testing

/// The ledger follows what the run created through the spec (`resources.yaml` and `renames`), so tear-down and
/// the sweep delete a renamed cluster by its new name and never touch what the run did not make.
@Suite struct ResourceLedgerTests {
    static func request(_ operation: String, _ parameters: [(String, String)]) -> Request {
        Request(operation: operation, parameters: parameters.map { Parameter($0.0, .scalar($0.1)) })
    }

    @Test func aRenameMovesTheEntryToTheNewName() async {
        let ledger = ResourceLedger(spec: Fixtures.spec)
        await ledger.record(
            Self.request("CreateDBCluster", [("DBClusterIdentifier", "NC-Old-1"), ("Engine", "neptune")]))
        await ledger.record(
            Self.request(
                "ModifyDBCluster", [("DBClusterIdentifier", "nc-old-1"), ("NewDBClusterIdentifier", "NC-New-1")]))
        #expect(await ledger.contains(.dbCluster, "nc-new-1"))
        #expect(!(await ledger.contains(.dbCluster, "nc-old-1")))
        // Renaming a cluster the run did not create adopts nothing.
        await ledger.record(
            Self.request(
                "ModifyDBCluster", [("DBClusterIdentifier", "someone-elses"), ("NewDBClusterIdentifier", "nc-new-2")]))
        #expect(!(await ledger.contains(.dbCluster, "nc-new-2")))
        #expect(await ledger.remaining.map(\.1) == ["nc-new-1"])
    }

    @Test func withoutASpecNothingIsRecorded() async {
        let ledger = ResourceLedger()
        await ledger.record(Self.request("CreateDBCluster", [("DBClusterIdentifier", "nc-old-1")]))
        #expect(await ledger.remaining.isEmpty)
        #expect(ledger.target(of: Self.request("DeleteDBCluster", [("DBClusterIdentifier", "nc-old-1")])) == nil)
    }

    @Test func createsDeletesAndSideEffectsFollowTheResourcesFile() async {
        let ledger = ResourceLedger(spec: Fixtures.spec)
        await ledger.record(Self.request("CreateDBCluster", [("DBClusterIdentifier", "nc-c1"), ("Engine", "neptune")]))
        await ledger.record(
            Self.request(
                "RestoreDBClusterToPointInTime",
                [("DBClusterIdentifier", "nc-c2"), ("SourceDBClusterIdentifier", "nc-c1")]))
        await ledger.record(
            Self.request("CreateDBInstance", [("DBInstanceIdentifier", "nc-i3"), ("DBClusterIdentifier", "nc-c1")]))
        await ledger.record(
            Self.request(
                "CreateDBClusterSnapshot", [("DBClusterSnapshotIdentifier", "nc-s4"), ("DBClusterIdentifier", "nc-c1")])
        )
        // Referenced clusters are not created again; members come first, snapshots last.
        #expect(
            await ledger.remaining.map { "\($0.0.rawValue) \($0.1)" } == [
                "DBInstance nc-i3", "DBCluster nc-c1", "DBCluster nc-c2", "DBClusterSnapshot nc-s4",
            ])
        // A delete with a final snapshot removes the cluster and adds the snapshot it makes.
        await ledger.record(
            Self.request("DeleteDBCluster", [("DBClusterIdentifier", "nc-c2"), ("FinalDBSnapshotIdentifier", "nc-s5")]))
        #expect(!(await ledger.contains(.dbCluster, "nc-c2")))
        #expect(await ledger.contains(.dbClusterSnapshot, "nc-s5"))
        await ledger.record(
            Self.request("DeleteDBInstance", [("DBInstanceIdentifier", "NC-I3"), ("SkipFinalSnapshot", "true")]))
        #expect(!(await ledger.contains(.dbInstance, "nc-i3")))
        // A failed-looking request of an operation that creates nothing changes nothing.
        await ledger.record(Self.request("StopDBCluster", [("DBClusterIdentifier", "nc-zz")]))
        #expect(await ledger.remaining.count == 3)
    }

    @Test func tearDownStepsNameTheirTarget() {
        let ledger = ResourceLedger(spec: Fixtures.spec)
        for lifecycle in Fixtures.spec.resources.lifecycles {
            for step in lifecycle.cleanup {
                let target = ledger.target(of: Request(step, id: "NC-X1"))
                #expect(target?.0 == lifecycle.kind && target?.1 == "nc-x1", "\(step.operation)")
            }
        }
    }
}

/// What a region case makes in the second region is remembered there, so its delete is signed for that region.
@Suite struct ResourceLedgerRegionTests {
    @Test func aCreationSignedForTheSecondRegionIsRememberedThere() async {
        let ledger = ResourceLedger(spec: Fixtures.spec)
        await ledger.record(
            ResourceLedgerTests.request(
                "CreateDBCluster", [("DBClusterIdentifier", "nc-away-1"), ("Engine", "neptune")]),
            region: .second)
        await ledger.record(
            ResourceLedgerTests.request(
                "CreateDBCluster", [("DBClusterIdentifier", "nc-home-1"), ("Engine", "neptune")]),
            region: nil)
        #expect(await ledger.region(of: .dbCluster, "nc-away-1") == .second)
        #expect(await ledger.region(of: .dbCluster, "nc-home-1") == nil)
        await ledger.forget(.dbCluster, "nc-away-1")
        #expect(await ledger.region(of: .dbCluster, "nc-away-1") == nil)
        // A create whose answer never came, signed for the second region, is swept there too.
        await ledger.recordPossible(
            ResourceLedgerTests.request("CreateDBCluster", [("DBClusterIdentifier", "nc-away-2")]), region: .second)
        #expect(await ledger.region(of: .dbCluster, "nc-away-2") == .second)
    }
}
