import ArgumentParser

@main
struct NeptuneConformance: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "neptune-conformance",
        abstract: "Contract tests and conformance reports for Neptune's DB-cluster API.",
        discussion: """
            The operations, parameters, constraints and answer shapes live as data in
            Specs/. Start with `neptune-conformance spec lint` to check them, and
            `neptune-conformance spec show CreateDBCluster` to read one operation.

            Run the whole suite against the embedded reference server with
            `neptune-conformance run`; see `neptune-conformance help run`.
            """,
        subcommands: [
            RunCommand.self, ServeCommand.self, CasesCommand.self, RecordCommand.self, ReportCommand.self,
            ParityCommand.self, CompareCommand.self, SpecCommand.self, WeatherCommand.self, ExploreCommand.self,
        ]
    )
}
