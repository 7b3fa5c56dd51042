import ConformanceTestSupport
import Foundation
import Testing

/// The tests' own process spawner: a child gets exactly its three standard descriptors (none of this
/// process's sockets, which would keep a closed connection open), its exit status, and its output.
@Suite struct ChildProcessTests {
    @Test func aChildInheritsOnlyItsStandardDescriptors() async throws {
        // Open descriptors here that a careless spawn would hand down.
        let held = (0..<8).map { _ in open("/dev/null", O_RDONLY) }
        defer { for descriptor in held { close(descriptor) } }
        let listing = try await ProcessResult.run(URL(fileURLWithPath: "/bin/ls"), ["/proc/self/fd"])
        #expect(listing.status == 0, "\(listing.stderr)")
        let fds = listing.stdout.split(separator: "\n").compactMap { Int($0) }.sorted()
        // 0-2, plus the one ls opened to read the directory.
        #expect(fds.count == 4 && fds.prefix(3) == [0, 1, 2], "the child holds \(fds)")
    }

    @Test func statusOutputInputAndSignals() async throws {
        let echo = try await ProcessResult.run(
            URL(fileURLWithPath: "/bin/sh"), ["-c", "cat; echo oops >&2; exit 3"], input: Data("hello".utf8))
        #expect(echo.status == 3 && echo.stdout == "hello" && echo.stderr == "oops\n")
        let merged = try ChildProcess("/bin/sh", ["-c", "echo out; echo err >&2"], error: .intoOutput)
        let text = String(decoding: merged.standardOutput!.readDataToEndOfFile(), as: UTF8.self)
        #expect(merged.wait() == 0 && text == "out\nerr\n")
        let sleeper = try ChildProcess("/bin/sleep", ["30"], output: .discard, error: .discard)
        #expect(sleeper.isRunning)
        sleeper.send(SIGTERM)
        #expect(sleeper.wait() == 128 + SIGTERM)
        #expect(!sleeper.isRunning)
        #expect(throws: ChildProcess.SpawnFailure.self) { try ChildProcess("/nonexistent/tool", []) }
        // A child that reads nothing: writing 1 MiB to it fails quietly instead of killing this process.
        let deaf = try await ProcessResult.run(URL(fileURLWithPath: "/bin/true"), [], input: Data(count: 1 << 20))
        #expect(deaf.status == 0)
    }
}
