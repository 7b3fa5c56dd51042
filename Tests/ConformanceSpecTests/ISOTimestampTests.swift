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

    /// Written as Foundation's ISO 8601 formatter writes it, to the millisecond, across four centuries and leap days.
    @Test(arguments: [
        0, 951_782_400_000, 1_709_251_199_999, 1_764_446_717_123, -1, -86_400_001, 4_102_444_800_500,
        253_402_300_799_999, 1_330_473_600_000, 11_644_473_600_001,
    ])
    func writesWhatFoundationWrites(_ milliseconds: Int64) {
        let date = Date(timeIntervalSince1970: Double(milliseconds) / 1000)
        for fractional in [true, false] {
            let foundation = ISO8601DateFormatter()
            foundation.formatOptions =
                fractional ? [.withInternetDateTime, .withFractionalSeconds] : [.withInternetDateTime]
            #expect(ISOTimestamp.format(date, fractionalSeconds: fractional) == foundation.string(from: date))
        }
    }

    @Test func writesEveryDayOfFourHundredYearsAsItReadsIt() {
        var day = Date(timeIntervalSince1970: -2_208_988_800)  // 1900-01-01
        for _ in 0..<(146_097 / 7) {
            let text = ISOTimestamp.format(day)
            #expect(ISOTimestamp.parse(text) == day, "\(text)")
            day += 7 * 86_400 + 3_661.25
        }
    }
}
