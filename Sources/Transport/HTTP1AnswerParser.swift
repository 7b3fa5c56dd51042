import Foundation
import NIOCore

/// Reads HTTP/1.1 answers from the bytes of a connection, as they arrive in pieces: the status line and
/// headers, then a body framed by `Content-Length`, by chunks, or by the end of the connection. Informational
/// answers (1xx) are skipped; 204 and 304 have no body. It keeps the status, the header lines, whether the
/// connection may be reused and the body, and bounds what it holds.
///
/// A general parser (llhttp through NIO) cost more than a tenth of the runner's CPU per request; this one
/// scans the head once and copies the body once. `HTTP1AnswerParserTests` checks it against NIO's decoder.
struct HTTP1AnswerParser {
    enum Failure: Error, Equatable {
        case malformed(String)
        case tooLarge
    }

    private enum Framing: Equatable {
        case length(Int)
        case chunked
        case untilClose
    }

    private enum State {
        case head
        case body(Framing)
        /// Inside a chunked body: waiting for a size line, for `remaining` bytes of data, or for the trailers.
        case chunkSize
        case chunkData(remaining: Int)
        case chunkDataEnd
        case trailers
    }

    let maxAnswerBytes: Int
    let maxHeadBytes = 64 * 1024
    private var input = ByteBuffer()
    private var state = State.head
    private var status = 0
    private var headers: [HTTPHeader] = []
    private var keepAlive = true
    private var body = ByteBuffer()

    init(maxAnswerBytes: Int) {
        self.maxAnswerBytes = maxAnswerBytes
    }

    /// True once any byte of an answer has come.
    var started: Bool { input.readableBytes > 0 || status != 0 }

    /// Bytes after a whole answer that no request asked for.
    var hasLeftover: Bool { input.readableBytes > 0 }

    /// Takes the next bytes; returns the answer once it is whole.
    mutating func feed(_ bytes: inout ByteBuffer) throws(Failure) -> HTTP1Answer? {
        input.writeBuffer(&bytes)
        return try advance()
    }

    /// The connection ended: the answer, when its body runs to the end of the connection; else an error.
    mutating func finish() throws(Failure) -> HTTP1Answer? {
        if case .body(.untilClose) = state {
            body.writeBuffer(&input)
            return complete()
        }
        if case .head = state, input.readableBytes == 0, status == 0 { return nil }
        throw .malformed("the connection closed in the middle of an answer")
    }

    private mutating func advance() throws(Failure) -> HTTP1Answer? {
        while true {
            switch state {
            case .head:
                guard let headEnd = Self.endOfHead(in: input) else {
                    if input.readableBytes > maxHeadBytes {
                        throw .malformed("no end of the answer's head within \(maxHeadBytes) bytes")
                    }
                    return nil
                }
                let head = input.readSlice(length: headEnd)!
                try parseHead(head)
            case .body(.length(let length)):
                guard input.readableBytes >= length else { return nil }
                var part = input.readSlice(length: length)!
                body.writeBuffer(&part)
                return complete()
            case .body(.untilClose):
                if input.readableBytes > maxAnswerBytes { throw .tooLarge }
                return nil
            case .body(.chunked), .chunkSize:
                guard let lineEnd = Self.endOfLine(in: input) else {
                    if input.readableBytes > 1024 { throw .malformed("a chunk size line longer than 1024 bytes") }
                    return nil
                }
                let line = input.readString(length: lineEnd - 2)!
                input.moveReaderIndex(forwardBy: 2)
                let digits = line.prefix { $0 != ";" }.trimmingCharacters(in: [" ", "\t"])
                guard !digits.isEmpty, digits.utf8.count <= 15,
                    digits.utf8.allSatisfy({
                        (48...57).contains($0) || (65...70).contains($0) || (97...102).contains($0)
                    }),
                    let size = Int(digits, radix: 16)
                else {
                    throw .malformed("'\(line.prefix(40))' is not a chunk size")
                }
                if body.readableBytes + size > maxAnswerBytes { throw .tooLarge }
                state = size == 0 ? .trailers : .chunkData(remaining: size)
            case .chunkData(let remaining):
                guard input.readableBytes > 0 else { return nil }
                let take = min(remaining, input.readableBytes)
                var part = input.readSlice(length: take)!
                body.writeBuffer(&part)
                state = take == remaining ? .chunkDataEnd : .chunkData(remaining: remaining - take)
            case .chunkDataEnd:
                guard input.readableBytes >= 2 else { return nil }
                guard input.readBytes(length: 2) == [13, 10] else { throw .malformed("a chunk does not end with CRLF") }
                state = .chunkSize
            case .trailers:
                guard let lineEnd = Self.endOfLine(in: input) else {
                    if input.readableBytes > maxHeadBytes {
                        throw .malformed("trailers longer than \(maxHeadBytes) bytes")
                    }
                    return nil
                }
                input.moveReaderIndex(forwardBy: lineEnd)
                if lineEnd == 2 { return complete() }
            }
        }
    }

    private mutating func complete() -> HTTP1Answer {
        let answer = HTTP1Answer(status: status, headers: headers, body: body, keepAlive: keepAlive)
        body = ByteBuffer()
        status = 0
        headers = []
        keepAlive = true
        state = .head
        input.discardReadBytes()
        return answer
    }

