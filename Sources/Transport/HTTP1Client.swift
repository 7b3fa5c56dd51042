import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL

/// A lean client for `http://` and `https://` endpoints: keep-alive HTTP/1.1 connections kept per host, one
/// exchange per connection at a time, on its own event loops. Tasks that prefer one of `executors` run
/// on those loops, so sending and resuming after the answer cost no thread hop. https is TLS through
/// swift-nio-ssl, the certificate checked against the system's roots and `caBundle`'s, and the host name.
///
/// It exists because a general client spends as much CPU per request as the reference server does: on two
/// cores that halves the request rate (see Benchmarks/README.md).
final class HTTP1Client: Sendable {
    let group: MultiThreadedEventLoopGroup
    /// One executor per event loop, for `withTaskExecutorPreference` / `addTask(executorPreference:)`.
    let executors: [EventLoopTaskExecutor]
    let connectTimeout: TimeAmount
    let maxIdlePerHost: Int
    private let idle = NIOLockedValueBox<[String: [any Channel]]>([:])
    private let targets = NIOLockedValueBox<[String: HTTPRequestTarget]>([:])
    let tls: TLSContextSource

    init(threads: Int, maxIdlePerHost: Int, connectTimeout: TimeAmount = .seconds(5), caBundle: String? = nil) {
        tls = TLSContextSource(caBundle: caBundle)
        group = MultiThreadedEventLoopGroup(numberOfThreads: max(1, threads))
        executors = group.makeIterator().map { EventLoopTaskExecutor(loop: $0) }
        self.maxIdlePerHost = max(1, maxIdlePerHost)
        self.connectTimeout = connectTimeout
    }

    func shutdown() async {
        let channels = idle.withLockedValue { idle in
            defer { idle = [:] }
            return idle.values.flatMap { $0 }
        }
        for channel in channels { try? await channel.close() }
        try? await group.shutdownGracefully()
    }

    /// The parsed target of an `http://` or `https://` URL, cached (at most 64 URLs); nil for anything else.
    func target(_ url: String) -> HTTPRequestTarget? {
        if let known = targets.withLockedValue({ $0[url] }) { return known }
        guard let parsed = HTTPRequestTarget(url: url) else { return nil }
        targets.withLockedValue { if $0.count < 64 { $0[url] = parsed } }
        return parsed
    }

    /// One request and its whole answer. A request found unsendable on a reused connection (the server had closed
    /// it while idle, so nothing was written) is sent on a new connection. One that was written and then met a
    /// closed connection is not: whether the server acted on it is unknown, and `NetworkTransport` decides.
    func execute(
        _ target: HTTPRequestTarget, method: HTTPMethod, headers: [(String, String)], body: String, timeout: TimeAmount,
        maxAnswerBytes: Int
    ) async throws -> HTTP1Answer {
        if let bad = headers.first(where: { !Self.isHeaderName($0.0) || !Self.isSafeHeaderText($0.1) }) {
            throw HTTP1Failure.malformed(
                "the header '\(bad.0.prefix(40))' contains a line break or a control character; it was not sent")
        }
        let request = Self.serialize(target: target, method: method, headers: headers, body: body)
        let key = "\(target.secure ? "https" : "http")://\(target.host):\(target.port)"
        var (channel, reused) = try await checkout(key: key, target: target)
        while true {
            do {
                let answer = try await exchange(
                    on: channel, request: request, timeout: timeout, maxAnswerBytes: maxAnswerBytes)
                if answer.keepAlive { checkin(channel, key: key) }
                return answer
            } catch HTTP1Failure.notSent where reused && !Task.isCancelled {
                (channel, reused) = (try await connect(target, on: group.any()), false)
            }
        }
    }

