import CaseGenerator
import ConformanceSpec
import Foundation
import QueryProtocol
import Transport
import XMLCompare

/// Runs one case end to end: set-up (waiting for states), the request under test, the judgement,
/// and tear-down, which always runs and only deletes what the ledger says the run created.
public struct CaseExecutor: Sendable {
    public let client: QueryClient
    public let judge: AnswerJudge
    public let goldens: GoldenStore
    public let ledger: ResourceLedger
    /// The longest wait for a resource to reach a state.
    public var stateTimeout: Duration
    /// When set, success answers are written as goldens instead of judged against them.
    public var recorder: GoldenRecorder?
    /// The run's resource-name prefix: a create whose answer was lost is recorded as possibly created
    /// (and swept) only when its name carries it, so nothing the run did not make is ever deleted.
    public var resourcePrefix: String?
    /// Keep every answer body, also of passed cases (parity runs compare them).
    public var keepAnswers = false
    /// Departures from expectations weaker than this are reported as warnings, not judged (`run --evidence`).
    public var minimumEvidence: Evidence.Level = .inferred
    /// The target account's resources that `{{account:NAME}}` tokens stand for (`AccountDiscovery`).
    public var account = AccountResources()
    /// How many set-up or tear-down steps of one walk over pages may be sent at once (`StepGraph` orders the rest);
    /// 1 sends every step after the one before.
    public var stepWidth = 1

    public init(
        client: QueryClient, judge: AnswerJudge, goldens: GoldenStore, ledger: ResourceLedger,
        stateTimeout: Duration = .seconds(120), recorder: GoldenRecorder? = nil
    ) {
        self.client = client
        self.judge = judge
        self.goldens = goldens
        self.ledger = ledger
        self.stateTimeout = stateTimeout
        self.recorder = recorder
    }

    /// What `record` produced for a case: the golden text, and the previous one if any.
    public struct Recording: Sendable {
        public var path: String
        public var golden: String
    }

    public func run(_ testCase: TestCase) async -> (result: CaseResult, recording: Recording?) {
        let started = ContinuousClock.now
        let retries = RetryTally()
        var outcome = await RetryTally.$current.withValue(retries) {
            var outcome = await runBody(testCase)
            Self.leaveWeatherUnjudged(&outcome.result)
            // Tear-down runs in its own task so that a cancelled run still deletes what it created.
            let teardown = Task {
                await self.teardown(testCase)
                await self.deleteWhatTheRequestCreated(testCase)
            }
            await teardown.value
            return outcome
        }
        if retries.total > 0 { outcome.result.retries = retries.total }
        let elapsed = ContinuousClock.now - started
        outcome.result.durationMilliseconds =
            Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        return outcome
    }

