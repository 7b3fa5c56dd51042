import CaseGenerator
import ConformanceSpec
import Foundation
import Transport

/// The suite inside your own `swift test`: the generated cases as arguments of a parameterized test,
/// and a check of one case against your endpoint, so each case passes or fails on its own line.
///
/// ```swift
/// import ConformanceRunner
/// import Testing
///
/// let suite = try! ConformanceSuite()
///
/// @Test(arguments: suite.caseIDs)
/// func conformsToNeptune(_ id: String) async {
///     let result = await suite.check(id, against: Endpoint(url: "http://127.0.0.1:4566"))
///     #expect(result.verdict == .passed, "\(result.explanation)")
/// }
/// ```
///
/// Each check creates what its case needs, sends the request, judges the answer and deletes what it
/// created, exactly as `neptune-conformance run` does for that case.
public struct ConformanceSuite: Sendable {
    public let spec: ServiceSpec
    public let cases: [TestCase]
    public let goldenDirectory: String
    public var options: ConformanceRun.Options
    /// Serial cases (one-character names, not unique per run) run one at a time.
    private let serialGate = AsyncGate(capacity: 1)

    /// Loads `Specs/` (default: `SpecLocation.defaultDirectory()`) and generates the cases.
    public init(specDirectory: URL? = nil, goldenDirectory: String? = nil, options: ConformanceRun.Options = .init())
        throws
    {
        spec = try SpecLoader(directory: specDirectory ?? SpecLocation.defaultDirectory()).load()
        cases = CaseGenerator(spec: spec, seed: options.seed).generate()
        self.goldenDirectory = GoldenLocation.directory(goldenDirectory)
        self.options = options
    }

    /// Every case id, in generation order: the arguments of a parameterized test.
    public var caseIDs: [String] { cases.map(\.id) }

    /// Runs one case against `endpoint`. An unknown id is an errored result that says so.
    /// - Parameter transport: how requests reach the endpoint (an `InMemoryTransport` to an emulator in
    ///   this process needs no port); nil: a network transport made for the check.
    public func check(_ id: String, against endpoint: Endpoint, through transport: (any HTTPTransport)? = nil) async
        -> CaseResult
    {
        guard let testCase = cases.first(where: { $0.id == id }) else {
            return CaseResult(
                id: id, operation: "", kind: nil, tags: [], covers: [], summary: "", verdict: .errored,
                reason: "no case has the id '\(id)'; `neptune-conformance cases` lists them", expected: "")
        }
        return await check(testCase, against: endpoint, through: transport)
    }

    /// Runs one case against `endpoint`, through `transport` when given.
    public func check(_ testCase: TestCase, against endpoint: Endpoint, through transport: (any HTTPTransport)? = nil)
        async -> CaseResult
    {
        var options = self.options
        options.concurrency = 1
        let run = ConformanceRun(
            spec: spec, endpoint: endpoint, goldenDirectory: goldenDirectory, options: options, transport: transport)
        let serial = testCase.scheduling == .serial
        if serial { await serialGate.enter() }
        let report = await run.run([testCase]).report
        if serial { await serialGate.leave() }
        guard var result = report.results.first else {
            return CaseResult(
                id: testCase.id, operation: testCase.operation, kind: testCase.kind, tags: testCase.tags,
                covers: testCase.covers,
                summary: testCase.summary, verdict: .errored, reason: "the run returned no result", expected: "")
        }
        if !report.leftovers.isEmpty, result.verdict == .passed {
            result.verdict = .failed
            result.reason = "left behind on the endpoint: \(report.leftovers.joined(separator: ", "))"
        }
        return result
    }
}

extension CaseResult {
    /// The verdict with its reason and every finding, one a line: the message of a failed expectation.
    public var explanation: String {
        var lines = ["\(id): \(verdict.rawValue)" + (reason.map { " (\($0))" } ?? "")]
        lines += findings.map { "  \($0.description)" }
        if verdict != .passed, let requestBody { lines.append("  request: \(requestBody.prefix(600))") }
        return lines.joined(separator: "\n")
    }
}

/// At most `capacity` holders at a time; waiters are served in order.
actor AsyncGate {
    private let capacity: Int
    private var holders = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(capacity: Int) { self.capacity = max(1, capacity) }

    func enter() async {
        if holders < capacity {
            holders += 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    /// Hands the place to the first waiter, or frees it.
    func leave() {
        if waiting.isEmpty { holders -= 1 } else { waiting.removeFirst().resume() }
    }
}
