import ConformanceSpec
import ConformanceTestSupport
import Foundation
import Testing

/// Each kind of mistake in a spec file yields its own precise error: file, line, key path, what was expected.
@Suite struct MalformedSpecTests {
    static let mistakes: [SpecMistake] = [
        SpecMistake(
            name: "unknown key", file: "operations/StopDBCluster.yaml",
            find: "DBClusterIdentifier: {type: string, required: true, lowercased: true}",
            replace: "DBClusterIdentifier: {type: string, requird: true, lowercased: true}",
            keyPath: "parameters.DBClusterIdentifier.requird",
            message:
                "unknown key 'requird'; expected one of: type, shape, member, memberName, unordered, members, required, default, lowercased, unsupported, origin, constraints, note, renames, constant, example, departsFromSources, presence, values, derive, evidence, setBy (did you mean 'required'?)"
        ),
        SpecMistake(
            name: "wrong type of value", file: "operations/CreateDBCluster.yaml",
            find: "{range: {min: 1, max: 35, error: InvalidParameterValue}}",
            replace: "{range: {min: one, max: 35, error: InvalidParameterValue}}",
            keyPath: "parameters.BackupRetentionPeriod.constraints[0].range.min",
            message: "expected a number, found 'one'"),
        SpecMistake(
            name: "unknown type", file: "operations/StopDBCluster.yaml",
            find: "DBClusterIdentifier: {type: string,", replace: "DBClusterIdentifier: {type: strnig,",
            keyPath: "parameters.DBClusterIdentifier.type",
            message:
                "unknown type 'strnig'; expected string, integer, double, boolean, timestamp, list or structure (did you mean 'string'?)"
        ),
        SpecMistake(
            name: "unknown constraint", file: "operations/CreateDBCluster.yaml",
            find: "{range: {min: 1, max: 35, error: InvalidParameterValue}}",
            replace: "{between: {min: 1, max: 35, error: InvalidParameterValue}}",
            keyPath: "parameters.BackupRetentionPeriod.constraints[0].between",
            message:
                "unknown key 'between'; expected one of: identifier, range, length, oneOf, notOneOf, pattern, forbiddenPrefixes, step, window"
        ),
        SpecMistake(
            name: "constraint that does not fit the type", file: "operations/CreateDBCluster.yaml",
            find: "{range: {min: 1, max: 35, error: InvalidParameterValue}}",
            replace: "{window: {format: daily, minMinutes: 30, error: InvalidParameterValue}}",
            keyPath: "parameters.BackupRetentionPeriod.constraints[0].window",
            message: "'window' applies to string members; this one is integer"),
        SpecMistake(
            name: "rule naming a parameter that does not exist", file: "operations/DeleteDBCluster.yaml",
            find: "exclusive: {parameters: [SkipFinalSnapshot, FinalDBSnapshotIdentifier]",
            replace: "exclusive: {parameters: [SkipFinalSnapshots, FinalDBSnapshotIdentifier]",
            keyPath: "rules[1].exclusive.parameters[0]",
            message: "no parameter 'SkipFinalSnapshots' in this operation (did you mean 'SkipFinalSnapshot'?)"),
        SpecMistake(
            name: "precondition naming a parameter that does not exist", file: "operations/StopDBCluster.yaml",
            find: "state: {parameter: DBClusterIdentifier,", replace: "state: {parameter: ClusterId,",
            keyPath: "preconditions[1].state.parameter", message: "no parameter 'ClusterId' in this operation"),
        SpecMistake(
            name: "readerOf naming a cluster parameter that does not exist", file: "operations/FailoverDBCluster.yaml",
            find: "cluster: DBClusterIdentifier,", replace: "cluster: DBClusterIdentifer,",
            keyPath: "preconditions[3].readerOf.cluster",
            message: "no parameter 'DBClusterIdentifer' in this operation (did you mean 'DBClusterIdentifier'?)"),
        SpecMistake(
            name: "renames naming a parameter that does not exist", file: "operations/ModifyDBCluster.yaml",
            find: "renames: DBClusterIdentifier", replace: "renames: DBClusterIdentifer",
            keyPath: "parameters.NewDBClusterIdentifier.renames",
            message:
                "'renames' must name another string parameter of this operation; found 'DBClusterIdentifer' (did you mean 'DBClusterIdentifier'?)"
        ),
        SpecMistake(
            name: "renames on a parameter that is not a string", file: "operations/ModifyDBCluster.yaml",
            find: "  ApplyImmediately: {type: boolean, default: 'false'}",
            replace: "  ApplyImmediately: {type: boolean, default: 'false', renames: DBClusterIdentifier}",
            keyPath: "parameters.ApplyImmediately.renames",
            message: "'renames' applies to string parameters only; ApplyImmediately is boolean"),
        SpecMistake(
            name: "restorableTime on a parameter that is not a timestamp",
            file: "operations/RestoreDBClusterToPointInTime.yaml",
            find: "restorableTime: {parameter: RestoreToTime,", replace: "restorableTime: {parameter: RestoreType,",
            keyPath: "preconditions[1].restorableTime.parameter",
            message: "'restorableTime' applies to a timestamp parameter"),
        SpecMistake(
            name: "unknown error code", file: "operations/CreateDBCluster.yaml",
            find: "{range: {min: 1, max: 35, error: InvalidParameterValue}}",
            replace: "{range: {min: 1, max: 35, error: InvalidParameterValu}}",
            keyPath: "parameters.BackupRetentionPeriod.constraints[0].range.error",
            message:
                "unknown error code 'InvalidParameterValu'; add it to errors.yaml or use a known one (did you mean 'InvalidParameterValue'?)"
        ),
        SpecMistake(
            name: "error the operation cannot return", file: "operations/StopDBCluster.yaml",
            find: "state: {parameter: DBClusterIdentifier, allowed: [available], error: InvalidDBClusterStateFault}",
            replace:
                "state: {parameter: DBClusterIdentifier, allowed: [available], error: DBClusterAlreadyExistsFault}",
            keyPath: "preconditions[1].state.error",
            message:
                "error code 'DBClusterAlreadyExistsFault' is not in this operation's 'errors' list and is not a common error"
        ),
        SpecMistake(
            name: "duplicate operation", file: "operations/StopDBCluster.yaml",
            find: "operation: StopDBCluster", replace: "operation: StartDBCluster",
            keyPath: "operation",
            message: "duplicate operation 'StartDBCluster', already defined in operations/StartDBCluster.yaml"),
        SpecMistake(
            name: "unknown shape", file: "operations/CreateDBCluster.yaml",
            find: "{shape: ServerlessV2ScalingConfiguration}", replace: "{shape: ServerlessScaling}",
            keyPath: "parameters.ServerlessV2ScalingConfiguration.shape", message: "unknown shape 'ServerlessScaling'"),
        SpecMistake(
            name: "min above max", file: "operations/DescribeDBClusters.yaml",
            find: "range: {min: 20, max: 100", replace: "range: {min: 200, max: 100",
            keyPath: "parameters.MaxRecords.constraints[0].range", message: "min 200.0 is above max 100.0"),
        SpecMistake(
            name: "composite paging key with a part that is no member",
            file: "operations/DescribeOrderableDBInstanceOptions.yaml",
            find: "key: EngineVersion+DBInstanceClass+StorageType", replace: "key: EngineVersion+InstanceClass",
            keyPath: "paging.key", message: "'InstanceClass' is not a member of the items of OrderableDBInstanceOptions"
        ),
        SpecMistake(
            name: "YAML syntax error", file: "operations/StopDBCluster.yaml",
            find: "parameters:", replace: "parameters: [", keyPath: "", message: "not valid YAML"),
        SpecMistake(
            name: "duplicate key", file: "operations/StopDBCluster.yaml",
            find: "result: StopDBClusterResult", replace: "result: StopDBClusterResult\nresult: Again",
            keyPath: "", message: "duplicate key(s) result in one mapping"),
        SpecMistake(
            name: "missing required key", file: "operations/StopDBCluster.yaml",
            find: "result: StopDBClusterResult\n", replace: "", keyPath: "output",
            message: "an operation with output members needs 'result' (its result wrapper)"),
        SpecMistake(
            name: "bad error status", file: "errors.yaml",
            find: "DBClusterNotFoundFault: {status: 404,", replace: "DBClusterNotFoundFault: {status: 200,",
            keyPath: "errors.DBClusterNotFoundFault.status",
            message: "expected an HTTP error status 400...599, found 200"),
        SpecMistake(
            name: "list without member name", file: "shapes.yaml",
            find:
                "AvailabilityZones: {type: list, member: {type: string}, memberName: AvailabilityZone, unordered: true}",
            replace: "AvailabilityZones: {type: list, member: {type: string}, unordered: true}",
            keyPath: "shapes.DBCluster.members.AvailabilityZones",
            message: "a list needs 'memberName' (the element name of its items, e.g. AvailabilityZone or member)"),
        SpecMistake(
            name: "setBy naming the member itself", file: "shapes.yaml",
            find: "DBSubnetGroup: {type: string, setBy: DBSubnetGroupName}",
            replace: "DBSubnetGroup: {type: string, setBy: DBSubnetGroup}",
            keyPath: "shapes.DBCluster.members.DBSubnetGroup.setBy",
            message: "'setBy' names the request parameter that sets this member under another name"),
        SpecMistake(
            name: "filter with a vocabulary and no error", file: "operations/DescribeDBClusterEndpoints.yaml",
            find:
                "{matches: [CustomEndpointType], values: [reader, any], error: InvalidParameterValue, inferred: true}",
            replace: "{matches: [CustomEndpointType], values: [reader, any]}",
            keyPath: "filters.db-cluster-endpoint-custom-type.values",
            message: "'values' needs at least one value and an 'error' that refuses the others"),
        SpecMistake(
            name: "filter error without a vocabulary", file: "operations/DescribeDBClusterEndpoints.yaml",
            find: "db-cluster-endpoint-id: {matches: [DBClusterEndpointIdentifier]}",
            replace: "db-cluster-endpoint-id: {matches: [DBClusterEndpointIdentifier], error: InvalidParameterValue}",
            keyPath: "filters.db-cluster-endpoint-id.error",
            message: "'error' refuses values outside 'values', which this filter does not have"),
        SpecMistake(
            name: "filter naming an unknown kind", file: "operations/DescribeDBInstances.yaml",
            find: "db-cluster-id: {matches: [DBClusterIdentifier], names: DBCluster}",
            replace: "db-cluster-id: {matches: [DBClusterIdentifier], names: DBClustre}",
            keyPath: "filters.db-cluster-id.names",
            message: "unknown resource 'DBClustre': 'names' is the kind whose identifiers or ARNs the values are"),
        // resources.yaml: the lifecycles the runner and the generator read.
        SpecMistake(
            name: "resources: an action that adds and removes", file: "resources.yaml",
            find: "        adds: {parameter: SourceIdentifier, member: SourceIdsList}\n",
            replace:
                "        adds: {parameter: SourceIdentifier, member: SourceIdsList}\n        removes: {parameter: SourceIdentifier, member: SourceIdsList}\n",
            keyPath: "resources.EventSubscription.actions[0].adds",
            message: "an action either 'adds' or 'removes', not both"),
        SpecMistake(
            name: "resources: a reset naming no parameter of its operation", file: "resources.yaml",
            find: "identifier: DBParameterGroupName, resets: Parameters}",
            replace: "identifier: DBParameterGroupName, resets: Parametres}",
            keyPath: "resources.DBParameterGroup.actions[0].resets",
            message: "no parameter 'Parametres' in ResetDBParameterGroup (did you mean 'Parameters'?)"),
        SpecMistake(
            name: "resources: transitions of a kind without a status", file: "resources.yaml",
            find: "  DBClusterParameterGroup:\n    nameTag: p\n",
            replace: "  DBClusterParameterGroup:\n    nameTag: p\n    transitions: {create: creating}\n",
            keyPath: "resources.DBClusterParameterGroup.transitions",
            message: "'transitions' needs the describe's 'status' (the member the states show in)"),
        SpecMistake(
            name: "resources: a transition for an operation that does not create the kind", file: "resources.yaml",
            find: "transitions: {create: creating, CopyDBClusterSnapshot: copying}",
            replace: "transitions: {create: creating, CopyDBClusterParameterGroup: copying}",
            keyPath: "resources.DBClusterSnapshot.transitions.CopyDBClusterParameterGroup",
            message:
                "unknown key 'CopyDBClusterParameterGroup'; expected one of: create, modify, delete, CreateDBClusterSnapshot, CopyDBClusterSnapshot"
        ),
        SpecMistake(
            name: "resources: an action's state on the way without the state it reaches", file: "resources.yaml",
            find: "{operation: StopDBCluster, identifier: DBClusterIdentifier, reaches: stopped, during: stopping}",
            replace: "{operation: StopDBCluster, identifier: DBClusterIdentifier, during: stopping}",
            keyPath: "resources.DBCluster.actions[1].during",
            message: "'during' names the state on the way to 'reaches', which this action does not have"),
        SpecMistake(
            name: "resources: unknown key", file: "resources.yaml",
            find: "    nameTag: c\n", replace: "    nametag: c\n",
            keyPath: "resources.DBCluster.nametag",
            message:
                "unknown key 'nametag'; expected one of: memberOf, nameTag, create, describe, modify, delete, actions, deletionProtection, setup, references, arn, serviceDefault, usedBy, sharesStates, regional, transitions, note (did you mean 'nameTag'?)"
        ),
        SpecMistake(
            name: "resources: unknown resource kind", file: "resources.yaml",
            find: "  DBClusterSnapshot:\n", replace: "  DBClusterSnapshots:\n",
            keyPath: "resources.DBClusterSnapshots",
            message:
                "unknown resource kind 'DBClusterSnapshots'; expected one of DBCluster, DBClusterSnapshot, DBClusterParameterGroup, DBParameterGroup, DBSubnetGroup, GlobalCluster, DBInstance, DBClusterEndpoint, EventSubscription, Subnet or a structure of shapes.yaml (did you mean 'DBClusterSnapshot'?)"
        ),
        SpecMistake(
            name: "resources: unknown operation", file: "resources.yaml",
            find: "{operation: StopDBCluster, identifier: DBClusterIdentifier, reaches: stopped, during: stopping}",
            replace: "{operation: StopDBClustr, identifier: DBClusterIdentifier, reaches: stopped, during: stopping}",
            keyPath: "resources.DBCluster.actions[1].operation",
            message:
                "unknown operation 'StopDBClustr'; expected one of operations/ or helperOperations (did you mean 'StopDBCluster'?)"
        ),
        SpecMistake(
            name: "resources: parameter the operation does not have", file: "resources.yaml",
            find: "      operation: ModifyDBCluster\n      identifier: DBClusterIdentifier\n",
            replace: "      operation: ModifyDBCluster\n      identifier: DBClusterIdentifer\n",
            keyPath: "resources.DBCluster.modify.identifier",
            message: "no parameter 'DBClusterIdentifer' in ModifyDBCluster (did you mean 'DBClusterIdentifier'?)"),
        SpecMistake(
            name: "resources: unknown not-found code", file: "resources.yaml",
            find:
                "notFound: DBClusterNotFoundFault                                       # [model] DescribeDBClusters errors",
            replace: "notFound: DBClusterNotFoundFaul",
            keyPath: "resources.DBCluster.describe.notFound",
            message:
                "unknown error code 'DBClusterNotFoundFaul'; add it to errors.yaml (did you mean 'DBClusterNotFoundFault'?)"
        ),
        SpecMistake(
            name: "resources: placeholder naming no kind", file: "resources.yaml",
            find: "{DBClusterIdentifier: '{{DBCluster}}', DBInstanceClass",
            replace: "{DBClusterIdentifier: '{{DBClustr}}', DBInstanceClass",
            keyPath: "resources.DBInstance.setup.create.parameters.DBClusterIdentifier",
            message:
                "'{{DBClustr}}' names no resource kind of this file; expected one of {{EventSubscription}}, {{DBInstance}}, {{DBClusterEndpoint}}, {{DBCluster}}, {{GlobalCluster}}, {{DBClusterSnapshot}}, {{DBSubnetGroup}}, {{DBClusterParameterGroup}}, {{DBParameterGroup}} (did you mean '{{DBCluster}}'?)"
        ),
        SpecMistake(
            name: "resources: step on an operation that does not act on the kind", file: "resources.yaml",
            find: "      off:\n        operation: ModifyDBCluster",
            replace: "      off:\n        operation: DeleteDBInstance",
            keyPath: "resources.DBCluster.deletionProtection.off.operation",
            message:
                "'DeleteDBInstance' is not one of this kind's operations here; expected one of DescribeDBClusters, ModifyDBCluster, DeleteDBCluster, StartDBCluster, StopDBCluster, FailoverDBCluster, PromoteReadReplicaDBCluster, AddRoleToDBCluster, RemoveRoleFromDBCluster"
        ),
        SpecMistake(
            name: "resources: missing status member", file: "resources.yaml",
            find:
                "      status: Status                                                         # [model] DBCluster.Status\n",
            replace: "",
            keyPath: "resources.DBCluster.describe", message: "missing required key 'status'"),
        SpecMistake(
            name: "resources: side effect of an unknown kind", file: "resources.yaml",
            find: "{parameter: FinalDBSnapshotIdentifier, resource: DBClusterSnapshot}",
            replace: "{parameter: FinalDBSnapshotIdentifier, resource: DBSnapshot}",
            keyPath: "resources.DBCluster.delete.creates[0].resource",
            message:
                "'DBSnapshot' is not a resource kind of this file; expected one of EventSubscription, DBInstance, DBClusterEndpoint, DBCluster, GlobalCluster, DBClusterSnapshot"
        ),
        SpecMistake(
            name: "resources: probe that needs parameters", file: "resources.yaml",
            find: "probe: DescribeDBClusters", replace: "probe: StopDBCluster",
            keyPath: "probe", message: "the probe must need no parameter; StopDBCluster has required parameters"),
        SpecMistake(
            name: "resources: helper that has an operation file", file: "resources.yaml",
            find: "helperOperations: []\n", replace: "helperOperations:\n  - StopDBCluster\n",
            keyPath: "helperOperations[0]",
            message: "'StopDBCluster' has a file in operations/; list only operations that do not"),
    ]

