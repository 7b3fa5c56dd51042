import ConformanceSpec
import ConformanceTestSupport
import Foundation
import Testing

@testable import ReferenceServer

/// The reads `ReferenceServer` answers without the emulator's actor (issue #30) answer as the actor would: through a
/// seeded workload of creates, changes, deletes and delayed transitions in two regions, every describe of every kind
/// sent through the server's front door matches the actor's own answer to it at that moment (but for the RequestId),
/// and the cache did answer. With faults or signature checks nothing is cached.
@Suite struct ReadAnswerCacheTests {
    static let spec = SubnetsTagsRolesTests.spec

    static func form(_ action: String, _ pairs: [(String, String)]) -> String {
        SubnetsTagsRolesTests.form(action, pairs)
    }

    static let formType = ("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")

    /// Headers of a request in `region`: none for the default region, a SigV4 scope naming the other one.
    static func headers(_ region: String) -> [(String, String)] {
        region == "us-east-1" ? [formType] : [formType] + RegionTests.signedIn(region)
    }

    /// The reads the workload sends, in one region.
    static func reads(clusters: [String], instances: [String]) -> [String] {
        [
            form("DescribeDBClusters", []), form("DescribeDBClusters", [("MaxRecords", "20")]),
            form("DescribeDBInstances", []),
        ] + spec.resources.lifecycles.map { form($0.describe.operation, []) }
            + clusters.map { form("DescribeDBClusterEndpoints", [("DBClusterIdentifier", $0)]) }
            + clusters.map { form("DescribeDBClusters", [("DBClusterIdentifier", $0)]) }
            + instances.map { form("DescribeDBInstances", [("DBInstanceIdentifier", $0)]) }
    }

    /// A change the workload makes, in one region: creates, changes and deletes of clusters and instances, and a
    /// tag read (not kept, so it empties the cache).
    static func change(_ generator: inout IndexedStoreTests.Seeded, clusters: [String], instances: [String]) -> String {
        let cluster = clusters.randomElement(using: &generator)!
        let instance = instances.randomElement(using: &generator)!
        switch Int.random(in: 0..<9, using: &generator) {
        case 0: return form("CreateDBCluster", [("DBClusterIdentifier", cluster), ("Engine", "neptune")])
        case 1: return form("DeleteDBCluster", [("DBClusterIdentifier", cluster), ("SkipFinalSnapshot", "true")])
        case 2:
            return form(
                "ModifyDBCluster",
                [
                    ("DBClusterIdentifier", cluster), ("ApplyImmediately", "true"),
                    ("BackupRetentionPeriod", String(Int.random(in: 1...7, using: &generator))),
                ])
        case 3:
            return form(
                "CreateDBInstance",
                [
                    ("DBInstanceIdentifier", instance), ("DBInstanceClass", "db.r5.large"), ("Engine", "neptune"),
                    ("DBClusterIdentifier", cluster),
                ])
        case 4: return form("DeleteDBInstance", [("DBInstanceIdentifier", instance), ("SkipFinalSnapshot", "true")])
        case 5: return form("StopDBCluster", [("DBClusterIdentifier", cluster)])
        case 6:
            return form(
                "CreateDBClusterSnapshot",
                [("DBClusterSnapshotIdentifier", "snap-" + cluster), ("DBClusterIdentifier", cluster)])
        case 7:
            return form(
                "CreateDBClusterEndpoint",
                [
                    ("DBClusterEndpointIdentifier", "end-" + cluster), ("DBClusterIdentifier", cluster),
                    ("EndpointType", "ANY"),
                ])
        default:
            return form(
                "ListTagsForResource", [("ResourceName", "arn:aws:rds:us-east-1:123456789012:cluster:\(cluster)")])
        }
    }