    func runBody(_ testCase: TestCase) async -> (result: CaseResult, recording: Recording?) {
        var golden: XMLTree?
        var provenanceNotes: [Finding] = []
        if case .success(let name) = testCase.expectation, recorder == nil {
            switch goldens.load(name) {
            case .found(let tree, let provenance):
                golden = tree
                if let provenance {
                    if provenance.api != judge.spec.apiVersion {
                        provenanceNotes.append(
                            Finding(
                                kind: .provenance, path: goldens.path(for: name),
                                expected: "a golden recorded for API \(judge.spec.apiVersion)",
                                found: "recorded for API \(provenance.api) on \(provenance.recorded)", warning: true))
                    }
                } else {
                    provenanceNotes.append(
                        Finding(
                            kind: .provenance, path: goldens.path(for: name),
                            expected: "a provenance line (`record` writes it)", found: "none", warning: true))
                }
            case .missing(let path):
                return (
                    CaseResult(
                        testCase: testCase, verdict: .missingGolden,
                        reason: "no golden file \(path); run `neptune-conformance record` and review it"), nil
                )
            case .unreadable(let reason):
                return (
                    CaseResult(testCase: testCase, verdict: .errored, reason: "the golden cannot be read: \(reason)"),
                    nil
                )
            }
        }
        let sideBySide = stepWidth > 1 && Self.overlapsSteps(of: testCase) && testCase.setup.count > 1
        if sideBySide {
            let graph = StepGraph(steps: testCase.setup, resources: judge.spec.resources)
            let problem = await perform(testCase.setup, graph: graph, width: stepWidth, stopAtFailure: true) {
                index, step in
                let label = "set-up step \(index + 1) (\(step.request.operation))"
                return await self.perform(step, label: label, origin: "made by \(label) of \(testCase.id)")
            }
            if Task.isCancelled {
                return (CaseResult(testCase: testCase, verdict: .skipped, reason: "the run was interrupted"), nil)
            }
            if let problem { return (CaseResult(testCase: testCase, verdict: .errored, reason: problem), nil) }
        }
        for (index, step) in testCase.setup.enumerated() where !sideBySide {
            if Task.isCancelled {
                return (CaseResult(testCase: testCase, verdict: .skipped, reason: "the run was interrupted"), nil)
            }
            let label = "set-up step \(index + 1) (\(step.request.operation))"
            if let problem = await perform(step, label: label, origin: "made by \(label) of \(testCase.id)") {
                return (CaseResult(testCase: testCase, verdict: .errored, reason: problem), nil)
            }
        }
        if Task.isCancelled {
            return (CaseResult(testCase: testCase, verdict: .skipped, reason: "the run was interrupted"), nil)
        }
        var result = CaseResult(testCase: testCase, verdict: .passed, reason: nil)
        let request: Request
        switch await fillingRuntimeValues(testCase.request, client: client.signing(for: testCase.signingRegion)) {
        case .success(let filled): request = filled
        case .failure(let problem):
            result.verdict = .errored
            result.reason = problem.description
            return (result, nil)
        }
        let sent: (body: String, answer: HTTPAnswer)
        do {
            if let raw = testCase.raw {
                sent = try await client.sendRaw(raw)
            } else if let variant = testCase.signature {
                sent = try await client.send(request, signature: variant)
            } else {
                sent = try await client.signing(for: testCase.signingRegion).send(request)
            }
        } catch {
            await recordPossiblyCreated(
                request, region: testCase.signingRegion, by: "sent by \(testCase.id) (no answer)")
            result.verdict = .errored
            result.reason = error.description
            result.requestBody = Self.clipped(testCase.raw?.body ?? client.prepare(request).body)
            return (result, nil)
        }
        result.requestBody = Self.clipped(sent.body)
        result.actualStatus = sent.answer.status
        result.actualBody = Self.clipped(sent.answer.body)
        if testCase.raw == nil {
            await note(
                sent.answer, to: request, region: testCase.signingRegion, madeBy: "made or renamed by \(testCase.id)",
                sentBy: "sent by \(testCase.id)")
        }
        if let recorder, case .success(let name) = testCase.expectation {
            guard sent.answer.status == 200, let tree = try? SafeXMLParser().parse(sent.answer.body) else {
                result.verdict = .errored
                result.reason = "cannot record: the endpoint answered HTTP \(sent.answer.status), not a success"
                return (result, nil)
            }
            // The values sent, run-time values filled in, are the inputs the golden refers to.
            var sent = testCase
            sent.request = request
            return (result, Recording(path: goldens.path(for: name), golden: recorder.golden(from: tree, for: sent)))
        }
        result.findings =
            judge.signed(for: client.signing(for: testCase.signingRegion).endpoint.region).judge(
                sent.answer, expectation: testCase.expectation, request: request, golden: golden)
            + provenanceNotes
        if case .pages(let walk) = testCase.expectation {
            result.findings += await walkPages(walk, request: request, first: sent.answer)
        }
        // Region cases only: a scenario may span regions on purpose (a global cluster's members).
        if testCase.signingRegion != nil, testCase.tags.contains("region"), sent.answer.status == 200 {
            let scan = RegionScan(region: client.signing(for: testCase.signingRegion).endpoint.region)
            result.findings += scan.findings(in: sent.answer.body)
            if case .error = testCase.expectation, testCase.setup.allSatisfy({ $0.signingRegion == nil }) {
                result.findings += scan.findings(
                    in: sent.answer.body, listing: Array(request.flattenedInputs.values), madeIn: client.endpoint.region
                )
            }
        }
        if let derived = testCase.derived, sent.answer.status == 200 {
            result.findings += await derivedValueFindings(
                derived, in: sent.answer, client: client.signing(for: testCase.signingRegion))
        }
        result.findings = Self.weighed(result.findings, caseEvidence: testCase.evidence, minimum: minimumEvidence)
        if let first = Finding.leading(result.findings) {
            result.verdict = .failed
            result.reason = Self.sentence(first)
        } else if !keepAnswers, result.findings.allSatisfy({ $0.kind == .provenance }) {
            // A passed case's answer says nothing a report needs; dropping it keeps memory flat on long runs.
            result.actualBody = nil
        }
        return (result, nil)
    }

