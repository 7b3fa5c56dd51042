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
                same type, and the constraints and defaults of each parameter's text are the
                spec's). With --model, also checks the spec against botocore's service
                model (service-2.json or service-2.json.gz; 'auto' reads the copy inside the
                botocore python3 imports): every operation is in the model; members, wire
                types, required flags, list element names, result wrappers and errors (wire
                code, HTTP status, Sender/Receiver) agree; and the constraints and defaults the
                model's documentation strings state ("Constraints:", "Valid Values:",
                "Default:") are the spec's, except where a member says why it departs
                ('departsFromSources:'; each is listed). Both options may be given.
                """)

        @OptionGroup var options: SpecOptions

        @Option(
            help: ArgumentHelp(
                "An API document to cross-check against (e.g. Facts/api-document/neptune-2022-10-26.txt).",
                valueName: "file"))
        var document: String?

        @Option(
            help: ArgumentHelp(
                "botocore's Neptune service model to cross-check against: a service-2.json or service-2.json.gz, or 'auto' for the copy in the botocore python3 imports.",
                valueName: "path|auto"))
        var model: String?

        func run() async throws {
            let spec = try options.load()
            var problems: [String] = []
            var documentSummary: (constraints: Int, departures: [String]) = (0, [])
            if let document {
                guard let text = try? String(contentsOfFile: document, encoding: .utf8) else {
                    Console.error("error: cannot read the API document at \(document)")
                    throw ExitCode(2)
                }
                do {
                    let parsed = try APIDocument.parse(text)
                    let check = APIDocumentCrossCheck(document: parsed, spec: spec)
                    problems = check.run().map(\.description)
                    documentSummary = (check.documentedConstraintCount, check.departures)
                } catch {
                    Console.error("error: \(document): \(error)")
                    throw ExitCode(2)
                }
            }
            if !problems.isEmpty {
                Console.error("error: the spec departs from the API document in \(problems.count) place(s):")
                for problem in problems { Console.error("  " + problem) }
            }
            let modelReport = try model.map { try checkModel($0, spec: spec) }
            if let modelReport, !modelReport.report.problems.isEmpty {
                Console.error(
                    "error: the spec departs from the service model (\(modelReport.path)) in \(modelReport.report.problems.count) place(s):"
                )
                for problem in modelReport.report.problems { Console.error("  \(problem)") }
            }
            if !problems.isEmpty || !(modelReport?.report.problems.isEmpty ?? true) { throw ExitCode(2) }
            let constraints = spec.operations.reduce(0) { $0 + SpecStatistics.constraintCount(of: $1) }
            print(
                "ok: \(spec.operations.count) operations, \(spec.shapes.count) shapes, \(spec.errors.count) errors, \(constraints) constraints, rules and preconditions, \(spec.resources.lifecycles.count) resource lifecycles in \(options.directory.path)"
            )
            if document != nil {
                print(
                    "ok: every parameter and response member of the API document is in the spec with the same type; \(documentSummary.constraints) constraints and defaults its parameter texts state, \(documentSummary.departures.count) deliberate departures"
                )
                for departure in documentSummary.departures { print("  departs: \(departure)") }
            }
            if let modelReport {
                let report = modelReport.report
                print(
                    "ok: the service model (\(modelReport.path)) agrees: \(report.operationsChecked) operations checked, \(report.membersCompared) members, \(report.constraintsCompared) documented constraints and defaults compared, \(report.departures.count) deliberate departures"
                )
                for departure in report.departures { print("  departs: \(departure)") }
            }
        }

        /// Reads the model and runs the cross-check; exit 2 when the model cannot be found or read.
        private func checkModel(_ argument: String, spec: ServiceSpec) throws -> (
            path: String, report: ServiceModelCrossCheck.Report
        ) {
            let path: String
            do { path = try ServiceModelLocation.resolve(argument) } catch {
                Console.error("error: \(error)")
                throw ExitCode(2)
            }
            do {
                let model = try ServiceModel.load(path: path)
                return (path, ServiceModelCrossCheck(model: model, spec: spec).run())
            } catch {
                Console.error("error: the service model cannot be read: \(error)")
                throw ExitCode(2)
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
