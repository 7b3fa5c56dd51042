import CZlib
import Foundation

/// gzip decompression through the system's zlib (botocore ships its models as `service-2.json.gz`).
enum Gzip {
    /// A gzip stream that zlib refused or that ended early.
    struct DecompressionError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    /// True when `data` starts with the gzip magic bytes 1f 8b.
    static func isCompressed(_ data: Data) -> Bool {
        data.count >= 2 && data[data.startIndex] == 0x1f && data[data.startIndex + 1] == 0x8b
    }

    /// The decompressed bytes of a whole gzip stream.
    /// - Throws: `DecompressionError` for corrupt or truncated input, or output above `limit` bytes.
    static func decompress(_ data: Data, limit: Int = 256 << 20) throws(DecompressionError) -> Data {
        var stream = z_stream()
        guard nc_inflate_init_gzip(&stream) == Z_OK else { throw DecompressionError(message: "zlib would not start") }
        defer { inflateEnd(&stream) }
        var input = [UInt8](data)
        var output = Data()
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        let status: Int32 = input.withUnsafeMutableBufferPointer { inputBuffer in
            stream.next_in = inputBuffer.baseAddress
            stream.avail_in = uInt(inputBuffer.count)
            while true {
                let code: Int32 = chunk.withUnsafeMutableBufferPointer { chunkBuffer in
                    stream.next_out = chunkBuffer.baseAddress
                    stream.avail_out = uInt(chunkBuffer.count)
                    let code = inflate(&stream, Z_NO_FLUSH)
                    output.append(chunkBuffer.baseAddress!, count: chunkBuffer.count - Int(stream.avail_out))
                    return code
                }
                if code == Z_STREAM_END { return code }
                if code != Z_OK { return code }
                if output.count > limit { return Z_MEM_ERROR }
                if stream.avail_in == 0 && stream.avail_out != 0 { return Z_BUF_ERROR }
            }
        }
        switch status {
        case Z_STREAM_END: return output
        case Z_BUF_ERROR: throw DecompressionError(message: "the gzip stream is truncated")
        case Z_MEM_ERROR: throw DecompressionError(message: "the gzip stream expands beyond \(limit) bytes")
        default:
            let reason = stream.msg.map { String(cString: $0) } ?? "code \(status)"
            throw DecompressionError(message: "the gzip stream is corrupt (\(reason))")
        }
    }
}
