import CaseGenerator
import ConformanceSpec
import Foundation
import QueryProtocol
import Transport
import XMLCompare

/// Runs a list of cases against an endpoint with bounded concurrency, reports progress, and sweeps
/// away whatever the cases created and left behind.
public struct ConformanceRun: Sendable {
    public struct Options: Sendable {
        public var concurrency: Int
        public var mode: ComparisonMode
        public var stateTimeout: Duration
        /// For the `NetworkTransport` a run makes when it is given none.
        public var transport: TransportOptions
        /// Write goldens instead of judging success answers.
        public var recordGoldens: Bool
        public var seed: UInt64
        public var notes: [String]
        /// Keep the answers of passed cases too (parity runs compare them).
        public var keepAnswers = false
        /// Run the signature family even when the endpoint does not seem to check signatures.
        public var forceSignatureChecks = false
        /// Judge only departures from expectations at least this strong; weaker ones become warnings.
        public var minimumEvidence: Evidence.Level = .inferred
        /// Account resources given to the run (subnets, role, topic), and whether a loopback endpoint's missing role
        /// and topic may be made; the rest is found on the target (`AccountDiscovery`).
        public var account = AccountResources.Given()

        public init(
            concurrency: Int = 8, mode: ComparisonMode = .strict, stateTimeout: Duration = .seconds(120),
            transport: TransportOptions = .init(), recordGoldens: Bool = false, seed: UInt64 = 1, notes: [String] = []
        ) {
            self.concurrency = concurrency
            self.mode = mode
            self.stateTimeout = stateTimeout
            self.transport = transport
            self.recordGoldens = recordGoldens
            self.seed = seed
            self.notes = notes
        }
    }

    /// Progress after each case: done, total, the case's result.
    public typealias Progress = @Sendable (Int, Int, CaseResult) -> Void

    public let spec: ServiceSpec
    public let endpoint: Endpoint
    public let goldenDirectory: String
    public var options: Options
    /// How requests reach the endpoint; nil: a `NetworkTransport` made from `options.transport` for each run
    /// (and shut down after it). A given transport is left open.
    public let transport: (any HTTPTransport)?

    public init(
        spec: ServiceSpec, endpoint: Endpoint, goldenDirectory: String, options: Options = .init(),
        transport: (any HTTPTransport)? = nil
    ) {
        self.spec = spec
        self.endpoint = endpoint
        self.goldenDirectory = goldenDirectory
        self.options = options
        self.transport = transport
    }

