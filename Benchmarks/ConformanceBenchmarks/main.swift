import ConformanceSpec
import Foundation
import NIOCore
import NIOPosix

// Benchmarks, release build: swift run -c release conformance-benchmarks MODE [options]
//   micro [iterations]                      XML parse/compare/shape-check and generation throughput
//   suite [repeats] [concurrency]           the whole suite against the embedded server, wall time
//   load URL [concurrency] [seconds]        the runner's request loop on one repeated DescribeDBClusters
//   memory [cases]                          peak memory for a run of that many cases (default 10000)
// Benchmarks/run.sh runs them all beside wrk and a boto3 loop and prints the comparison.

// NC_BENCH_NIO_EXECUTOR=1 runs Swift tasks on NIO's event loops (no thread hop per request). Measured on
// the runner loop: no gain (7,500-7,800 req/s with it, 6,700-7,600 without), so it is off by default.
if ProcessInfo.processInfo.environment["NC_BENCH_NIO_EXECUTOR"] == "1" {
    NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
}

let arguments = Array(CommandLine.arguments.dropFirst())
let mode = arguments.first ?? "micro"
let rest = Array(arguments.dropFirst())
let spec = try SpecLoader(directory: SpecLocation.defaultDirectory()).load()

switch mode {
case "micro":
    try microBenchmarks(spec: spec, iterations: rest.first.flatMap(Int.init) ?? 20_000)
case "suite":
    try await suiteBenchmark(spec: spec, repeats: rest.first.flatMap(Int.init) ?? 5, concurrency: rest.dropFirst().first.flatMap(Int.init) ?? 8)
case "load":
    guard let url = rest.first else {
        FileHandle.standardError.write(Data("usage: conformance-benchmarks load URL [concurrency] [seconds]\n".utf8))
        exit(2)
    }
    try await loadBenchmark(spec: spec, url: url, concurrency: rest.dropFirst().first.flatMap(Int.init) ?? 16, seconds: rest.dropFirst(2).first.flatMap(Double.init) ?? 5)
case "memory":
    try await memoryBenchmark(spec: spec, cases: rest.first.flatMap(Int.init) ?? 10_000)
default:
    FileHandle.standardError.write(Data("unknown mode '\(mode)'; use micro, suite, load or memory\n".utf8))
    exit(2)
}
