import ConformanceSpec
import Foundation
import XMLCompare

enum Fixtures {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// The project's copy of answers AWS published or sent (Facts/real-aws/SOURCES.md).
    static let realAWS = packageRoot.appendingPathComponent("Facts/real-aws")
    /// Their file names; an unreadable folder gives none, and `theRealAWSAnswersAreAllThere` fails.
    static let realAWSFiles: [String] =
        ((try? FileManager.default.contentsOfDirectory(atPath: realAWS.path)) ?? []).filter { $0.hasSuffix(".xml") }
        .sorted()
    /// The region of a real answer: the one its ARNs, hosts or zones name (`us-test` in the anonymised captures).
    static func realAWSRegion(of file: String) throws -> String {
        let text = try String(contentsOf: realAWS.appendingPathComponent(file), encoding: .utf8)
        for region in ["us-test", "us-west-2", "us-east-1"] where text.contains(region) { return region }
        return "us-east-1"
    }

    /// The files SOURCES.md lists as "captured (trimmed)".
    static func realAWSTrimmed() throws -> Set<String> {
        let sources = try String(contentsOf: realAWS.appendingPathComponent("SOURCES.md"), encoding: .utf8)
        var trimmed = Set<String>()
        for line in sources.split(separator: "\n") where line.contains("| captured (trimmed) |") {
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            if let file = cells.first { trimmed.insert(file) }
        }
        return trimmed
    }

    static let spec: ServiceSpec = try! SpecLoader(directory: packageRoot.appendingPathComponent("Specs")).load()
    static let namespace = "http://rds.amazonaws.com/doc/2014-10-31/"

    static func tree(_ text: String) -> XMLTree { try! SafeXMLParser().parse(text) }

    /// A full, conformant CreateDBCluster answer with every DBCluster member.
    static func fullCreateAnswer(
        identifier: String = "my-cluster", zones: [String] = ["us-east-1a", "us-east-1b", "us-east-1c"]
    ) -> String {
        """
        <CreateDBClusterResponse xmlns="\(namespace)">
          <CreateDBClusterResult>
            <DBCluster>
              <AllocatedStorage>1</AllocatedStorage>
              <AvailabilityZones>\(zones.map { "<AvailabilityZone>\($0)</AvailabilityZone>" }.joined())</AvailabilityZones>
              <BackupRetentionPeriod>1</BackupRetentionPeriod>
              <DBClusterIdentifier>\(identifier)</DBClusterIdentifier>
              <DBClusterParameterGroup>default.neptune1.3</DBClusterParameterGroup>
              <DBSubnetGroup>default</DBSubnetGroup>
              <Status>creating</Status>
              <EarliestRestorableTime>2024-05-01T10:00:00.123Z</EarliestRestorableTime>
              <Endpoint>\(identifier).cluster-abc.us-east-1.neptune.amazonaws.com</Endpoint>
              <ReaderEndpoint>\(identifier).cluster-ro-abc.us-east-1.neptune.amazonaws.com</ReaderEndpoint>
              <MultiAZ>false</MultiAZ>
              <Engine>neptune</Engine>
              <EngineVersion>1.3.2.0</EngineVersion>
              <LatestRestorableTime>2024-05-01T10:00:00Z</LatestRestorableTime>
              <Port>8182</Port>
              <DBClusterOptionGroupMemberships/>
              <PreferredBackupWindow>03:00-03:30</PreferredBackupWindow>
              <PreferredMaintenanceWindow>mon:04:00-mon:04:30</PreferredMaintenanceWindow>
              <ReadReplicaIdentifiers/>
              <DBClusterMembers>
                <DBClusterMember><DBInstanceIdentifier>w</DBInstanceIdentifier><IsClusterWriter>true</IsClusterWriter><DBClusterParameterGroupStatus>in-sync</DBClusterParameterGroupStatus><PromotionTier>1</PromotionTier></DBClusterMember>
                <DBClusterMember><DBInstanceIdentifier>r</DBInstanceIdentifier><IsClusterWriter>false</IsClusterWriter><DBClusterParameterGroupStatus>in-sync</DBClusterParameterGroupStatus><PromotionTier>1</PromotionTier></DBClusterMember>
              </DBClusterMembers>
              <VpcSecurityGroups><VpcSecurityGroupMembership><VpcSecurityGroupId>sg-1</VpcSecurityGroupId><Status>active</Status></VpcSecurityGroupMembership></VpcSecurityGroups>
              <HostedZoneId>Z2R2ITUGPM61AM</HostedZoneId>
              <StorageEncrypted>false</StorageEncrypted>
              <DbClusterResourceId>cluster-ABCDEFG</DbClusterResourceId>
              <DBClusterArn>arn:aws:rds:us-east-1:123456789012:cluster:\(identifier)</DBClusterArn>
              <AssociatedRoles/>
              <IAMDatabaseAuthenticationEnabled>false</IAMDatabaseAuthenticationEnabled>
              <ClusterCreateTime>2024-05-01T09:59:00.5Z</ClusterCreateTime>
              <CopyTagsToSnapshot>false</CopyTagsToSnapshot>
              <EnabledCloudwatchLogsExports><member>audit</member></EnabledCloudwatchLogsExports>
              <DeletionProtection>false</DeletionProtection>
              <CrossAccountClone>false</CrossAccountClone>
              <ServerlessV2ScalingConfiguration><MinCapacity>1.0</MinCapacity><MaxCapacity>2.5</MaxCapacity></ServerlessV2ScalingConfiguration>
            </DBCluster>
          </CreateDBClusterResult>
          <ResponseMetadata><RequestId>0c1e1a8e-8d07-4bd5-a9a7-6d2e7e0ffb39</RequestId></ResponseMetadata>
        </CreateDBClusterResponse>
        """
    }
}
