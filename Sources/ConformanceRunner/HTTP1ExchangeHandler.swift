import NIOCore
import NIOHTTP1

/// One request and what to do with its answer: the handler writes `head` and `body`, then completes
/// `promise` with the answer, or fails it with an `HTTP1Failure`.
struct HTTP1Exchange: Sendable {
    var head: HTTPRequestHead
    var body: ByteBuffer?
    var maxAnswerBytes: Int
    var timeout: TimeAmount
    var promise: EventLoopPromise<HTTP1Answer>
}

/// A whole answer, and whether the connection may carry another request.
struct HTTP1Answer: Sendable {
    var status: Int
    var contentType: String?
    var body: ByteBuffer
    var keepAlive: Bool
}

/// Why an exchange ended without an answer; `HTTPTransport` turns it into a `TransportError`.
enum HTTP1Failure: Error, Equatable {
    /// The peer closed the connection; `answered` says whether any byte of an answer had come.
    case closed(answered: Bool)
    case timeout
    case tooLarge
    case malformed(String)
    case busy
}

/// The last handler of a client connection: one exchange at a time, a deadline per exchange, an answer
/// size bound (announced or streamed). Any failure closes the connection, so a half-read answer can never be
/// taken for the next one. Runs on the channel's event loop only.
final class HTTP1ExchangeHandler: ChannelDuplexHandler {
    typealias InboundIn = HTTPClientResponsePart
    typealias OutboundIn = HTTP1Exchange
    typealias OutboundOut = HTTPClientRequestPart

    private var pending: HTTP1Exchange?
    private var deadline: Scheduled<Void>?
    private var status = 0
    private var contentType: String?
    private var keepAlive = true
    private var body: ByteBuffer?
    private var answered = false

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        let exchange = unwrapOutboundIn(data)
        guard pending == nil else {
            exchange.promise.fail(HTTP1Failure.busy)
            promise?.fail(HTTP1Failure.busy)
            return
        }
        guard context.channel.isActive else {
            // Closed by the peer between the check-out and this write: nothing was sent.
            exchange.promise.fail(HTTP1Failure.closed(answered: false))
            promise?.fail(ChannelError.ioOnClosedChannel)
            return
        }
        pending = exchange
        status = 0
        contentType = nil
        keepAlive = true
        body = nil
        answered = false
        let loopBound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
        deadline = context.eventLoop.assumeIsolated().scheduleTask(in: exchange.timeout) {
            let (handler, context) = loopBound.value
            handler.fail(context: context, .timeout)
        }
        context.write(wrapOutboundOut(.head(exchange.head)), promise: nil)
        if let body = exchange.body, body.readableBytes > 0 {
            context.write(wrapOutboundOut(.body(.byteBuffer(body))), promise: nil)
        }
        // A write that fails (the peer closed as it was sent) ends the exchange; nothing else would.
        let written = context.eventLoop.makePromise(of: Void.self)
        written.futureResult.assumeIsolated().whenFailure { _ in
            let (handler, context) = loopBound.value
            handler.fail(context: context, .closed(answered: handler.answered))
        }
        promise?.completeWith(written.futureResult)
        context.write(wrapOutboundOut(.end(nil)), promise: written)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard let exchange = pending else {
            // Bytes nobody asked for: the connection can no longer be trusted.
            context.close(promise: nil)
            return
        }
        answered = true
        switch unwrapInboundIn(data) {
        case .head(let head):
            status = Int(head.status.code)
            contentType = head.headers.first(name: "content-type")
            keepAlive = head.isKeepAlive
            if let announced = head.headers.first(name: "content-length").flatMap(Int.init), announced > exchange.maxAnswerBytes {
                fail(context: context, .tooLarge)
            }
        case .body(var part):
            if body == nil { body = part } else { body!.writeBuffer(&part) }
            if body!.readableBytes > exchange.maxAnswerBytes { fail(context: context, .tooLarge) }
        case .end:
            pending = nil
            deadline?.cancel()
            deadline = nil
            let answer = HTTP1Answer(status: status, contentType: contentType, body: body ?? ByteBuffer(), keepAlive: keepAlive)
            body = nil
            if !keepAlive { context.close(promise: nil) }
            exchange.promise.succeed(answer)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        fail(context: context, .closed(answered: answered))
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        if error is HTTPParserError || error is NIOHTTPDecoderError {
            fail(context: context, .malformed("the answer is not HTTP/1.1 (\(error))"))
        } else {
            // I/O errors (a reset while reading or writing): the connection is gone.
            fail(context: context, .closed(answered: answered))
        }
    }

    /// Ends the pending exchange with `failure` and closes the connection.
    func fail(context: ChannelHandlerContext, _ failure: HTTP1Failure) {
        guard let exchange = pending else { return }
        pending = nil
        deadline?.cancel()
        deadline = nil
        body = nil
        context.close(promise: nil)
        exchange.promise.fail(failure)
    }
}

/// Writes a whole request (head and body) as one buffer, so one request is one `write`. It replaces NIO's
/// encoder and header validator: `HTTP1Client` checks header names and values itself and always sets
/// `Content-Length`. The response decoder still sees the head, to know which method it answers.
final class HTTP1RequestSerializer: ChannelOutboundHandler {
    typealias OutboundIn = HTTPClientRequestPart
    typealias OutboundOut = ByteBuffer

    private var pending: ByteBuffer?

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        switch unwrapOutboundIn(data) {
        case .head(let head):
            var buffer = context.channel.allocator.buffer(capacity: 512)
            buffer.writeString(head.method.rawValue)
            buffer.writeStaticString(" ")
            buffer.writeString(head.uri)
            buffer.writeStaticString(" HTTP/1.1\r\n")
            for (name, value) in head.headers {
                buffer.writeString(name)
                buffer.writeStaticString(": ")
                buffer.writeString(value)
                buffer.writeStaticString("\r\n")
            }
            buffer.writeStaticString("\r\n")
            pending = buffer
            promise?.succeed()
        case .body(.byteBuffer(var part)):
            pending?.writeBuffer(&part)
            promise?.succeed()
        case .body(let other):
            // A file region (never sent by HTTP1Client): what is buffered goes first.
            if let buffered = pending { context.write(wrapOutboundOut(buffered), promise: nil) }
            pending = context.channel.allocator.buffer(capacity: 0)
            context.write(NIOAny(other), promise: promise)
        case .end:
            let whole = pending ?? ByteBuffer()
            pending = nil
            context.write(wrapOutboundOut(whole), promise: promise)
        }
    }
}
