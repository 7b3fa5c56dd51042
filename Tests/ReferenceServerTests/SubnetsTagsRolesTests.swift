import ConformanceSpec
import ConformanceTestSupport
import Foundation
import ReferenceServer
import Testing

/// The subnet-group, tag and role behaviour of the reference server that generated cases cannot hold: tags given at
/// create time, tags per region, quotas, the `default` group and CreateDBCluster's check against the real store.
@Suite struct SubnetsTagsRolesTests {
    static let spec = try! SpecLoader(directory: SpecLocation.defaultDirectory()).load()

    static func form(_ action: String, _ pairs: [(String, String)]) -> String {
        (["Action=\(action)", "Version=2014-10-31"] + pairs.map { "\($0.0)=\(QueryEncodingForTests.encode($0.1))" })
            .joined(separator: "&")
    }

    static func subnets(_ ids: [String]) -> [(String, String)] {
        ids.enumerated().map { ("SubnetIds.SubnetIdentifier.\($0.offset + 1)", $0.element) }
    }

    static let twoZones = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]

    static func createGroup(_ name: String, subnets: [String] = twoZones, tags: [(String, String)] = []) -> String {
        var pairs = [("DBSubnetGroupName", name), ("DBSubnetGroupDescription", "d")] + Self.subnets(subnets)
        for (index, tag) in tags.enumerated() {
            pairs += [("Tags.Tag.\(index + 1).Key", tag.0), ("Tags.Tag.\(index + 1).Value", tag.1)]
        }
        return form("CreateDBSubnetGroup", pairs)
    }

    static let clusterARN = "arn:aws:rds:us-east-1:123456789012:cluster:tagged"

    @Test func tagsGivenAtCreateAreListedAndStayInTheirRegion() async throws {
        let emulator = NeptuneEmulator(spec: Self.spec)
        let created = await emulator.handle(
            body: Self.form(
                "CreateDBCluster",
                [
                    ("DBClusterIdentifier", "Tagged"), ("Engine", "neptune"), ("Tags.Tag.1.Key", "team"),
                    ("Tags.Tag.1.Value", "graph"),
                ]))
        #expect(created.status == 200, "\(created.body)")
        let listed = await emulator.handle(body: Self.form("ListTagsForResource", [("ResourceName", Self.clusterARN)]))
        #expect(listed.body.contains("<Tag><Key>team</Key><Value>graph</Value></Tag>"), "\(listed.body)")

        let added = await emulator.handle(
            body: Self.form(
                "AddTagsToResource",
                [("ResourceName", Self.clusterARN), ("Tags.Tag.1.Key", "team"), ("Tags.Tag.1.Value", "data")]))
        #expect(added.status == 200 && !added.body.contains("AddTagsToResourceResult"), "no result element")
        let replaced = await emulator.handle(
            body: Self.form("ListTagsForResource", [("ResourceName", Self.clusterARN)]))
        #expect(replaced.body.contains("<Value>data</Value>") && !replaced.body.contains("<Value>graph</Value>"))

        // The same ARN asked in another region names nothing there, and an ARN of another region names nothing here.
        let elsewhere = await emulator.handle(
            headers: RegionTests.signedIn("eu-west-1"),
            body: Self.form("ListTagsForResource", [("ResourceName", Self.clusterARN)]))
        #expect(elsewhere.status == 404 && elsewhere.body.contains("DBClusterNotFoundFault"), "\(elsewhere.body)")
        let otherRegionARN = Self.clusterARN.replacingOccurrences(of: "us-east-1", with: "eu-west-1")
        let foreign = await emulator.handle(body: Self.form("ListTagsForResource", [("ResourceName", otherRegionARN)]))
        #expect(foreign.status == 404, "\(foreign.body)")

        let removed = await emulator.handle(
            body: Self.form(
                "RemoveTagsFromResource", [("ResourceName", Self.clusterARN), ("TagKeys.member.1", "team")]))
        #expect(removed.status == 200)
        let empty = await emulator.handle(body: Self.form("ListTagsForResource", [("ResourceName", Self.clusterARN)]))
        #expect(empty.body.contains("<TagList/>"), "\(empty.body)")
    }

    @Test(arguments: [
        ("arn:aws:rds:us-east-1:123456789012:cluster/tagged", 400, "InvalidParameterValue"),
        ("arn:aws:rds:us-east-1:123456789012:cluster-endpoint:x", 400, "InvalidParameterValue"),
        ("arn:aws:rds:us-east-1:123456789012:db:nothing", 404, "DBInstanceNotFound"),
        ("arn:aws:rds:us-east-1:123456789012:cluster-snapshot:nothing", 404, "DBSnapshotNotFound"),
        ("arn:aws:rds:us-east-1:123456789012:subgrp:nothing", 404, "DBSubnetGroupNotFoundFault"),
        ("arn:aws:rds:us-east-1:123456789012:subgrp:default", 200, "ListTagsForResourceResult"),
    ])
    func anARNIsResolvedByTheKindsOfResourcesYAML(arn: String, status: Int, code: String) async throws {
        let emulator = NeptuneEmulator(spec: Self.spec)
        let answer = await emulator.handle(body: Self.form("ListTagsForResource", [("ResourceName", arn)]))
        #expect(answer.status == status && answer.body.contains(code), "\(answer.body)")
    }

    @Test func theFiftyFirstTagIsRefused() async throws {
        let emulator = NeptuneEmulator(spec: Self.spec)
        _ = await emulator.handle(body: Self.createGroup("many"))
        let arn = "arn:aws:rds:us-east-1:123456789012:subgrp:many"
        var pairs = [("ResourceName", arn)]
        for index in 1...50 { pairs += [("Tags.Tag.\(index).Key", "k\(index)"), ("Tags.Tag.\(index).Value", "v")] }
        let fifty = await emulator.handle(body: Self.form("AddTagsToResource", pairs))
        #expect(fifty.status == 200, "\(fifty.body)")
        let more = await emulator.handle(
            body: Self.form(
                "AddTagsToResource", [("ResourceName", arn), ("Tags.Tag.1.Key", "k51"), ("Tags.Tag.1.Value", "v")]))
        #expect(more.status == 400 && more.body.contains("InvalidParameterValue"), "\(more.body)")
    }

    @Test func subnetGroupsFollowTheDocumentedRules() async throws {
        let emulator = NeptuneEmulator(spec: Self.spec)
        let listed = await emulator.handle(
            body: Self.form("DescribeDBSubnetGroups", [("DBSubnetGroupName", "DEFAULT")]))
        #expect(listed.status == 200 && listed.body.contains("<DBSubnetGroupName>default</DBSubnetGroupName>"))
        let oneZone = await emulator.handle(
            body: Self.createGroup("one", subnets: ["subnet-0123456789abcdef0", "subnet-0123456789abcdef3"]))
        #expect(oneZone.body.contains("DBSubnetGroupDoesNotCoverEnoughAZs"), "…0 and …3 lie in one zone")
        let tooMany = await emulator.handle(
            body: Self.createGroup("big", subnets: (0..<21).map { String(format: "subnet-%08x", $0) }))
        #expect(tooMany.body.contains("DBSubnetQuotaExceededFault"), "\(tooMany.body)")
        let created = await emulator.handle(body: Self.createGroup("Mine"))
        #expect(created.body.contains("<DBSubnetGroupName>mine</DBSubnetGroupName>"))
        #expect(created.body.contains("<Name>us-east-1a</Name>") && created.body.contains("<Name>us-east-1b</Name>"))
        #expect(
            created.body.contains("<DBSubnetGroupArn>arn:aws:rds:us-east-1:123456789012:subgrp:mine</DBSubnetGroupArn>")
        )
    }

    @Test func clustersUseSubnetGroupsOfTheStore() async throws {
        let emulator = NeptuneEmulator(spec: Self.spec)
        func createCluster(_ id: String, group: String) async -> EmulatorAnswer {
            await emulator.handle(
                body: Self.form(
                    "CreateDBCluster",
                    [("DBClusterIdentifier", id), ("Engine", "neptune"), ("DBSubnetGroupName", group)]))
        }
        #expect(await createCluster("c1", group: "default").status == 200)
        let missing = await createCluster("c2", group: "defaultish")
        #expect(missing.status == 404 && missing.body.contains("DBSubnetGroupNotFoundFault"), "\(missing.body)")
        _ = await emulator.handle(body: Self.createGroup("used"))
        #expect(await createCluster("c3", group: "used").status == 200)
        let refused = await emulator.handle(body: Self.form("DeleteDBSubnetGroup", [("DBSubnetGroupName", "used")]))
        #expect(refused.body.contains("InvalidDBSubnetGroupStateFault") && refused.body.contains("c3"))
    }

    @Test func aClusterHoldsAtMostFiveRolesEachOnce() async throws {
        let emulator = NeptuneEmulator(spec: Self.spec)
        _ = await emulator.handle(
            body: Self.form("CreateDBCluster", [("DBClusterIdentifier", "roles"), ("Engine", "neptune")]))
        func add(_ index: Int) async -> EmulatorAnswer {
            await emulator.handle(
                body: Self.form(
                    "AddRoleToDBCluster",
                    [("DBClusterIdentifier", "roles"), ("RoleArn", "arn:aws:iam::123456789012:role/r\(index)")]))
        }
        for index in 1...5 { #expect(await add(index).status == 200) }
        #expect(await add(1).body.contains("DBClusterRoleAlreadyExists"))
        #expect(await add(6).body.contains("DBClusterRoleQuotaExceeded"))
        let described = await emulator.handle(
            body: Self.form("DescribeDBClusters", [("DBClusterIdentifier", "roles")]))
        #expect(
            described.body.contains(
                "<DBClusterRole><RoleArn>arn:aws:iam::123456789012:role/r5</RoleArn><Status>ACTIVE</Status></DBClusterRole>"
            ), "\(described.body)")
    }
}

/// Percent-encoding for hand-written form bodies.
enum QueryEncodingForTests {
    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~")))
            ?? text
    }
}
