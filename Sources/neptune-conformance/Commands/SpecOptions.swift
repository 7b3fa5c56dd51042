import ArgumentParser
import ConformanceSpec
import Foundation

/// The `--specs` option shared by every command that reads the spec.
struct SpecOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The spec directory (service.yaml, errors.yaml, shapes.yaml, operations/, resources.yaml).",
            discussion:
                "Default: $\(SpecLocation.environmentVariable), else the Specs/ of the package the tool was built from.",
            valueName: "dir"))
    var specs: String?

    var directory: URL { specs.map { URL(fileURLWithPath: $0) } ?? SpecLocation.defaultDirectory() }

    /// Loads the spec, printing every problem to standard error and exiting 2 when it is broken.
    func load() throws -> ServiceSpec {
        do {
            return try SpecLoader(directory: directory).load()
        } catch {
            Console.error("error: the spec in \(directory.path) is broken.\n\(error.description)")
            throw ExitCode(2)
        }
    }
}

/// Writes to standard output and standard error (only the CLI prints).
enum Console {
    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// A usage error found in `run()`, once the spec is loaded: printed with what to type instead, exit 64.
    /// (A `ValidationError` thrown from `run()` would print the root command's usage, not the subcommand's.)
    static func usage(_ message: String) -> ExitCode {
        error("Error: " + message)
        return ExitCode(64)
    }
}
