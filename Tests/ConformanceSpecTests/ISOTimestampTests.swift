import ConformanceSpec
import Foundation
import Testing

/// One timestamp reader for the validator, the emulator and the golden comparison: it reads what
/// Foundation's ISO 8601 formatter reads, to the same instant, and refuses what is not a real time.
@Suite struct ISOTimestampTests {
    static func foundation(_ text: String) -> Date? {
        let plain = ISO8601DateFormatter()
        if let date = plain.date(from: text) { return date }
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return fractional.date(from: text)
    }

    @Test(arguments: [
        "2026-11-29T20:11:57Z", "2024-02-29T23:59:59Z", "1999-12-31T00:00:00.5Z", "2026-11-25T02:30:27.042173Z",
        "2026-11-29T20:11:57+01:00", "2026-11-29T20:11:57-0530", "1970-01-01T00:00:00Z", "2100-03-01T12:00:00Z",
    ])
    func readsWhatFoundationReadsToTheSameInstant(_ text: String) throws {
        let ours = try #require(ISOTimestamp.parse(text))
        let theirs = try #require(Self.foundation(text))
        #expect(abs(ours.timeIntervalSince(theirs)) < 0.001, "\(text): \(ours) vs \(theirs)")
    }

    @Test(arguments: [
        "", "2026-11-29", "2026-11-29 20:11:57Z", "2026-13-01T00:00:00Z", "2026-02-30T00:00:00Z",
        "2023-02-29T00:00:00Z",
        "2026-11-29T24:00:00Z", "2026-11-29T20:11:57", "2026-11-29T20:11:57.Z", "2026-11-29T20:11:57ZZ",
        "2026-11-29T20:11:57+1",
        "not a time at all",
    ])
    func refusesWhatIsNotARealTime(_ text: String) {
        #expect(ISOTimestamp.parse(text) == nil, "\(text)")
    }

    @Test func formatsWhatItReads() throws {
        let date = try #require(ISOTimestamp.parse("2026-11-29T20:11:57.250Z"))
        #expect(ISOTimestamp.format(date) == "2026-11-29T20:11:57.250Z")
        #expect(ISOTimestamp.format(date, fractionalSeconds: false) == "2026-11-29T20:11:57Z")
    }
}
