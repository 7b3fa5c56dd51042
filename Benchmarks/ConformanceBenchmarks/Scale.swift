import ConformanceRunner
import ConformanceSpec
import Foundation
import QueryProtocol
import ReferenceServer
import Transport

/// `serve` at scale (issue #26): one region of the embedded HTTP server filled with clusters and instances through
/// signed query requests, as the runner sends them; at each size, the create rates over the last stretch, the latency
/// of a first page and of one resource by identifier, and the process's resident memory.
struct ScaleBenchmark {
    var spec: ServiceSpec
    /// The sizes (clusters) at which to measure, ascending.
    var sizes: [Int]
    /// One instance per this many clusters (1: an instance in every cluster).
    var clustersPerInstance: Int
    /// Requests in flight while filling.
    var concurrency = 4
    /// Latency samples per measured request kind.
    var samples = 200
    /// The creates the rate is measured over: the last ones before a size is reached.
    var stretch = 1_000

    /// Cluster `index`'s identifier: a scrambled number, so creates arrive in no sorted order.
    static func clusterId(_ index: Int) -> String {
        String(format: "scale-%08x-%d", UInt32(truncatingIfNeeded: UInt64(index) &* 2_654_435_761), index)
    }

    static func instanceId(_ index: Int) -> String { "i" + clusterId(index) }

    func run() async throws {
        let emulator = NeptuneEmulator(spec: spec)
        print(
            String(
                format: "scale: sizes %@, an instance per %d clusters, %d in flight, %d samples; RSS before %.1f MiB",
                sizes.map(String.init).joined(separator: ","), clustersPerInstance, concurrency, samples,
                Self.residentMiB()))
        try await ReferenceServer.withRunning(emulator: emulator) { url in
            let transport = NetworkTransport(options: .init(timeout: .seconds(60), connections: concurrency))
            let client = QueryClient(spec: spec, endpoint: Endpoint(url: url), transport: transport)
            var clusters = 0
            var instances = 0
            for size in sizes {
                let stretch = min(self.stretch, size - clusters)
                _ = try await fill(client, from: clusters, to: size - stretch, create: createCluster)
                let clusterRate = try await fill(client, from: size - stretch, to: size, create: createCluster)
                clusters = size
                let wanted = size / clustersPerInstance
                let instanceStretch = min(self.stretch, wanted - instances)
                _ = try await fill(client, from: instances, to: wanted - instanceStretch, create: createInstance)
                let instanceRate = try await fill(
                    client, from: wanted - instanceStretch, to: wanted, create: createInstance)
                instances = wanted
                let lines = [
                    try await latency(client, "DescribeDBClusters first page") { _ in
                        Request(operation: "DescribeDBClusters", parameters: [])
                    },
                    try await latency(client, "DescribeDBClusters page of 20") { _ in
                        Request(operation: "DescribeDBClusters", parameters: [Parameter("MaxRecords", .scalar("20"))])
                    },
                    try await latency(client, "DescribeDBClusters one by identifier") { sample in
                        Request(
                            operation: "DescribeDBClusters",
                            parameters: [
                                Parameter("DBClusterIdentifier", .scalar(Self.clusterId(sample * 7919 % size)))
                            ])
                    },
                    try await latency(client, "DescribeDBInstances first page") { _ in
                        Request(operation: "DescribeDBInstances", parameters: [])
                    },
                    try await latency(client, "DescribeDBInstances one by identifier") { sample in
                        let index = (sample * 7919 % max(1, wanted)) * clustersPerInstance
                        return Request(
                            operation: "DescribeDBInstances",
                            parameters: [Parameter("DBInstanceIdentifier", .scalar(Self.instanceId(index)))])
                    },
                ]
                print(
                    String(
                        format:
                            "scale %d clusters, %d instances: CreateDBCluster %.0f/s, CreateDBInstance %.0f/s (last %d); RSS %.1f MiB",
                        size, wanted, clusterRate, instanceRate, stretch, Self.residentMiB()))
                for line in lines { print("  " + line) }
            }
            await transport.shutdown()
        }
    }

    func createCluster(_ index: Int) -> Request {
        Request(
            operation: "CreateDBCluster",
            parameters: [
                Parameter("DBClusterIdentifier", .scalar(Self.clusterId(index))),
                Parameter("Engine", .scalar("neptune")),
            ])
    }

    /// The instance of every `clustersPerInstance`-th cluster.
    func createInstance(_ index: Int) -> Request {
        let cluster = index * clustersPerInstance
        return Request(
            operation: "CreateDBInstance",
            parameters: [
                Parameter("DBInstanceIdentifier", .scalar(Self.instanceId(cluster))),
                Parameter("DBInstanceClass", .scalar("db.r5.large")), Parameter("Engine", .scalar("neptune")),
                Parameter("DBClusterIdentifier", .scalar(Self.clusterId(cluster))),
            ])
    }

    /// Sends the creates `from..<to`, `concurrency` at a time; their rate per second (0 when there are none).
    func fill(_ client: QueryClient, from: Int, to: Int, create: @escaping @Sendable (Int) -> Request) async throws
        -> Double
    {
        guard to > from else { return 0 }
        let started = ContinuousClock.now
        let workers = concurrency
        try await withThrowingTaskGroup(of: Void.self) { group in
            for worker in 0..<workers {
                group.addTask {
                    for index in stride(from: from + worker, to: to, by: workers) {
                        let sent = try await client.send(create(index))
                        guard sent.answer.status == 200 else {
                            throw ScaleError(
                                description:
                                    "create \(index) answered \(sent.answer.status): \(sent.answer.body.prefix(300))")
                        }
                    }
                }
            }
            try await group.waitForAll()
        }
        return Double(to - from) / seconds(ContinuousClock.now - started)
    }

    /// `samples` requests one at a time: median and p99 latency, in milliseconds, as one line.
    func latency(_ client: QueryClient, _ name: String, request: (Int) -> Request) async throws -> String {
        var times: [Double] = []
        var bytes = 0
        for sample in 0..<samples {
            let started = ContinuousClock.now
            let sent = try await client.send(request(sample))
            times.append(seconds(ContinuousClock.now - started) * 1000)
            guard sent.answer.status == 200 else {
                throw ScaleError(description: "\(name) answered \(sent.answer.status)")
            }
            bytes = sent.answer.body.utf8.count
        }
        times.sort()
        let p99 = times[min(times.count - 1, Int((Double(times.count) * 0.99).rounded(.up)) - 1)]
        return String(
            format: "%@: median %.2f ms, p99 %.2f ms (%d requests, answer %d bytes)", name, times[times.count / 2], p99,
            times.count, bytes)
    }

    struct ScaleError: Error, CustomStringConvertible {
        var description: String
    }

    /// This process's resident set size now (VmRSS), in MiB.
    static func residentMiB() -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") })
        else { return peakMemoryMiB() }
        let kilobytes = line.split(separator: " ").dropFirst().first.flatMap { Double($0) } ?? 0
        return kilobytes / 1024
    }
}
