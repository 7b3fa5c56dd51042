import ConformanceSpec
import ConformanceTestSupport
import Foundation
import Testing

/// One mistake made in a copy of Specs/ (`find` replaced by `replace` in `file`) and the located error loading it
/// must give: in that file, at `keyPath` (unless empty), with a line, its text containing `message`. The rows of
/// every Malformed…Tests suite.
struct SpecMistake: CustomTestStringConvertible, Sendable {
    var name: String
    var file: String
    var find: String
    var replace: String
    var keyPath: String
    var message: String
    var testDescription: String { name }

    init(name: String, file: String, find: String, replace: String, keyPath: String, message: String) {
        self.name = name
        self.file = file
        self.find = find
        self.replace = replace
        self.keyPath = keyPath
        self.message = message
    }

    /// Makes the mistake in a fresh copy of Specs/, loads it and checks the error.
    /// - Throws: when the copy cannot be made or `file` no longer holds `find`.
    func isReportedPrecisely(sourceLocation: SourceLocation = #_sourceLocation) throws {
        let copy = try SpecsCopy(of: TestPaths.specs)
        defer { copy.remove() }
        try copy.replace(find, with: replace, in: file)
        do {
            _ = try SpecLoader(directory: copy.directory).load()
            Issue.record("the spec broken in \(file) loaded without an error", sourceLocation: sourceLocation)
        } catch {
            let match = error.errors.first { $0.file == file }
            let found = try #require(match, "no error for \(file); got \(error)", sourceLocation: sourceLocation)
            if !keyPath.isEmpty { #expect(found.keyPath == keyPath, sourceLocation: sourceLocation) }
            #expect(found.description.contains(message), "\(found)", sourceLocation: sourceLocation)
            #expect(found.line != nil, "every error names a line: \(found)", sourceLocation: sourceLocation)
        }
    }
}
