import Foundation
import NIOCore
import NIOPosix

/// A loopback TCP server that misbehaves on purpose, to test each transport failure.
public final class MisbehavingServer: @unchecked Sendable {
    public enum Behaviour: Sendable {
        /// Closes the connection as soon as a request arrives.
        case reset
        /// Reads the request and never answers.
        case hang
        /// Announces a body larger than any sane limit.
        case oversize(bytes: Int)
        /// Streams an endless chunked body.
        case endlessChunks
        /// Sends bytes that are not HTTP, then closes.
        case garbage
        /// Answers `count` throttling errors, then a success.
        case throttleThen(count: Int)
        /// Answers with this status, content type and body.
        case fixed(status: Int, contentType: String, body: String)
        /// Answers 200 and keeps the connection open; with `closeSilently`, closes it right after the answer
        /// without saying so (as a server whose idle timeout is short does).
        case keepAlive(closeSilently: Bool)
    }

    let channel: any Channel
    public let requests = Counter()
    public let connections = Counter()
    public let received = Received()
    public let port: Int
    public var url: String { "http://127.0.0.1:\(port)/" }

    public init(_ behaviour: Behaviour) async throws {
        let (counter, connections, received) = (requests, connections, received)
        channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                _ = connections.next()
                return channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(
                        Handler(behaviour: behaviour, counter: counter, received: received))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        port = channel.localAddress?.port ?? 0
    }

    public func stop() async { try? await channel.close() }

    public final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        public func next() -> Int {
            lock.lock()
            defer { lock.unlock() }
            count += 1
            return count
        }
        public var value: Int {
            lock.lock()
            defer { lock.unlock() }
            return count
        }
    }

    /// Every whole request as it arrived, head and body.
    public final class Received: @unchecked Sendable {
        private let lock = NSLock()
        private var texts: [String] = []
        func append(_ text: String) {
            lock.lock()
            defer { lock.unlock() }
            texts.append(text)
        }
        public var all: [String] {
            lock.lock()
            defer { lock.unlock() }
            return texts
        }
    }

    final class Handler: ChannelInboundHandler, @unchecked Sendable {
        typealias InboundIn = ByteBuffer
        typealias OutboundOut = ByteBuffer
        let behaviour: Behaviour
        let counter: Counter
        let log: Received
        var received = ""

        init(behaviour: Behaviour, counter: Counter, received: Received) {
            self.behaviour = behaviour
            self.counter = counter
            self.log = received
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            received += String(buffer: unwrapInboundIn(data))
            guard let headerEnd = received.range(of: "\r\n\r\n") else { return }
            let length =
                received[..<headerEnd.lowerBound].split(separator: "\r\n")
                .first { $0.lowercased().hasPrefix("content-length:") }
                .flatMap { Int($0.split(separator: ":")[1].trimmingCharacters(in: .whitespaces)) } ?? 0
            guard received.utf8.count - received[..<headerEnd.upperBound].utf8.count >= length else { return }
            log.append(received)
            received = ""
            let number = counter.next()
            func write(_ text: String, close: Bool = true) {
                let future = context.writeAndFlush(wrapOutboundOut(ByteBuffer(string: text)))
                if close { future.assumeIsolated().whenComplete { _ in context.close(promise: nil) } }
            }
            func answer(_ status: Int, _ type: String, _ body: String) {
                write(
                    "HTTP/1.1 \(status) X\r\nContent-Type: \(type)\r\nContent-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n\(body)"
                )
            }
            switch behaviour {
            case .reset: context.close(promise: nil)
            case .hang: break
            case .oversize(let bytes):
                write("HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\nContent-Length: \(bytes)\r\n\r\n<a>", close: false)
            case .endlessChunks:
                write("HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\nTransfer-Encoding: chunked\r\n\r\n", close: false)
                let chunk = String(repeating: "x", count: 65536)
                func more(_ left: Int) {
                    guard left > 0, context.channel.isActive else { return }
                    context.writeAndFlush(wrapOutboundOut(ByteBuffer(string: "10000\r\n\(chunk)\r\n"))).assumeIsolated()
                        .whenSuccess { more(left - 1) }
                }
                more(400)
            case .garbage: write("SSH-2.0-OpenSSH_9.0 not http at all\r\n\r\n")
            case .throttleThen(let count):
                if number <= count {
                    answer(
                        400, "text/xml",
                        "<ErrorResponse><Error><Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded</Message></Error><RequestId>r</RequestId></ErrorResponse>"
                    )
                } else {
                    answer(
                        200, "text/xml",
                        "<DescribeDBClustersResponse xmlns=\"http://rds.amazonaws.com/doc/2014-10-31/\"><DescribeDBClustersResult><DBClusters/></DescribeDBClustersResult><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></DescribeDBClustersResponse>"
                    )
                }
            case .fixed(let status, let type, let body): answer(status, type, body)
            case .keepAlive(let closeSilently):
                let body = "<ok>\(number)</ok>"
                write(
                    "HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)",
                    close: closeSilently)
            }
        }
    }
}
