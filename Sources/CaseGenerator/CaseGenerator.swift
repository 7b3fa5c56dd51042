import ConformanceSpec
import Foundation
import QueryProtocol

/// Generates valid, invalid and stateful cases from the spec. The same spec and seed give the same
/// cases, byte for byte; case ids do not depend on the seed.
public struct CaseGenerator: Sendable {
    public let spec: ServiceSpec
    public let seed: UInt64

    public init(spec: ServiceSpec, seed: UInt64 = 1) {
        self.spec = spec
        self.seed = seed
    }

    /// The prefix of every resource name the cases create (`nc<hex>`), so a run's resources are recognisable.
    public var resourcePrefix: String {
        var state = seed &+ 0x9E37_79B9_7F4A_7C15
        state = (state ^ (state >> 30)) &* 0xBF58_476D_1CE4_E5B9
        state = (state ^ (state >> 27)) &* 0x94D0_49BB_1331_11EB
        state ^= state >> 31
        let hex = String(state & 0xFFFFFF, radix: 16)
        return "nc" + String(repeating: "0", count: 6 - hex.count) + hex
    }

    /// Every case for every operation, in a stable order.
    public func generate() -> [TestCase] {
        let evidence = CaseEvidence(spec: spec)
        return cases().map { testCase in
            var testCase = testCase
            testCase.evidence = evidence.evidence(of: testCase)
            return testCase
        }
    }

    private func cases() -> [TestCase] {
        let operations = spec.operations
        // Each operation's cases depend on nothing but the spec: made side by side, kept in the operations' order.
        var perOperation = [[TestCase]](repeating: [], count: operations.count)
        perOperation.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let slots = buffer
            DispatchQueue.concurrentPerform(iterations: operations.count) { index in
                // One letter for each of the first 26 operations, then a digit and a letter: every operation names
                // its own resources (two operations with one scope would make the same identifiers on a shared
                // endpoint).
                let letter = String(UnicodeScalar(UInt8(ascii: "a") + UInt8(index % 26)))
                let scope = index < 26 ? letter : "\(index / 26)\(letter)"
                slots[index] = OperationCases(
                    spec: spec, operation: operations[index],
                    values: ValueFactory(prefix: resourcePrefix, scope: scope, resources: spec.resources)
                ).all()
            }
        }
        return perOperation.flatMap { $0 } + ScenarioCases(spec: spec, prefix: resourcePrefix).all()
            + ProtocolCases(spec: spec).all()
    }

    /// Parameters with a precondition on a resource the suite cannot create (no lifecycle in `resources`), left
    /// out of valid cases.
    public static func externalParameters(of operation: OperationSpec, resources: ResourceCatalog) -> [String] {
        var names = operation.preconditions.compactMap { condition -> String? in
            if case .exists(let resource) = condition.kind, resources.lifecycle(of: resource) == nil {
                return condition.parameter
            }
            return nil
        }
        // Values the suite cannot make valid on its own: resources of other services (security groups, KMS keys,
        // IAM roles, directory domains, key stores), the endpoint's zones, and values the sources do not agree on
        // (an instance's LicenseModel: the model's list or the amazon-license a real answer reports), and names no
        // source lists (a role's FeatureName: Neptune's DBEngineVersion has no list of them, NEPTUNE-FACTS-2 quirk 13),
        // and a copy's PreSignedUrl (a request signed for the source region, which only an SDK makes: quirk 12).
        names += [
            "Marker", "ReplicationSourceIdentifier", "KmsKeyId", "VpcSecurityGroupIds", "AvailabilityZones",
            "DBInstanceParameterGroupName", "AvailabilityZone", "DBSecurityGroups", "MonitoringRoleArn", "Domain",
            "DomainIAMRoleName", "TdeCredentialArn", "TdeCredentialPassword", "LicenseModel", "Timezone",
            "CACertificateIdentifier", "FeatureName", "PreSignedUrl",
        ]
        .filter { operation.parameter(at: $0) != nil }
        return names
    }
}

/// The cases of one operation.
struct OperationCases {
    let spec: ServiceSpec
    let operation: OperationSpec
    let values: ValueFactory
    var counter = 0

    init(spec: ServiceSpec, operation: OperationSpec, values: ValueFactory) {
        self.spec = spec
        self.operation = operation
        self.values = values
    }

    var name: String { operation.name }

    func all() -> [TestCase] {
        var copy = self
        var cases: [TestCase] = []
        cases += copy.validCases()
        cases += copy.invalidCases()
        cases += copy.statefulCases()
        cases += copy.pagingCases()
        cases += copy.filterCases()
        cases += copy.regionCases()
        return cases
    }

