import Foundation

/// `neptune-conformance serve` in a child process on a port it picks itself: the test waits for the line
/// that announces the URL, so there is neither a port race with other tests nor a guessed start-up sleep.
public struct ServeProcess: Sendable {
    public let process: ChildProcess
    /// `http://127.0.0.1:PORT`, as the server announced it.
    public let url: String

    public struct StartFailure: Error, CustomStringConvertible {
        public let output: String
        public var description: String { "serve did not announce its URL; it printed: \(output.prefix(500))" }
    }

    /// Starts `serve --port 0 --quiet` (or another `command` that announces its URL first on its first line, such
    /// as `weather`) with `arguments` added, and returns once it listens.
    public static func start(_ arguments: [String] = [], command: [String] = ["serve", "--port", "0", "--quiet"])
        async throws -> ServeProcess
    {
        let process = try ChildProcess(BuiltCLI.url.path, command + arguments, error: .discard)
        let out = process.standardOutput!
        let announced = try await ProcessResult.onOwnThread { () -> String in
            var text = ""
            while !text.contains("\n"), case let data = out.availableData, !data.isEmpty {
                text += String(decoding: data, as: UTF8.self)
            }
            return text
        }
        guard let start = announced.range(of: "http://")?.lowerBound, let end = announced[start...].firstIndex(of: " ")
        else {
            process.send(SIGTERM)
            throw StartFailure(output: announced)
        }
        return ServeProcess(process: process, url: String(announced[start..<end]))
    }

    public var port: Int { Int(url.split(separator: ":").last ?? "") ?? 0 }

    /// Stops the server (SIGTERM) and reaps it.
    public func stop() {
        process.send(SIGTERM)
        process.wait()
    }
}