    static func sentence(_ finding: Finding) -> String {
        switch finding.kind {
        case .status: "HTTP status \(finding.found ?? "?") where \(finding.expected ?? "?") was expected"
        case .code: "error code \(finding.found ?? "none") where \(finding.expected ?? "?") was expected"
        case .notXML: "the answer is not XML: \(finding.found ?? "")"
        default:
            "\(finding.path): \(finding.kind)\(finding.expected.map { ", expected \($0)" } ?? "")\(finding.found.map { ", found \($0)" } ?? "")"
        }
    }

    /// Sends a set-up step and waits for its state; nil on success, else why it failed.
    func perform(_ step: Step, label: String, origin: String? = nil) async -> String? {
        let client = client.signing(for: step.signingRegion)
        var step = step
        switch await fillingRuntimeValues(step.request, client: client) {
        case .success(let filled): step.request = filled
        case .failure(let problem): return step.mayFail ? nil : "\(label): \(problem.description)"
        }
        do {
            let sent = try await client.send(step.request)
            await note(sent.answer, to: step.request, region: step.signingRegion, madeBy: origin, sentBy: origin)
            if sent.answer.status != 200, !step.mayFail {
                return "\(label) was refused: \(Self.refusal(sent.answer))"
            }
        } catch {
            await recordPossiblyCreated(
                step.request, region: step.signingRegion, by: origin.map { "\($0) (no answer)" })
            return step.mayFail ? nil : "\(label) failed: \(error.description)"
        }
        if let state = step.waitFor {
            return await wait(for: state, after: step.request, label: label, client: client)
        }
        return nil
    }

    /// Text kept in a result for the report: whole up to 64 KiB, else its first 64 KiB and a note (a 2 MiB
    /// request body kept per case would dominate a run's memory and its reports).
    static func clipped(_ text: String, limit: Int = 65536) -> String {
        let size = text.utf8.count
        guard size > limit else { return text }
        let utf8 = text.utf8
        var end = utf8.index(utf8.startIndex, offsetBy: limit)
        // Back to the start of a scalar: never cut a multi-byte character in two.
        while end > utf8.startIndex, utf8[end] & 0xC0 == 0x80 { end = utf8.index(before: end) }
        return String(decoding: utf8[..<end], as: UTF8.self) + "\n[cut at 64 KiB of \(size) bytes]"
    }

    /// Updates the ledger with what an answer says `request` did: a success made or renamed what it names; a server
    /// error says nothing of what happened before it, so what it creates may exist (moto 5.2.1 answers HTTP 500 to a
    /// read-replica cluster's create, and keeps the cluster). `madeBy` and `sentBy` say where a leftover comes from.
    func note(_ answer: HTTPAnswer, to request: Request, region: SigningRegion?, madeBy: String?, sentBy: String?) async
    {
        if answer.status == 200 {
            await ledger.record(request, region: region, by: madeBy)
        } else if answer.status >= 500 {
            await recordPossiblyCreated(request, region: region, by: sentBy.map { "\($0) (HTTP \(answer.status))" })
        }
    }

