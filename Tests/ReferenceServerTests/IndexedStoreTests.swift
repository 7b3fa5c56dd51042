import ConformanceSpec
import ConformanceTestSupport
import Foundation
import ReferenceServer
import Testing

/// The emulator's indexed stores (issue #26) answer as a naive sort of the whole store would: pages and their
/// markers, look-ups by identifier and ARN after deletes and renames, instances leaving their clusters, read replicas
/// in creation order; and the event log stays bounded. Nothing here depends on the machine's speed.
@Suite struct IndexedStoreTests {
    static let spec = SubnetsTagsRolesTests.spec
    static let arnPrefix = "arn:aws:rds:us-east-1:123456789012:cluster:"

    static func form(_ action: String, _ pairs: [(String, String)]) -> String {
        SubnetsTagsRolesTests.form(action, pairs)
    }

    /// A seeded generator (SplitMix64), so a failure is the same on every run.
    struct Seeded: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var value = state
            value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
            value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
            return value ^ (value >> 31)
        }
    }

    /// An answer without its request id, which differs from one answer to the next.
    static func stable(_ body: String) -> String {
        body.replacingOccurrences(of: #"<RequestId>[^<]*</RequestId>"#, with: "", options: .regularExpression)
    }

    static func values(_ element: String, in body: String) -> [String] {
        let pattern = "<\(element)>([^<]*)</\(element)>"
        let expression = try! NSRegularExpression(pattern: pattern)
        return expression.matches(in: body, range: NSRange(body.startIndex..., in: body)).map {
            String(body[Range($0.range(at: 1), in: body)!])
        }
    }

    /// Walks DescribeDBClusters (or DescribeDBInstances) page by page: the store's own order (no filter) and the
    /// naive sort of the whole store (an `engine` filter every resource passes) must give the same bytes. Without
    /// `naive` (a describe that takes no filter) only the store's order is walked.
    static func walk(
        _ emulator: NeptuneEmulator, _ action: String, pageSize: Int, element: String, naive: Bool = true
    ) async -> (identifiers: [String], markers: [String]) {
        var identifiers: [String] = []
        var markers: [String] = []
        var marker: String?
        repeat {
            var pairs = [("MaxRecords", String(pageSize))]
            if let marker { pairs.append(("Marker", marker)) }
            let indexed = await emulator.handle(body: form(action, pairs))
            #expect(indexed.status == 200, "\(indexed.body.prefix(400))")
            if naive {
                let sorted = await emulator.handle(
                    body: form(
                        action,
                        pairs + [("Filters.Filter.1.Name", "engine"), ("Filters.Filter.1.Values.Value.1", "neptune")]))
                #expect(stable(indexed.body) == stable(sorted.body), "page after \(marker ?? "the start") differs")
            }
            identifiers += values(element, in: indexed.body)
            marker = values("Marker", in: indexed.body).first
            if let marker { markers.append(marker) }
        } while marker != nil && markers.count < 1_000
        return (identifiers, markers)
    }

    /// The pages a naive sort of `identifiers` gives: each page's last identifier names the next page's token.
    static func expectedMarkers(_ identifiers: [String], action: String, pageSize: Int) -> [String] {
        stride(from: pageSize, to: identifiers.count, by: pageSize).map {
            Data("\(action):\(identifiers[$0 - 1])".utf8).base64EncodedString()
        }
    }

    @Test func pagesAndLookUpsMatchANaiveSortAfterCreatesDeletesAndRenames() async throws {
        let emulator = NeptuneEmulator(spec: Self.spec)
        var generator = Seeded(state: 26)
        var live: Set<String> = []
        // Created in random order, with mixed case (stored lower-cased).
        for number in (0..<3_000).shuffled(using: &generator) {
            let name = "Scale-\(String(number * 7919 % 10_007, radix: 36))-\(number)"
            let created = await emulator.handle(
                body: Self.form("CreateDBCluster", [("DBClusterIdentifier", name), ("Engine", "neptune")]))
            #expect(created.status == 200, "\(created.body.prefix(300))")
            live.insert(name.lowercased())
        }
        let sorted = live.sorted()
        let deleted = Array(sorted.shuffled(using: &generator).prefix(400))
        for name in deleted {
            let answer = await emulator.handle(
                body: Self.form("DeleteDBCluster", [("DBClusterIdentifier", name), ("SkipFinalSnapshot", "true")]))
            #expect(answer.status == 200, "\(answer.body.prefix(300))")
            live.remove(name)
        }
        var renamed: [(old: String, new: String)] = []
        for (index, name) in live.sorted().shuffled(using: &generator).prefix(300).enumerated() {
            let new = "renamed-\(index)-\(name)"
            let answer = await emulator.handle(
                body: Self.form(
                    "ModifyDBCluster",
                    [("DBClusterIdentifier", name), ("NewDBClusterIdentifier", new), ("ApplyImmediately", "true")]))
            #expect(answer.status == 200, "\(answer.body.prefix(300))")
            live.remove(name)
            live.insert(new)
            renamed.append((name, new))
        }

        for pageSize in [20, 37, 100] {
            let (identifiers, markers) = await Self.walk(
                emulator, "DescribeDBClusters", pageSize: pageSize, element: "DBClusterIdentifier")
            #expect(identifiers == live.sorted(), "page size \(pageSize)")
            #expect(markers == Self.expectedMarkers(live.sorted(), action: "DescribeDBClusters", pageSize: pageSize))
        }

        // A token naming a cluster deleted since still starts the next page after it.
        let order = live.sorted()
        let token = Data("DescribeDBClusters:\(order[999])".utf8).base64EncodedString()
        _ = await emulator.handle(
            body: Self.form("DeleteDBCluster", [("DBClusterIdentifier", order[999]), ("SkipFinalSnapshot", "true")]))
        _ = await emulator.handle(body: Self.form("DescribeDBClusters", [("DBClusterIdentifier", order[0])]))
        live.remove(order[999])
        let after = await emulator.handle(
            body: Self.form("DescribeDBClusters", [("MaxRecords", "20"), ("Marker", token)]))
        #expect(Self.values("DBClusterIdentifier", in: after.body) == Array(order[1_000..<1_020]))

        // By identifier and by ARN: the new names are found, old and deleted ones are not.
        for (old, new) in renamed.prefix(50) {
            let found = await emulator.handle(body: Self.form("DescribeDBClusters", [("DBClusterIdentifier", new)]))
            #expect(Self.values("DBClusterIdentifier", in: found.body) == [new])
            let gone = await emulator.handle(body: Self.form("DescribeDBClusters", [("DBClusterIdentifier", old)]))
            #expect(gone.body.contains("DBClusterNotFoundFault"), "\(old) is still found")
            let tags = await emulator.handle(
                body: Self.form("ListTagsForResource", [("ResourceName", Self.arnPrefix + new)]))
            #expect(tags.status == 200, "\(tags.body.prefix(300))")
            let oldTags = await emulator.handle(
                body: Self.form("ListTagsForResource", [("ResourceName", Self.arnPrefix + old)]))
            #expect(oldTags.status == 404, "\(oldTags.body.prefix(300))")
        }
        for name in deleted.prefix(50) {
            let gone = await emulator.handle(body: Self.form("DescribeDBClusters", [("DBClusterIdentifier", name)]))
            #expect(gone.body.contains("DBClusterNotFoundFault"), "\(name) is still found")
        }
        // An ARN of every region (a global cluster's source): found by the stores' ARN index, a deleted one is not.
        let source = await emulator.handle(
            body: Self.form(
                "CreateGlobalCluster",
                [
                    ("GlobalClusterIdentifier", "scale-global"),
                    ("SourceDBClusterIdentifier", Self.arnPrefix + renamed[60].new),
                ]))
        #expect(source.status == 200, "\(source.body.prefix(300))")
        let missing = await emulator.handle(
            body: Self.form(
                "CreateGlobalCluster",
                [
                    ("GlobalClusterIdentifier", "scale-global-2"),
                    ("SourceDBClusterIdentifier", Self.arnPrefix + deleted[60]),
                ]))
        #expect(missing.body.contains("DBClusterNotFoundFault"), "\(missing.body.prefix(300))")
    }

    @Test func instancesPageInOrderLeaveTheirClustersAndReplicasListInCreationOrder() async throws {
        let emulator = NeptuneEmulator(spec: Self.spec)
        var generator = Seeded(state: 126)
        for cluster in 0..<40 {
            _ = await emulator.handle(
                body: Self.form("CreateDBCluster", [("DBClusterIdentifier", "host-\(cluster)"), ("Engine", "neptune")]))
        }
        var live: Set<String> = []
        for number in (0..<600).shuffled(using: &generator) {
            let id = "db-\(String(number * 104_729 % 1_009, radix: 36))-\(number)"
            let created = await emulator.handle(
                body: Self.form(
                    "CreateDBInstance",
                    [
                        ("DBInstanceIdentifier", id), ("DBInstanceClass", "db.r5.large"), ("Engine", "neptune"),
                        ("DBClusterIdentifier", "host-\(number % 40)"),
                    ]))
            #expect(created.status == 200, "\(created.body.prefix(300))")
            live.insert(id)
        }
        let removed = Array(live.sorted().shuffled(using: &generator).prefix(100))
        for id in removed {
            _ = await emulator.handle(
                body: Self.form("DeleteDBInstance", [("DBInstanceIdentifier", id), ("SkipFinalSnapshot", "true")]))
            live.remove(id)
        }
        let (identifiers, markers) = await Self.walk(
            emulator, "DescribeDBInstances", pageSize: 50, element: "DBInstanceIdentifier")
        #expect(identifiers == live.sorted())
        #expect(markers == Self.expectedMarkers(live.sorted(), action: "DescribeDBInstances", pageSize: 50))
        // A deleted instance has left its cluster's members.
        for cluster in 0..<40 {
            let answer = await emulator.handle(
                body: Self.form("DescribeDBClusters", [("DBClusterIdentifier", "host-\(cluster)")]))
            let members = Set(Self.values("DBInstanceIdentifier", in: answer.body))
            let expected = live.filter { Int($0.split(separator: "-").last!)! % 40 == cluster }
            #expect(members == expected, "host-\(cluster)")
        }

        // Read replicas, created in shuffled name order, list in creation order.
        var replicas: [String] = []
        for number in (0..<12).shuffled(using: &generator) {
            let id = "replica-\(number)"
            let created = await emulator.handle(
                body: Self.form(
                    "CreateDBCluster",
                    [("DBClusterIdentifier", id), ("Engine", "neptune"), ("ReplicationSourceIdentifier", "host-0")]))
            #expect(created.status == 200, "\(created.body.prefix(300))")
            replicas.append(Self.arnPrefix + id)
        }
        let source = await emulator.handle(body: Self.form("DescribeDBClusters", [("DBClusterIdentifier", "host-0")]))
        #expect(Self.values("ReadReplicaIdentifier", in: source.body) == replicas)
    }

    /// A kind of the resource engine (global clusters: creates, deletes and renames) pages from its store's order too:
    /// identifiers lower-cased and sorted, each token naming the last identifier sent, a renamed record at its new place.
    @Test func anEngineKindPagesInItsStoreOrderAfterCreatesDeletesAndRenames() async throws {
        let emulator = NeptuneEmulator(spec: Self.spec)
        var generator = Seeded(state: 28)
        var live: Set<String> = []
        for number in (0..<500).shuffled(using: &generator) {
            let name = "Global-\(String(number * 7919 % 1_009, radix: 36))-\(number)"
            let created = await emulator.handle(
                body: Self.form("CreateGlobalCluster", [("GlobalClusterIdentifier", name), ("Engine", "neptune")]))
            #expect(created.status == 200, "\(created.body.prefix(300))")
            live.insert(name.lowercased())
        }
        for name in live.sorted().shuffled(using: &generator).prefix(60) {
            let answer = await emulator.handle(
                body: Self.form("DeleteGlobalCluster", [("GlobalClusterIdentifier", name)]))
            #expect(answer.status == 200, "\(answer.body.prefix(300))")
            live.remove(name)
        }
        for (index, name) in live.sorted().shuffled(using: &generator).prefix(40).enumerated() {
            let new = "a-renamed-\(index)-\(name)"
            let answer = await emulator.handle(
                body: Self.form(
                    "ModifyGlobalCluster", [("GlobalClusterIdentifier", name), ("NewGlobalClusterIdentifier", new)]))
            #expect(answer.status == 200, "\(answer.body.prefix(300))")
            live.remove(name)
            live.insert(new)
        }
        // DescribeGlobalClusters takes no filter: no naive sort to compare with, only the order and the tokens.
        let (identifiers, markers) = await Self.walk(
            emulator, "DescribeGlobalClusters", pageSize: 30, element: "GlobalClusterIdentifier", naive: false)
        #expect(identifiers == live.sorted())
        #expect(markers == Self.expectedMarkers(live.sorted(), action: "DescribeGlobalClusters", pageSize: 30))
    }

    @Test func theEventLogStaysBounded() async throws {
        let emulator = NeptuneEmulator(spec: Self.spec)
        for number in 0..<3_000 {
            _ = await emulator.handle(
                body: Self.form("CreateDBCluster", [("DBClusterIdentifier", "event-\(number)"), ("Engine", "neptune")]))
        }
        var events = 0
        var marker: String?
        var pages = 0
        repeat {
            var pairs = [("MaxRecords", "100")]
            if let marker { pairs.append(("Marker", marker)) }
            let answer = await emulator.handle(body: Self.form("DescribeEvents", pairs))
            events += Self.values("SourceType", in: answer.body).count
            marker = Self.values("Marker", in: answer.body).first
            pages += 1
        } while marker != nil && pages < 100
        #expect(events >= 2_000 && events <= 2_500, "\(events) events kept of 3,000")
    }
}
