import ConformanceSpec
import Foundation
import Testing

/// A mistake in `events.yaml` is a precise error: file, line, key path, what was expected. The catalogue the
/// reference server's event log records from is checked against the operations and the `SourceType` vocabulary.
@Suite struct MalformedEventCatalogueTests {
    static let mistakes: [SpecMistake] = [
        .init(
            name: "unknown operation", file: "events.yaml", find: "  StopDBCluster:\n", replace: "  StopDBClusters:\n",
            keyPath: "emissions.StopDBClusters",
            message: "unknown operation 'StopDBClusters'; an emission belongs to an operation of operations/"),
        .init(
            name: "parameter the operation does not take", file: "events.yaml",
            find: "  RebootDBInstance:\n    sourceType: db-instance\n    parameter: DBInstanceIdentifier",
            replace: "  RebootDBInstance:\n    sourceType: db-instance\n    parameter: DBClusterIdentifier",
            keyPath: "emissions.RebootDBInstance.parameter",
            message: "RebootDBInstance has no request parameter 'DBClusterIdentifier'"),
        .init(
            name: "source type outside the vocabulary", file: "events.yaml",
            find: "  RebootDBInstance:\n    sourceType: db-instance",
            replace: "  RebootDBInstance:\n    sourceType: instance",
            keyPath: "emissions.RebootDBInstance.sourceType",
            message:
                "'instance' is not a SourceType of vocabularies.yaml (db-instance, db-parameter-group, db-security-group, db-snapshot, db-cluster, db-cluster-snapshot)"
        ),
        .init(
            name: "no categories", file: "events.yaml", find: "    categories: [availability]\n",
            replace: "    categories: []\n", keyPath: "emissions.RebootDBInstance.categories",
            message: "an emission needs at least one category"),
        .init(
            name: "no source", file: "events.yaml",
            find: "    source: '[guide] event-lists: RDS-EVENT-0006, DB instance restarted'\n", replace: "",
            keyPath: "emissions.RebootDBInstance", message: "missing required key 'source'"),
        .init(
            name: "a horizon of no days", file: "events.yaml", find: "horizonDays: 14", replace: "horizonDays: 0",
            keyPath: "horizonDays", message: "expected a whole number above 0"),
    ]

    @Test(arguments: mistakes)
    func mistakeIsReportedPrecisely(_ mistake: SpecMistake) throws {
        try mistake.isReportedPrecisely()
    }

    @Test func theCatalogueIsRead() throws {
        let spec = try SpecLoader(directory: TestPaths.specs).load()
        #expect(spec.events.emissions.count == 15)
        #expect(spec.events.horizonDays == 14 && spec.events.defaultDurationMinutes == 60)
        let created = try #require(spec.events.emissions["CreateDBCluster"])
        #expect(created.sourceType == "db-cluster" && created.categories == ["creation"])
        #expect(created.evidence.level == .documented)
        #expect(spec.events.emissions["RestoreDBClusterFromSnapshot"]?.evidence.level == .inferred)
    }
}
