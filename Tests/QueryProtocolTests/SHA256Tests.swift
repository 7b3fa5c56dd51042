import ConformanceTestSupport
import Foundation
import QueryProtocol
import Testing

/// The package's own SHA-256 and HMAC-SHA256 (Signature Version 4 rests on them): the published test vectors
/// of FIPS 180-4 and RFC 4231, and Python's hashlib and hmac on every length around the block boundaries, fed
/// whole and in pieces.
@Suite struct SHA256Tests {
    static func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }

    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        (
            "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        ),
        (
            "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
            "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"
        ),
    ])
    func publishedDigests(_ text: String, _ digest: String) {
        #expect(Self.hex(SHA256.hash(data: Array(text.utf8))) == digest)
    }

    @Test func aMillionAs() {
        var hasher = SHA256()
        let chunk = [UInt8](repeating: UInt8(ascii: "a"), count: 1000)
        for _ in 0..<1000 { hasher.update(data: chunk) }
        #expect(Self.hex(hasher.finalize()) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    /// RFC 4231, test cases 1, 2, 3, 6 and 7 (a short key, a text key, 0xaa bytes, keys longer than a block).
    @Test(arguments: [
        (
            [UInt8](repeating: 0x0b, count: 20), Array("Hi There".utf8),
            "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"
        ),
        (
            Array("Jefe".utf8), Array("what do ya want for nothing?".utf8),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        ),
        (
            [UInt8](repeating: 0xaa, count: 20), [UInt8](repeating: 0xdd, count: 50),
            "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe"
        ),
        (
            [UInt8](repeating: 0xaa, count: 131), Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8),
            "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"
        ),
        (
            [UInt8](repeating: 0xaa, count: 131),
            Array(
                "This is a test using a larger than block-size key and a larger than block-size data. The key needs to be hashed before being used by the HMAC algorithm."
                    .utf8),
            "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2"
        ),
    ])
    func publishedCodes(_ key: [UInt8], _ data: [UInt8], _ code: String) {
        #expect(Self.hex(HMACSHA256.authenticationCode(for: data, key: key)) == code)
    }

    /// Every length from 0 to 300 bytes (the padding's cases at 55, 56, 63, 64 and their multiples), hashed whole
    /// and fed in pieces of 1, 7 and 64 bytes, against hashlib; the HMAC of each under a 70-byte key against hmac.
    @Test(.enabled(if: ExternalTool.botocore.runsHere, Comment(rawValue: ExternalTool.botocore.skipReason)))
    func everyLengthAgreesWithPython() async throws {
        let python = try ExternalTool.botocore.require()
        let script = """
            import hashlib, hmac
            key = bytes((i * 7 + 3) % 256 for i in range(70))
            for n in range(301):
                data = bytes((i * 31 + n) % 256 for i in range(n))
                print(hashlib.sha256(data).hexdigest(), hmac.new(key, data, hashlib.sha256).hexdigest())
            """
        let result = try await ProcessResult.run(URL(fileURLWithPath: python), ["-c", script])
        let lines = result.stdout.split(separator: "\n")
        try #require(lines.count == 301, "\(result.stderr)")
        let key = (0..<70).map { UInt8(($0 * 7 + 3) % 256) }
        for (length, line) in lines.enumerated() {
            let data = (0..<length).map { UInt8(($0 * 31 + length) % 256) }
            let expected = line.split(separator: " ").map(String.init)
            #expect(Self.hex(SHA256.hash(data: data)) == expected[0], "length \(length)")
            for piece in [1, 7, 64] {
                var hasher = SHA256()
                for start in stride(from: 0, to: data.count, by: piece) {
                    hasher.update(data: data[start..<min(start + piece, data.count)])
                }
                #expect(Self.hex(hasher.finalize()) == expected[0], "length \(length) in pieces of \(piece)")
            }
            #expect(Self.hex(HMACSHA256.authenticationCode(for: data, key: key)) == expected[1], "length \(length)")
        }
    }
}
