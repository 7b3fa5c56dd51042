import QueryProtocol
import XMLCompare

/// Why a case's run-time value could not be had from the endpoint.
public struct RuntimeValueFailure: Error, CustomStringConvertible {
    public let value: RuntimeValue
    public let reason: String
    public var description: String { "\(value.token) could not be filled in: \(reason)" }
}

extension CaseExecutor {
    /// The request with its run-time values (`RuntimeValue`) asked of the endpoint and filled in.
    func fillingRuntimeValues(_ request: Request) async -> Result<Request, RuntimeValueFailure> {
        let wanted = request.runtimeValues
        guard !wanted.isEmpty else { return .success(request) }
        var values: [RuntimeValue: String] = [:]
        for value in wanted {
            switch value {
            case .latestRestorableTime(let cluster):
                let describe = Request(operation: "DescribeDBClusters", parameters: [Parameter("DBClusterIdentifier", .scalar(cluster))])
                let path = "DescribeDBClustersResult/DBClusters/DBCluster/LatestRestorableTime"
                let sent: (body: String, answer: HTTPAnswer)
                do {
                    sent = try await client.send(describe)
                } catch {
                    return .failure(RuntimeValueFailure(value: value, reason: "DescribeDBClusters for \(cluster) failed: \(error.description)"))
                }
                let time = (try? SafeXMLParser().parse(sent.answer.body))?.root.descendant(path)?.value ?? ""
                guard sent.answer.status == 200, !time.isEmpty else {
                    return .failure(RuntimeValueFailure(
                        value: value, reason: "the DescribeDBClusters answer for \(cluster) (HTTP \(sent.answer.status)) has no \(path.split(separator: "/").last!)"))
                }
                values[value] = time
            }
        }
        return .success(request.filling(values))
    }
}