    @Test(arguments: mistakes)
    func mistakeIsReportedPrecisely(_ mistake: SpecMistake) throws {
        try mistake.isReportedPrecisely()
    }

    @Test func invalidRegexNamesThePattern() throws {
        let copy = try SpecsCopy(of: TestPaths.specs)
        defer { copy.remove() }
        try copy.replace(
            "regex: '[A-Za-z][0-9A-Za-z-:._]*'", with: "regex: '[A-Za-z'", in: "operations/CreateDBCluster.yaml")
        #expect {
            _ = try SpecLoader(directory: copy.directory).load()
        } throws: { error in
            let failure = error as! SpecLoadFailure
            return failure.errors.map(\.description) == [
                "operations/CreateDBCluster.yaml:71:27: parameters.GlobalClusterIdentifier.constraints[1].pattern.regex: not a valid regular expression: [A-Za-z"
            ]
        }
    }

    @Test func problemsInSeveralFilesAreAllReported() throws {
        let copy = try SpecsCopy(of: TestPaths.specs)
        defer { copy.remove() }
        for name in ["StartDBCluster", "StopDBCluster"] {
            try copy.replace("type: string", with: "type: text", in: "operations/\(name).yaml")
        }
        #expect {
            _ = try SpecLoader(directory: copy.directory).load()
        } throws: { error in
            (error as! SpecLoadFailure).errors.map(\.file) == [
                "operations/StartDBCluster.yaml", "operations/StopDBCluster.yaml",
            ]
        }
    }

    @Test func missingDirectoryAndEmptyFileAreClearErrors() throws {
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent(
            "no-such-specs-\(UUID().uuidString)")
        #expect {
            _ = try SpecLoader(directory: missing).load()
        } throws: { error in
            (error as! SpecLoadFailure).description.contains("service.yaml: file is missing")
        }
        let copy = try SpecsCopy(of: TestPaths.specs)
        defer { copy.remove() }
        try copy.write("", to: "operations/StopDBCluster.yaml")
        #expect {
            _ = try SpecLoader(directory: copy.directory).load()
        } throws: { error in
            (error as! SpecLoadFailure).errors.map(\.description) == [
                "operations/StopDBCluster.yaml: the file is empty; expected a YAML mapping"
            ]
        }
    }
}
