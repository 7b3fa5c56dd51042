import Foundation

/// The bad weather a `WeatherProxy` makes between a client and an endpoint: shares of requests answered with
/// throttling (HTTP 400 `Throttling`) or HTTP 503 (`ServiceUnavailable`), dropped (the connection closed before
/// the request is passed on, so it never arrives), and delayed before they are passed on. Each request draws
/// its fate from a generator seeded with `seed`, so a proxy given the same requests in the same order does the same.
public struct Weather: Sendable, Equatable, CustomStringConvertible {
    /// Shares in 0...1.
    public var throttle: Double
    public var unavailable: Double
    public var drop: Double
    public var delay: Double
    /// How long a delayed request waits before it is passed on.
    public var delayBy: Duration
    public var seed: UInt64

    public init(
        throttle: Double = 0, unavailable: Double = 0, drop: Double = 0, delay: Double = 0,
        delayBy: Duration = .milliseconds(1500), seed: UInt64 = 1
    ) {
        self.throttle = throttle
        self.unavailable = unavailable
        self.drop = drop
        self.delay = delay
        self.delayBy = delayBy
        self.seed = seed
    }

    /// What happens to one request.
    public enum Fate: String, Sendable, CaseIterable {
        case throttled, unavailable, dropped, delayed, forwarded
    }

    /// The fate of a request for two draws in 0..<1: the first picks throttled, unavailable or dropped by their
    /// shares (in that order), the second whether a request passed on is delayed.
    public func fate(_ first: Double, _ second: Double) -> Fate {
        if first < throttle { return .throttled }
        if first < throttle + unavailable { return .unavailable }
        if first < throttle + unavailable + drop { return .dropped }
        return second < delay ? .delayed : .forwarded
    }

    /// `throttle 5%, drop 2%, delay 5% by 1.5 s, seed 1`, or `clear, seed 1`.
    public var description: String {
        var parts: [String] = []
        if throttle > 0 { parts.append("throttle \(Self.percent(throttle))") }
        if unavailable > 0 { parts.append("503 \(Self.percent(unavailable))") }
        if drop > 0 { parts.append("drop \(Self.percent(drop))") }
        if delay > 0 { parts.append("delay \(Self.percent(delay)) by \(Self.seconds(delayBy))") }
        return (parts.isEmpty ? "clear" : parts.joined(separator: ", ")) + ", seed \(seed)"
    }

    static func percent(_ share: Double) -> String {
        let value = share * 100
        return value == value.rounded() ? "\(Int(value))%" : "\(value)%"
    }

    static func seconds(_ duration: Duration) -> String {
        let value = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        return value == value.rounded() ? "\(Int(value)) s" : "\(value) s"
    }
}

/// Why a weather argument cannot be read; the text says what to type instead.
public struct WeatherParseError: Error, Sendable, Equatable, CustomStringConvertible {
    public var text: String
    public var problem: String
    public var description: String { "'\(text)': \(problem)" }
}

extension Weather {
    /// A share: `5%` or `0.05`, in 0...1.
    public static func share(_ text: String) throws(WeatherParseError) -> Double {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let value: Double?
        if trimmed.hasSuffix("%") {
            value = Double(trimmed.dropLast()).map { $0 / 100 }
        } else {
            value = Double(trimmed)
        }
        guard let value, value >= 0, value <= 1 else {
            throw WeatherParseError(
                text: text, problem: "a share is a percentage (5%) or a fraction (0.05) from 0 to 1")
        }
        return value
    }

    /// A delay: `5%:1.5s` (share, then seconds with an optional `s`, or milliseconds with `ms`).
    public static func delay(_ text: String) throws(WeatherParseError) -> (share: Double, by: Duration) {
        let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2 else {
            throw WeatherParseError(text: text, problem: "a delay is SHARE:TIME, e.g. 5%:1.5s or 10%:200ms")
        }
        let share = try share(parts[0])
        var time = parts[1].trimmingCharacters(in: .whitespaces)
        var scale = 1.0
        if time.hasSuffix("ms") {
            time.removeLast(2)
            scale = 0.001
        } else if time.hasSuffix("s") {
            time.removeLast()
        }
        guard let amount = Double(time), amount >= 0, amount * scale <= 600 else {
            throw WeatherParseError(
                text: text, problem: "the time is seconds (1.5s) or milliseconds (200ms), at most 600 s")
        }
        return (share, .nanoseconds(Int64(amount * scale * 1e9)))
    }
}
