import Foundation

/// Runs a process and collects its exit status and output.
public struct ProcessResult: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String

    /// Runs `executable` to its end, with `input` on its standard input if given.
    ///
    /// The wait happens on a thread of its own, never on one of the few cooperative threads: on a 2-core
    /// machine, two tests blocked on children would otherwise stall every in-process server and client
    /// (a child talking to a test's embedded reference server would wait on a server that cannot answer).
    public static func run(
        _ executable: URL, _ arguments: [String], environment: [String: String]? = nil, input: Data? = nil
    ) async throws -> ProcessResult {
        try await onOwnThread { try runBlocking(executable, arguments, environment: environment, input: input) }
    }

    /// Runs `body` on a new thread, off the cooperative pool, and resumes with its result.
    public static func onOwnThread<Value: Sendable>(_ body: @escaping @Sendable () throws -> Value) async throws
        -> Value
    {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try body() }) }.start()
        }
    }

    static func runBlocking(_ executable: URL, _ arguments: [String], environment: [String: String]?, input: Data?)
        throws -> ProcessResult
    {
        let child = try ChildProcess(executable.path, arguments, environment: environment, input: input != nil)
        if let input, let stdin = child.standardInput {
            // Written from another thread: a child that answers before reading all of its input must not
            // block on a full stdout pipe while this thread blocks on a full stdin pipe.
            // A child that exits without reading it all makes the write fail (EPIPE; SIGPIPE is ignored).
            Thread {
                try? stdin.write(contentsOf: input)
                try? stdin.close()
            }.start()
        }
        // stderr is drained beside stdout for the same reason.
        let errBox = DataBox()
        let errReader = Thread { errBox.set(child.standardError?.readDataToEndOfFile() ?? Data()) }
        errReader.start()
        let outData = child.standardOutput?.readDataToEndOfFile() ?? Data()
        let status = child.wait()
        let errData = errBox.wait()
        return ProcessResult(
            status: status, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }
}

/// One value handed from a reader thread to the thread that waits for it.
private final class DataBox: @unchecked Sendable {
    private let condition = NSCondition()
    private var value: Data?

    func set(_ data: Data) {
        condition.lock()
        value = data
        condition.signal()
        condition.unlock()
    }

    func wait() -> Data {
        condition.lock()
        defer { condition.unlock() }
        while value == nil { condition.wait() }
        return value!
    }
}

extension ProcessResult {
    /// Runs one of `Tests/Tools/*.py` with `input` on standard input.
    public static func python(_ script: String, input: Data) async throws -> ProcessResult {
        try await run(
            URL(fileURLWithPath: "/usr/bin/env"),
            ["python3", BuiltCLI.packageRoot.appendingPathComponent("Tests/Tools/\(script)").path],
            input: input)
    }
}
