import ConformanceSpec
import ConformanceTestSupport
import Foundation
import ReferenceServer
import Testing

/// Global databases in the emulator (NEPTUNE-FACTS-2 §2.9, §3.7): one store for every region, members by cluster ARN
/// in any region, switchover and failover, and the refusals no spec precondition holds (§6 rows 127, 132, 137).
@Suite struct GlobalClusterTests {
    static let spec = try! SpecLoader(directory: SpecLocation.defaultDirectory()).load()

    static func call(
        _ emulator: NeptuneEmulator, _ action: String, in region: String = "us-east-1", _ parameters: String
    ) async -> EmulatorAnswer {
        await emulator.handle(
            headers: RegionTests.signedIn(region), body: "Action=\(action)&Version=2014-10-31&\(parameters)")
    }

    static func arn(_ region: String, _ cluster: String) -> String {
        "arn:aws:rds:\(region):123456789012:cluster:\(cluster)"
    }

    /// A global cluster `g1` whose primary `primary` is in us-east-1 and secondary `secondary` in us-west-2.
    static func twoRegionGlobal() async -> NeptuneEmulator {
        let emulator = NeptuneEmulator(spec: spec)
        let created = await call(emulator, "CreateGlobalCluster", "GlobalClusterIdentifier=G1&Engine=neptune")
        #expect(created.status == 200 && created.body.contains("<GlobalClusterIdentifier>g1</GlobalClusterIdentifier>"))
        #expect(
            created.body.contains("<GlobalClusterArn>arn:aws:rds::123456789012:global-cluster:g1</GlobalClusterArn>"))
        for (region, name) in [("us-east-1", "primary"), ("us-west-2", "secondary")] {
            let member = await call(
                emulator, "CreateDBCluster", in: region,
                "DBClusterIdentifier=\(name)&Engine=neptune&GlobalClusterIdentifier=g1")
            #expect(member.status == 200, "\(member.body)")
            #expect(member.body.contains("<GlobalClusterIdentifier>g1</GlobalClusterIdentifier>"))
        }
        return emulator
    }

    @Test func aGlobalClusterIsTheSameInEveryRegionWithMembersInTwo() async {
        let emulator = await Self.twoRegionGlobal()
        for region in ["us-east-1", "us-west-2", "eu-west-1"] {
            let listed = await Self.call(emulator, "DescribeGlobalClusters", in: region, "GlobalClusterIdentifier=g1")
            #expect(listed.status == 200, "\(region): \(listed.body)")
            #expect(listed.body.contains("<GlobalClusters><GlobalClusterMember><GlobalClusterIdentifier>g1<"))
            let writer =
                "<GlobalClusterMember><DBClusterArn>\(Self.arn("us-east-1", "primary"))</DBClusterArn><Readers><member>"
                + Self.arn("us-west-2", "secondary") + "</member></Readers><IsWriter>true</IsWriter>"
            #expect(listed.body.contains(writer), "\(listed.body)")
        }
    }

    /// Quirk 6: neither AllowDataLoss nor Switchover is a switchover; a second one meanwhile is refused (row 137).
    @Test func failoverWithoutFlagsSwitchesOverAndCompletesLater() async {
        let emulator = await Self.twoRegionGlobal()
        let target = Self.arn("us-west-2", "secondary")
        let started = await Self.call(
            emulator, "FailoverGlobalCluster", "GlobalClusterIdentifier=g1&TargetDbClusterIdentifier=\(target)")
        #expect(started.status == 200, "\(started.body)")
        #expect(started.body.contains("<Status>switching-over</Status>"))
        #expect(
            started.body.contains(
                "<FailoverState><Status>pending</Status><FromDbClusterArn>\(Self.arn("us-east-1", "primary"))"
                    + "</FromDbClusterArn><ToDbClusterArn>\(target)</ToDbClusterArn><IsDataLossAllowed>false<"))
        // Zero transition delay: the next request settles it, so the refusal is judged on the state the request saw.
        let emulatorWithDelay = NeptuneEmulator(spec: Self.spec, configuration: .init(transitionDelay: .seconds(60)))
        _ = await Self.call(emulatorWithDelay, "CreateGlobalCluster", "GlobalClusterIdentifier=g2&Engine=neptune")
        for (region, name) in [("us-east-1", "a"), ("us-west-2", "b")] {
            _ = await Self.call(
                emulatorWithDelay, "CreateDBCluster", in: region,
                "DBClusterIdentifier=\(name)&Engine=neptune&GlobalClusterIdentifier=g2")
        }
        let switchover = "GlobalClusterIdentifier=g2&TargetDbClusterIdentifier=\(Self.arn("us-west-2", "b"))"
        let first = await Self.call(emulatorWithDelay, "SwitchoverGlobalCluster", switchover)
        #expect(first.status == 200, "\(first.body)")
        let second = await Self.call(emulatorWithDelay, "SwitchoverGlobalCluster", switchover)
        #expect(second.status == 400 && second.body.contains("InvalidGlobalClusterStateFault"), "\(second.body)")

        let after = await Self.call(emulator, "DescribeGlobalClusters", "GlobalClusterIdentifier=g1")
        #expect(after.body.contains("<DBClusterArn>\(target)</DBClusterArn><Readers><member>"), "\(after.body)")
        #expect(!after.body.contains("<FailoverState>") && after.body.contains("<Status>available</Status>"))
    }

    /// Rows 127 and 132: a source cluster already in a global cluster; a major version change without its flag.
    @Test func refusalsNoPreconditionHolds() async {
        let emulator = await Self.twoRegionGlobal()
        let again = await Self.call(
            emulator, "CreateGlobalCluster",
            "GlobalClusterIdentifier=g9&SourceDBClusterIdentifier=\(Self.arn("us-east-1", "primary"))")
        #expect(again.status == 400 && again.body.contains("InvalidDBClusterStateFault"), "\(again.body)")
        let major = await Self.call(emulator, "ModifyGlobalCluster", "GlobalClusterIdentifier=g1&EngineVersion=1.3.4.0")
        #expect(major.status == 400 && major.body.contains("InvalidParameterCombination"), "\(major.body)")
        let allowed = await Self.call(
            emulator, "ModifyGlobalCluster",
            "GlobalClusterIdentifier=g1&EngineVersion=1.3.4.0&AllowMajorVersionUpgrade=true")
        #expect(allowed.status == 200 && allowed.body.contains("<EngineVersion>1.3.4.0</EngineVersion>"))
    }

    /// A cluster made with SourceDBClusterIdentifier in another region becomes the writer; removing a member detaches
    /// it (its DBCluster no longer names the global cluster); deleting a member cluster leaves it too, and then the
    /// global cluster can be deleted (row 128).
    @Test func membersLeaveByRemovalOrDeletion() async {
        let emulator = await Self.twoRegionGlobal()
        let blocked = await Self.call(emulator, "DeleteGlobalCluster", "GlobalClusterIdentifier=g1")
        #expect(blocked.status == 400 && blocked.body.contains("InvalidGlobalClusterStateFault"))
        let secondary = Self.arn("us-west-2", "secondary")
        let removed = await Self.call(
            emulator, "RemoveFromGlobalCluster", "GlobalClusterIdentifier=g1&DbClusterIdentifier=\(secondary)")
        #expect(removed.status == 200 && !removed.body.contains(secondary), "\(removed.body)")
        let detached = await Self.call(
            emulator, "DescribeDBClusters", in: "us-west-2", "DBClusterIdentifier=secondary")
        #expect(detached.status == 200 && !detached.body.contains("<GlobalClusterIdentifier>"))
        _ = await Self.call(emulator, "DeleteDBCluster", "DBClusterIdentifier=primary&SkipFinalSnapshot=true")
        let deleted = await Self.call(emulator, "DeleteGlobalCluster", "GlobalClusterIdentifier=g1")
        #expect(deleted.status == 200, "\(deleted.body)")
        let sourced = await Self.call(
            emulator, "CreateGlobalCluster", "GlobalClusterIdentifier=g3&SourceDBClusterIdentifier=\(secondary)")
        #expect(sourced.status == 200 && sourced.body.contains("<IsWriter>true</IsWriter>"), "\(sourced.body)")
        let inventory = await emulator.inventory()
        #expect(inventory.contains("GlobalCluster g3") && !inventory.contains("GlobalCluster g1"))
    }
}
