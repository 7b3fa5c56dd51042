import ConformanceSpec
import Foundation
import Testing

/// The "model quirks" of NEPTUNE-FACTS-2 §3.12: where botocore's model does something an emulator (or a spec
/// written from habit) would get wrong. Each quirk is a check on `Specs/` that fails if the spec follows habit
/// instead of the model; a quirk whose operations or shapes are not yet in `Specs/` is pending and says which.
/// The generator and the emulator read the same spec, so the cases and `serve` follow what these checks hold.
@Suite struct ModelQuirksTests {
    enum Outcome: Equatable {
        case holds
        case broken([String])
        case pending(String)
    }

    struct Quirk: Sendable, CustomTestStringConvertible {
        let number: Int
        let summary: String
        let check: @Sendable (ServiceSpec) -> Outcome
        var testDescription: String { "quirk \(number): \(summary)" }
    }

    static let spec = try! SpecLoader(directory: TestPaths.specs).load()

    /// `.holds` when `problems` is empty, else `.broken`; `.pending` when an operation or shape it needs is absent.
    static func checking(
        _ spec: ServiceSpec, operations: [String] = [], shapes: [String] = [], errors: [String] = [],
        _ problems: () -> [String]
    ) -> Outcome {
        let missing =
            operations.filter { spec.operation(named: $0) == nil } + shapes.filter { spec.shapes[$0] == nil }
            + errors.filter { spec.errors[$0] == nil }
        guard missing.isEmpty else { return .pending("not in Specs/ yet: \(missing.joined(separator: ", "))") }
        let found = problems()
        return found.isEmpty ? .holds : .broken(found)
    }

    static func listName(_ spec: ServiceSpec, _ operation: String, _ member: String) -> String? {
        if case .list(let list)? = spec.operation(named: operation)?.output.member(named: member)?.type {
            return list.memberName
        }
        return nil
    }

    static func memberType(_ spec: ServiceSpec, _ shape: String, _ member: String) -> String? {
        spec.shapes[shape]?.member(named: member)?.type.name
    }

    static func oneOf(_ spec: ServiceSpec, _ operation: String, _ parameter: String) -> [String]? {
        spec.operation(named: operation)?.parameters.member(named: parameter)?.constraints.lazy.compactMap {
            if case .oneOf(let values) = $0.kind { values } else { nil }
        }.first
    }

