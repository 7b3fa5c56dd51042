import ConformanceSpec
import Foundation
import Hummingbird
import Logging
import ReferenceServer

/// The ceiling `serve` is measured against (issue #30): a minimal Hummingbird server of the same build and the same
/// configuration as `ReferenceServer` (a bare `HTTPResponder`, the same server name) that reads each request's body, as
/// any server must, and answers every request with one constant: the bytes `serve` answers to the runner's
/// DescribeDBClusters of `bench-1`, recorded once from an in-process emulator at start. What `serve` costs beyond
/// this server is the emulator's own work and the hops to reach it.
struct FixedAnswerServer {
    var spec: ServiceSpec
    var host = "127.0.0.1"
    var port = 0

    /// The status, content type and body `serve` answers to the `wrk-script` request, as `run.sh` sets it up:
    /// `bench-1` created, then described once (so its status has settled to `available`).
    static func recordedAnswer(spec: ServiceSpec) async -> EmulatorAnswer {
        let emulator = NeptuneEmulator(spec: spec)
        _ = await emulator.handle(
            body: "Action=CreateDBCluster&Version=2014-10-31&DBClusterIdentifier=bench-1&Engine=neptune")
        let describe = BenchmarkRequests.describeCluster(spec: spec, url: "http://127.0.0.1/")
        return await emulator.handle(method: "POST", path: "/", headers: describe.headers, body: describe.body)
    }

    /// Serves until interrupted, printing the bound port and the answer's size first.
    func run() async throws {
        let answer = await Self.recordedAnswer(spec: spec)
        var logger = Logger(label: "conformance-benchmarks.fixed-answer")
        logger.logLevel = .critical
        let app = Application(
            responder: FixedAnswerResponder(answer: answer),
            configuration: .init(address: .hostname(host, port: port), serverName: "neptune-conformance-reference"),
            onServerRunning: { channel in
                let line =
                    "fixed-answer server on http://\(host):\(channel.localAddress?.port ?? 0): status \(answer.status), "
                    + "\(answer.body.utf8.count) bytes of \(answer.contentType) to every request; Ctrl-C stops it\n"
                FileHandle.standardOutput.write(Data(line.utf8))
            },
            logger: logger)
        try await app.runService()
    }
}

/// Answers every request with the same status, content type and bytes, after reading its body.
struct FixedAnswerResponder: HTTPResponder {
    typealias Context = BasicRequestContext
    let status: HTTPResponse.Status
    let headers: HTTPFields
    let body: ByteBuffer
    let maxBodySize = 1 << 20

    init(answer: EmulatorAnswer) {
        status = HTTPResponse.Status(code: answer.status)
        var headers = HTTPFields()
        headers[.contentType] = answer.contentType
        self.headers = headers
        body = ByteBuffer(string: answer.body)
    }

    func respond(to request: Hummingbird.Request, context: Context) async throws -> Response {
        _ = try await request.body.collect(upTo: maxBodySize)
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: body))
    }
}
