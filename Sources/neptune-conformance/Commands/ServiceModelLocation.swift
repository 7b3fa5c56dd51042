import ConformanceSpec
import Foundation

/// Where `spec lint --model` reads botocore's service model: a path, or `auto` for the copy inside the botocore
/// that `python3` imports.
enum ServiceModelLocation {
    /// The model's place inside botocore's package directory.
    static let pathInBotocore = "data/neptune/2014-10-31/service-2.json"

    /// A path or `auto` made a file path.
    /// - Throws: a message saying why botocore's copy cannot be found (no python3, no botocore, no model file).
    static func resolve(_ argument: String) throws(LocationError) -> String {
        guard argument == "auto" else { return argument }
        let directory = try botocoreDirectory()
        for suffix in [".gz", ""] {
            let candidate = "\(directory)/\(pathInBotocore)\(suffix)"
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
        }
        throw LocationError(
            message: "botocore (\(directory)) has no Neptune model at \(pathInBotocore)[.gz]; give --model PATH")
    }

    struct LocationError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    /// `python3 -c "import botocore,os;print(os.path.dirname(botocore.__file__))"`.
    private static func botocoreDirectory() throws(LocationError) -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import botocore,os;print(os.path.dirname(botocore.__file__))"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch {
            throw LocationError(message: "cannot run python3 to find botocore (\(error)); give --model PATH")
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let directory = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard process.terminationStatus == 0, !directory.isEmpty else {
            throw LocationError(
                message:
                    "--model auto: python3 cannot import botocore (pip install botocore), or python3 is missing; give --model PATH to a service-2.json[.gz]"
            )
        }
        return directory
    }
}
