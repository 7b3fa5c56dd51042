import ArgumentParser
import ConformanceSpec
import Foundation

struct SpecCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "spec",
        abstract: "Check and read the operation specs in Specs/.",
        subcommands: [Lint.self, Show.self]
    )

    struct Lint: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check every spec file; exit 0 if sound, 2 listing every problem.",
            discussion: """
                Checks keys, types, constraints, rules, preconditions and error codes, and
                that every name a rule or precondition uses exists. With --document, also
                checks the spec against the API document (every parameter of each request
                syntax and every member of the response syntax must be in the spec with the
                same type).
                """)

        @OptionGroup var options: SpecOptions

        @Option(
            help: ArgumentHelp(
                "An API document to cross-check against (e.g. ../shared/seeds/000_3e632a306ddc0832.txt).",
                valueName: "file"))
        var document: String?

        func run() async throws {
            let spec = try options.load()
            var problems: [String] = []
            if let document {
                guard let text = try? String(contentsOfFile: document, encoding: .utf8) else {
                    Console.error("error: cannot read the API document at \(document)")
                    throw ExitCode(2)
                }
                do {
                    let parsed = try APIDocument.parse(text)
                    problems = APIDocumentCrossCheck(document: parsed, spec: spec).run().map(\.description)
                } catch {
                    Console.error("error: \(document): \(error)")
                    throw ExitCode(2)
                }
            }
            if !problems.isEmpty {
                Console.error("error: the spec departs from the API document in \(problems.count) place(s):")
                for problem in problems { Console.error("  " + problem) }
                throw ExitCode(2)
            }
            let constraints = spec.operations.reduce(0) { $0 + SpecStatistics.constraintCount(of: $1) }
            print(
                "ok: \(spec.operations.count) operations, \(spec.shapes.count) shapes, \(spec.errors.count) errors, \(constraints) constraints, rules and preconditions, \(spec.resources.lifecycles.count) resource lifecycles in \(options.directory.path)"
            )
            if document != nil {
                print("ok: every parameter and response member of the API document is in the spec with the same type")
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print one operation: parameters, rules, preconditions, errors.")

        @OptionGroup var options: SpecOptions

        @Argument(help: "The operation name, e.g. CreateDBCluster (case-insensitive).")
        var operation: String

        func run() async throws {
            let spec = try options.load()
            guard let found = spec.operations.first(where: { $0.name.lowercased() == operation.lowercased() }) else {
                let names = spec.operations.map(\.name).joined(separator: ", ")
                throw Console.usage("no operation '\(operation)' in the spec; try one of: \(names)")
            }
            print(SpecRenderer(spec: spec).render(found), terminator: "")
        }
    }
}
