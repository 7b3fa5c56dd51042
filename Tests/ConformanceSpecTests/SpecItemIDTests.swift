import ConformanceSpec
import Testing

/// One id scheme: every id is built by `SpecItemID` and reads back into its parts.
@Suite struct SpecItemIDTests {
    @Test(
        arguments: [
            (
                SpecItemID.constraint("CreateDBCluster", "Port", "range"), "CreateDBCluster.Port#range",
                SpecItemID.Kind.constraint, "range", "Port"
            ),
            (
                .constraint("CreateDBCluster", "ServerlessV2ScalingConfiguration.MinCapacity", "step"),
                "CreateDBCluster.ServerlessV2ScalingConfiguration.MinCapacity#step", .constraint, "step",
                "ServerlessV2ScalingConfiguration.MinCapacity"
            ),
            (.rule("ModifyDBCluster", "disjoint"), "ModifyDBCluster#disjoint", .rule, "disjoint", nil),
            (
                .precondition("StopDBCluster", "state", "DBClusterIdentifier"),
                "StopDBCluster#state:DBClusterIdentifier", .precondition, "state", nil
            ),
            (
                .requestMember("CreateDBCluster", "Engine"), "CreateDBCluster.request.Engine", .requestMember, nil,
                "Engine"
            ),
            (
                .shapeMember("DBCluster", "Port", aspect: "type"), "shapes.DBCluster.Port#type", .shapeMember, "type",
                "DBCluster.Port"
            ),
            (
                .error("MissingParameter", "status"), "errors.MissingParameter#status", .error, "status",
                "MissingParameter"
            ),
            (
                .envelope("ResponseMetadata.RequestId"), "envelope.ResponseMetadata.RequestId", .envelope, nil,
                "ResponseMetadata.RequestId"
            ),
            (.service("xmlNamespace"), "service#xmlNamespace", .service, "xmlNamespace", nil),
        ] as [(SpecItemID, String, SpecItemID.Kind, String?, String?)])
    func buildsAndReads(_ id: SpecItemID, _ text: String, _ kind: SpecItemID.Kind, _ keyword: String?, _ path: String?)
    {
        #expect(id.text == text)
        #expect(SpecItemID(text) == id)
        #expect(id.kind == kind)
        #expect(id.keyword == keyword)
        #expect(id.path == path)
    }

    @Test func aPreconditionNamesItsParameter() {
        #expect(
            SpecItemID("FailoverDBCluster#readerOf:TargetDBInstanceIdentifier").parameter
                == "TargetDBInstanceIdentifier")
        #expect(SpecItemID("CreateDBCluster.Port#range").parameter == nil)
        #expect(SpecItemID("CreateDBCluster.Port#range").operation == "CreateDBCluster")
    }
}