    /// Status line and headers (the head's bytes, the blank line included), read as bytes: each header line
    /// becomes two strings, the rest is judged from the bytes.
    private mutating func parseHead(_ head: ByteBuffer) throws(Failure) {
        let bytes = Array(head.readableBytesView)
        var lines: [Range<Int>] = []
        var lineStart = 0
        var index = 0
        while index + 1 < bytes.count {
            if bytes[index] == 13, bytes[index + 1] == 10 {
                if index > lineStart { lines.append(lineStart..<index) }
                index += 2
                lineStart = index
            } else {
                index += 1
            }
        }
        guard let statusLine = lines.first else { throw .malformed("an empty head") }
        let line = bytes[statusLine]
        func shown(_ range: Range<Int>) -> String { String(decoding: bytes[range].prefix(60), as: UTF8.self) }
        let http11 = line.starts(with: Self.http11)
        let http10 = line.starts(with: Self.http10)
        let start = statusLine.lowerBound
        guard http11 || http10, line.count >= 12, bytes[start + 8] == 32, line.count == 12 || bytes[start + 12] == 32,
            bytes[(start + 9)..<(start + 12)].allSatisfy({ (48...57).contains($0) })
        else { throw .malformed("'\(shown(statusLine))' is not an HTTP/1.1 status line") }
        let code = bytes[(start + 9)..<(start + 12)].reduce(0) { $0 * 10 + Int($1 - 48) }
        guard code >= 100 else { throw .malformed("'\(shown(statusLine))' is not an HTTP/1.1 status line") }
        var length: Int?
        var chunked = false
        var fields: [HTTPHeader] = []
        var keep = http11
        for range in lines.dropFirst() {
            guard let colon = bytes[range].firstIndex(of: 58), colon != range.lowerBound,
                !bytes[range.lowerBound..<colon].contains(where: { $0 == 32 || $0 == 9 })
            else { throw .malformed("'\(shown(range))' is not a header line") }
            var valueStart = colon + 1
            var valueEnd = range.upperBound
            while valueStart < valueEnd, bytes[valueStart] == 32 || bytes[valueStart] == 9 { valueStart += 1 }
            while valueEnd > valueStart, bytes[valueEnd - 1] == 32 || bytes[valueEnd - 1] == 9 { valueEnd -= 1 }
            let name = bytes[range.lowerBound..<colon]
            let value = bytes[valueStart..<valueEnd]
            fields.append(
                HTTPHeader(name: String(decoding: name, as: UTF8.self), value: String(decoding: value, as: UTF8.self)))
            if Self.equalsLowercased(name, Self.contentLength) {
                guard !value.isEmpty, value.count <= 18, value.allSatisfy({ (48...57).contains($0) }) else {
                    throw .malformed(
                        "Content-Length '\(String(decoding: value.prefix(30), as: UTF8.self))' is not a number")
                }
                let number = value.reduce(0) { $0 * 10 + Int($1 - 48) }
                if let length, length != number { throw .malformed("two different Content-Length headers") }
                length = number
            } else if Self.equalsLowercased(name, Self.transferEncoding) {
                let text = String(decoding: value, as: UTF8.self)
                let codings = text.lowercased().split(separator: ",").map { $0.trimmingCharacters(in: [" ", "\t"]) }
                guard codings.last == "chunked" else {
                    throw .malformed("Transfer-Encoding '\(text.prefix(30))' does not end with chunked")
                }
                chunked = true
            } else if Self.equalsLowercased(name, Self.connection) {
                let tokens = String(decoding: value, as: UTF8.self).lowercased().split(separator: ",").map {
                    $0.trimmingCharacters(in: [" ", "\t"])
                }
                if tokens.contains("close") { keep = false } else if tokens.contains("keep-alive") { keep = true }
            }
        }
        if code < 200 {
            // Informational: the real answer follows.
            return
        }
        status = code
        headers = fields
        keepAlive = keep
        if code == 204 || code == 304 {
            state = .body(.length(0))
        } else if chunked {
            state = .body(.chunked)
        } else if let length {
            if length > maxAnswerBytes { throw .tooLarge }
            state = .body(.length(length))
        } else {
            keepAlive = false
            state = .body(.untilClose)
        }
    }

    static let http11 = Array("HTTP/1.1".utf8), http10 = Array("HTTP/1.0".utf8)
    static let contentLength = Array("content-length".utf8), transferEncoding = Array("transfer-encoding".utf8)
    static let connection = Array("connection".utf8)

    /// ASCII case-insensitive comparison with an already lower-cased name.
    static func equalsLowercased(_ bytes: ArraySlice<UInt8>, _ lower: [UInt8]) -> Bool {
        guard bytes.count == lower.count else { return false }
        return zip(bytes, lower).allSatisfy { ((65...90).contains($0) ? $0 | 0x20 : $0) == $1 }
    }

    /// The offset just past the first CRLF CRLF, if any.
    static func endOfHead(in buffer: ByteBuffer) -> Int? {
        buffer.withUnsafeReadableBytes { bytes -> Int? in
            guard bytes.count >= 4 else { return nil }
            var index = 0
            while index + 3 < bytes.count {
                if bytes[index + 3] != 10 {
                    index += bytes[index + 3] == 13 ? 1 : 4
                    continue
                }
                if bytes[index] == 13, bytes[index + 1] == 10, bytes[index + 2] == 13 { return index + 4 }
                index += 1
            }
            return nil
        }
    }

    /// The offset just past the first CRLF, if any.
    static func endOfLine(in buffer: ByteBuffer) -> Int? {
        buffer.withUnsafeReadableBytes { bytes -> Int? in
            guard bytes.count >= 2 else { return nil }
            for index in 0..<(bytes.count - 1) where bytes[index] == 13 && bytes[index + 1] == 10 { return index + 2 }
            return nil
        }
    }
}
