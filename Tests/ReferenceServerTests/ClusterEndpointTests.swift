import ConformanceSpec
import ConformanceTestSupport
import Foundation
import ReferenceServer
import Testing

/// The custom endpoints' behaviour that generated cases cannot hold (NEPTUNE-FACTS-2 §2.10, §3.8): built-in WRITER
/// and READER endpoints listed with the custom ones, the vocabulary filters and their refusal, the five-per-cluster
/// quota, members of another cluster refused, a list given replacing both, and an endpoint gone with its cluster.
@Suite struct ClusterEndpointTests {
    static let spec = SubnetsTagsRolesTests.spec

    static func send(_ emulator: NeptuneEmulator, _ action: String, _ pairs: [(String, String)]) async -> (
        status: Int, body: String
    ) {
        let answer = await emulator.handle(body: SubnetsTagsRolesTests.form(action, pairs))
        return (answer.status, answer.body)
    }

    /// A cluster `c1` with instances `i1` and `i2`, a cluster `c2` with instance `j1`, all settled; changes take five
    /// seconds of `advance`.
    static func twoClusters() async -> (NeptuneEmulator, advance: @Sendable (Duration) -> Void) {
        let (clock, advance) = EmulatorClock.manual()
        var configuration = NeptuneEmulator.Configuration(transitionDelay: .seconds(5))
        configuration.clock = clock
        let emulator = NeptuneEmulator(spec: spec, configuration: configuration)
        for (cluster, instances) in [("c1", ["i1", "i2"]), ("c2", ["j1"])] {
            let made = await send(
                emulator, "CreateDBCluster", [("DBClusterIdentifier", cluster), ("Engine", "neptune")])
            #expect(made.status == 200, "\(made.body)")
            advance(.seconds(5))
            for instance in instances {
                let added = await send(
                    emulator, "CreateDBInstance",
                    [
                        ("DBInstanceIdentifier", instance), ("DBClusterIdentifier", cluster),
                        ("DBInstanceClass", "db.r5.large"), ("Engine", "neptune"),
                    ])
                #expect(added.status == 200, "\(added.body)")
            }
            advance(.seconds(5))
        }
        return (emulator, advance)
    }

    static func filter(_ name: String, _ value: String) -> [(String, String)] {
        [("Filters.Filter.1.Name", name), ("Filters.Filter.1.Values.Value.1", value)]
    }

    @Test func builtInEndpointsAreListedAndTheVocabularyFiltersSelectAndRefuse() async throws {
        let (emulator, advance) = await Self.twoClusters()
        let made = await Self.send(
            emulator, "CreateDBClusterEndpoint",
            [
                ("DBClusterIdentifier", "C1"), ("DBClusterEndpointIdentifier", "Readers"), ("EndpointType", "READER"),
                ("StaticMembers.member.1", "I2"),
            ])
        #expect(made.status == 200, "\(made.body)")
        #expect(
            made.body.contains("<Status>creating</Status>") && made.body.contains("<EndpointType>CUSTOM</EndpointType>")
        )
        #expect(made.body.contains("<CustomEndpointType>READER</CustomEndpointType>"), "\(made.body)")
        #expect(made.body.contains("<StaticMembers><member>i2</member></StaticMembers>"), "\(made.body)")
        #expect(made.body.contains("<DBClusterIdentifier>c1</DBClusterIdentifier>"), "\(made.body)")
        let creating = await Self.send(
            emulator, "DescribeDBClusterEndpoints", Self.filter("db-cluster-endpoint-status", "CREATING"))
        #expect(creating.body.contains("readers") && !creating.body.contains("WRITER"), "\(creating.body)")
        advance(.seconds(5))

        let all = await Self.send(emulator, "DescribeDBClusterEndpoints", [])
        #expect(all.body.components(separatedBy: "<EndpointType>WRITER</EndpointType>").count == 3, "\(all.body)")
        #expect(all.body.components(separatedBy: "<EndpointType>READER</EndpointType>").count == 3)
        #expect(all.body.contains("<DBClusterEndpointIdentifier>readers</DBClusterEndpointIdentifier>"))
        #expect(all.body.contains("<Status>available</Status>"))

        let ofC2 = await Self.send(emulator, "DescribeDBClusterEndpoints", [("DBClusterIdentifier", "C2")])
        #expect(ofC2.body.components(separatedBy: "<DBClusterEndpointList>").count == 3, "\(ofC2.body)")
        #expect(!ofC2.body.contains("readers"))

