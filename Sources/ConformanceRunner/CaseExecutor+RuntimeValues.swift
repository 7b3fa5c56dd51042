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
                switch await latestRestorableTime(of: cluster) {
                case .success(let time): values[value] = time
                case .failure(let reason): return .failure(RuntimeValueFailure(value: value, reason: reason.text))
                }
            }
        }
        return .success(request.filling(values))
    }

    /// Asks DescribeDBClusters for the cluster's LatestRestorableTime. A real service fills it in once the
    /// first backup exists, so an answer without it is asked again (backing off) until the state timeout.
    func latestRestorableTime(of cluster: String) async -> Result<String, FailureText> {
        let describe = Request(operation: "DescribeDBClusters", parameters: [Parameter("DBClusterIdentifier", .scalar(cluster))])
        let path = "DescribeDBClustersResult/DBClusters/DBCluster/LatestRestorableTime"
        let deadline = ContinuousClock.now.advanced(by: stateTimeout)
        var pause = Duration.milliseconds(20)
        while true {
            let sent: (body: String, answer: HTTPAnswer)
            do {
                sent = try await client.send(describe)
            } catch {
                return .failure(FailureText("DescribeDBClusters for \(cluster) failed: \(error.description)"))
            }
            guard sent.answer.status == 200 else {
                return .failure(FailureText("the DescribeDBClusters answer for \(cluster) is HTTP \(sent.answer.status), so it has no LatestRestorableTime"))
            }
            let time = (try? SafeXMLParser().parse(sent.answer.body))?.root.descendant(path)?.value ?? ""
            if !time.isEmpty { return .success(time) }
            if Task.isCancelled { return .failure(FailureText("the run was interrupted")) }
            if ContinuousClock.now >= deadline {
                return .failure(FailureText("the DescribeDBClusters answers for \(cluster) had no LatestRestorableTime for \(stateTimeout) (--state-timeout)"))
            }
            try? await Task.sleep(for: pause)
            pause = min(pause * 2, .seconds(2))
        }
    }
}

/// A reason, as an error value.
struct FailureText: Error {
    let text: String
    init(_ text: String) { self.text = text }
}
