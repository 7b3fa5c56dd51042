import ConformanceSpec
import ConformanceTestSupport
import Foundation
import ReferenceServer
import Testing

/// Actions the resource engine performs from `resources.yaml` (`reaches:`/`during:`, `adds:`/`removes:`), with their
/// kinds' `acting` hooks: a reboot shows `rebooting`, then available, and applies a parameter group waiting for it; a
/// subscription's source joins its list once, lower-cased, and leaves it. The clock is manual.
@Suite struct EngineActionTests {
    static let send = ClusterEndpointTests.send

    @Test func aRebootIsRebootingThenAvailableAndAppliesTheParameterGroup() async throws {
        let (emulator, advance) = await ClusterEndpointTests.twoClusters()
        let group = await Self.send(
            emulator, "CreateDBParameterGroup",
            [("DBParameterGroupName", "tuned"), ("DBParameterGroupFamily", "neptune1.4"), ("Description", "d")])
        #expect(group.status == 200, "\(group.body)")
        let modified = await Self.send(
            emulator, "ModifyDBInstance",
            [("DBInstanceIdentifier", "i1"), ("DBParameterGroupName", "tuned"), ("ApplyImmediately", "true")])
        #expect(
            modified.body.contains("<ParameterApplyStatus>pending-reboot</ParameterApplyStatus>"), "\(modified.body)")
        advance(.seconds(5))
        let rebooting = await Self.send(emulator, "RebootDBInstance", [("DBInstanceIdentifier", "I1")])
        #expect(rebooting.body.contains("<DBInstanceStatus>rebooting</DBInstanceStatus>"), "\(rebooting.body)")
        #expect(rebooting.body.contains("<ParameterApplyStatus>in-sync</ParameterApplyStatus>"), "\(rebooting.body)")
        advance(.seconds(5))
        let after = await Self.send(emulator, "DescribeDBInstances", [("DBInstanceIdentifier", "i1")])
        #expect(after.body.contains("<DBInstanceStatus>available</DBInstanceStatus>"), "\(after.body)")
    }

    @Test func aSourceJoinsTheSubscriptionOnceLowerCasedAndLeavesIt() async throws {
        let (emulator, _) = await ClusterEndpointTests.twoClusters()
        let made = await Self.send(
            emulator, "CreateEventSubscription",
            [
                ("SubscriptionName", "watch"), ("SnsTopicArn", "arn:aws:sns:us-east-1:123456789012:topic"),
                ("SourceType", "db-cluster"),
            ])
        #expect(made.status == 200, "\(made.body)")
        for source in ["C1", "c1", "c2"] {
            let added = await Self.send(
                emulator, "AddSourceIdentifierToSubscription",
                [("SubscriptionName", "watch"), ("SourceIdentifier", source)])
            #expect(added.status == 200, "\(added.body)")
        }
        let listed = await Self.send(emulator, "DescribeEventSubscriptions", [("SubscriptionName", "watch")])
        #expect(IndexedStoreTests.values("SourceId", in: listed.body) == ["c1", "c2"], "\(listed.body)")
        let removed = await Self.send(
            emulator, "RemoveSourceIdentifierFromSubscription",
            [("SubscriptionName", "watch"), ("SourceIdentifier", "c1")])
        #expect(IndexedStoreTests.values("SourceId", in: removed.body) == ["c2"], "\(removed.body)")
        let missing = await Self.send(
            emulator, "AddSourceIdentifierToSubscription", [("SubscriptionName", "watch"), ("SourceIdentifier", "c9")])
        #expect(missing.body.contains("<Code>SourceNotFound</Code>"), "\(missing.body)")
    }
}
