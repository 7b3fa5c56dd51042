/// A maintenance or backup window parsed into minutes: `hh24:mi-hh24:mi` (daily) or
/// `ddd:hh24:mi-ddd:hh24:mi` (weekly, days mon..sun, UTC).
public struct TimeWindow: Sendable, Equatable {
    /// Minute of the day (daily) or of the week starting Monday 00:00 (weekly).
    public var start: Int
    /// Length in minutes; windows may cross midnight or the end of the week.
    public var length: Int
    public var format: WindowFormat

    static let days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]

    /// Parses a window, or nil when the text is not a well-formed window of this format.
    public init?(_ text: String, format: WindowFormat) {
        let halves = text.split(separator: "-", omittingEmptySubsequences: false)
        guard halves.count == 2, let from = Self.point(halves[0], format), let to = Self.point(halves[1], format) else {
            return nil
        }
        let period = format == .daily ? 1440 : 10080
        self.start = from
        self.length = ((to - from) % period + period) % period
        self.format = format
    }

    static func point(_ text: Substring, _ format: WindowFormat) -> Int? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        var day = 0
        var rest = parts[...]
        if format == .weekly {
            guard parts.count == 3, let index = days.firstIndex(of: parts[0].lowercased()) else { return nil }
            day = index
            rest = parts.dropFirst()
        }
        guard rest.count == 2, let hour = twoDigits(rest[rest.startIndex]),
            let minute = twoDigits(rest[rest.startIndex + 1]),
            hour < 24, minute < 60
        else { return nil }
        return day * 1440 + hour * 60 + minute
    }

    static func twoDigits(_ text: Substring) -> Int? {
        guard text.count == 2, text.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(text)
    }

    /// True when a daily window and a weekly one share at least one minute in some week.
    public static func overlap(daily: TimeWindow, weekly: TimeWindow) -> Bool {
        let week = 10080
        for day in 0..<7 {
            let start = day * 1440 + daily.start
            let forward = ((weekly.start - start) % week + week) % week
            let backward = ((start - weekly.start) % week + week) % week
            if forward < daily.length || backward < weekly.length { return true }
        }
        return false
    }
}