    /// `HTTP 400 InvalidParameterValue: The parameter …`: an error answer for a sentence, its message cut at `cut`
    /// characters.
    static func refusal(_ answer: HTTPAnswer, cut: Int = 200) -> String {
        let envelope = (try? SafeXMLParser().parse(answer.body)).flatMap(ErrorEnvelope.init)
        return "HTTP \(answer.status)" + (envelope.map { " \($0.code): \($0.message.prefix(cut))" } ?? "")
    }

    /// A create whose answer never came may still have happened, and so may what a delete creates on the side (a
    /// final snapshot) and a rename (either name may exist): the sweep tries to delete them. What the request
    /// deletes stays in the ledger.
    func recordPossiblyCreated(_ request: Request, region: SigningRegion? = nil, by origin: String? = nil) async {
        guard let prefix = resourcePrefix,
            request.flattenedInputs.values.contains(where: { $0.lowercased().hasPrefix(prefix) })
        else { return }
        await ledger.recordPossible(request, region: region, by: origin)
    }

    /// Polls the describe operation of the resource the step acted on (`resources.yaml`) until it reaches `state`;
    /// a step that renames the resource is followed to its new identifier.
    func wait(for state: String, after request: Request, label: String, client: QueryClient) async -> String? {
        guard let (lifecycle, idName) = judge.spec.resources.subject(of: request.operation),
            case .scalar(var id)? = request.value(at: idName)
        else { return nil }
        if let renaming = judge.spec.operation(named: request.operation)?.renaming(idName),
            case .scalar(let renamed)? = request.value(at: renaming)
        {
            id = renamed
        }
        let describe = Request(
            operation: lifecycle.describe.operation, parameters: [Parameter(lifecycle.describe.identifier, .scalar(id))]
        )
        guard let statusPath = lifecycle.describe.statusPath, let statusMember = lifecycle.describe.status else {
            return "\(label): \(lifecycle.kind.rawValue) has no status member to wait for \(state) on"
        }
        let deadline = ContinuousClock.now.advanced(by: stateTimeout)
        var pause = PollPause(longest: .seconds(5))
        var last = "no answer"
        let kind = lifecycle.kind.rawValue
        let vocabulary = judge.spec.statusMember(of: lifecycle).flatMap(StateWait.vocabulary)
        while ContinuousClock.now < deadline {
            if let sent = try? await client.send(describe) {
                let tree = try? SafeXMLParser().parse(sent.answer.body)
                let status = tree?.root.descendant(statusPath)?.value
                if status == state { return nil }
                if let status, sent.answer.status == 200, let vocabulary, !vocabulary.contains(status) {
                    // A status outside the kind's vocabulary will not turn into the one awaited: say so now.
                    return StateWait.unknownStatus(label: label, kind: kind, id: id, status: status, known: vocabulary)
                }
                if sent.answer.status == 200, status == nil, tree?.root.descendant(lifecycle.describe.items) != nil {
                    return
                        "\(label): the \(describe.operation) answer for \(id) has no \(statusMember), so its state cannot be read"
                }
                last = status.map { "state \($0)" } ?? "HTTP \(sent.answer.status)"
            }
            guard await pause.sleep() else { return "\(label): interrupted while waiting for \(id) to be \(state)" }
        }
        return StateWait.stuck(label: label, kind: kind, id: id, state: state, within: stateTimeout, last: last)
    }

