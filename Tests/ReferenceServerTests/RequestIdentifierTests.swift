import Foundation
import Testing

@testable import ReferenceServer

/// The RequestId written digit by digit (issue #30) is what `UUID().uuidString.lowercased()` wrote: a random version-4
/// UUID in lower case.
@Suite struct RequestIdentifierTests {
    @Test func isARandomVersion4UUIDInLowerCase() throws {
        let pattern = try Regex("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")
        var seen: Set<String> = []
        for _ in 0..<10_000 {
            let id = RequestIdentifier.make()
            #expect(id.wholeMatch(of: pattern) != nil, "\(id)")
            #expect(UUID(uuidString: id)?.uuidString.lowercased() == id)
            seen.insert(id)
        }
        #expect(seen.count == 10_000)
    }

    @Test func writesTheBitsAsFoundationDoes() {
        var generator = IndexedStoreTests.Seeded(state: 4)
        for _ in 0..<1_000 {
            let (high, low) = (generator.next(), generator.next())
            let id = RequestIdentifier.make(high: high, low: low)
            var bytes = [UInt8](repeating: 0, count: 16)
            for index in 0..<8 {
                bytes[index] = UInt8(truncatingIfNeeded: high >> UInt64(56 - 8 * index))
                bytes[8 + index] = UInt8(truncatingIfNeeded: low >> UInt64(56 - 8 * index))
            }
            bytes[6] = bytes[6] & 0x0F | 0x40
            bytes[8] = bytes[8] & 0x3F | 0x80
            let uuid = UUID(
                uuid: (
                    bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7], bytes[8], bytes[9],
                    bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]
                ))
            #expect(id == uuid.uuidString.lowercased())
        }
    }
}
