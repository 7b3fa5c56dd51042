import Testing

@testable import ConformanceRunner

/// Bodies kept in results for the report are bounded, and never cut inside a character.
@Suite struct ClippedTextTests {
    @Test func shortTextIsKeptWhole() {
        #expect(CaseExecutor.clipped("Action=X") == "Action=X")
    }

    @Test func longTextKeepsItsFirst64KiBAndSaysHowLongItWas() {
        let text = String(repeating: "a", count: 65535) + "é" + String(repeating: "b", count: 100)
        let clipped = CaseExecutor.clipped(text)
        #expect(
            clipped.hasPrefix(String(repeating: "a", count: 65535) + "\n[cut at 64 KiB of \(text.utf8.count) bytes]"),
            "é straddles the limit: it goes whole")
        #expect(CaseExecutor.clipped(String(repeating: "z", count: 2 << 20)).utf8.count < 65600)
    }
}