    // MARK: building blocks

    func error(_ code: String, inferred: Bool) -> Expectation {
        let known = spec.errors[code]
        return .error(
            code: code, status: known?.httpStatus ?? 400, type: known?.type.rawValue ?? "Sender", inferred: inferred)
    }

    func golden(_ id: String) -> Expectation { .success(golden: id) }

    /// A fixture with nothing in it yet.
    func emptyFixture() -> Fixture { Fixture(values: values, resources: spec.resources) }

    /// Parameters valid cases leave out (see `CaseGenerator.externalParameters`).
    var externalParameters: [String] { CaseGenerator.externalParameters(of: operation, resources: spec.resources) }

    /// The request with only required parameters (and what the rules need), plus its fixture.
    mutating func baseline() -> (parameters: [Parameter], fixture: Fixture) {
        var fixture = emptyFixture()
        var parameters: [Parameter] = []
        for member in operation.parameters.members where member.required || needsSubject(member.name) {
            parameters.append(Parameter(member.name, value(for: member, fixture: &fixture)))
        }
        for rule in operation.rules {
            if case .atLeastOne(let names) = rule.kind,
                !names.contains(where: { name in parameters.contains { $0.name == name } })
            {
                let preferred = names.first { operation.parameter(at: $0)?.type == .boolean } ?? names[0]
                parameters.append(
                    Parameter(preferred, .scalar(operation.parameter(at: preferred)?.type == .boolean ? "true" : "x")))
            }
        }
        return (parameters, fixture)
    }

    /// True when a state precondition applies to the parameter, so no request can succeed without it (a failover's
    /// cluster identifier is optional in the model, yet there is nothing to fail over without it).
    func needsSubject(_ name: String) -> Bool {
        operation.preconditions.contains { condition in
            guard condition.parameter == name else { return false }
            switch condition.kind {
            case .state, .hasReader, .isReadReplica, .notDeletionProtected: return true
            default: return false
            }
        }
    }

    /// A valid value for a member; identifiers named by `exists` preconditions point at the fixture's resources,
    /// a `readerOf` parameter at the reader the fixture gave the cluster, and a `restorableTime` at the source
    /// cluster's latest restorable time, which the runner asks the endpoint for (a `RuntimeValue`).
    mutating func value(for member: MemberSpec, fixture: inout Fixture) -> ParameterValue {
        for condition in operation.preconditions where condition.parameter == member.name {
            switch condition.kind {
            case .exists(let kind):
                // A list of existing resources (an endpoint's static members) names one made beside what the
                // request names already (an instance of the cluster the request names).
                let isList = if case .list = member.type { true } else { false }
                guard
                    let id = fixture.make(
                        kind, for: operation, parameter: member.name, counter: &counter,
                        related: isList ? fixture.madeRelations(of: kind) : [:])
                else {
                    break
                }
                fixture.named[member.name] = id
                return isList ? .list([.scalar(id)]) : .scalar(id)
            case .readerOf: if let reader = fixture.readers.last { return .scalar(reader) }
            case .orderable:
                // The member's example (the class set-up instances have), else a class the catalogue offers on every
                // engine version it lists, and not the serverless one.
                if case .scalar(let example)? = member.example { return .scalar(example) }
                let catalogue = spec.instanceClasses
                if let entry = catalogue.entries.first(where: { entry in
                    !entry.serverless && catalogue.engineVersions.allSatisfy(entry.offered)
                }) {
                    return .scalar(entry.instanceClass)
                }
            case .namesResource(let kind):
                guard let id = fixture.make(kind, counter: &counter), let token = arnToken(of: kind, id) else { break }
                return .scalar(token)
            case .associated(let with, let by):
                // Set-up associates the value with the resource first, with the same parameters.
                guard let owner = fixture.named[with] else { break }
                var value = values.valid(member, path: member.name, operation: operation, counter: &counter)
                // When the associating operation needs the value to name an existing resource, set-up makes one.
                if let kind = spec.operation(named: by)?.preconditions.lazy.compactMap({ other -> ResourceKind? in
                    if case .exists(let kind) = other.kind, other.parameter == member.name { kind } else { nil }
                }).first, let id = fixture.make(kind, counter: &counter) {
                    value = .scalar(id)
                }
                let parameters = [Parameter(with, .scalar(owner)), Parameter(member.name, value)]
                fixture.setup.append(Step(Request(operation: by, parameters: parameters)))
                return value
            case .memberOf(let owner, let writer):
                // A member of the resource the owner parameter names, joined through its kind's `usedBy` parameter;
                // a second one when the writer (the first member) will not do.
                guard let ownerId = fixture.named[owner],
                    let ownerKind = spec.resources.kind(named: owner, in: operation),
                    let usedBy = spec.resources.lifecycle(of: ownerKind)?.usedBy
                else { break }
                let joins = [StepParameter(name: usedBy.parameter, value: .literal(ownerId))]
                if writer != nil, let first = fixture.make(usedBy.kind, counter: &counter, extra: joins) {
                    fixture.named[Fixture.writerKey(of: member.name)] = first
                }
                guard let id = fixture.make(usedBy.kind, counter: &counter, extra: joins),
                    let token = arnToken(of: usedBy.kind, id)
                else { break }
                return .scalar(token)
            case .restorableTime(let source):
                if let cluster = fixture.named[source] {
                    return .scalar(RuntimeValue.latestRestorableTime(cluster: cluster).token)
                }
            default: break
            }
        }
        // A describe's identifier names a resource the set-up made, even where one it does not know lists nothing.
        if let kind = spec.resources.lifecycle(describedBy: name)?.kind,
            spec.resources.lifecycle(describedBy: name)?.describe.identifier == member.name,
            let id = fixture.make(kind, counter: &counter, related: fixture.madeRelations(of: kind))
        {
            fixture.named[member.name] = id
            return .scalar(id)
        }
        // A filter that names a resource (`references` in resources.yaml: the snapshots of a cluster, the events of a
        // source) names one the set-up made, unless the spec gives a value.
        if member.example == nil, case .string = member.type,
            let kind = spec.resources.kind(named: member.name, in: name),
            spec.resources.lifecycle(of: kind)?.references.contains(where: {
                $0.operation == name && $0.parameter == member.name
            }) == true,
            !spec.resources.creations(by: name).contains(where: { $0.parameter == member.name }),
            let id = fixture.make(kind, counter: &counter, related: fixture.madeRelations(of: kind))
        {
            fixture.named[member.name] = id
            return .scalar(id)
        }
        let result = values.valid(member, path: member.name, operation: operation, counter: &counter)
        if case .scalar(let text) = result,
            member.lowercased
                || member.constraints.contains(where: { if case .identifier = $0.kind { true } else { false } })
        {
            fixture.created.append((member.name, text))
        }
        return result
    }

