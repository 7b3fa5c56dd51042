import ConformanceSpec
import Foundation
import QueryProtocol

/// A strict, in-memory emulator of the Neptune operations `Specs/` holds, answering query-protocol form bodies
/// exactly as the spec says: behaviour code where Neptune has behaviour, and the resource engine
/// (`NeptuneEmulator+SpecResources`) for the kinds and catalogue reads the spec alone describes. Safe under
/// concurrent callers: it is an actor.
public actor NeptuneEmulator {
    public struct Configuration: Sendable {
        /// How long a cluster stays in `creating`, `stopping`, `deleting` and the like (zero: until the next request).
        public var transitionDelay: Duration
        public var faults: Set<Fault>
        /// The region of requests whose signature scope names none; with signature verification on, the only
        /// region accepted (one endpoint, one region) besides `otherRegions`. Without it, each request's scope picks
        /// its region's store.
        public var region: String
        /// With signature verification on, further regions a credential scope may name; each keeps its own store.
        /// By default the one the runner's region cases sign for besides `region` (`AWSRegions.second(besides:)`).
        public var otherRegions: [String]
        public var accountId: String
        /// When set, every request must carry a valid SigV4 signature by one of these keys (access key id -> secret).
        public var verifySignatures: [String: String]?
        /// The clock transitions are timed by (`EmulatorClock.manual()` in tests).
        public var clock = EmulatorClock.continuous

        /// The built-in test key the runner signs with against local endpoints.
        public static let localTestingKeys = [
            AWSCredentials.localTesting.accessKeyId: AWSCredentials.localTesting.secretAccessKey
        ]

        public init(
            transitionDelay: Duration = .zero, faults: Set<Fault> = [], region: String = "us-east-1",
            accountId: String = "123456789012",
            verifySignatures: [String: String]? = nil, otherRegions: [String]? = nil
        ) {
            self.transitionDelay = transitionDelay
            self.faults = faults
            self.region = region
            self.otherRegions = otherRegions ?? [AWSRegions.second(besides: region)]
            self.accountId = accountId
            self.verifySignatures = verifySignatures
        }
    }

    let spec: ServiceSpec
    let configuration: Configuration
    let renderer: AnswerRenderer
    let clusterShape: StructureSpec
    /// What a request that leaves a setting out gets, from the spec's catalogue and documented defaults.
    let defaults: ServiceDefaults
    /// Made once from the configuration: the signature check (nil when off), the active faults' decorators
    /// (asked at each hook, in `Fault.allCases` order) and the validator checks they switch off.
    let verifier: SignatureVerifier?
    let decorators: [any FaultDecorator]
    let skippedChecks: Set<String>
    /// Answers to repeated reads, sent without entering the actor; kept only without faults and signature checks.
    nonisolated let readAnswers = ReadAnswerCache()
    nonisolated let cachesReads: Bool
    /// The reads whose answers `readAnswers` keeps (`readsKept(of:)`).
    let cachedReads: Set<String>
    /// The identifiers of the records every region holds without a create (`KindBehaviour.standing`), by kind.
    let standingIdentifiers: [ResourceKind: Set<String>]
    /// The kinds whose identifiers the service stores lower-cased (the create's identifier parameter says so).
    let lowercasedKinds: Set<ResourceKind>
    /// The working region's resources (actor isolation keeps one request at a time on them); the other regions wait in
    /// `parked`. The properties below reach into it in place (`_modify`: no copy of a store on a change).
    var store = RegionStore()
    var clusters: ClusterStore {
        _read { yield store.clusters }
        _modify { yield &store.clusters }
    }
    var snapshotOrigins: [String: SnapshotOrigin] {
        _read { yield store.snapshotOrigins }
        _modify { yield &store.snapshotOrigins }
    }
    var parameterValues: ParameterValuesStore {
        _read { yield store.parameterValues }
        _modify { yield &store.parameterValues }
    }
    var sequence: Int {
        _read { yield store.sequence }
        _modify { yield &store.sequence }
    }
    var tagStore: TagStore {
        _read { yield store.tagStore }
        _modify { yield &store.tagStore }
    }
    var maintenance: MaintenanceStore {
        _read { yield store.maintenance }
        _modify { yield &store.maintenance }
    }
    var events: EventsStore {
        _read { yield store.events }
        _modify { yield &store.events }
    }
    /// The kinds without behaviour code, served from the spec by the resource engine (`NeptuneEmulator+SpecResources`).
    var specResources: SpecResourceStore {
        _read { yield store.specResources }
        _modify { yield &store.specResources }
    }
    /// The records of the engine's kinds that are not regional (global clusters): one store every region shares.
    var sharedResources = SpecResourceStore()
    /// The kinds `resources.yaml` says are not regional.
    let sharedKinds: Set<ResourceKind>
    /// The store an engine kind's records live in: the working region's, or the shared one.
    subscript(storeOf kind: ResourceKind) -> SpecResourceStore {
        _read {
            if sharedKinds.contains(kind) { yield sharedResources } else { yield store.specResources }
        }
        _modify {
            if sharedKinds.contains(kind) { yield &sharedResources } else { yield &store.specResources }
        }
    }
    /// The region whose resources `store` holds.
    var region: String
    var parked: [String: RegionStore] = [:]
    /// Beside each global cluster (the engine's shared store; NEPTUNE-FACTS-2 §2.9: not regional): its members and a
    /// switchover under way.
    var globalMemberships: [String: GlobalMembership] = [:]
    var clock: EmulatorClock { configuration.clock }

    public init(spec: ServiceSpec, configuration: Configuration = Configuration()) {
        self.spec = spec
        self.configuration = configuration
        let decorators = Fault.decorators(of: configuration.faults)
        self.decorators = decorators
        self.renderer = AnswerRenderer(spec: spec, decorators: decorators)
        self.clusterShape = spec.shapes["DBCluster"] ?? StructureSpec(members: [])
        self.defaults = spec.defaults ?? ServiceDefaults(engineVersion: "", family: "", port: "")
        self.verifier = configuration.verifySignatures.map {
            SignatureVerifier(
                keys: $0, regions: [configuration.region] + configuration.otherRegions, service: spec.signingName)
        }
        self.skippedChecks = decorators.reduce(into: Set<String>()) { $0.formUnion($1.skippedChecks) }
        self.cachesReads = decorators.isEmpty && configuration.verifySignatures == nil
        self.cachedReads = Self.readsKept(of: spec)
        self.region = configuration.region
        let context = KindBehaviour.Context(spec: spec, region: configuration.region, account: configuration.accountId)
        self.standingIdentifiers = KindBehaviour.byKind.mapValues { Set(($0.standing?(context) ?? []).map(\.id)) }
        self.sharedKinds = Set(spec.resources.lifecycles.filter { !$0.regional }.map(\.kind))
        self.lowercasedKinds = Set(
            spec.resources.lifecycles.filter { lifecycle in
                lifecycle.creates.contains {
                    spec.operation(named: $0.operation)?.parameters.member(named: $0.parameter)?.lowercased == true
                }
            }.map(\.kind))
    }

    /// Makes `name`'s store the working one (actor isolation keeps one request at a time on it).
    func enter(region name: String) {
        guard name != region else { return }
        parked[region] = store
        store = parked.removeValue(forKey: name) ?? RegionStore()
        region = name
    }

    /// Forgets every resource of every region, as a fresh emulator would hold nothing (moto's `/moto-api/reset`).
    public func reset() {
        readAnswers.removeAll()
        parked = [:]
        globalMemberships = [:]
        sharedResources = SpecResourceStore()
        store = RegionStore()
        region = configuration.region
    }

    /// Every resource the emulator holds now (`DBCluster x`, `DBInstance y`, `DBClusterSnapshot z`, parameter
    /// groups other than the service's defaults), after finished transitions; for tests that check a run left
    /// nothing behind. What other regions hold follows, each entry ending in ` (in REGION)`.
    public func inventory() -> [String] {
        var entries: [String] = []
        let others = Set(parked.keys).union([region]).subtracting([configuration.region]).sorted()
        for name in [configuration.region] + others {
            enter(region: name)
            settle()
            let suffix = name == configuration.region ? "" : " (in \(name))"
            entries +=
                (clusters.keys.sorted().map { "DBCluster \($0)" } + specResources.inventory).map { $0 + suffix }
        }
        enter(region: configuration.region)
        readAnswers.removeAll()
        return entries + sharedResources.inventory
    }

    /// An error answer for what the HTTP layer refuses before the emulator sees the request (an oversize body).
    public nonisolated func errorAnswer(code: String, message: String, status: Int) -> EmulatorAnswer {
        renderer.error(code, message, status: status)
    }

    /// Answers one HTTP request: the form body of a POST, or the query string of a GET. Headers matter
    /// only for signature verification and the content type.
    public func handle(
        method: String = "POST", path: String = "/", query: String = "", headers: [(String, String)] = [], body: String
    ) -> EmulatorAnswer {
        var performed: String?
        let answer = answer(
            method: method, path: path, query: query, headers: headers, body: body, performed: &performed)
        note(answer, performed: performed) { readKey(method: method, query: query, headers: headers, body: body) }
        return answer
    }

    /// `handle`'s answer; `performed` names the operation whose answer it is, if one was performed.
    private func answer(
        method: String, path: String, query: String, headers: [(String, String)], body: String,
        performed: inout String?
    ) -> EmulatorAnswer {
        if let answer = answerAccountRead(method: method, path: path, query: query, headers: headers, body: body) {
            return answer
        }
        if let verifier,
            let failure = verifier.verify(method: method, path: path, query: query, headers: headers, body: body)
        {
            return renderer.error(failure.code, failure.message)
        }
        let named = RequestRegion.of(headers: headers, query: query)
        enter(region: answeringRegion(named))
        let form = Self.form(method: method, query: query, headers: headers, body: body)
        return respond(toForm: form, performed: &performed)
    }

    /// The region whose store answers a request signed for `named` (the server's own when it names none), as the
    /// active faults route it.
    func answeringRegion(_ named: String?) -> String {
        let home = configuration.region
        return decorators.reduce(named ?? home) { $1.region(answering: $0, home: home) }
    }

    /// Answers one form-encoded request body in the default region (`configuration.region`).
    public func handle(body: String) -> EmulatorAnswer {
        enter(region: configuration.region)
        var performed: String?
        let answer = respond(toForm: body, performed: &performed)
        note(answer, performed: performed) { ReadAnswerCache.Key(region: configuration.region, form: body) }
        return answer
    }

    /// Answers one form-encoded request body in the region entered; `performed` names the operation performed.
    func respond(toForm body: String, performed: inout String?) -> EmulatorAnswer {
        settle()
        let decoded: (action: String?, version: String?, request: Request)
        do {
            decoded = try FormCodec.request(fromBody: body, spec: spec)
        } catch {
            return renderer.error("MalformedQueryString", error.description)
        }
        guard let action = decoded.action, !action.isEmpty else {
            return renderer.error("MissingAction", "The request must contain the parameter Action.")
        }
        guard let version = decoded.version else {
            return renderer.error("MissingParameter", "The request must contain the parameter Version.")
        }
        guard version == spec.apiVersion else {
            return renderer.error("InvalidAction", "Could not find operation \(action) for version \(version)")
        }
        if let operation = spec.operation(named: action) {
            if let unknown = decoded.request.parameters.first(where: {
                operation.parameters.member(named: $0.name) == nil
            }) {
                return renderer.error(
                    "InvalidQueryParameter", "The parameter \(unknown.name) is not recognized by \(action).")
            }
            performed = operation.name
            return perform(operation, decoded.request)
        }
        return renderer.error("InvalidAction", "Could not find operation \(action) for version \(version)")
    }

    func perform(_ operation: OperationSpec, _ request: Request) -> EmulatorAnswer {
        let validator = ContractEvaluator(operation: operation, skipped: skippedChecks)
        if let first = validator.violations(of: request).first { return renderer.error(first.code, first.message) }
        if let failed = failedPrecondition(operation, request) { return renderer.error(failed.code, failed.message) }
        var request = request
        for decorator in decorators { decorator.acting(on: &request, of: operation.name, in: spec) }
        let answer = dispatch(operation, request)
        if answer.status == 200 {
            tagCreatedResources(of: operation, request)
            recordEvents(of: operation, request)
            joinGlobalCluster(operation, request)
            performFollowUps(after: operation, request)
        }
        return answer
    }

    /// The operation's behaviour code (`NeptuneEmulator+Behaviours`), or else the resource engine.
    func dispatch(_ operation: OperationSpec, _ request: Request) -> EmulatorAnswer {
        if let behaviour = Self.behaviours[operation.name] { return behaviour(self, operation, request) }
        return performFromSpec(operation, request)
            ?? renderer.error("InvalidAction", "\(operation.name) is not implemented by the reference server")
    }

    /// The requests the active faults add after a success (`FaultDecorator.followUps`), performed as the spec
    /// says, their answers dropped.
    func performFollowUps(after operation: OperationSpec, _ request: Request) {
        guard !decorators.isEmpty else { return }
        let state = contractState()
        for decorator in decorators {
            for followUp in decorator.followUps(after: operation.name, request, in: state) {
                guard let followed = spec.operation(named: followUp.operation) else { continue }
                _ = dispatch(followed, followUp)
            }
        }
    }

    // MARK: state

    /// Completes every transition whose delay has passed. Only the records waiting for one are looked at (the
    /// stores keep their keys), so this costs nothing more with 100,000 clusters than with 10.
    func settle() {
        let now = clock.now
        for (id, settled) in Self.due(clusters.pendingKeys, at: now, { clusters[$0] }) { clusters[id] = settled }
        settleSpecResources(at: now)
        settleGlobalClusters()
    }

    /// The records among `keys` whose transition is due at `now`, each as the transition leaves it: in its target
    /// status, or nil when the transition removes it.
    static func due<Record: StatusRecord>(
        _ keys: Set<String>, at now: ContinuousClock.Instant, _ record: (String) -> Record?
    ) -> [(key: String, settled: Record?)] {
        keys.compactMap { key in
            guard var record = record(key), let pending = record.pending, pending.at <= now else { return nil }
            guard let target = pending.target else { return (key, nil) }
            record.status = target
            record.pending = nil
            return (key, record)
        }
    }

    func later(_ target: String?) -> PendingTransition {
        PendingTransition(target: target, at: clock.now.advanced(by: configuration.transitionDelay))
    }

    /// The stored form of an identifier (lower-cased).
    func key(_ identifier: String) -> String {
        decorators.reduce(identifier.lowercased()) { $1.storedIdentifier(identifier, conformant: $0) }
    }

    func text(_ path: String, _ request: Request) -> String? {
        if case .scalar(let value)? = request.value(at: path) { return value }
        return nil
    }

    /// The cluster stored under the stored form of `identifier`.
    func cluster(named identifier: String) -> ClusterRecord? {
        decorators.reduce(clusters[key(identifier)]) { $1.lookUp(identifier, in: clusters.byKey, conformant: $0) }
    }

    /// The store as the evaluator sees it when it judges preconditions.
    func contractState() -> EmulatorContractState {
        var state = EmulatorContractState(
            clusters: clusters.byKey,
            decorators: decorators, resources: spec.resources,
            region: region, accountId: configuration.accountId)
        state.specResources = specResources
        state.lowercasedKinds = lowercasedKinds
        state.standing = standingIdentifiers
        return state
    }

    /// The first precondition of the operation that does not hold and that no fault waives, in spec order,
    /// as the one evaluator judges it against this store.
    func failedPrecondition(_ operation: OperationSpec, _ request: Request) -> (code: String, message: String)? {
        var state = contractState()
        state.sharedResources = sharedResources
        state.globalMembers = globalMemberships.keys.reduce(into: [:]) { $0[$1] = liveMembers($1) }
        if spansRegions(operation) { state.clusterARNsEverywhere = clusterARNsInEveryRegion() }
        let failures = ContractEvaluator(operation: operation, instanceClasses: spec.instanceClasses)
            .preconditionFailures(of: request, in: state)
        guard let failure = failures.first(where: { failure in !decorators.contains { $0.waives(failure, in: spec) } })
        else {
            return nil
        }
        return (failure.code, failure.message)
    }
}
