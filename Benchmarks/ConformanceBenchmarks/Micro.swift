import CaseGenerator
import ConformanceRunner
import ConformanceSpec
import Foundation
import QueryProtocol
import Transport
import XMLCompare

/// Throughput of parsing, golden comparison and shape checking on a DBCluster-sized answer, and of
/// case generation.
func microBenchmarks(spec: ServiceSpec, iterations: Int) throws {
    let operation = spec.operation(named: "DescribeDBClusters")!
    let namespace = spec.xmlNamespace

    func cluster(_ index: Int, zones: [String]) -> String {
        """
        <DBCluster><AllocatedStorage>1</AllocatedStorage><AvailabilityZones>\(zones.map { "<AvailabilityZone>\($0)</AvailabilityZone>" }.joined())</AvailabilityZones>
        <BackupRetentionPeriod>7</BackupRetentionPeriod><DBClusterIdentifier>cluster-\(index)</DBClusterIdentifier>
        <DBClusterParameterGroup>default.neptune1.3</DBClusterParameterGroup><DBSubnetGroup>default</DBSubnetGroup><Status>available</Status>
        <EarliestRestorableTime>2024-05-01T10:00:00.123Z</EarliestRestorableTime><Endpoint>cluster-\(index).cluster-abc.us-east-1.neptune.amazonaws.com</Endpoint>
        <ReaderEndpoint>cluster-\(index).cluster-ro-abc.us-east-1.neptune.amazonaws.com</ReaderEndpoint><MultiAZ>true</MultiAZ><Engine>neptune</Engine>
        <EngineVersion>1.3.2.0</EngineVersion><LatestRestorableTime>2024-05-01T10:00:00Z</LatestRestorableTime><Port>8182</Port>
        <DBClusterOptionGroupMemberships/><PreferredBackupWindow>03:00-03:30</PreferredBackupWindow>
        <PreferredMaintenanceWindow>mon:04:00-mon:04:30</PreferredMaintenanceWindow><ReadReplicaIdentifiers/>
        <DBClusterMembers><DBClusterMember><DBInstanceIdentifier>w-\(index)</DBInstanceIdentifier><IsClusterWriter>true</IsClusterWriter>
        <DBClusterParameterGroupStatus>in-sync</DBClusterParameterGroupStatus><PromotionTier>1</PromotionTier></DBClusterMember>
        <DBClusterMember><DBInstanceIdentifier>r-\(index)</DBInstanceIdentifier><IsClusterWriter>false</IsClusterWriter>
        <DBClusterParameterGroupStatus>in-sync</DBClusterParameterGroupStatus><PromotionTier>1</PromotionTier></DBClusterMember></DBClusterMembers>
        <VpcSecurityGroups><VpcSecurityGroupMembership><VpcSecurityGroupId>sg-1</VpcSecurityGroupId><Status>active</Status></VpcSecurityGroupMembership></VpcSecurityGroups>
        <HostedZoneId>Z2R2ITUGPM61AM</HostedZoneId><StorageEncrypted>true</StorageEncrypted><DbClusterResourceId>cluster-ABC\(index)</DbClusterResourceId>
        <DBClusterArn>arn:aws:rds:us-east-1:123456789012:cluster:cluster-\(index)</DBClusterArn><AssociatedRoles/>
        <IAMDatabaseAuthenticationEnabled>false</IAMDatabaseAuthenticationEnabled><ClusterCreateTime>2024-05-01T09:59:00.5Z</ClusterCreateTime>
        <CopyTagsToSnapshot>false</CopyTagsToSnapshot><EnabledCloudwatchLogsExports><member>audit</member></EnabledCloudwatchLogsExports>
        <DeletionProtection>false</DeletionProtection><CrossAccountClone>false</CrossAccountClone>
        <ServerlessV2ScalingConfiguration><MinCapacity>1.0</MinCapacity><MaxCapacity>2.5</MaxCapacity></ServerlessV2ScalingConfiguration></DBCluster>
        """
    }

    func answer(zones: [String], requestId: String) -> String {
        "<DescribeDBClustersResponse xmlns=\"\(namespace)\"><DescribeDBClustersResult><DBClusters>"
            + cluster(1, zones: zones)
            + "</DBClusters></DescribeDBClustersResult><ResponseMetadata><RequestId>\(requestId)</RequestId></ResponseMetadata></DescribeDBClustersResponse>"
    }

    let golden = try SafeXMLParser().parse(
        answer(zones: ["us-east-1a", "us-east-1b", "us-east-1c"], requestId: "{{string}}"))
    let actualText = answer(zones: ["us-east-1c", "us-east-1a", "us-east-1b"], requestId: UUID().uuidString)
    let actualBytes = Array(actualText.utf8)
    let comparison = GoldenComparison(mode: .strict, context: .successRoot(operation))
    let checker = ShapeChecker(spec: spec)
    let parser = SafeXMLParser()

    /// Seconds per call of `body`, after a warm-up.
    func timePerCall(_ body: () throws -> Void) rethrows -> Double {
        for _ in 0..<200 { try body() }
        let start = ContinuousClock.now
        for _ in 0..<iterations { try body() }
        return seconds(ContinuousClock.now - start) / Double(iterations)
    }

    func measure(_ label: String, _ body: () throws -> Void) rethrows {
        let perDocument = try timePerCall(body)
        let megabytes = Double(actualBytes.count) / perDocument / 1_048_576
        print(
            String(
                format: "%-34@ %9.0f docs/s  %7.1f MB/s  (%.2f µs/doc)", label as NSString, 1 / perDocument, megabytes,
                perDocument * 1e6))
    }

    print("answer size: \(actualBytes.count) bytes, iterations: \(iterations)")
    var sink = 0
    try measure("parse (libxml2 -> XMLTree)") { sink &+= try parser.parse(actualBytes).root.children.count }
    let actual = try parser.parse(actualBytes)
    measure("golden comparison") { sink &+= comparison.compare(golden: golden, actual: actual).count }
    measure("shape check") { sink &+= checker.checkSuccess(actual, operation: operation).count }
    try measure("parse + compare + shape check") {
        let tree = try parser.parse(actualBytes)
        sink &+=
            comparison.compare(golden: golden, actual: tree).count
            + checker.checkSuccess(tree, operation: operation).count
    }
    // The runner's per-request work before the network: form encoding and SigV4 signing.
    let client = QueryClient(spec: spec, endpoint: Endpoint(url: "http://127.0.0.1:9/"), transport: NetworkTransport())
    let describe = Request(
        operation: "DescribeDBClusters", parameters: [Parameter("DBClusterIdentifier", .scalar("bench-1"))])
    let perRequest = timePerCall { sink &+= client.prepare(describe).headers.count }
    print(
        String(
            format: "%-34@ %9.0f requests/s       (%.2f µs/request)", "encode + sign a request" as NSString,
            1 / perRequest, perRequest * 1e6))
    var generated = 0
    let generationRuns = 50
    let generationStart = ContinuousClock.now
    for seed in 0..<generationRuns { generated += CaseGenerator(spec: spec, seed: UInt64(seed)).generate().count }
    let generationElapsed = ContinuousClock.now - generationStart
    let generationMilliseconds =
        (Double(generationElapsed.components.seconds) * 1e3 + Double(generationElapsed.components.attoseconds) / 1e15)
        / Double(generationRuns)
    print(
        String(
            format: "case generation: %d cases in %.2f ms per suite (%.0f cases/s)", generated / generationRuns,
            generationMilliseconds,
            Double(generated) / (generationMilliseconds * Double(generationRuns) / 1e3)))
    if sink == 42 { print("") }
}
