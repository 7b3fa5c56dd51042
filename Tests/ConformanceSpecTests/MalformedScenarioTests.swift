import ConformanceSpec
import Foundation
import Testing

/// Each kind of mistake in `scenarios.yaml` is reported with its key path and line, saying what was expected.
@Suite struct MalformedScenarioTests {
    /// A mistake in `scenarios.yaml`.
    static func mistake(name: String, find: String, replace: String, keyPath: String, message: String)
        -> SpecMistake
    {
        SpecMistake(
            name: name, file: "scenarios.yaml", find: find, replace: replace, keyPath: keyPath, message: message)
    }

    static let scenario = "scenarios.snapshot-outlives-its-cluster"

    static let mistakes: [SpecMistake] = [
        mistake(
            name: "unknown operation in a call", find: "- operation: CreateDBClusterSnapshot\n",
            replace: "- operation: CreateDBClusterSnapshots\n", keyPath: "\(scenario).calls[0].operation",
            message: "unknown operation 'CreateDBClusterSnapshots'; expected one of operations/ or helperOperations"
                + " (did you mean 'CreateDBClusterSnapshot'?)"),
        mistake(
            name: "parameter the operation does not have",
            find: "parameters: {DBClusterIdentifier: '{{c}}', SkipFinalSnapshot: 'true'}",
            replace: "parameters: {DBClusterIdentifier: '{{c}}', SkipFinalSnapshots: 'true'}",
            keyPath: "\(scenario).calls[1].parameters.SkipFinalSnapshots",
            message: "no parameter 'SkipFinalSnapshots' in DeleteDBCluster (did you mean 'SkipFinalSnapshot'?)"),
        mistake(
            name: "name nothing declares", find: "parameters: {DBClusterSnapshotIdentifier: '{{s}}'}\n    expect",
            replace: "parameters: {DBClusterSnapshotIdentifier: '{{t}}'}\n    expect",
            keyPath: "\(scenario).request.parameters.DBClusterSnapshotIdentifier",
            message: "'{{t}}' names no resource of this scenario's make or fresh"),
        mistake(
            name: "unknown error code", find: "    expect: success\n\n",
            replace: "    expect: {error: DBClusterSnapshotNotFound}\n\n", keyPath: "\(scenario).expect.error",
            message: "unknown error code 'DBClusterSnapshotNotFound'; errors.yaml does not define it"
                + " (did you mean 'DBClusterSnapshotNotFoundFault'?)"),
        mistake(
            name: "unknown resource kind", find: "      c: DBCluster\n", replace: "      c: DBClustr\n",
            keyPath: "\(scenario).make.c", message: "unknown resource kind 'DBClustr'"),
        mistake(
            name: "unknown region", find: "c: {kind: DBCluster, region: second}",
            replace: "c: {kind: DBCluster, region: third}",
            keyPath: "scenarios.snapshot-in-the-region-of-its-cluster.make.c.region",
            message: "unknown region 'third'; expected 'second' (the run's second region)"),
        mistake(
            name: "run-time member no kind offers",
            find: "parameters: {DBClusterSnapshotIdentifier: '{{s}}'}\n    expect",
            replace: "parameters: {DBClusterSnapshotIdentifier: '{{DBClusterArm:{{s}}}}'}\n    expect",
            keyPath: "\(scenario).request.parameters.DBClusterSnapshotIdentifier",
            message: "no kind's describe offers DBClusterArm at run time"),
        mistake(
            name: "run-time token left open",
            find: "parameters: {DBClusterSnapshotIdentifier: '{{s}}'}\n    expect",
            replace: "parameters: {DBClusterSnapshotIdentifier: '{{DBClusterArn:{{s}}'}\n    expect",
            keyPath: "\(scenario).request.parameters.DBClusterSnapshotIdentifier",
            message: "'{{DBClusterArn:{{s}}' is neither a run-time token"),
        mistake(
            name: "run-time member with a capital outside ASCII",
            find: "parameters: {DBClusterSnapshotIdentifier: '{{s}}'}\n    expect",
            replace: "parameters: {DBClusterSnapshotIdentifier: '{{ÄBClusterArn:{{s}}}}'}\n    expect",
            keyPath: "\(scenario).request.parameters.DBClusterSnapshotIdentifier",
            message: "'{{ÄBClusterArn:{{s}}}}' is neither a run-time token"),
        mistake(
            name: "derived value whose member no kind offers", find: "value: '{{EngineVersion:{{c}}}}'}",
            replace: "value: '{{EngineVersions:{{c}}}}'}",
            keyPath: "scenarios.instance-runs-its-clusters-engine-version.derived[0].value",
            message: "no kind's describe offers EngineVersions at run time"),
        mistake(
            name: "request under test not of operations/",
            find: "    request:\n      operation: DescribeDBClusterSnapshots",
            replace: "    request:\n      operation: DescribeDBSnapshots",
            keyPath: "\(scenario).request.operation",
            message:
                "unknown operation 'DescribeDBSnapshots'; the request under test must be an operation of operations/"
        ),
    ]

    @Test(arguments: mistakes)
    func mistakeIsReportedPrecisely(_ mistake: SpecMistake) throws {
        try mistake.isReportedPrecisely()
    }

    @Test func theSpecsScenariosLoadWithTheirNamesAndRegions() throws {
        let spec = try SpecLoader(directory: TestPaths.specs).load()
        let outlives = try #require(spec.scenarios.first { $0.name == "snapshot-outlives-its-cluster" })
        #expect(outlives.make.map(\.name) == ["c"])
        #expect(outlives.fresh.map(\.kind) == [.dbClusterSnapshot])
        #expect(outlives.calls.map(\.request.operation) == ["CreateDBClusterSnapshot", "DeleteDBCluster"])
        #expect(outlives.item.text == "DescribeDBClusterSnapshots#scenario-snapshot-outlives-its-cluster")
        let regional = try #require(spec.scenarios.first { $0.name == "snapshot-in-the-region-of-its-cluster" })
        #expect(regional.make.allSatisfy(\.inSecondRegion) && regional.request.inSecondRegion)
    }

    @Test(arguments: [
        ("{{DBClusterArn:{{c}}}}x", ["c"]), ("{{a1}}-{{b}}", ["a1", "b"]), ("{{Upper}}", []), ("no braces", []),
        ("{{catalogue:EngineVersion}}", []), ("{{c", []),
    ])
    func referencesAreTheLowerCaseNames(_ text: String, _ names: [String]) {
        #expect(Scenario.references(in: text) == names)
    }
}
