import NIOCore
import NIOSSL

/// One request and what to do with its answer: the handler writes `request` (head and body, already
/// serialized), then completes `promise` with the answer, or fails it with an `HTTP1Failure`.
struct HTTP1Exchange: Sendable {
    var request: ByteBuffer
    var maxAnswerBytes: Int
    var timeout: TimeAmount
    var promise: EventLoopPromise<HTTP1Answer>
}

/// A whole answer, and whether the connection may carry another request.
struct HTTP1Answer: Sendable, Equatable {
    var status: Int
    var headers: [HTTPHeader]
    var body: ByteBuffer
    var keepAlive: Bool
}

/// Why an exchange ended without an answer; `LeanHTTPTransport` turns it into a `TransportError`.
enum HTTP1Failure: Error, Equatable {
    /// The peer closed the connection; `answered` says whether any byte of an answer had come.
    case closed(answered: Bool)
    /// The connection was found closed before the request was written: nothing was sent.
    case notSent
    case timeout
    case tooLarge
    case malformed(String)
    case busy
    /// The TLS handshake or record layer failed (an untrusted certificate, a name that does not match).
    case tls(String)
}

/// The only handler of a client connection: one exchange at a time, a deadline per exchange, the answer
/// read by `HTTP1AnswerParser` with its size bound. Any failure closes the connection, so a half-read
/// answer can never be taken for the next one. Runs on the channel's event loop only.
final class HTTP1ExchangeHandler: ChannelDuplexHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundIn = HTTP1Exchange
    typealias OutboundOut = ByteBuffer

    private var pending: HTTP1Exchange?
    private var parser = HTTP1AnswerParser(maxAnswerBytes: 0)
    private var deadline: Scheduled<Void>?

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        let exchange = unwrapOutboundIn(data)
        guard pending == nil else {
            exchange.promise.fail(HTTP1Failure.busy)
            promise?.fail(HTTP1Failure.busy)
            return
        }
        guard context.channel.isActive else {
            // Closed by the peer between the check-out and this write: nothing was sent. (A refused TLS handshake
            // never gets here: `TLSHandshakeWaiter` fails the connect with its reason.)
            exchange.promise.fail(HTTP1Failure.notSent)
            promise?.fail(ChannelError.ioOnClosedChannel)
            return
        }
        pending = exchange
        parser = HTTP1AnswerParser(maxAnswerBytes: exchange.maxAnswerBytes)
        let loopBound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
        deadline = context.eventLoop.assumeIsolated().scheduleTask(in: exchange.timeout) {
            let (handler, context) = loopBound.value
            handler.fail(context: context, .timeout)
        }
        // A write that fails (the peer reset the connection as it was sent) closes the channel, and
        // channelInactive ends the exchange.
        context.write(wrapOutboundOut(exchange.request), promise: promise)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard let exchange = pending else {
            // Bytes nobody asked for: the connection can no longer be trusted.
            context.close(promise: nil)
            return
        }
        var bytes = unwrapInboundIn(data)
        do {
            guard let answer = try parser.feed(&bytes) else { return }
            _ = takePending()
            let reusable = answer.keepAlive && !parser.hasLeftover
            if !reusable { context.close(promise: nil) }
            var reported = answer
            reported.keepAlive = reusable
            exchange.promise.succeed(reported)
        } catch {
            switch error {
            case .tooLarge: fail(context: context, .tooLarge)
            case .malformed(let reason): fail(context: context, .malformed("the answer is not HTTP/1.1: \(reason)"))
            }
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        if let exchange = pending {
            // An answer whose body runs to the end of the connection is whole now.
            if let answer = try? parser.finish() {
                _ = takePending()
                exchange.promise.succeed(answer)
            } else {
                fail(context: context, .closed(answered: parser.started))
            }
        }
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        if let detail = Self.tlsFailure(error) {
            fail(context: context, .tls(detail))
            return
        }
        // I/O errors (a reset while reading or writing): the connection is gone.
        fail(context: context, .closed(answered: parser.started))
    }

    /// What a TLS error says, for people; nil for an error that is not TLS's or is only an unclean close.
    static func tlsFailure(_ error: any Error) -> String? {
        switch error {
        case NIOSSLError.uncleanShutdown: return nil
        case NIOSSLError.handshakeFailed(let inner):
            let text = String(describing: inner)
            if text.contains("CERTIFICATE_VERIFY_FAILED") {
                return "the server's certificate is not trusted (\(text)); trust its CA with --ca-bundle FILE"
            }
            return "the handshake failed: \(text)"
        case let error as NIOSSLError: return String(describing: error)
        case let extra as NIOSSLExtraError where extra == .failedToValidateHostname:
            return "the server's certificate does not name this host (\(extra))"
        case let extra as NIOSSLExtraError: return String(describing: extra)
        default: return nil
        }
    }

    /// Ends the pending exchange with `failure` and closes the connection.
    func fail(context: ChannelHandlerContext, _ failure: HTTP1Failure) {
        guard let exchange = takePending() else { return }
        context.close(promise: nil)
        exchange.promise.fail(failure)
    }

    /// Ends the pending exchange's bookkeeping (it and its deadline); the caller completes its promise.
    private func takePending() -> HTTP1Exchange? {
        let exchange = pending
        pending = nil
        deadline?.cancel()
        deadline = nil
        return exchange
    }
}
