import Foundation

/// The one reader and writer of timestamps: ISO 8601 as the query protocol sends them and the XML
/// answers carry them (`2026-11-29T20:11:57Z`, `…57.123Z`, `…57+01:00`). The validator, the emulator,
/// the golden comparison and the reports all use it, so they cannot disagree on what a timestamp is.
public enum ISOTimestamp {
    /// The instant `text` names, or nil when it is not `YYYY-MM-DDThh:mm:ss[.fraction](Z|±hh[:]mm)` with a
    /// real calendar date. Read byte by byte: the golden comparison calls it for every timestamp it meets.
    public static func parse(_ text: String) -> Date? {
        let b = Array(text.utf8)
        guard b.count >= 20 else { return nil }
        func number(_ from: Int, _ length: Int) -> Int? {
            var result = 0
            for index in from..<from + length {
                guard isDigit(b[index]) else { return nil }
                result = result * 10 + Int(b[index] - 48)
            }
            return result
        }
        guard let year = number(0, 4), b[4] == 45, let month = number(5, 2), b[7] == 45, let day = number(8, 2),
            b[10] == 84, let hour = number(11, 2), b[13] == 58, let minute = number(14, 2), b[16] == 58,
            let second = number(17, 2), (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year),
            hour < 24, minute < 60, second < 61
        else { return nil }
        var index = 19
        var fraction = 0.0
        if b[index] == 46 {
            index += 1
            let start = index
            var scale = 0.1
            while index < b.count, isDigit(b[index]) {
                fraction += Double(b[index] - 48) * scale
                scale /= 10
                index += 1
            }
            guard index > start, index - start <= 9 else { return nil }
        }
        guard index < b.count else { return nil }
        var offsetMinutes = 0
        if b[index] == 90 {
            guard index == b.count - 1 else { return nil }
        } else {
            guard b[index] == 43 || b[index] == 45 else { return nil }
            let zone = Array(b[(index + 1)...].filter { $0 != 58 })
            guard zone.count == 4, b.count - index - 1 <= 5, zone.allSatisfy(isDigit) else { return nil }
            let hours = Int(zone[0] - 48) * 10 + Int(zone[1] - 48)
            let minutes = Int(zone[2] - 48) * 10 + Int(zone[3] - 48)
            guard hours < 24, minutes < 60 else { return nil }
            offsetMinutes = (hours * 60 + minutes) * (b[index] == 43 ? 1 : -1)
        }
        let days = daysSinceEpoch(year: year, month: month, day: day)
        let seconds = Double(days * 86_400 + hour * 3_600 + minute * 60 + second - offsetMinutes * 60) + fraction
        return Date(timeIntervalSince1970: seconds)
    }

    /// `2026-11-29T20:11:57.123Z` (UTC), or without the fraction (to the nearest millisecond). Written digit by digit: the emulator stamps every resource it makes, and a
    /// formatter per call cost 7 % of a whole run's CPU.
    public static func format(_ date: Date, fractionalSeconds: Bool = true) -> String {
        let interval = date.timeIntervalSince1970
        var whole = Int(interval.rounded(.down))
        var millis = Int(((interval - Double(whole)) * 1000).rounded())
        if millis >= 1000 {
            whole += 1
            millis -= 1000
        }
        let days = whole >= 0 ? whole / 86_400 : (whole - 86_399) / 86_400
        let secondOfDay = whole - days * 86_400
        let (year, month, day) = civil(fromDays: days)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(24)
        func append(_ value: Int, digits: Int) {
            var divisor = 1
            for _ in 1..<digits { divisor *= 10 }
            var rest = value
            while divisor > 0 {
                bytes.append(UInt8(48 + rest / divisor))
                rest %= divisor
                divisor /= 10
            }
        }
        append(year, digits: 4)
        bytes.append(45)
        append(month, digits: 2)
        bytes.append(45)
        append(day, digits: 2)
        bytes.append(84)
        append(secondOfDay / 3600, digits: 2)
        bytes.append(58)
        append(secondOfDay % 3600 / 60, digits: 2)
        bytes.append(58)
        append(secondOfDay % 60, digits: 2)
        if fractionalSeconds {
            bytes.append(46)
            append(millis, digits: 3)
        }
        bytes.append(90)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The proleptic Gregorian date of a day count from 1970-01-01 (days-from-civil's inverse).
    static func civil(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days from 1970-01-01 to a proleptic Gregorian date (the civil-from-days inverse).
    static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
