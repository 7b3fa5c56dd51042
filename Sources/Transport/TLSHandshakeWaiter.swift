import NIOCore
import NIOSSL
import NIOTLS

/// Completes `promise` when the TLS handshake of a new connection is done, or fails it with the reason
/// (`HTTP1Failure.tls`), so that `HTTP1Client` sends nothing on a connection whose certificate was refused and
/// says why, instead of finding the connection closed under its first request. Leaves the pipeline once done.
final class TLSHandshakeWaiter: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer

    private let promise: EventLoopPromise<Void>

    init(promise: EventLoopPromise<Void>) {
        self.promise = promise
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let event = event as? TLSUserEvent, case .handshakeCompleted = event {
            promise.succeed()
            context.pipeline.syncOperations.removeHandler(self, promise: nil)
        }
        context.fireUserInboundEventTriggered(event)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        let detail = HTTP1ExchangeHandler.tlsFailure(error) ?? "the handshake failed: \(error)"
        promise.fail(HTTP1Failure.tls(detail))
        context.fireErrorCaught(error)
    }

    func channelInactive(context: ChannelHandlerContext) {
        promise.fail(
            HTTP1Failure.tls(
                "the server closed the connection during the handshake (does it speak https on this port?)"))
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        promise.fail(HTTP1Failure.tls("the handshake did not complete"))
    }
}