    @Test(arguments: [0, 3]) func cachedReadsAnswerAsTheActorWould(delaySeconds: Int) async throws {
        let (clock, advance) = EmulatorClock.manual()
        var configuration = NeptuneEmulator.Configuration(transitionDelay: .seconds(delaySeconds))
        configuration.clock = clock
        let emulator = NeptuneEmulator(spec: Self.spec, configuration: configuration)
        let server = ReferenceServer(emulator: emulator)
        var generator = IndexedStoreTests.Seeded(state: 30 + UInt64(delaySeconds))
        let clusters = (0..<5).map { "cache-\($0)" }
        let instances = (0..<4).map { "cache-db-\($0)" }
        let reads = Self.reads(clusters: clusters, instances: instances)
        var compared = 0
        for step in 0..<1_500 {
            let region = Bool.random(using: &generator) ? "us-east-1" : "us-east-2"
            let headers = Self.headers(region)
            let dice = Int.random(in: 0..<16, using: &generator)
            if dice == 0 {
                advance(.seconds(Int.random(in: 1...4, using: &generator)))
            } else if dice == 1 {
                let body = Self.change(&generator, clusters: clusters, instances: instances)
                _ = await server.answer(method: "POST", path: "/", query: "", headers: headers, body: body)
            } else {
                let body = reads.randomElement(using: &generator)!
                let front = await server.answer(method: "POST", path: "/", query: "", headers: headers, body: body)
                let actor = await emulator.handle(method: "POST", path: "/", headers: headers, body: body)
                #expect(front.status == actor.status && front.contentType == actor.contentType, "step \(step)")
                #expect(
                    IndexedStoreTests.stable(front.body) == IndexedStoreTests.stable(actor.body),
                    "step \(step), \(region): \(body)")
                compared += 1
            }
        }
        #expect(compared > 1_200)
        #expect(emulator.readAnswers.hits > 100, "the cache answered \(emulator.readAnswers.hits) reads")
    }

    @Test func aChangeIsSeenByTheNextRead() async throws {
        let emulator = NeptuneEmulator(spec: Self.spec)
        let server = ReferenceServer(emulator: emulator)
        let headers = [Self.formType]
        func send(_ body: String) async -> EmulatorAnswer {
            await server.answer(method: "POST", path: "/", query: "", headers: headers, body: body)
        }
        let describe = Self.form("DescribeDBClusters", [("DBClusterIdentifier", "seen")])
        _ = await send(Self.form("CreateDBCluster", [("DBClusterIdentifier", "seen"), ("Engine", "neptune")]))
        _ = await send(describe)
        let first = await send(describe)
        let second = await send(describe)
        #expect(emulator.readAnswers.hits >= 1)
        #expect(first.body.contains("<BackupRetentionPeriod>1</BackupRetentionPeriod>"))
        #expect(first.body != second.body, "each answer has its own RequestId")
        _ = await send(
            Self.form(
                "ModifyDBCluster",
                [("DBClusterIdentifier", "seen"), ("BackupRetentionPeriod", "5"), ("ApplyImmediately", "true")]))
        let changed = await send(describe)
        #expect(changed.body.contains("<BackupRetentionPeriod>5</BackupRetentionPeriod>"), "\(changed.body)")
        // A GET asks the same; a POST whose body is not form-encoded is never answered from the cache.
        let query = describe
        let get = await server.answer(method: "GET", path: "/", query: query, headers: [], body: "")
        #expect(IndexedStoreTests.stable(get.body) == IndexedStoreTests.stable(changed.body))
        let json = [("Content-Type", "application/json")]
        #expect(emulator.readKey(method: "POST", query: query, headers: json, body: "") == nil)
        #expect(emulator.readKey(method: "GET", query: query, headers: json, body: "") != nil)
    }

    /// A change of one kind under way (a custom endpoint or a snapshot still `creating`, its cluster settled) keeps
    /// that kind's describe out of the cache: once the transition is due, the next read answers its new status.
    @Test(arguments: [
        ("CreateDBClusterEndpoint", "DescribeDBClusterEndpoints", "DBClusterEndpointIdentifier"),
        ("CreateDBClusterSnapshot", "DescribeDBClusterSnapshots", "DBClusterSnapshotIdentifier"),
    ])
    func aTransitionUnderWayKeepsItsKindFromTheCache(create: String, describe: String, identifier: String) async {
        let (clock, advance) = EmulatorClock.manual()
        var configuration = NeptuneEmulator.Configuration(transitionDelay: .seconds(3))
        configuration.clock = clock
        let emulator = NeptuneEmulator(spec: Self.spec, configuration: configuration)
        let server = ReferenceServer(emulator: emulator)
        func send(_ body: String) async -> EmulatorAnswer {
            await server.answer(method: "POST", path: "/", query: "", headers: [Self.formType], body: body)
        }
        _ = await send(Self.form("CreateDBCluster", [("DBClusterIdentifier", "moving"), ("Engine", "neptune")]))
        advance(.seconds(3))
        let created = await send(
            Self.form(
                create,
                [(identifier, "moving-1"), ("DBClusterIdentifier", "moving"), ("EndpointType", "ANY")]
                    .filter { create == "CreateDBClusterEndpoint" || $0.0 != "EndpointType" }))
        #expect(created.status == 200, "\(created.body)")
        let read = Self.form(describe, [(identifier, "moving-1")])
        #expect((await send(read)).body.contains("<Status>creating</Status>"))
        advance(.seconds(3))
        let after = await send(read)
        #expect(after.body.contains("<Status>available</Status>"), "\(after.body)")
    }

    @Test func nothingIsCachedWithFaultsOrSignatureChecks() async throws {
        for configuration in [
            NeptuneEmulator.Configuration(faults: [.missingRequestId]),
            NeptuneEmulator.Configuration(faults: [.wrongNamespace]),
            NeptuneEmulator.Configuration(verifySignatures: NeptuneEmulator.Configuration.localTestingKeys),
        ] {
            let emulator = NeptuneEmulator(spec: Self.spec, configuration: configuration)
            let server = ReferenceServer(emulator: emulator)
            for body in [
                Self.form("CreateDBCluster", [("DBClusterIdentifier", "plain"), ("Engine", "neptune")]),
                Self.form("DescribeDBClusters", []), Self.form("DescribeDBClusters", []),
            ] {
                _ = await server.answer(method: "POST", path: "/", query: "", headers: [Self.formType], body: body)
            }
            #expect(emulator.readAnswers.count == 0 && emulator.readAnswers.hits == 0)
        }
    }

    @Test func onlyAnAnswerEndingInItsRequestIdIsKept() {
        let id = "0f8fad5b-d9cb-469f-a165-70867728950e"
        let body =
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<DescribeDBClustersResponse xmlns=\"x\">"
            + "<DescribeDBClustersResult><DBClusters/></DescribeDBClustersResult>"
            + "<ResponseMetadata><RequestId>\(id)</RequestId></ResponseMetadata></DescribeDBClustersResponse>\n"
        let entry = ReadAnswerCache.entry(
            cutting: EmulatorAnswer(status: 200, body: body), of: "DescribeDBClusters")
        #expect(entry?.answer(requestId: id) == EmulatorAnswer(status: 200, body: body))
        #expect(
            ReadAnswerCache.entry(cutting: EmulatorAnswer(status: 200, body: body), of: "DescribeDBInstances") == nil)
        let withoutId = body.replacingOccurrences(
            of: "<ResponseMetadata><RequestId>\(id)</RequestId></ResponseMetadata>", with: "")
        #expect(
            ReadAnswerCache.entry(cutting: EmulatorAnswer(status: 200, body: withoutId), of: "DescribeDBClusters")
                == nil)
        #expect(
            ReadAnswerCache.entry(cutting: EmulatorAnswer(status: 404, body: body), of: "DescribeDBClusters") == nil)
    }
}
