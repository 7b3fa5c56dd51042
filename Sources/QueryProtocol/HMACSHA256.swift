import Foundation

/// HMAC (RFC 2104) over `SHA256`: Signature Version 4 derives its signing key with four of them and signs with
/// a fifth. A keyed value can be copied and fed on, so the key's set-up is paid once per key.
public struct HMACSHA256: Sendable {
    private var inner = SHA256()
    private var outer = SHA256()

    public init(key: some DataProtocol) {
        var block = [UInt8](key)
        if block.count > SHA256.blockByteCount { block = SHA256.hash(data: block) }
        block += repeatElement(0, count: SHA256.blockByteCount - block.count)
        inner.update(data: block.map { $0 ^ 0x36 })
        outer.update(data: block.map { $0 ^ 0x5c })
    }

    /// The code of `data` under `key` in one call.
    public static func authenticationCode(for data: some DataProtocol, key: some DataProtocol) -> [UInt8] {
        var hmac = HMACSHA256(key: key)
        hmac.update(data: data)
        return hmac.finalize()
    }

    public mutating func update(data: some DataProtocol) { inner.update(data: data) }

    /// The code of everything given (the value itself is unchanged).
    public func finalize() -> [UInt8] {
        var outer = self.outer
        outer.update(data: inner.finalize())
        return outer.finalize()
    }
}
