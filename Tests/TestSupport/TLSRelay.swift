import NIOCore
import NIOPosix
import NIOSSL

/// A local https endpoint for tests: TLS with a given certificate on a loopback port, every connection relayed
/// byte for byte to a plain-http port (the reference server, a `MisbehavingServer`). What the client sees is
/// the upstream's answers, over TLS.
public final class TLSRelay: Sendable {
    public let port: Int
    private let channel: any Channel
    private let group: MultiThreadedEventLoopGroup

    /// - Parameters: certificate and key are PEM files (`SelfSignedCertificate` makes them).
    public init(certificate: String, key: String, upstreamPort: Int) async throws {
        var configuration = TLSConfiguration.makeServerConfiguration(
            certificateChain: try NIOSSLCertificate.fromPEMFile(certificate).map { .certificate($0) },
            privateKey: .privateKey(try NIOSSLPrivateKey(file: key, format: .pem)))
        configuration.applicationProtocols = ["http/1.1"]
        let context = try NIOSSLContext(configuration: configuration)
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        self.group = group
        channel = try await ServerBootstrap(group: group)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(NIOSSLServerHandler(context: context))
                    try channel.pipeline.syncOperations.addHandler(RelayDownstream(upstreamPort: upstreamPort))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        port = channel.localAddress?.port ?? 0
    }

    public func url(host: String = "localhost") -> String { "https://\(host):\(port)/" }

    public func stop() async {
        try? await channel.close()
        try? await group.shutdownGracefully()
    }
}

/// The TLS side of one relayed connection: connects to the upstream port on its own event loop, forwards what
/// the client sends (held until the upstream connection is up), and closes with it.
final class RelayDownstream: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    let upstreamPort: Int
    private var upstream: (any Channel)?
    private var held: [ByteBuffer] = []

    init(upstreamPort: Int) { self.upstreamPort = upstreamPort }

    func channelActive(context: ChannelHandlerContext) {
        let downstream = context.channel
        let bound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
        ClientBootstrap(group: context.eventLoop)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(RelayUpstream(downstream: downstream))
                }
            }
            .connect(host: "127.0.0.1", port: upstreamPort)
            .assumeIsolated()
            .whenComplete { result in
                let (handler, context) = bound.value
                switch result {
                case .success(let channel):
                    handler.upstream = channel
                    for bytes in handler.held { channel.write(bytes, promise: nil) }
                    handler.held = []
                    channel.flush()
                case .failure: context.close(promise: nil)
                }
            }
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let bytes = unwrapInboundIn(data)
        if let upstream { upstream.writeAndFlush(bytes, promise: nil) } else { held.append(bytes) }
    }

    func channelInactive(context: ChannelHandlerContext) {
        upstream?.close(promise: nil)
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }
}

/// The plain side of one relayed connection: what the upstream answers goes back over TLS.
final class RelayUpstream: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer

    let downstream: any Channel

    init(downstream: any Channel) { self.downstream = downstream }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        downstream.writeAndFlush(unwrapInboundIn(data), promise: nil)
    }

    func channelInactive(context: ChannelHandlerContext) {
        downstream.close(promise: nil)
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }
}
