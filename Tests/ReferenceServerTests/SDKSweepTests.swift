import ConformanceSpec
import ConformanceTestSupport
import Foundation
import Testing

/// `serve` through an SDK, as its users call it: every operation of botocore's Neptune model, with a minimal and
/// a full request (values of the right type, no set-up), through a botocore client
/// (`Tests/Tools/botocore_sweep.py`). Each operation in `Specs/` (and each helper set-up calls) must come back as a success botocore parses or
/// an error the model lists for it (or a common one), never InvalidAction, another code or an HTTP 5xx.
@Suite(.enabled(if: ExternalTool.botocore.runsHere, Comment(rawValue: ExternalTool.botocore.skipReason)))
struct SDKSweepTests {
    @Test func everySpecifiedOperationAnswersAnSDKWithASuccessOrAModelledError() async throws {
        let python = try ExternalTool.botocore.require()
        let spec = try SpecLoader(directory: SpecLocation.defaultDirectory()).load()
        let server = try await ServeProcess.start()
        defer { server.stop() }
        // Common errors any operation may draw, but not the one that says the operation does not exist.
        let common = spec.errors.values.filter { $0.common && $0.code != "InvalidAction" }.map(\.code).sorted()
            .joined(separator: ",")
        let script = BuiltCLI.packageRoot.appendingPathComponent("Tests/Tools/botocore_sweep.py")
        let result = try await ProcessResult.run(URL(fileURLWithPath: python), [script.path, server.url, common])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let outcomes = try #require(json["outcomes"] as? [String: String])
        let modelOperations = Set(outcomes.keys.map { String($0.prefix { $0 != "/" }) })
        #expect(modelOperations.count == 70, "botocore's model has \(modelOperations.count) operations")

        // What serve implements: the operations of Specs/ and the helpers set-up calls (resources.yaml).
        let implemented = Set(spec.operations.map(\.name) + spec.resources.helperOperations)
        var served: Set<String> = []
        for (key, outcome) in outcomes.sorted(by: { $0.key < $1.key }) {
            let operation = String(key.prefix { $0 != "/" })
            let good = outcome == "success" || outcome.hasPrefix("modelled:")
            if implemented.contains(operation) {
                #expect(good, "\(key): \(outcome)")
            } else {
                // Operations not yet in Specs/: the sweep tells them apart (InvalidAction is not a modelled answer).
                #expect(!good && outcome == "unmodelled:InvalidAction", "\(key): \(outcome)")
            }
            if good { served.insert(operation) }
        }
        let successes = outcomes.values.filter { $0 == "success" }.count
        print(
            "SDK sweep: serve answers \(served.count) of \(modelOperations.count) operations of botocore's model "
                + "(\(successes) successes, \(outcomes.values.filter { $0.hasPrefix("modelled:") }.count) modelled errors "
                + "of \(outcomes.count) requests); InvalidAction for \(modelOperations.count - served.count)")
        #expect(served == implemented)
    }
}
