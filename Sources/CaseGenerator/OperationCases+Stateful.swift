import ConformanceSpec
import QueryProtocol

extension OperationCases {
    mutating func statefulCases() -> [TestCase] {
        var cases: [TestCase] = []
        for condition in operation.preconditions {
            let expectation = error(condition.error, inferred: condition.inferred)
            let covers = ["\(name)#\(condition.keyword):\(condition.parameter)"]
            let tags = ["precondition:\(condition.keyword)"]
            switch condition.kind {
            case .exists(let resource):
                var base = baseline()
                counter += 1
                let missing = values.identifier(counter, tag: "missing")
                base.parameters = base.parameters.setting(condition.parameter, .scalar(missing))
                cases.append(makeCase("\(condition.parameter)/\(resource.rawValue)-not-found", kind: .stateful, tags: tags, covers: covers,
                                      summary: "\(condition.parameter) names a \(resource.rawValue) that does not exist",
                                      parameters: base.parameters, fixture: base.fixture, expectation: expectation))
            case .absent(let resource):
                // Each variant gets its own fixture, so the cases can run at the same time.
                for (suffix, summary, transform) in [
                    ("already-exists", "names a \(resource.rawValue) that already exists", { (id: String) in id }),
                    ("already-exists-other-case", "names an existing cluster in upper case (identifiers compare lower-cased)", { (id: String) in id.uppercased() }),
                ] where suffix == "already-exists" || resource == .dbCluster {
                    var base = baseline()
                    let existing: String
                    if resource == .dbClusterSnapshot { existing = base.fixture.snapshot(counter: &counter) } else { existing = base.fixture.cluster(counter: &counter) }
                    base.fixture.created.removeAll { $0.0 == condition.parameter }
                    let parameters = withRequiredSiblings(base.parameters.setting(condition.parameter, .scalar(transform(existing))), path: condition.parameter)
                    cases.append(makeCase("\(condition.parameter)/\(resource.rawValue)-\(suffix)", kind: .stateful, tags: tags, covers: covers,
                                          summary: "\(condition.parameter) \(summary)", parameters: parameters, fixture: base.fixture, expectation: expectation))
                }
            case .state(let allowed):
                var fixture = Fixture(values: values)
                let id = fixture.cluster(counter: &counter)
                if allowed.contains("available") { fixture.stop(id) }
                let state = allowed.contains("available") ? "stopped" : "available"
                var base = baseline()
                base.fixture = fixture
                cases.append(makeCase("\(condition.parameter)/in-state-\(state)", kind: .stateful, tags: tags, covers: covers,
                                      summary: "the cluster is \(state); the operation needs \(allowed.joined(separator: " or "))",
                                      parameters: base.parameters.setting(condition.parameter, .scalar(id)), fixture: fixture, expectation: expectation))
            case .notDeletionProtected:
                var fixture = Fixture(values: values)
                let id = fixture.cluster(counter: &counter, protected: true)
                var base = baseline()
                let parameters = base.parameters.setting(condition.parameter, .scalar(id))
                cases.append(makeCase("deletion-protection/refused", kind: .stateful, tags: tags, covers: covers,
                                      summary: "delete a deletion-protected cluster", parameters: parameters, fixture: fixture, expectation: expectation))
                fixture = Fixture(values: values)
                let second = fixture.cluster(counter: &counter, protected: true)
                fixture.setup.append(Step(Request(operation: "ModifyDBCluster", parameters: [
                    Parameter("DBClusterIdentifier", .scalar(second)), Parameter("DeletionProtection", .scalar("false")), Parameter("ApplyImmediately", .scalar("true")),
                ]), waitFor: "available"))
                base.fixture = fixture
                cases.append(makeCase("deletion-protection/switched-off-then-deleted", kind: .stateful, tags: tags, covers: covers,
                                      summary: "switch deletion protection off, then the delete succeeds",
                                      parameters: base.parameters.setting(condition.parameter, .scalar(second)), fixture: fixture))
            case .restorableTime:
                // A time far after any cluster's latest restorable time; what the rules forbid beside it goes.
                var base = baseline()
                base.parameters = base.parameters.removingExclusivePartners(of: condition.parameter, in: operation)
                    .setting(condition.parameter, .scalar("2999-01-01T00:00:00Z"))
                cases.append(makeCase("\(condition.parameter)/after-latest-restorable", kind: .stateful, tags: tags, covers: covers,
                                      summary: "\(condition.parameter) lies after the source cluster's latest restorable time (in 2999)",
                                      parameters: base.parameters, fixture: base.fixture, expectation: expectation))
            case .hasNoInstances:
                var fixture = Fixture(values: values)
                let id = fixture.cluster(counter: &counter)
                fixture.addInstance(to: id, counter: &counter)
                var base = baseline()
                base.fixture = fixture
                cases.append(makeCase("\(condition.parameter)/has-instances", kind: .stateful, tags: tags, covers: covers,
                                      summary: "the cluster still has a DB instance",
                                      parameters: base.parameters.setting(condition.parameter, .scalar(id)), fixture: fixture, expectation: expectation))
            case .readerOf:
                // The baseline's cluster has a writer and a reader: name the writer.
                var base = baseline()
                guard let writer = base.fixture.instances.first(where: { !base.fixture.readers.contains($0) }) else { continue }
                base.parameters = base.parameters.setting(condition.parameter, .scalar(writer))
                cases.append(makeCase("\(condition.parameter)/is-the-writer", kind: .stateful, tags: tags, covers: covers,
                                      summary: "\(condition.parameter) names the cluster's writer; it must name one of its readers",
                                      parameters: base.parameters, fixture: base.fixture, expectation: expectation))
            case .hasReader, .isReadReplica:
                var fixture = Fixture(values: values)
                let id = fixture.cluster(counter: &counter)
                let base = baseline()
                let what = condition.kind == .hasReader ? "has no reader instance" : "is not a read replica"
                cases.append(makeCase("\(condition.parameter)/\(condition.kind == .hasReader ? "no-reader" : "not-a-replica")", kind: .stateful,
                                      tags: tags, covers: covers, summary: "the cluster \(what)",
                                      parameters: base.parameters.setting(condition.parameter, .scalar(id)), fixture: fixture, expectation: expectation))
            }
        }
        if name == "ModifyDBCluster", operation.parameter(at: "ServerlessV2ScalingConfiguration") != nil {
            var fixture = Fixture(values: values)
            let id = fixture.cluster(counter: &counter)
            fixture.setup.append(Step(Request(operation: "ModifyDBCluster", parameters: [
                Parameter("DBClusterIdentifier", .scalar(id)), Parameter("ApplyImmediately", .scalar("true")),
                Parameter("ServerlessV2ScalingConfiguration", .structure([Parameter("MinCapacity", .scalar("2.0")), Parameter("MaxCapacity", .scalar("16.5"))])),
            ]), waitFor: "available"))
            let request = [Parameter("DBClusterIdentifier", .scalar(id))]
            let caseID = "DescribeDBClusters/stateful/serverless-range-after-modify"
            cases.append(TestCase(id: caseID, operation: "DescribeDBClusters", kind: .stateful, tags: ["DescribeDBClusters", "stateful", "scenario:modify-then-describe"],
                                  covers: ["ModifyDBCluster.request.ServerlessV2ScalingConfiguration"],
                                  summary: "a scaling range set with ModifyDBCluster shows in DescribeDBClusters", setup: fixture.setup,
                                  request: Request(operation: "DescribeDBClusters", parameters: request), expectation: .success(golden: caseID),
                                  teardown: fixture.teardown(operation: operation, request: request)))
        }
        cases += renameScenarios()
        return cases
    }

