import Foundation

/// A copy of a spec directory (Specs/) in a temporary directory, for tests that break it on purpose: change a
/// file's text, then load the copy or hand it to the CLI. `remove()` deletes it (call it in a `defer`).
public struct SpecsCopy: Sendable {
    /// The text a change was to replace is not in the file: the spec moved on, and the test must follow it.
    public struct TextNotFound: Error, CustomStringConvertible {
        public let file: String
        public let text: String
        public var description: String {
            "the copy's \(file) no longer holds the text to change: \(text.debugDescription)"
        }
    }

    /// The copy.
    public let directory: URL

    /// Copies `source` to a new temporary directory.
    /// - Throws: what `FileManager.copyItem` throws.
    public init(of source: URL) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("specs-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: source, to: directory)
    }

    /// The copy's file at `path` (`operations/StopDBCluster.yaml`).
    public func url(_ path: String) -> URL { directory.appendingPathComponent(path) }

    /// Replaces every occurrence of `text` in the file at `path` with `replacement`.
    /// - Throws: `TextNotFound` when the file does not hold `text`; what reading or writing the file throws.
    public func replace(_ text: String, with replacement: String, in path: String) throws {
        let old = try String(contentsOf: url(path), encoding: .utf8)
        guard old.contains(text) else { throw TextNotFound(file: path, text: text) }
        try write(old.replacingOccurrences(of: text, with: replacement), to: path)
    }

    /// Replaces the file at `path` with `text`.
    public func write(_ text: String, to path: String) throws {
        try text.write(to: url(path), atomically: true, encoding: .utf8)
    }

    /// Deletes the copy.
    public func remove() { try? FileManager.default.removeItem(at: directory) }
}
