import ArgumentParser

@main
struct NeptuneConformance: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "neptune-conformance",
        abstract: "Contract tests and conformance reports for the Amazon Neptune DB-cluster API.",
        discussion: """
            The operations, parameters, constraints and answer shapes live as data in Specs/.
            Start with `neptune-conformance spec lint` to check them, and
            `neptune-conformance spec show CreateDBCluster` to read one operation.
            """,
        subcommands: [RunCommand.self, ServeCommand.self, CasesCommand.self, RecordCommand.self, ReportCommand.self, ParityCommand.self, CompareCommand.self, SpecCommand.self]
    )
}