    /// Runs the cases; results come back in the order of `cases`. Serial cases (`Scheduling.serial`) run alone,
    /// after the others. A cancelled run still tears down and sweeps.
    public func run(_ cases: [TestCase], progress: Progress? = nil) async -> (
        report: RunReport, recordings: [CaseExecutor.Recording]
    ) {
        let started = Date()
        let clock = ContinuousClock.now
        var transportOptions = options.transport
        transportOptions.connections = max(transportOptions.connections, options.concurrency)
        let transport: any HTTPTransport = self.transport ?? NetworkTransport(options: transportOptions)
        let ledger = ResourceLedger(spec: spec)
        var client = QueryClient(spec: spec, endpoint: endpoint, transport: transport)
        client.ledger = ledger
        client.resourcePrefix = CaseGenerator(spec: spec, seed: options.seed).resourcePrefix
        let endpointKind =
            endpoint.label.hasPrefix("embedded") ? "embedded" : (endpoint.isLoopback ? "loopback" : "remote")
        let recorder =
            options.recordGoldens
            ? GoldenRecorder(
                spec: spec, resourcePrefix: CaseGenerator(spec: spec, seed: options.seed).resourcePrefix,
                endpointKind: endpointKind) : nil
        var executor = CaseExecutor(
            client: client, judge: AnswerJudge(spec: spec, mode: options.mode, region: endpoint.region),
            goldens: GoldenStore(directory: goldenDirectory), ledger: ledger,
            stateTimeout: options.stateTimeout, recorder: recorder)
        executor.resourcePrefix = CaseGenerator(spec: spec, seed: options.seed).resourcePrefix
        executor.keepAnswers = options.keepAnswers
        executor.minimumEvidence = options.minimumEvidence
        // A walk over pages runs alone (`run:serial`): its set-up and tear-down may use the run's concurrency.
        executor.stepWidth = min(max(1, options.concurrency), 8)

        // The signature family only means something where signatures are checked: probe with one unsigned request.
        var skipped: [Int: String] = [:]
        if !options.forceSignatureChecks, cases.contains(where: { $0.kind == .signature }),
            let probe = spec.resources.probe,
            let answer = try? await client.send(Request(operation: probe, parameters: []), signature: .unsigned),
            answer.answer.status == 200
        {
            for index in cases.indices where cases[index].kind == .signature {
                skipped[index] =
                    "the endpoint does not check signatures (an unsigned \(probe) got HTTP 200); --signature-checks runs this family anyway"
            }
        }
        // The region cases need an endpoint that serves a second region on the same URL (local emulators do; a regional
        // AWS endpoint refuses a request signed for another region): ask it once with the probe.
        if cases.contains(where: \.usesSecondRegion), let probe = spec.resources.probe {
            let second = client.signing(for: .second)
            let answer = try? await second.send(Request(operation: probe, parameters: []))
            if answer?.answer.status != 200 {
                let seen = answer.map { "HTTP \($0.answer.status)" } ?? "no answer"
                for index in cases.indices where cases[index].usesSecondRegion && skipped[index] == nil {
                    skipped[index] =
                        "the endpoint does not serve \(second.endpoint.region) besides \(endpoint.region) (\(probe) signed for it got \(seen)); region cases need one that serves both on one URL"
                }
            }
        }
        // Subnets, roles and topics valid requests name come from the target's account: found (or, on a loopback
        // endpoint, made) before the cases run; a case that needs one the account lacks is skipped with the reason.
        let discovery = AccountDiscovery(given: options.account, client: client)
        var made = AccountDiscovery.Made()
        let needing = cases.indices.filter { skipped[$0] == nil && !cases[$0].accountNeeds.isEmpty }
        if !needing.isEmpty {
            let second = endpoint.secondRegion
            let regions =
                [endpoint.region]
                + (needing.contains { cases[$0].accountNeeds.contains { $0.region == .second } } ? [second] : [])
            let found = await discovery.discover(regions: regions)
            made = found.made
            executor.account = found.resources
            for index in needing {
                if let missing = cases[index].missingAccountResource(
                    in: found.resources, region: endpoint.region, second: second)
                {
                    skipped[index] = missing
                }
            }
        }
        let executorForCases = executor
        let parallel = cases.indices.filter { cases[$0].scheduling == .parallel && skipped[$0] == nil }
        let serial = cases.indices.filter { cases[$0].scheduling == .serial && skipped[$0] == nil }
        let counter = Counter()
        var results = [CaseResult?](repeating: nil, count: cases.count)
        for (index, reason) in skipped {
            results[index] = CaseResult(testCase: cases[index], verdict: .skipped, reason: reason)
        }
        var recordings: [CaseExecutor.Recording] = []
        let total = cases.count - skipped.count
        for (batch, width) in [(parallel, max(1, options.concurrency)), (serial, 1)] {
            await withTaskGroup(of: (Int, CaseResult, CaseExecutor.Recording?).self) { group in
                var next = 0
                func launch() {
                    guard next < batch.count else { return }
                    let index = batch[next]
                    next += 1
                    // Running on the transport's event loops saves a thread hop per request and per answer.
                    group.addTask(executorPreference: transport.preferredExecutor(forWorker: next)) {
                        if Task.isCancelled {
                            return (
                                index,
                                CaseResult(
                                    testCase: cases[index], verdict: .skipped, reason: "the run was interrupted"), nil
                            )
                        }
                        let outcome = await executorForCases.run(cases[index])
                        return (index, outcome.result, outcome.recording)
                    }
                }
                for _ in 0..<min(width, batch.count) { launch() }
                while let (index, result, recording) = await group.next() {
                    results[index] = result
                    if let recording { recordings.append(recording) }
                    progress?(counter.increment(), total, result)
                    launch()
                }
            }
        }
        let sweeper = client
        let leftovers = await Task {
            let check = SweepCheck(spec: spec, client: sweeper, stateTimeout: options.stateTimeout)
            let left = await sweep(client: sweeper, ledger: ledger, check: check)
            let accountLeft = await discovery.cleanUp(made).map { "made for the run's account resources: \($0)" }
            return left + (await check.leftovers(madeBy: ledger)) + accountLeft
        }.value
        if self.transport == nil { await transport.shutdown() }
        let elapsed = ContinuousClock.now - clock
        let report = RunReport(
            endpoint: endpoint.label, apiVersion: spec.apiVersion, seed: options.seed,
            startedAt: TimestampText.iso(started),
            durationSeconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18,
            comparison: options.mode.rawValue,
            results: results.enumerated().map {
                $0.element
                    ?? CaseResult(testCase: cases[$0.offset], verdict: .skipped, reason: "the run was interrupted")
            },
            leftovers: leftovers, notes: options.notes)
        var triaged = report
        if let tally = (transport as? NetworkTransport)?.retries, tally.total > 0 {
            triaged.retries = Dictionary(uniqueKeysWithValues: tally.byReason.map { ($0.key.rawValue, $0.value) })
        }
        triaged.region = endpoint.region
        triaged.url = endpoint.label.hasPrefix("embedded") ? nil : endpoint.url
        triaged.triage(spec: spec)
        return (triaged, recordings)
    }

