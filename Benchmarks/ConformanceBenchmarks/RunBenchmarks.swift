import CaseGenerator
import ComplianceReport
import ConformanceRunner
import ConformanceSpec
import ConformanceTargets
import Foundation
import QueryProtocol
import ReferenceServer
import Transport

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

/// Peak resident set size of this process, in MiB.
func peakMemoryMiB() -> Double {
    var usage = rusage()
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    return Double(usage.ru_maxrss) / 1024
}

/// CPU time (user + system) this process has used, in seconds.
func processCPUSeconds() -> Double {
    var usage = rusage()
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(
        usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
}

/// The whole suite against a fresh embedded server, `repeats` times: wall time and cases/s.
func suiteBenchmark(spec: ServiceSpec, repeats: Int, concurrency: Int) async throws {
    let cases = CaseGenerator(spec: spec).generate()
    let goldens = SpecLocation.packageRoot.appendingPathComponent("Golden").path
    var walls: [Double] = []
    let runOptions = ConformanceRun.Options(concurrency: concurrency)
    for _ in 0..<repeats {
        let started = ContinuousClock.now
        let report = try await TargetRunner.run(
            .embedded, settings: TargetSettings(), spec: spec, cases: cases, goldens: goldens, options: runOptions
        ).report
        walls.append(seconds(ContinuousClock.now - started))
        precondition(
            report.count(.passed) == cases.count, "the suite did not pass: \(report.count(.passed))/\(cases.count)")
    }
    let best = walls.min()!
    let median = walls.sorted()[walls.count / 2]
    print(
        String(
            format:
                "suite: %d cases, concurrency %d, %d runs: median %.3f s (best %.3f s), %.0f cases/s; server start/stop included",
            cases.count, concurrency, repeats, median, best, Double(cases.count) / median))
}

/// The runner's own request path (encode, sign, send, read) on one repeated request, `concurrency` loops.
func loadBenchmark(spec: ServiceSpec, url: String, concurrency: Int, seconds duration: Double) async throws {
    let transport = NetworkTransport(options: .init(timeout: .seconds(10), connections: concurrency))
    let client = QueryClient(spec: spec, endpoint: Endpoint(url: url), transport: transport)
    let create = Request(
        operation: "CreateDBCluster",
        parameters: [Parameter("DBClusterIdentifier", .scalar("bench-1")), Parameter("Engine", .scalar("neptune"))])
    _ = try? await client.send(create)
    let request = Request(
        operation: "DescribeDBClusters", parameters: [Parameter("DBClusterIdentifier", .scalar("bench-1"))])
    // NC_BENCH_RAW=1: the same bytes each time, without encoding and signing, to see the HTTP client's own ceiling.
    let rawTransport = ProcessInfo.processInfo.environment["NC_BENCH_RAW"] == "1"
    let fixed = client.prepare(request)
    let deadline = ContinuousClock.now.advanced(by: .milliseconds(Int(duration * 1000)))
    let started = ContinuousClock.now
    let cpuBefore = processCPUSeconds()
    let (count, failures) = await withTaskGroup(of: (Int, Int).self) { group in
        for worker in 0..<concurrency {
            group.addTask(executorPreference: transport.preferredExecutor(forWorker: worker)) {
                var done = 0
                var failed = 0
                // At least one request per worker, however late the worker starts on a loaded machine.
                repeat {
                    if rawTransport {
                        if let answer = try? await transport.send(
                            url: url, headers: fixed.headers.filter { $0.0 != "Host" }, body: fixed.body),
                            answer.status == 200
                        {
                            done += 1
                        } else {
                            failed += 1
                        }
                    } else if let sent = try? await client.send(request), sent.answer.status == 200 {
                        done += 1
                    } else {
                        failed += 1
                    }
                } while ContinuousClock.now < deadline
                return (done, failed)
            }
        }
        return await group.reduce(into: (0, 0)) {
            $0.0 += $1.0
            $0.1 += $1.1
        }
    }
    let elapsed = seconds(ContinuousClock.now - started)
    let cpu = processCPUSeconds() - cpuBefore
    await transport.shutdown()
    // The second figure is the client's own cost: what one core could send if the server cost nothing.
    print(
        String(
            format:
                "runner loop: %.0f req/s (%d requests, %d failed, concurrency %d, %.1f s); client CPU %.1f us/request",
            Double(count) / elapsed, count, failures, concurrency, elapsed, cpu / Double(max(1, count)) * 1e6))
}

/// A run of `cases` cases (the suite under successive seeds, so every case names its own resources)
/// against the embedded server; peak memory at a quarter and at the whole.
func memoryBenchmark(spec: ServiceSpec, cases wanted: Int) async throws {
    var cases: [TestCase] = []
    var seed: UInt64 = 1
    while cases.count < wanted {
        // Serial cases, and the protocol and signature families (the same requests under every seed), once.
        cases += CaseGenerator(spec: spec, seed: seed).generate().filter {
            seed == 1 || (!$0.tags.contains("run:serial") && $0.kind != .protocol && $0.kind != .signature)
        }
        seed += 1
    }
    let selected = Array(cases.prefix(wanted))
    let goldens = SpecLocation.packageRoot.appendingPathComponent("Golden").path
    print(String(format: "memory: before the run %.1f MiB peak", peakMemoryMiB()))
    let started = ContinuousClock.now
    let quarter = wanted / 4
    let report = try await TargetRunner.run(
        .embedded, settings: TargetSettings(), spec: spec, cases: selected, goldens: goldens,
        options: .init(concurrency: 8),
        progress: { done, _, _ in
            if done == quarter { print(String(format: "memory: after %d cases %.1f MiB peak", done, peakMemoryMiB())) }
        }
    ).report
    let wall = seconds(ContinuousClock.now - started)
    print(String(format: "memory: after the run, before its JSON report %.1f MiB peak", peakMemoryMiB()))
    // As `run` writes it: report.json in pieces into a file.
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nc-memory-\(getpid())").path
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let written = try ReportWriter.write(report, to: folder, formats: [.json])
    let size = (try? FileManager.default.attributesOfItem(atPath: written[0])[.size] as? Int) ?? 0
    print(
        String(
            format: "memory: after %d cases %.1f MiB peak; %d passed; %.1f s (%.0f cases/s); report.json %.1f MiB",
            report.results.count, peakMemoryMiB(), report.count(.passed), wall, Double(report.results.count) / wall,
            Double(size) / 1_048_576))
}