    static let quirks: [Quirk] = [
        Quirk(number: 1, summary: "cluster parameter group operations answer with DB parameter group codes") { spec in
            let notFound = [
                "CopyDBClusterParameterGroup", "DeleteDBClusterParameterGroup", "DescribeDBClusterParameterGroups",
                "DescribeDBClusterParameters", "ModifyDBClusterParameterGroup", "ResetDBClusterParameterGroup",
            ]
            let exists = ["CreateDBClusterParameterGroup", "CopyDBClusterParameterGroup"]
            let clusterCode = ["ModifyDBCluster", "CreateDBCluster", "RestoreDBClusterFromSnapshot"]
            return checking(spec, operations: notFound + exists + clusterCode) {
                var problems: [String] = []
                for name in notFound {
                    let errors = spec.operation(named: name)!.errors
                    if !errors.contains("DBParameterGroupNotFound")
                        || errors.contains("DBClusterParameterGroupNotFound")
                    {
                        problems.append("\(name) errors \(errors): DBParameterGroupNotFound, not the cluster code")
                    }
                }
                for name in exists where !spec.operation(named: name)!.errors.contains("DBParameterGroupAlreadyExists")
                {
                    problems.append("\(name) must answer DBParameterGroupAlreadyExists")
                }
                for name in clusterCode
                where !spec.operation(named: name)!.errors.contains("DBClusterParameterGroupNotFound") {
                    problems.append("\(name) must answer DBClusterParameterGroupNotFound")
                }
                return problems
            }
        },
        Quirk(number: 2, summary: "DBClusterEndpointNotFoundFault is HTTP 400, its quota fault 403") { spec in
            checking(spec, errors: ["DBClusterEndpointNotFoundFault", "DBClusterEndpointQuotaExceededFault"]) {
                [("DBClusterEndpointNotFoundFault", 400), ("DBClusterEndpointQuotaExceededFault", 403)].compactMap {
                    spec.errors[$0.0]!.httpStatus == $0.1 ? nil : "\($0.0) is HTTP \(spec.errors[$0.0]!.httpStatus)"
                }
            }
        },
        Quirk(number: 3, summary: "list elements GlobalClusterMember and DBClusterEndpointList") { spec in
            // Each list specified is checked at once; the quirk holds when both are, and is pending while one is not.
            let lists = [
                ("DescribeGlobalClusters", "GlobalClusters", "GlobalClusterMember"),
                ("DescribeDBClusterEndpoints", "DBClusterEndpoints", "DBClusterEndpointList"),
            ]
            let problems = lists.filter { spec.operation(named: $0.0) != nil }.compactMap {
                operation, member, element in
                let found = listName(spec, operation, member)
                return found == element ? nil : "\(operation) \(member) lists <\(found ?? "?")>, not <\(element)>"
            }
            return problems.isEmpty ? checking(spec, operations: lists.map(\.0)) { [] } : .broken(problems)
        },
        Quirk(number: 4, summary: "string and integer members where a timestamp or string is expected") { spec in
            checking(spec, shapes: ["EventSubscription", "DBClusterSnapshot", "DBCluster"]) {
                [
                    ("EventSubscription", "SubscriptionCreationTime", "string"),
                    ("DBClusterSnapshot", "PercentProgress", "integer"), ("DBCluster", "PercentProgress", "string"),
                ].compactMap { shape, member, type in
                    let found = memberType(spec, shape, member)
                    return found == type ? nil : "\(shape).\(member) is \(found ?? "absent"), not \(type)"
                }
            }
        },
        Quirk(number: 5, summary: "PendingCloudwatchLogsExports follows its member names") { spec in
            checking(spec, shapes: ["PendingCloudwatchLogsExports"]) {
                ["LogTypesToEnable", "LogTypesToDisable"].compactMap {
                    memberType(spec, "PendingCloudwatchLogsExports", $0) == "list" ? nil : "\($0) is not a list member"
                }
            }
        },
        Quirk(number: 6, summary: "FailoverGlobalCluster without AllowDataLoss or Switchover switches over") { spec in
            checking(spec, operations: ["FailoverGlobalCluster"]) {
                let operation = spec.operation(named: "FailoverGlobalCluster")!
                return operation.parameters.member(named: "Switchover") == nil ? ["Switchover is not a parameter"] : []
            }
        },
        Quirk(number: 7, summary: "global cluster member identifiers are ARNs with DB/Db casing") { spec in
            checking(spec, operations: ["FailoverGlobalCluster", "RemoveFromGlobalCluster"]) {
                [
                    ("FailoverGlobalCluster", "TargetDbClusterIdentifier"),
                    ("RemoveFromGlobalCluster", "DbClusterIdentifier"),
                ]
                .compactMap { operation, member in
                    spec.operation(named: operation)!.parameters.member(named: member) == nil
                        ? "\(operation) has no \(member) (casing as the model writes it)" : nil
                }
            }
        },
        Quirk(number: 8, summary: "ResetAllParameters defaults to true for DB parameter groups only") { spec in
            checking(spec, operations: ["ResetDBParameterGroup", "ResetDBClusterParameterGroup"]) {
                let instance = spec.operation(named: "ResetDBParameterGroup")!.parameters.member(
                    named: "ResetAllParameters")
                let cluster = spec.operation(named: "ResetDBClusterParameterGroup")!.parameters.member(
                    named: "ResetAllParameters")
                var problems: [String] = []
                if instance?.defaultValue != "true" { problems.append("ResetDBParameterGroup: default is not true") }
                if cluster?.defaultValue != nil { problems.append("ResetDBClusterParameterGroup states a default") }
                return problems
            }
        },
        Quirk(number: 9, summary: "Source filter vocabularies differ between the two parameter listings") { spec in
            checking(spec, operations: ["DescribeDBParameters", "DescribeDBClusterParameters"]) {
                var problems: [String] = []
                if oneOf(spec, "DescribeDBParameters", "Source") != ["user", "system", "engine-default"] {
                    problems.append(
                        "DescribeDBParameters Source: \(oneOf(spec, "DescribeDBParameters", "Source") ?? [])")
                }
                let cluster = oneOf(spec, "DescribeDBClusterParameters", "Source")
                if cluster.map(Set.init) != ["engine", "service", "customer"] {
                    problems.append("DescribeDBClusterParameters Source: \(cluster ?? [])")
                }
                return problems
            }
        },
        Quirk(number: 10, summary: "event source types: 6 on create, 4 on modify") { spec in
            checking(spec, operations: ["CreateEventSubscription", "ModifyEventSubscription"]) {
                let create = oneOf(spec, "CreateEventSubscription", "SourceType")?.count ?? 0
                let modify = oneOf(spec, "ModifyEventSubscription", "SourceType")?.count ?? 0
                return create > modify ? [] : ["SourceType: \(create) values on create, \(modify) on modify"]
            }
        },
        Quirk(number: 11, summary: "engine-default listings do not page (a nested Marker, or no paginator)") { spec in
            checking(spec, operations: ["DescribeEngineDefaultParameters", "DescribeEngineDefaultClusterParameters"]) {
                ["DescribeEngineDefaultParameters", "DescribeEngineDefaultClusterParameters"].compactMap {
                    spec.operation(named: $0)!.paging == nil ? nil : "\($0) declares paging:"
                }
            }
        },
        // "Not supported", yet botocore sends one whenever a caller sets SourceRegion: refusing it would refuse every
        // SDK copy across regions, so the spec takes it (and says so).
        Quirk(number: 12, summary: "CopyDBClusterSnapshot takes the PreSignedUrl botocore sends") { spec in
            checking(spec, operations: ["CopyDBClusterSnapshot"]) {
                let member = spec.operation(named: "CopyDBClusterSnapshot")!.parameters.member(named: "PreSignedUrl")
                return member.map { $0.unsupported ? ["PreSignedUrl is refused as unsupported"] : [] }
                    ?? ["CopyDBClusterSnapshot has no PreSignedUrl"]
            }
        },
        Quirk(number: 13, summary: "AddRoleToDBCluster FeatureName has no catalogue to check against") { spec in
            checking(spec, operations: ["AddRoleToDBCluster"]) {
                let member = spec.operation(named: "AddRoleToDBCluster")!.parameters.member(named: "FeatureName")
                guard let member else { return ["AddRoleToDBCluster has no FeatureName"] }
                return member.constraints.contains { if case .oneOf = $0.kind { true } else { false } }
                    ? ["FeatureName is limited to values no Neptune source lists"] : []
            }
        },
        Quirk(number: 14, summary: "DeleteDBInstance of a cluster's only instance is a conscious choice") { spec in
            checking(spec, operations: ["DeleteDBInstance"]) {
                let operation = spec.operation(named: "DeleteDBInstance")!
                let decided =
                    operation.preconditions.contains { $0.keyword.lowercased().contains("only") }
                    || (try? String(
                        contentsOf: TestPaths.specs.appendingPathComponent(operation.sourceFile), encoding: .utf8))?
                        .contains("only instance") == true
                return decided ? [] : ["DeleteDBInstance.yaml does not say what it does with a cluster's only instance"]
            }
        },
    ]