    /// Deletes what the ledger still holds (kind by kind, in the order of `resources.yaml`); returns what could not
    /// be deleted. A resource still in a transition (a cluster being created when Ctrl-C came) refuses changes, so
    /// the sweep retries with backoff until the state timeout.
    ///
    /// A resource the delete cannot remove that the kind's listing does not show is gone (a create answered with HTTP
    /// 500 that did not happen after all, or an identifier the endpoint refuses to name): it is not a leftover.
    func sweep(client: QueryClient, ledger: ResourceLedger, check: SweepCheck) async -> [String] {
        var leftovers: [String] = []
        let deadline = ContinuousClock.now.advanced(by: options.stateTimeout)
        for (kind, id) in await ledger.remaining {
            var pause = Duration.milliseconds(100)
            while true {
                let region = await ledger.region(of: kind, id)
                let attempt = await CaseExecutor.deleteAttempt(
                    kind, id, spec: spec, client: client.signing(for: region))
                if attempt.deleted {
                    await ledger.forget(kind, id)
                    break
                }
                if await deleteUnderFormerName(kind, id, client: client, ledger: ledger) { break }
                // Not listed: gone. A resource only a create without a clear answer may have made, on an endpoint that
                // can neither list nor delete its kind (moto 5.2.1 answers HTTP 500 to every endpoint operation), cannot be
                // shown to exist: it is not called a leftover either.
                let listed = await check.isListed(kind, id, region: region)
                let unconfirmed = await ledger.isUnconfirmed(kind, id)
                if listed == false || (listed == nil && unconfirmed) {
                    await ledger.forget(kind, id)
                    break
                }
                if ContinuousClock.now.advanced(by: pause) > deadline {
                    let elsewhere = region.map { _ in client.endpoint.secondRegion }
                    // Why it is left: the case it comes from, and the endpoint's last answer to its delete.
                    let why = [await ledger.origin(of: kind, id), attempt.refusal.map { "its delete got \($0)" }]
                        .compactMap { $0 }
                    leftovers.append(
                        "\(kind.rawValue) \(id)" + (elsewhere.map { " (in \($0))" } ?? "")
                            + (why.isEmpty ? "" : ": " + why.joined(separator: "; ")))
                    break
                }
                try? await Task.sleep(for: pause)
                pause = min(pause * 2, .seconds(10))
            }
        }
        return leftovers
    }

    /// For a resource a case renamed (an endpoint that accepted an invalid new name, then refuses every request
    /// naming it): renames it back with its kind's modify, then deletes it under its former name.
    func deleteUnderFormerName(_ kind: ResourceKind, _ id: String, client: QueryClient, ledger: ResourceLedger) async
        -> Bool
    {
        let region = await ledger.region(of: kind, id)
        guard let (back, former) = await ledger.renamingBack(kind, id),
            let sent = try? await client.signing(for: region).send(back), sent.answer.status == 200
        else { return false }
        await ledger.record(back, region: region)
        guard await delete(kind, former, client: client, region: region) else { return false }
        await ledger.forget(kind, former)
        return true
    }

    /// One attempt to delete a resource with its kind's clean-up steps: true when it is gone or going (the delete
    /// succeeded or answered the kind's not-found code).
    func delete(_ kind: ResourceKind, _ id: String, client: QueryClient, region: SigningRegion?) async -> Bool {
        await CaseExecutor.deleteOnce(kind, id, spec: spec, client: client.signing(for: region))
    }
}

/// A thread-safe counter for progress.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    func increment() -> Int {
        lock.lock()
        defer { lock.unlock() }
        value += 1
        return value
    }
}

enum TimestampText {
    static func iso(_ date: Date) -> String { ISOTimestamp.format(date, fractionalSeconds: false) }
}
