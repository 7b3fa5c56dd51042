import ConformanceRunner
import ConformanceSpec
import QueryProtocol
import Transport

/// The request the load benchmarks repeat: the runner's signed DescribeDBClusters of `bench-1`, as `wrk-script`
/// writes it for wrk and as the fixed-answer server records its answer to.
enum BenchmarkRequests {
    /// The DescribeDBClusters of `bench-1`, not yet signed.
    static let describe = Request(
        operation: "DescribeDBClusters", parameters: [Parameter("DBClusterIdentifier", .scalar("bench-1"))])

    /// The describe's body and headers (Host first, then the content type and SigV4 headers) as the runner sends it
    /// to `url` now.
    static func describeCluster(spec: ServiceSpec, url: String) -> (body: String, headers: [(String, String)]) {
        QueryClient(spec: spec, endpoint: Endpoint(url: url), transport: NetworkTransport()).prepare(describe)
    }
}
