import QueryProtocol
import Transport
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
        do {
            for value in wanted {
                switch value {
                case .latestRestorableTime(let cluster): values[value] = try await latestRestorableTime(of: cluster)
                }
            }
        } catch {
            return .failure(error)
        }
        return .success(request.filling(values))
    }

    /// Asks DescribeDBClusters for the cluster's LatestRestorableTime. A real service fills it in once the
    /// first backup exists, so an answer without it is asked again (backing off) until the state timeout.
    func latestRestorableTime(of cluster: String) async throws(RuntimeValueFailure) -> String {
        func failure(_ reason: String) -> RuntimeValueFailure { RuntimeValueFailure(value: .latestRestorableTime(cluster: cluster), reason: reason) }
        let describe = Request(operation: "DescribeDBClusters", parameters: [Parameter("DBClusterIdentifier", .scalar(cluster))])
        let path = "DescribeDBClustersResult/DBClusters/DBCluster/LatestRestorableTime"
        let deadline = ContinuousClock.now.advanced(by: stateTimeout)
        var pause = PollPause(longest: .seconds(2))
        while true {
            let sent: (body: String, answer: HTTPAnswer)
            do {
                sent = try await client.send(describe)
            } catch {
                throw failure("DescribeDBClusters for \(cluster) failed: \(error.description)")
            }
            guard sent.answer.status == 200 else {
                throw failure("the DescribeDBClusters answer for \(cluster) is HTTP \(sent.answer.status), so it has no LatestRestorableTime")
            }
            let time = (try? SafeXMLParser().parse(sent.answer.body))?.root.descendant(path)?.value ?? ""
            if !time.isEmpty { return time }
            if ContinuousClock.now >= deadline {
                throw failure("the DescribeDBClusters answers for \(cluster) had no LatestRestorableTime for \(stateTimeout) (--state-timeout)")
            }
            guard await pause.sleep() else { throw failure("the run was interrupted") }
        }
    }
}

/// The pause between two polls of an endpoint: 20 ms, doubling up to `longest`.
struct PollPause {
    private var next = Duration.milliseconds(20)
    let longest: Duration

    init(longest: Duration) { self.longest = longest }

    /// Sleeps the current pause and lengthens the next; false when the task was cancelled.
    mutating func sleep() async -> Bool {
        do { try await Task.sleep(for: next) } catch { return false }
        next = min(next * 2, longest)
        return true
    }
}
