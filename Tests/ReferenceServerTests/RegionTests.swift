import ConformanceSpec
import ConformanceTestSupport
import Foundation
import ReferenceServer
import Testing

/// `serve` is regional as Neptune is: each request's SigV4 scope picks its region's store, and the
/// answers carry that region in ARNs, endpoints and Availability Zones. With signature verification
/// on, the server is one endpoint in one region, and the scope must name it.
@Suite struct RegionTests {
    static func signedIn(_ region: String) -> [(String, String)] {
        [
            (
                "Authorization",
                "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261129/\(region)/rds/aws4_request, SignedHeaders=host, Signature=00"
            )
        ]
    }

    static let create = "Action=CreateDBCluster&Version=2014-10-31&DBClusterIdentifier=regional&Engine=neptune"
    static let describe = "Action=DescribeDBClusters&Version=2014-10-31&DBClusterIdentifier=regional"

    @Test func eachRegionHasItsOwnStoreAndNamesItselfInAnswers() async throws {
        let spec = try SpecLoader(directory: SpecLocation.defaultDirectory()).load()
        let emulator = NeptuneEmulator(spec: spec)
        let created = await emulator.handle(headers: Self.signedIn("us-east-2"), body: Self.create)
        #expect(created.status == 200, "\(created.body)")
        for zone in ["us-east-2a", "us-east-2b", "us-east-2c"] {
            #expect(created.body.contains("<AvailabilityZone>\(zone)</AvailabilityZone>"))
        }
        #expect(
            created.body.contains("arn:aws:rds:us-east-2:") && created.body.contains(".us-east-2.neptune.amazonaws.com")
        )
        #expect(!created.body.contains("us-east-1"))

        let elsewhere = await emulator.handle(headers: Self.signedIn("eu-west-1"), body: Self.describe)
        #expect(
            elsewhere.status == 404 && elsewhere.body.contains("DBClusterNotFoundFault"),
            "another region does not see it")
        let unsigned = await emulator.handle(body: Self.describe)
        #expect(unsigned.status == 404, "an unsigned request is in the default region, us-east-1")
        let same = await emulator.handle(headers: Self.signedIn("us-east-2"), body: Self.describe)
        #expect(same.status == 200 && same.body.contains("<DBClusterIdentifier>regional</DBClusterIdentifier>"))
        // The same name may exist once per region.
        let again = await emulator.handle(headers: Self.signedIn("eu-west-1"), body: Self.create)
        #expect(again.status == 200 && again.body.contains("arn:aws:rds:eu-west-1:"))
    }

    @Test func theDefaultRegionIsConfigurable() async throws {
        let spec = try SpecLoader(directory: SpecLocation.defaultDirectory()).load()
        let emulator = NeptuneEmulator(spec: spec, configuration: .init(region: "ap-south-1"))
        let created = await emulator.handle(body: Self.create)
        #expect(
            created.body.contains("<AvailabilityZone>ap-south-1a</AvailabilityZone>")
                && created.body.contains("arn:aws:rds:ap-south-1:"))
    }

    /// botocore, as an SDK user's code would: a client for us-east-2 pointed at `serve` gets us-east-2 back.
    @Test(.enabled(if: ExternalTool.botocore.runsHere, Comment(rawValue: ExternalTool.botocore.skipReason)))
    func anSDKClientForAnotherRegionGetsThatRegion() async throws {
        let python = try ExternalTool.botocore.require()
        let server = try await ServeProcess.start()
        defer { server.stop() }
        let script = """
            import botocore.session, sys
            session = botocore.session.get_session()
            def client(region):
                return session.create_client("neptune", region_name=region, endpoint_url=sys.argv[1],
                                             aws_access_key_id="AKIDEXAMPLE", aws_secret_access_key="secret")
            ohio = client("us-east-2")
            cluster = ohio.create_db_cluster(DBClusterIdentifier="sdk-regional", Engine="neptune")["DBCluster"]
            print("zones", ",".join(cluster["AvailabilityZones"]))
            print("arn", cluster["DBClusterArn"])
            print("ohio", len(ohio.describe_db_clusters()["DBClusters"]))
            print("oregon", len(client("us-west-2").describe_db_clusters()["DBClusters"]))
            """
        let result = try await ProcessResult.run(URL(fileURLWithPath: python), ["-c", script, server.url])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("zones us-east-2a,us-east-2b,us-east-2c"), "\(result.stdout)")
        #expect(result.stdout.contains("arn arn:aws:rds:us-east-2:"))
        #expect(result.stdout.contains("ohio 1") && result.stdout.contains("oregon 0"))
    }
}
