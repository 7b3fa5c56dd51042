import ConformanceTestSupport
import Foundation
import Testing
import Transport

/// Issue #26's fixture: a whole run through each weather (throttling 5%, dropped connections 2%, 5% of answers
/// delayed 1.5 s) in front of `serve` gives the verdicts of the same run without weather (every case passes, the
/// signature family is skipped as `serve` checks no signature), retries what the weather did, and leaves nothing
/// in any region.
@Suite(.serialized) struct WeatherRunTests {
    /// What one run showed.
    struct Outcome: Sendable {
        var status: Int32
        var verdicts: [String: String]
        /// The reason of each case that did not pass.
        var reasons: [String: String]
        var retries: [String: Int]
        var seconds: Double
        var inventory: String
        var proxy: String
        var summary: String
    }

    /// A whole run against a fresh `serve`, through `weather` with these arguments when given.
    static func run(_ weather: [String]?) async throws -> Outcome {
        let server = try await ServeProcess.start()
        defer { server.stop() }
        var proxy: ServeProcess?
        if let weather {
            proxy = try await ServeProcess.start(
                weather, command: ["weather", "--upstream", server.url, "--port", "0"])
        }
        defer { proxy?.stop() }
        let reports = RunCommandTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: reports) }
        // Four retries through weather: with the default two, 5 % throttling refuses one request in 8,000 three times
        // in a row, about once a run among its ~9,000 requests, and a set-up step or a case's request so refused errs the
        // case. Five attempts make that one request in 3 million: the verdicts are then the weather's, not chance's.
        let retries = weather == nil ? [] : ["--retries", "4"]
        let run = try await ProcessResult.run(
            BuiltCLI.url,
            ["run", "--endpoint", proxy?.url ?? server.url, "--report-dir", reports, "--quiet", "--shard", shard]
                + retries)
        let data = try Data(contentsOf: URL(fileURLWithPath: "\(reports)/report.json"))
        let report = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let results = try #require(report["results"] as? [[String: Any]])
        var verdicts: [String: String] = [:]
        var reasons: [String: String] = [:]
        for result in results {
            let id = result["id"] as? String ?? ""
            verdicts[id] = result["verdict"] as? String
            reasons[id] = result["reason"] as? String
        }
        let client = NetworkTransport(options: .init(timeout: .seconds(10), retry: .off))
        let inventory = try await client.send(url: server.url + "/__inventory", method: "GET", headers: [], body: "")
        var stats = ""
        if let proxy {
            stats = try await client.send(url: proxy.url + "/__weather", method: "GET", headers: [], body: "").body
        }
        await client.shutdown()
        return Outcome(
            status: run.status, verdicts: verdicts, reasons: reasons,
            retries: report["retries"] as? [String: Int] ?? [:],
            seconds: report["durationSeconds"] as? Double ?? 0, inventory: inventory.body, proxy: stats,
            summary: run.stdout.split(separator: "\n").filter { $0.hasPrefix("Retried") || $0.contains(" cases in ") }
                .joined(separator: "; "))
    }

    static let clear = Task { try await run(nil) }

    /// Half the suite, the same half in every weather and in clear weather (the whole suite runs in clear weather in
    /// other tests; through weather, each run costs a run of the CLI, `serve` and the proxy on two cores).
    static let shard = "1/2"

    static let weathers: [(String, [String])] = [
        ("throttling 5%", ["--throttle", "5%"]),
        ("dropped connections 2%", ["--drop", "2%"]),
        ("5% of answers delayed 1.5 s", ["--delay", "5%:1.5s"]),
    ]

    @Test(arguments: weathers)
    func aWholeRunThroughWeatherGivesTheVerdictsOfClearWeather(name: String, arguments: [String]) async throws {
        let clear = try await Self.clear.value
        #expect(clear.status == 0 && clear.inventory.isEmpty)
        let stormy = try await Self.run(arguments)
        print("weather \(name): \(stormy.summary); proxy \(stormy.proxy); clear weather \(clear.summary)")
        #expect(stormy.status == 0, "\(stormy.summary)")
        #expect(stormy.verdicts.count == clear.verdicts.count && stormy.verdicts.count > 600)
        let changed = stormy.verdicts.filter { clear.verdicts[$0.key] != $0.value }.map {
            "\($0.key): \($0.value), \(stormy.reasons[$0.key] ?? "")"
        }
        #expect(changed.isEmpty, "verdicts that differ from clear weather: \(changed.sorted())")
        let notPassed = stormy.verdicts.filter { $0.value != "passed" }
        #expect(notPassed.allSatisfy { $0.key.hasPrefix("SigV4/") && $0.value == "skipped" }, "\(notPassed)")
        #expect(stormy.inventory.isEmpty, "left behind: \(stormy.inventory)")
        if arguments[0] != "--delay" {
            #expect(stormy.retries.values.reduce(0, +) > 0, "the weather must have been met with retries")
        }
    }
}
