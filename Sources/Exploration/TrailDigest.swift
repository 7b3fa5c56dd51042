/// FNV-1a over the lines of a run's steps: two runs with the same digest drew the same steps and got the same
/// verdicts.
struct TrailDigest {
    private var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add(_ line: String) {
        for byte in line.utf8 + [0x0A] {
            value ^= UInt64(byte)
            value = value &* 0x0000_0100_0000_01B3
        }
    }

    var hex: String { String(value, radix: 16) }
}
