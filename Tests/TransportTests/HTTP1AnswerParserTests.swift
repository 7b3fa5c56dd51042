import NIOCore
import NIOEmbedded
import NIOHTTP1
import Testing

@testable import Transport

/// The lean client's answer parser, checked against an independent one (NIO's llhttp-based decoder) on
/// generated answers cut into random pieces, and on answers it must refuse.
@Suite struct HTTP1AnswerParserTests {
    /// What both parsers must agree on.
    struct Parsed: Equatable, CustomStringConvertible {
        var status: Int
        /// `Name: value`, in order.
        var headers: [String]
        var keepAlive: Bool
        var body: String
        var description: String {
            "\(status) \(headers) keepAlive=\(keepAlive) body=\(body.prefix(40))… (\(body.utf8.count) bytes)"
        }
    }

    /// A small deterministic generator (SplitMix64), so a failure names a seed that reproduces it.
    struct Random {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(bound))
        }
    }

    /// An answer the way some server could write it: framing, header case and order, chunk sizes and
    /// extensions, trailers, an informational answer first, HTTP/1.0.
    static func answer(seed: UInt64) -> (bytes: [UInt8], closesAfter: Bool) {
        var random = Random(state: seed)
        let body =
            String((0..<random.next(3000)).map { _ in Character(UnicodeScalar(UInt8(97 + random.next(26)))) })
            + (random.next(4) == 0 ? "é<x/>" : "")
        let status = [200, 200, 400, 404, 500, 503, 204][random.next(7)]
        let http10 = random.next(8) == 0
        var head =
            "\(http10 ? "HTTP/1.0" : "HTTP/1.1") \(status) \(["OK", "Bad Request", "", "Whatever Reason Here"][random.next(4)])\r\n"
        if random.next(6) == 0, !http10 { head = "HTTP/1.1 100 Continue\r\n\r\n" + head }
        var headers = [
            (
                ["Content-Type", "content-type", "CONTENT-TYPE"][random.next(3)],
                ["text/xml", "text/xml;charset=UTF-8", "application/xml"][random.next(3)]
            )
        ]
        headers.append(("x-amzn-RequestId", "r-\(seed)"))
        let framing = status == 204 ? 0 : random.next(3)  // 0 length, 1 chunked, 2 until close
        var payload = ""
        var closesAfter = false
        switch framing {
        case 0:
            headers.append(
                (["Content-Length", "content-length"][random.next(2)], "\(status == 204 ? 0 : body.utf8.count)"))
            payload = status == 204 ? "" : body
        case 1 where !http10:
            headers.append(("Transfer-Encoding", ["chunked", "Chunked", "gzip, chunked"].prefix(2)[random.next(2)]))
            var rest = Substring(body)
            while !rest.isEmpty {
                let size = min(rest.utf8.count, 1 + random.next(700))
                let chunk = String(decoding: rest.utf8.prefix(size), as: UTF8.self)
                rest = Substring(String(decoding: rest.utf8.dropFirst(size), as: UTF8.self))
                payload +=
                    String(chunk.utf8.count, radix: 16, uppercase: random.next(2) == 0)
                    + (random.next(5) == 0 ? ";ext=1" : "") + "\r\n" + chunk + "\r\n"
            }
            payload += "0\r\n" + (random.next(4) == 0 ? "X-Trailer: t\r\n" : "") + "\r\n"
        default:
            payload = body
            closesAfter = true
        }
        if random.next(3) == 0 {
            headers.append(
                ("Connection", http10 ? "keep-alive" : ["close", "keep-alive", "Keep-Alive"][random.next(3)]))
        }
        if random.next(2) == 0 { headers.reverse() }
        if http10, framing == 2 || framing == 1 { closesAfter = true }
        let text = head + headers.map { "\($0.0): \($0.1)\r\n" }.joined() + "\r\n" + payload
        return (Array(text.utf8), closesAfter || headers.contains { $0.0 == "Connection" && $0.1 == "close" })
    }

    /// Cuts `bytes` into 1 to 6 pieces at random places.
    static func pieces(_ bytes: [UInt8], seed: UInt64) -> [[UInt8]] {
        var random = Random(state: seed ^ 0xABCDEF)
        var cuts = (0..<random.next(6)).map { _ in random.next(bytes.count + 1) }.sorted()
        cuts = [0] + cuts + [bytes.count]
        return zip(cuts, cuts.dropFirst()).map { Array(bytes[$0..<$1]) }
    }

    static func ours(_ pieces: [[UInt8]], closes: Bool) throws -> Parsed? {
        var parser = HTTP1AnswerParser(maxAnswerBytes: 1 << 20)
        for piece in pieces {
            var buffer = ByteBuffer(bytes: piece)
            if let answer = try parser.feed(&buffer) {
                return Parsed(
                    status: answer.status, headers: answer.headers.map { "\($0.name): \($0.value)" },
                    keepAlive: answer.keepAlive, body: String(buffer: answer.body))
            }
        }
        guard closes, let answer = try parser.finish() else { return nil }
        return Parsed(
            status: answer.status, headers: answer.headers.map { "\($0.name): \($0.value)" },
            keepAlive: answer.keepAlive, body: String(buffer: answer.body))
    }

    static func nio(_ pieces: [[UInt8]], closes: Bool) throws -> Parsed? {
        let channel = EmbeddedChannel()
        try channel.pipeline.syncOperations.addHTTPClientHandlers()
        try channel.writeOutbound(
            HTTPClientRequestPart.head(HTTPRequestHead(version: .http1_1, method: .POST, uri: "/")))
        try channel.writeOutbound(HTTPClientRequestPart.end(nil))
        for piece in pieces { try channel.writeInbound(ByteBuffer(bytes: piece)) }
        if closes { channel.pipeline.fireChannelInactive() }
        var head: HTTPResponseHead?
        var body = ""
        while let part = try channel.readInbound(as: HTTPClientResponsePart.self) {
            switch part {
            case .head(let h) where h.status.code >= 200: head = h
            case .head: break
            case .body(let buffer): body += String(buffer: buffer)
            case .end:
                guard let head else { return nil }
                return Parsed(
                    status: Int(head.status.code), headers: head.headers.map { "\($0.name): \($0.value)" },
                    keepAlive: head.isKeepAlive && !closes, body: body)
            }
        }
        return nil
    }

    @Test(arguments: 0..<300)
    func agreesWithNIOsDecoder(seed: Int) throws {
        let (bytes, closes) = Self.answer(seed: UInt64(seed))
        let pieces = Self.pieces(bytes, seed: UInt64(seed))
        let expected = try Self.nio(pieces, closes: closes)
        let actual = try Self.ours(pieces, closes: closes)
        #expect(actual != nil, "seed \(seed): no answer from \(String(decoding: bytes.prefix(200), as: UTF8.self))")
        #expect(actual == expected, "seed \(seed): \(String(decoding: bytes.prefix(300), as: UTF8.self))")
    }

    /// Hostile bytes: generated answers with bytes flipped, dropped, repeated or cut short, fed in random
    /// pieces. The parser must end each with an answer, a named error, or a wait for more bytes; never
    /// crash, and never hold more than its bounds allow.
    @Test(arguments: 0..<40)
    func survivesMutatedAnswers(batch: Int) throws {
        for seed in (batch * 50)..<(batch * 50 + 50) {
            var random = Random(state: UInt64(seed) &* 7919)
            var (bytes, _) = Self.answer(seed: UInt64(seed))
            for _ in 0..<(1 + random.next(4)) {
                guard !bytes.isEmpty else { break }
                let at = random.next(bytes.count)
                switch random.next(5) {
                case 0: bytes[at] = UInt8(random.next(256))
                case 1: bytes.remove(at: at)
                case 2: bytes.insert(contentsOf: [13, 10], at: at)
                case 3: bytes = Array(bytes.prefix(at))
                default: bytes.insert(contentsOf: Array(repeating: bytes[at], count: random.next(40)), at: at)
                }
            }
            var parser = HTTP1AnswerParser(maxAnswerBytes: 4096)
            do {
                for piece in Self.pieces(bytes, seed: UInt64(seed)) {
                    var buffer = ByteBuffer(bytes: piece)
                    if let answer = try parser.feed(&buffer) {
                        #expect(answer.body.readableBytes <= 4096, "seed \(seed)")
                        break
                    }
                }
                _ = try? parser.finish()
            } catch let failure {
                #expect(
                    failure == .tooLarge || { if case .malformed = failure { true } else { false } }(), "seed \(seed)")
            }
        }
    }

    @Test(arguments: [
        ("SSH-2.0-OpenSSH_9.0\r\n\r\n", "status line"),
        ("HTTP/1.1 2000 OK\r\n\r\n", "status line"),
        ("HTTP/2 200\r\n\r\n", "status line"),
        ("HTTP/1.1 200 OK\r\nContent-Length: +5\r\n\r\nhello", "Content-Length"),
        ("HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello", "two different"),
        ("HTTP/1.1 200 OK\r\nbad header line\r\n\r\n", "header line"),
        ("HTTP/1.1 200 OK\r\nName : v\r\n\r\n", "header line"),
        ("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", "chunk size"),
        ("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n+a\r\n", "chunk size"),
        ("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabXX", "CRLF"),
        ("HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\n\r\n", "chunked"),
    ])
    func refuses(answer: String, reason: String) {
        var parser = HTTP1AnswerParser(maxAnswerBytes: 1 << 20)
        var buffer = ByteBuffer(string: answer)
        #expect {
            _ = try parser.feed(&buffer)
        } throws: { error in
            guard case .malformed(let text) = error as? HTTP1AnswerParser.Failure else { return false }
            return text.contains(reason)
        }
    }

    @Test func boundsWhatItHolds() throws {
        var announced = HTTP1AnswerParser(maxAnswerBytes: 100)
        var head = ByteBuffer(string: "HTTP/1.1 200 OK\r\nContent-Length: 101\r\n\r\n")
        #expect(throws: HTTP1AnswerParser.Failure.tooLarge) { try announced.feed(&head) }
        var chunked = HTTP1AnswerParser(maxAnswerBytes: 100)
        var chunks = ByteBuffer(
            string: "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n40\r\n" + String(repeating: "x", count: 64)
                + "\r\n40\r\n")
        #expect(throws: HTTP1AnswerParser.Failure.tooLarge) { try chunked.feed(&chunks) }
        var untilClose = HTTP1AnswerParser(maxAnswerBytes: 100)
        var open = ByteBuffer(string: "HTTP/1.1 200 OK\r\n\r\n" + String(repeating: "x", count: 101))
        #expect(throws: HTTP1AnswerParser.Failure.tooLarge) { try untilClose.feed(&open) }
        var endless = HTTP1AnswerParser(maxAnswerBytes: 100)
        var noEnd = ByteBuffer(string: "HTTP/1.1 200 OK\r\n" + String(repeating: "X-A: b\r\n", count: 9000))
        #expect(throws: HTTP1AnswerParser.Failure.malformed("no end of the answer's head within 65536 bytes")) {
            try endless.feed(&noEnd)
        }
    }

    @Test func aTruncatedAnswerIsAnErrorAtTheEnd() throws {
        var parser = HTTP1AnswerParser(maxAnswerBytes: 1 << 20)
        var buffer = ByteBuffer(string: "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc")
        #expect(try parser.feed(&buffer) == nil)
        #expect(throws: HTTP1AnswerParser.Failure.self) { try parser.finish() }
        var idle = HTTP1AnswerParser(maxAnswerBytes: 1 << 20)
        #expect(try idle.finish() == nil, "a connection closed between answers is no error of an answer")
    }
}
