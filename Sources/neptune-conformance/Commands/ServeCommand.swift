import ArgumentParser
import ConformanceSpec
import Foundation
import Logging
import QueryProtocol
import ReferenceServer

extension Fault: ExpressibleByArgument {}

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the reference server: a strict local Neptune mock for tests.",
        discussion: """
            It implements the operations of Specs/ exactly as they say (validation,
            error codes, HTTP statuses, the cluster and instance state machines, deletion
            protection, final snapshots): DB clusters, their DB instances (classes from
            Specs/instance-classes.yaml), cluster snapshots, event subscriptions and
            the events of each region.
            Point any AWS SDK at it with endpoint_url=http://HOST:PORT and any
            credentials.

            --fault switches on a deliberate non-conformance (repeatable), to see the
            suite catch it:
            \(Self.faultList)

            Examples:
              neptune-conformance serve --port 8182
              neptune-conformance serve --port 9000 --fault delete-protected-cluster \\
                  --transition-delay 2
            """)

    /// One fault a line, the summary under its name where both would not fit in 78 columns.
    static var faultList: String {
        Fault.allCases.map { fault in
            let line = "  \(fault.rawValue): \(fault.summary)"
            return line.count <= 78 ? line : "  \(fault.rawValue):\n      \(fault.summary)"
        }.joined(separator: "\n")
    }

    @OptionGroup var specOptions: SpecOptions

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on (0 picks a free one and prints it).")
    var port = 8182

    @Option(help: "A deliberate non-conformance to switch on (repeatable); see the list above.")
    var fault: [Fault] = []

    @Option(
        help: ArgumentHelp(
            "Seconds a cluster stays in creating, stopping, deleting and the like.", valueName: "seconds"))
    var transitionDelay: Double = 0

    @Option(help: ArgumentHelp("The largest request body accepted, in bytes.", valueName: "bytes"))
    var maxBodySize = 1 << 20

    @Option(
        help: ArgumentHelp(
            "The region of requests whose signature names none (with --verify-signatures, the only one).",
            discussion:
                "Otherwise each request's SigV4 scope picks its region: one store per region, and ARNs, endpoints and Availability Zones in it.",
            valueName: "region"))
    var region = "us-east-1"

    @Option(
        name: .customLong("also-region"),
        help: ArgumentHelp(
            "With --verify-signatures, another region a credential scope may name (repeatable).",
            discussion:
                "`run`'s region cases sign for eu-central-1 (ap-southeast-2 when --region is eu-central-1) besides the run's region; without this they are skipped against a server that verifies signatures.",
            valueName: "region"))
    var alsoRegion: [String] = []

    @Flag(help: "Log nothing but errors.")
    var quiet = false

    @Flag(
        help: ArgumentHelp(
            "Check SigV4 on every request (off by default, like most mocks).",
            discussion:
                "Keys come from --credentials; without it, the built-in test key AKIDNEPTUNECONFORMANCE with the secret local-testing-secret."
        ))
    var verifySignatures = false

    @Option(
        help: ArgumentHelp(
            "An access key the server accepts with --verify-signatures (repeatable).", valueName: "key-id:secret"))
    var credentials: [String] = []

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be 0...65535, not \(port)") }
        guard transitionDelay >= 0, transitionDelay <= 3600 else {
            throw ValidationError("--transition-delay must be 0...3600 seconds")
        }
        guard maxBodySize >= 1024 else { throw ValidationError("--max-body-size must be at least 1024 bytes") }
        for pair in credentials where pair.split(separator: ":", maxSplits: 1).count != 2 {
            throw ValidationError("--credentials takes KEY-ID:SECRET, e.g. --credentials AKIDEXAMPLE:wJalrXUtnFEMI")
        }
        if !credentials.isEmpty && !verifySignatures {
            throw ValidationError("--credentials only matters with --verify-signatures")
        }
        if !alsoRegion.isEmpty && !verifySignatures {
            throw ValidationError(
                "--also-region only matters with --verify-signatures (without it every region a scope names is served)")
        }
        for name in [region] + alsoRegion where !RequestRegion.isRegionName(name) {
            throw ValidationError("'\(name)' is not a region name (lower-case letters, digits and hyphens: us-east-2)")
        }
    }

    /// The keys of --credentials, or the built-in test key.
    var keys: [String: String] {
        if credentials.isEmpty {
            return [AWSCredentials.localTesting.accessKeyId: AWSCredentials.localTesting.secretAccessKey]
        }
        return Dictionary(
            credentials.map { pair in
                let parts = pair.split(separator: ":", maxSplits: 1).map(String.init)
                return (parts[0], parts[1])
            }, uniquingKeysWith: { _, last in last })
    }

    func run() async throws {
        let spec = try specOptions.load()
        let emulator = NeptuneEmulator(
            spec: spec,
            configuration: .init(
                transitionDelay: .milliseconds(Int(transitionDelay * 1000)), faults: Set(fault), region: region,
                verifySignatures: verifySignatures ? keys : nil, otherRegions: alsoRegion))
        var logger = Logger(label: "neptune-conformance.serve")
        logger.logLevel = quiet ? .error : .info
        let server = ReferenceServer(
            emulator: emulator, host: host, port: port, maxBodySize: maxBodySize, logger: logger)
        let faults = fault.isEmpty ? "no faults" : "faults: " + fault.map(\.rawValue).joined(separator: ", ")
        let host = self.host
        do {
            try await server.run(handleSignals: true) { bound in
                FileHandle.standardOutput.write(
                    Data(
                        "neptune-conformance reference server on http://\(host):\(bound) (\(faults)); Ctrl-C stops it\n"
                            .utf8))
            }
        } catch {
            Console.error("error: the server could not run on \(host):\(port): \(error)")
            throw ExitCode(2)
        }
    }
}
