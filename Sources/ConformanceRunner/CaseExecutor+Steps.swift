import CaseGenerator
import ConformanceSpec

extension CaseExecutor {
    /// True when a case's set-up and tear-down steps may be sent side by side (as far as `StepGraph` allows): a walk
    /// over pages makes its resources only to list them, so the order they are made in is not part of what it judges,
    /// and one that runs alone (`run:serial`) leaves the run's concurrency unused. Every other case keeps its steps
    /// one after another (which instance is made first decides the writer).
    static func overlapsSteps(of testCase: TestCase) -> Bool {
        guard testCase.scheduling == .serial else { return false }
        if case .pages = testCase.expectation { return true }
        return false
    }

    /// Sends `steps` at most `width` at a time, each once every step it must follow (`graph`) has ended; with
    /// `stopAtFailure`, nothing more is started once a step failed. The failure of the earliest failed step, or nil.
    func perform(
        _ steps: [Step], graph: StepGraph, width: Int, stopAtFailure: Bool,
        _ body: @escaping @Sendable (Int, Step) async -> String?
    ) async -> String? {
        var ended = Set<Int>()
        var started = Set<Int>()
        var failures: [Int: String] = [:]
        await withTaskGroup(of: (Int, String?).self) { group in
            var running = 0
            func startReady() {
                guard !(stopAtFailure && !failures.isEmpty), !Task.isCancelled else { return }
                for index in steps.indices where running < max(1, width) && !started.contains(index) {
                    guard graph.after[index].allSatisfy(ended.contains) else { continue }
                    started.insert(index)
                    running += 1
                    let step = steps[index]
                    group.addTask { (index, await body(index, step)) }
                }
            }
            startReady()
            while let (index, failure) = await group.next() {
                running -= 1
                ended.insert(index)
                if let failure { failures[index] = failure }
                startReady()
            }
        }
        if let first = failures.keys.min() { return failures[first] }
        if started.count < steps.count, Task.isCancelled { return "the run was interrupted" }
        return nil
    }
}
