import NIOConcurrencyHelpers

/// The random draws of a weather: SplitMix64 seeded once, shared by all connections under a lock, so the n-th
/// request the proxy reads always gets the same two draws.
final class WeatherDice: Sendable {
    private let state: NIOLockedValueBox<UInt64>

    init(seed: UInt64) { state = NIOLockedValueBox(seed) }

    /// Two numbers in 0..<1.
    func draw() -> (Double, Double) {
        state.withLockedValue { state in (Self.next(&state), Self.next(&state)) }
    }

    static func next(_ state: inout UInt64) -> Double {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        mixed ^= mixed >> 31
        return Double(mixed >> 11) / Double(1 << 53)
    }
}

/// What a proxy did: requests read, and how many met each fate.
public struct WeatherCounts: Sendable, Equatable, Codable {
    public var requests = 0
    public var throttled = 0
    public var unavailable = 0
    public var dropped = 0
    public var delayed = 0
    /// Passed on to the upstream, delayed ones included.
    public var forwarded = 0
    /// Passed on, but the upstream gave no answer (the client got a 502).
    public var upstreamFailures = 0

    public init() {}

    mutating func count(_ fate: Weather.Fate) {
        requests += 1
        switch fate {
        case .throttled: throttled += 1
        case .unavailable: unavailable += 1
        case .dropped: dropped += 1
        case .delayed:
            delayed += 1
            forwarded += 1
        case .forwarded: forwarded += 1
        }
    }

    /// `1000 requests: 50 throttled, 0 answered 503, 20 dropped, 48 delayed, 930 passed on`.
    public var summary: String {
        "\(requests) requests: \(throttled) throttled, \(unavailable) answered 503, \(dropped) dropped, "
            + "\(delayed) delayed, \(forwarded) passed on"
            + (upstreamFailures > 0 ? " (\(upstreamFailures) without an upstream answer)" : "")
    }
}
