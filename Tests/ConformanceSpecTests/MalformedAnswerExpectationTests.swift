import ConformanceSpec
import Foundation
import Testing

/// A mistake in an answer expectation (`presence`, `values`, `derive`, `evidence`, `vocabularies.yaml`) is a
/// precise error: file, line, key path, what was expected.
@Suite struct MalformedAnswerExpectationTests {
    static let mistakes: [SpecMistake] = [
        .init(
            name: "unknown vocabulary", file: "shapes.yaml",
            find: "Status: {type: string, presence: always, values: ClusterStatus,",
            replace: "Status: {type: string, presence: always, values: ClusterStatuss,",
            keyPath: "shapes.DBCluster.members.Status.values",
            message:
                "unknown vocabulary 'ClusterStatuss'; add it to vocabularies.yaml or use a known one (did you mean 'ClusterStatus'?)"
        ),
        .init(
            name: "values on a member that is not a string", file: "shapes.yaml",
            find: "Port: {type: integer}", replace: "Port: {type: integer, values: ClusterStatus}",
            keyPath: "shapes.DBCluster.members.Port.values",
            message: "'values' applies to string members only; this one is integer"),
        .init(
            name: "unknown presence", file: "shapes.yaml",
            find: "DBClusterIdentifier: {type: string, presence: always,",
            replace: "DBClusterIdentifier: {type: string, presence: sometimes,",
            keyPath: "shapes.DBCluster.members.DBClusterIdentifier.presence",
            message: "unknown presence 'sometimes'; expected always or whenSet (leave it out for optional)"),
        .init(
            name: "unclosed token in a template", file: "shapes.yaml",
            find: "derive: 'arn:aws:rds:{region}:{account}:cluster:{DBClusterIdentifier}'",
            replace: "derive: 'arn:aws:rds:{region:{account}:cluster:{DBClusterIdentifier}'",
            keyPath: "shapes.DBCluster.members.DBClusterArn.derive", message: "bad template"),
        .init(
            name: "unknown token in a template", file: "shapes.yaml",
            find: "derive: 'arn:aws:rds:{region}:{account}:cluster:{DBClusterIdentifier}'",
            replace: "derive: 'arn:aws:rds:{partition}:{account}:cluster:{DBClusterIdentifier}'",
            keyPath: "shapes.DBCluster.members.DBClusterArn.derive",
            message: "unknown token '{partition}'; expected {region}, {account}, {*} or {SiblingMember}"),
        .init(
            name: "template naming no sibling", file: "shapes.yaml",
            find: "derive: 'arn:aws:rds:{region}:{account}:cluster:{DBClusterIdentifier}'",
            replace: "derive: 'arn:aws:rds:{region}:{account}:cluster:{DBClusterName}'",
            keyPath: "shapes.DBCluster.members.DBClusterArn",
            message: "'derive' names {DBClusterName}, which is no member of this structure"),
        .init(
            name: "unknown evidence level", file: "shapes.yaml",
            find: "EngineVersion: {type: string, presence: always, evidence: {level: documented,",
            replace: "EngineVersion: {type: string, presence: always, evidence: {level: documentd,",
            keyPath: "shapes.DBCluster.members.EngineVersion.evidence.level",
            message:
                "unknown evidence level 'documentd'; expected documented, observed or inferred (did you mean 'documented'?)"
        ),
        .init(
            name: "always without evidence", file: "shapes.yaml",
            find: "MasterUsername: {type: string}", replace: "MasterUsername: {type: string, presence: always}",
            keyPath: "shapes.DBCluster.members.MasterUsername",
            message: "presence 'always' or 'derive' needs 'evidence'"),
        .init(
            name: "vocabulary without source", file: "vocabularies.yaml",
            find: "    source: 'botocore neptune model, enum ApplyMethod'\n", replace: "",
            keyPath: "vocabularies.ApplyMethod", message: "missing required key 'source'"),
        .init(
            name: "vocabulary with a bad evidence level", file: "vocabularies.yaml",
            find: "values: [immediate, pending-reboot]\n    evidence: documented",
            replace: "values: [immediate, pending-reboot]\n    evidence: guessed",
            keyPath: "vocabularies.ApplyMethod.evidence",
            message: "unknown evidence level 'guessed'; expected documented, observed or inferred"),
        .init(
            name: "unknown key in an output member", file: "operations/CreateDBClusterEndpoint.yaml",
            find: "CustomEndpointType: {type: string, presence: always,",
            replace: "CustomEndpointType: {type: string, presense: always,",
            keyPath: "output.CustomEndpointType.presense", message: "unknown key 'presense'"),
    ]

    @Test(arguments: mistakes)
    func mistakeIsReportedPrecisely(_ mistake: SpecMistake) throws {
        try mistake.isReportedPrecisely()
    }
}
