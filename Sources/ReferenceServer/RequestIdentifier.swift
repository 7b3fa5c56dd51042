/// The RequestId every answer carries: a random (version 4) UUID in lower case, as AWS writes it
/// (`0f8fad5b-d9cb-469f-a165-70867728950e`). Made from the system's random generator and written digit by digit:
/// Foundation's `UUID().uuidString.lowercased()` cost about 4 µs an answer, as much as the rest of a cached read.
enum RequestIdentifier {
    static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        return make(high: generator.next(), low: generator.next())
    }

    /// The UUID of these 128 bits, with the version (4) and variant (RFC 4122) bits set.
    static func make(high: UInt64, low: UInt64) -> String {
        let high = high & ~0xF000 | 0x4000
        let low = low & 0x3FFF_FFFF_FFFF_FFFF | 0x8000_0000_0000_0000
        let digits: StaticString = "0123456789abcdef"
        return String(unsafeUninitializedCapacity: 36) { text in
            var position = 0
            func write(_ bits: UInt64, nibbles: Int) {
                for shift in stride(from: (nibbles - 1) * 4, through: 0, by: -4) {
                    text[position] = digits.utf8Start[Int(bits >> UInt64(shift) & 0xF)]
                    position += 1
                }
            }
            func dash() {
                text[position] = UInt8(ascii: "-")
                position += 1
            }
            write(high >> 32, nibbles: 8)
            dash()
            write(high >> 16 & 0xFFFF, nibbles: 4)
            dash()
            write(high & 0xFFFF, nibbles: 4)
            dash()
            write(low >> 48, nibbles: 4)
            dash()
            write(low & 0xFFFF_FFFF_FFFF, nibbles: 12)
            return position
        }
    }
}