    /// The run-time token for the ARN of a resource of `kind` (its describe answer's ARN member), followed by
    /// `suffix`; nil when the kind has no ARN in `resources.yaml`.
    func arnToken(of kind: ResourceKind, _ id: String, suffix: String = "") -> String? {
        guard let arn = spec.resources.lifecycle(of: kind)?.arn else { return nil }
        return RuntimeValue.describedMember(member: arn.member, resource: id, suffix: suffix).token
    }

    func makeCase(
        _ suffix: String, kind: TestCase.Kind, tags: [String], covers: [String], summary: String,
        parameters: [Parameter],
        fixture: Fixture, expectation: Expectation? = nil
    ) -> TestCase {
        let id = "\(name)/\(kind.rawValue)/\(suffix)"
        return TestCase(
            id: id, operation: name, kind: kind, tags: [name, kind.rawValue] + tags, covers: covers, summary: summary,
            setup: fixture.setup, request: Request(operation: name, parameters: parameters),
            expectation: expectation ?? golden(id),
            teardown: fixture.teardown(operation: operation, request: parameters))
    }
}

extension Array where Element == Parameter {
    /// A copy with `path` set to `value` (creating structures on the way), replacing any earlier value.
    func setting(_ path: String, _ value: ParameterValue) -> [Parameter] {
        let parts = path.split(separator: ".", maxSplits: 1).map(String.init)
        var result = self
        if parts.count == 1 {
            if let index = result.firstIndex(where: { $0.name == path }) {
                result[index].value = value
            } else {
                result.append(Parameter(path, value))
            }
            return result
        }
        var inner: [Parameter] = []
        if let index = result.firstIndex(where: { $0.name == parts[0] }),
            case .structure(let members) = result[index].value
        {
            inner = members
        }
        return result.setting(parts[0], .structure(inner.setting(parts[1], value)))
    }

    func removing(_ name: String) -> [Parameter] { filter { $0.name != name } }

    /// Without the parameters an `exclusive` rule of `operation` forbids beside `name`.
    func removingExclusivePartners(of name: String, in operation: OperationSpec) -> [Parameter] {
        var result = self
        for rule in operation.rules {
            if case .exclusive(let names) = rule.kind, names.contains(name) {
                for other in names where other != name { result = result.removing(other) }
            }
        }
        return result
    }
}
