import ArgumentParser
import ConformanceSpec
import Foundation
import XMLCompare

struct CompareCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare an actual XML answer with a golden one.",
        discussion: """
            The golden may hold placeholders where values vary: {{ignore}}, {{string}},
            {{integer}}, {{number}}, {{bool}}, {{timestamp}}, {{regex:PATTERN}},
            {{input:Param.Path}} (equal to the value given with --input Param.Path=VALUE;
            add |lower to compare lower-cased). When the root is <OperationResponse> of an
            operation in the spec, the spec says which lists are unordered (compared as
            multisets) and the actual answer is also checked against the operation's
            response shape.

            Exit status: 0 the answers match (warnings may be printed), 1 they differ (the
            differences are printed with their XPath), 2 a file cannot be read or parsed.
            """)

    @Argument(help: "The golden (expected) XML file.")
    var golden: String

    @Argument(help: "The actual XML answer.")
    var actual: String

    @Flag(help: "Elements the golden or spec does not know: --strict makes them errors (default), --lenient warnings.")
    var mode: ComparisonMode = .strict

    @Option(
        name: .customLong("input"),
        help: ArgumentHelp("A request value for {{input:…}} placeholders (repeatable).", valueName: "Param.Path=VALUE"))
    var inputs: [String] = []

    @OptionGroup var specOptions: SpecOptions

    func validate() throws {
        for input in inputs where !input.contains("=") {
            throw ValidationError(
                "--input '\(input)' needs the form Param.Path=VALUE, e.g. --input DBClusterIdentifier=my-cluster")
        }
    }

    func run() async throws {
        let goldenTree = try Self.read(golden, what: "golden")
        let actualTree = try Self.read(actual, what: "actual answer")
        var values: [String: String] = [:]
        for input in inputs {
            let parts = input.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            values[String(parts[0])] = String(parts[1])
        }
        var context = ShapeContext.unknown
        var shapeDifferences: [XMLDifference] = []
        let spec = try? SpecLoader(directory: specOptions.directory).load()
        if spec == nil {
            Console.error(
                "warning: the spec in \(specOptions.directory.path) could not be loaded; comparing without it")
        }
        if let spec, goldenTree.root.name.hasSuffix("Response"),
            let operation = spec.operation(named: String(goldenTree.root.name.dropLast("Response".count)))
        {
            context = .successRoot(operation)
            shapeDifferences = ShapeChecker(spec: spec, mode: mode).checkSuccess(actualTree, operation: operation)
        } else if let spec, goldenTree.root.name == "ErrorResponse" {
            shapeDifferences = ShapeChecker(spec: spec, mode: mode).checkError(actualTree)
        }
        let differences = GoldenComparison(mode: mode, inputs: values, context: context).compare(
            golden: goldenTree, actual: actualTree)
        var all = differences
        for difference in shapeDifferences
        where !all.contains(where: { $0.path == difference.path && $0.kind == difference.kind }) {
            all.append(difference)
        }
        if all.isEmpty {
            print("match: \(actual) matches \(golden) (\(mode.rawValue))")
            return
        }
        print(all.rendered)
        let errors = all.errors.count
        print("\(errors) difference(s), \(all.count - errors) warning(s)")
        if errors > 0 { throw ExitCode(1) }
    }

    static func read(_ path: String, what: String) throws -> XMLTree {
        guard let data = FileManager.default.contents(atPath: path) else {
            Console.error("error: cannot read the \(what) file \(path)")
            throw ExitCode(2)
        }
        do {
            return try SafeXMLParser().parse([UInt8](data))
        } catch {
            Console.error("error: \(path): \(error.description)")
            throw ExitCode(2)
        }
    }
}

extension ComparisonMode: EnumerableFlag {}