    /// A non-empty name without separators, spaces or control bytes (an HTTP token, loosely).
    static func isHeaderName(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F && $0 != UInt8(ascii: ":") }
    }

    /// No CR, LF or other control byte but tab: nothing that could end a header line early.
    static func isSafeHeaderText(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 >= 0x20 && $0 != 0x7F || $0 == 0x09 }
    }

    /// The request's bytes: request line, `Host` (the URL's; a given one is dropped), the headers,
    /// `Content-Length` (unless a GET without body), the body.
    static func serialize(target: HTTPRequestTarget, method: HTTPMethod, headers: [(String, String)], body: String)
        -> ByteBuffer
    {
        var buffer = ByteBuffer()
        buffer.reserveCapacity(256 + body.utf8.count)
        buffer.writeString(method.rawValue)
        buffer.writeStaticString(" ")
        buffer.writeString(target.requestTarget)
        buffer.writeStaticString(" HTTP/1.1\r\nHost: ")
        buffer.writeString(target.hostHeader)
        buffer.writeStaticString("\r\n")
        for (name, value) in headers
        where !(name.utf8.count == 4 && name.lowercased() == "host")
            && !(name.utf8.count == 14 && name.lowercased() == "content-length")
        {
            buffer.writeString(name)
            buffer.writeStaticString(": ")
            buffer.writeString(value)
            buffer.writeStaticString("\r\n")
        }
        if !(method == .GET && body.isEmpty) {
            buffer.writeStaticString("Content-Length: ")
            buffer.writeString(String(body.utf8.count))
            buffer.writeStaticString("\r\n")
        }
        buffer.writeStaticString("\r\n")
        buffer.writeString(body)
        return buffer
    }

    private func exchange(on channel: any Channel, request: ByteBuffer, timeout: TimeAmount, maxAnswerBytes: Int)
        async throws -> HTTP1Answer
    {
        let promise = channel.eventLoop.makePromise(of: HTTP1Answer.self)
        let exchange = HTTP1Exchange(
            request: request, maxAnswerBytes: maxAnswerBytes, timeout: timeout, promise: promise)
        return try await withTaskCancellationHandler {
            // The handler completes the promise; should the write never reach it (the connection closed and its
            // pipeline gone), the write's own failure does: nothing was sent on a closed channel.
            channel.writeAndFlush(exchange).whenFailure { error in
                let closed = (error as? ChannelError) == .ioOnClosedChannel
                promise.fail(closed ? HTTP1Failure.notSent : HTTP1Failure.closed(answered: false))
            }
            return try await promise.futureResult.get()
        } onCancel: {
            channel.close(promise: nil)
        }
    }

    /// An idle connection to `key`, preferring one on the calling thread's event loop; else a new one there.
    private func checkout(key: String, target: HTTPRequestTarget) async throws -> (any Channel, reused: Bool) {
        let found: (any Channel)? = idle.withLockedValue { idle in
            guard var list = idle[key], !list.isEmpty else { return nil }
            let index = list.lastIndex { $0.eventLoop.inEventLoop } ?? list.index(before: list.endIndex)
            let channel = list.remove(at: index)
            idle[key] = list
            return channel
        }
        if let found, found.isActive { return (found, true) }
        if let found { found.close(promise: nil) }
        return (try await connect(target, on: group.any()), false)
    }

    private func checkin(_ channel: any Channel, key: String) {
        let kept = idle.withLockedValue { idle in
            guard idle[key, default: []].count < maxIdlePerHost else { return false }
            idle[key, default: []].append(channel)
            return true
        }
        if !kept { channel.close(promise: nil) }
    }

    private func connect(_ target: HTTPRequestTarget, on loop: any EventLoop) async throws -> any Channel {
        let context = target.secure ? try tls.context() : nil
        // SNI and the name checked are the URL's host; for an IP address there is no SNI and the certificate
        // must name that address.
        let serverName = HTTPRequestTarget.isIPAddress(target.host) ? nil : target.host
        let handshake = context.map { _ in loop.makePromise(of: Void.self) }
        let bootstrap = ClientBootstrap(group: loop)
            .connectTimeout(connectTimeout)
            .channelOption(.socketOption(.tcp_nodelay), value: 1)
            // Answers are a few KiB: start with a buffer that takes one whole (NIO starts at 2 KiB, and a
            // second read per answer costs a system call).
            .channelOption(
                .recvAllocator, value: AdaptiveRecvByteBufferAllocator(minimum: 1024, initial: 16384, maximum: 1 << 20)
            )
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    if let context, let handshake {
                        try channel.pipeline.syncOperations.addHandler(
                            NIOSSLClientHandler(context: context, serverHostname: serverName))
                        try channel.pipeline.syncOperations.addHandler(TLSHandshakeWaiter(promise: handshake))
                    }
                    try channel.pipeline.syncOperations.addHandler(HTTP1ExchangeHandler())
                }
            }
        let channel: any Channel
        do {
            channel = try await bootstrap.connect(host: target.host, port: target.port).get()
        } catch {
            handshake?.fail(error)
            throw error
        }
        if let handshake {
            do {
                try await handshake.futureResult.get()
            } catch {
                channel.close(promise: nil)
                throw error
            }
        }
        return channel
    }
}