    /// For a parameter that `renames` a cluster: after the rename, DescribeDBClusters knows the cluster by its
    /// new identifier only (the old one is DBClusterNotFoundFault). Emulators often keep answering to both.
    mutating func renameScenarios() -> [TestCase] {
        var cases: [TestCase] = []
        for member in operation.parameters.members {
            guard let renamed = member.renames, operation.preconditions.contains(where: { $0.parameter == renamed && $0.kind == .exists(.dbCluster) }),
                spec.operation(named: "DescribeDBClusters") != nil
            else { continue }
            for (suffix, asksForOld) in [("renamed-cluster-by-old-name", true), ("renamed-cluster-by-new-name", false)] {
                var fixture = Fixture(values: values)
                let old = fixture.cluster(counter: &counter)
                counter += 1
                let new = values.identifier(counter, tag: "r")
                fixture.setup.append(Step(Request(operation: name, parameters: [
                    Parameter(renamed, .scalar(old)), Parameter(member.name, .scalar(new)), Parameter("ApplyImmediately", .scalar("true")),
                ]), waitFor: "available"))
                fixture.created.append((member.name, new))
                let request = [Parameter("DBClusterIdentifier", .scalar(asksForOld ? old : new))]
                let caseID = "DescribeDBClusters/stateful/\(suffix)"
                cases.append(TestCase(
                    id: caseID, operation: "DescribeDBClusters", kind: .stateful,
                    tags: ["DescribeDBClusters", "stateful", "scenario:rename-then-describe"], covers: ["\(name).request.\(member.name)"],
                    summary: asksForOld ? "after \(name) renames a cluster, its old identifier names nothing" : "after \(name) renames a cluster, it answers to its new identifier",
                    setup: fixture.setup, request: Request(operation: "DescribeDBClusters", parameters: request),
                    expectation: asksForOld ? error("DBClusterNotFoundFault", inferred: false) : .success(golden: caseID),
                    teardown: fixture.teardown(operation: operation, request: request)))
            }
        }
        return cases
    }
}