        let custom = await Self.send(
            emulator, "DescribeDBClusterEndpoints", Self.filter("db-cluster-endpoint-type", "custom"))
        #expect(custom.body.components(separatedBy: "<DBClusterEndpointList>").count == 2, "\(custom.body)")
        #expect(custom.body.contains("readers"))
        let writers = await Self.send(
            emulator, "DescribeDBClusterEndpoints", Self.filter("db-cluster-endpoint-type", "Writer"))
        #expect(writers.body.components(separatedBy: "<EndpointType>WRITER</EndpointType>").count == 3)
        #expect(!writers.body.contains("READER") && !writers.body.contains("CUSTOM"), "\(writers.body)")

        let refused = await Self.send(
            emulator, "DescribeDBClusterEndpoints", Self.filter("db-cluster-endpoint-type", "primary"))
        #expect(refused.status == 400 && refused.body.contains("<Code>InvalidParameterValue</Code>"), "\(refused.body)")
        #expect(refused.body.contains("primary"))
    }

    @Test func membersAreOfTheEndpointsClusterAndAListGivenReplacesBoth() async throws {
        let (emulator, advance) = await Self.twoClusters()
        let foreign = await Self.send(
            emulator, "CreateDBClusterEndpoint",
            [
                ("DBClusterIdentifier", "c1"), ("DBClusterEndpointIdentifier", "e"), ("EndpointType", "ANY"),
                ("StaticMembers.member.1", "j1"),
            ])
        #expect(foreign.status == 400 && foreign.body.contains("InvalidParameterValue"), "\(foreign.body)")
        let made = await Self.send(
            emulator, "CreateDBClusterEndpoint",
            [
                ("DBClusterIdentifier", "c1"), ("DBClusterEndpointIdentifier", "e"), ("EndpointType", "ANY"),
                ("StaticMembers.member.1", "i1"),
            ])
        #expect(made.status == 200, "\(made.body)")
        // Still creating: a modify is refused and changes nothing.
        let early = await Self.send(
            emulator, "ModifyDBClusterEndpoint", [("DBClusterEndpointIdentifier", "e"), ("EndpointType", "READER")])
        #expect(early.status == 400 && early.body.contains("InvalidDBClusterEndpointStateFault"), "\(early.body)")
        advance(.seconds(5))
        let unchanged = await Self.send(emulator, "DescribeDBClusterEndpoints", [("DBClusterEndpointIdentifier", "e")])
        #expect(unchanged.body.contains("<CustomEndpointType>ANY</CustomEndpointType>"), "\(unchanged.body)")
        #expect(unchanged.body.contains("<Status>available</Status>"))
        let modified = await Self.send(
            emulator, "ModifyDBClusterEndpoint",
            [("DBClusterEndpointIdentifier", "E"), ("ExcludedMembers.member.1", "i2"), ("EndpointType", "READER")])
        #expect(modified.status == 200, "\(modified.body)")
        #expect(modified.body.contains("<Status>modifying</Status>"))
        #expect(modified.body.contains("<ExcludedMembers><member>i2</member></ExcludedMembers>"), "\(modified.body)")
        #expect(!modified.body.contains("<member>i1</member>"), "the static list is replaced")
        #expect(modified.body.contains("<CustomEndpointType>READER</CustomEndpointType>"))
    }

    @Test func aClusterTakesFiveCustomEndpointsAndTheyGoWithIt() async throws {
        let (emulator, advance) = await Self.twoClusters()
        for index in 1...6 {
            let made = await Self.send(
                emulator, "CreateDBClusterEndpoint",
                [("DBClusterIdentifier", "c2"), ("DBClusterEndpointIdentifier", "e\(index)"), ("EndpointType", "ANY")])
            if index <= 5 {
                #expect(made.status == 200, "\(made.body)")
            } else {
                #expect(made.body.contains("DBClusterEndpointQuotaExceededFault"), "\(made.body)")
            }
        }
        advance(.seconds(5))
        _ = await Self.send(emulator, "DeleteDBInstance", [("DBInstanceIdentifier", "j1")])
        advance(.seconds(5))
        let gone = await Self.send(
            emulator, "DeleteDBCluster", [("DBClusterIdentifier", "c2"), ("SkipFinalSnapshot", "true")])
        #expect(gone.status == 200, "\(gone.body)")
        let kept = await Self.send(emulator, "DescribeDBClusterEndpoints", [("DBClusterIdentifier", "c2")])
        #expect(kept.body.contains("<DBClusterEndpointIdentifier>e1"), "still there while the cluster is deleting")
        advance(.seconds(5))
        let listed = await Self.send(emulator, "DescribeDBClusterEndpoints", [])
        #expect(!listed.body.contains("<DBClusterEndpointIdentifier>e1"), "\(listed.body)")
        #expect(listed.body.contains("<DBClusterIdentifier>c1</DBClusterIdentifier>"))
        let inventory = await emulator.inventory()
        #expect(!inventory.contains { $0.hasPrefix("DBClusterEndpoint ") }, "\(inventory)")
    }
}