    @Test(arguments: quirks)
    func quirkHoldsInTheSpec(_ quirk: Quirk) {
        if case .broken(let problems) = quirk.check(Self.spec) {
            Issue.record("quirk \(quirk.number): \(problems.joined(separator: "; "))")
        }
    }

    @Test func everyQuirkOfTheFactsIsChecked() throws {
        let text = try String(contentsOf: TestPaths.facts2, encoding: .utf8)
        let start = try #require(text.range(of: "### 3.12"), "NEPTUNE-FACTS-2.md has no section 3.12")
        let rest = text[start.upperBound...]
        let section = rest[..<(rest.range(of: "\n## ")?.lowerBound ?? rest.endIndex)]
        let numbered = section.split(separator: "\n").filter { $0.first?.isNumber == true }.count
        #expect(numbered == Self.quirks.count, "§3.12 lists \(numbered) quirks; the test checks \(Self.quirks.count)")
        let outcomes = Self.quirks.map { $0.check(Self.spec) }
        let pending = outcomes.filter { if case .pending = $0 { true } else { false } }.count
        print("model quirks: \(outcomes.filter { $0 == .holds }.count) hold in Specs/, \(pending) pending")
        #expect(outcomes.contains(.holds))
    }

    /// The checks have teeth: a spec that answers a cluster parameter group look-up with the cluster code, and
    /// one that lets the engine-default listing page, are named.
    @Test func aSpecFollowingHabitIsNamed() throws {
        var spec = Self.spec
        let index = try #require(spec.operations.firstIndex { $0.name == "DeleteDBClusterParameterGroup" })
        spec.operations[index].errors = spec.operations[index].errors.map {
            $0 == "DBParameterGroupNotFound" ? "DBClusterParameterGroupNotFound" : $0
        }
        guard case .broken(let problems) = Self.quirks[0].check(spec) else {
            Issue.record("quirk 1 does not see the cluster code")
            return
        }
        #expect(problems.count == 1 && problems[0].hasPrefix("DeleteDBClusterParameterGroup"), "\(problems)")
        let nine = Self.quirks[8]
        var swapped = Self.spec
        let listing = try #require(swapped.operations.firstIndex { $0.name == "DescribeDBClusterParameters" })
        let source = try #require(
            swapped.operations[listing].parameters.members.firstIndex { $0.name == "Source" })
        swapped.operations[listing].parameters.members[source].constraints = []
        #expect(nine.check(swapped) != .holds)
    }
}