    /// Tear-down steps, skipping any step on a resource the run did not create; a delete answered with the
    /// kind's not-found code (or HTTP 404) means the resource is already gone.
    /// A request the endpoint should have refused may have created a resource (an endpoint that accepts
    /// an invalid identifier): the case deletes it at once, so it cannot change how later cases are
    /// answered. What cannot be deleted yet is left to the final sweep.
    func deleteWhatTheRequestCreated(_ testCase: TestCase) async {
        guard testCase.raw == nil else { return }
        for (kind, id) in ledger.creations(of: testCase.request) where await ledger.contains(kind, id) {
            let client = client.signing(for: await ledger.region(of: kind, id))
            if await Self.deleteOnce(kind, id, spec: judge.spec, client: client) { await ledger.forget(kind, id) }
        }
    }

    /// One attempt to delete a resource with its kind's clean-up steps: true when it is gone or going (the delete
    /// succeeded or answered the kind's not-found code).
    static func deleteOnce(_ kind: ResourceKind, _ id: String, spec: ServiceSpec, client: QueryClient) async -> Bool {
        await deleteAttempt(kind, id, spec: spec, client: client).deleted
    }

    /// `deleteOnce`, with what the endpoint answered to the delete when it was not deleted (`HTTP 400
    /// InvalidParameterValue: …`, or the transport's error).
    static func deleteAttempt(_ kind: ResourceKind, _ id: String, spec: ServiceSpec, client: QueryClient) async -> (
        deleted: Bool, refusal: String?
    ) {
        guard let lifecycle = spec.resources.lifecycle(of: kind) else { return (false, "no lifecycle for \(kind)") }
        var deleted = false
        var refusal: String?
        for step in lifecycle.cleanup {
            let sent: (body: String, answer: HTTPAnswer)
            do { sent = try await client.send(Request(step, id: id)) } catch {
                if step.operation == lifecycle.delete.operation { refusal = error.description }
                continue
            }
            if step.operation == lifecycle.delete.operation {
                deleted = sent.answer.status == 200 || isNotFound(sent.answer, code: lifecycle.delete.notFound)
                refusal = deleted ? nil : Self.refusal(sent.answer, cut: 160)
            }
        }
        return (deleted, refusal)
    }

    func teardown(_ testCase: TestCase) async {
        if stepWidth > 1, Self.overlapsSteps(of: testCase), testCase.teardown.count > 1 {
            let graph = StepGraph(steps: testCase.teardown, resources: judge.spec.resources, setup: testCase.setup)
            _ = await perform(testCase.teardown, graph: graph, width: stepWidth, stopAtFailure: false) { _, step in
                await self.tearDown(step)
                return nil
            }
            return
        }
        for step in testCase.teardown { await tearDown(step) }
    }

    /// One tear-down step, skipped when its resource is not the run's.
    func tearDown(_ step: Step) async {
        let target = ledger.target(of: step.request)
        if let (kind, id) = target, !(await ledger.contains(kind, id)) { return }
        guard let sent = try? await client.signing(for: step.signingRegion).send(step.request) else { return }
        if sent.answer.status == 200 {
            await ledger.record(step.request, region: step.signingRegion)
        } else if let (kind, id) = target,
            let lifecycle = judge.spec.resources.deletion(by: step.request.operation)?.lifecycle,
            lifecycle.kind == kind,
            Self.isNotFound(sent.answer, code: lifecycle.delete.notFound)
        {
            await ledger.forget(kind, id)
        }
    }

    /// True when an answer says the resource does not exist: HTTP 404 or the error code `code`.
    static func isNotFound(_ answer: HTTPAnswer, code: String) -> Bool {
        answer.status == 404 || (try? SafeXMLParser().parse(answer.body)).flatMap(ErrorEnvelope.init)?.code == code
    }
}

extension CaseExecutor {
    /// The findings, each with the evidence of its expectation (its own, else the case's), and those whose
    /// evidence is weaker than `minimum` turned into warnings.
    static func weighed(_ findings: [Finding], caseEvidence: Evidence?, minimum: Evidence.Level) -> [Finding] {
        findings.map { finding in
            var finding = finding
            if finding.evidence == nil { finding.evidence = caseEvidence }
            if let level = finding.evidence?.level, level < minimum { finding.warning = true }
            return finding
        }
    }
}
