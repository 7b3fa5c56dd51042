import Foundation

/// Where the emulator reads the time its transitions are due at: the machine's continuous clock, or a clock a test
/// moves by hand (`EmulatorClock.manual()`), so a test of a delayed transition needs no sleep and no race.
public struct EmulatorClock: Sendable {
    private let read: @Sendable () -> ContinuousClock.Instant

    public init(_ read: @escaping @Sendable () -> ContinuousClock.Instant) { self.read = read }

    public var now: ContinuousClock.Instant { read() }

    /// The machine's continuous clock.
    public static let continuous = EmulatorClock { ContinuousClock.now }

    /// A clock that stands still until `advance(by:)` moves it.
    public static func manual() -> (clock: EmulatorClock, advance: @Sendable (Duration) -> Void) {
        let start = ContinuousClock.now
        let offset = Offset()
        return (EmulatorClock { start.advanced(by: offset.value) }, { offset.add($0) })
    }

    /// How far a manual clock was moved, behind a lock.
    private final class Offset: @unchecked Sendable {
        private let lock = NSLock()
        private var moved = Duration.zero
        var value: Duration { lock.withLock { moved } }
        func add(_ step: Duration) { lock.withLock { moved += step } }
    }
}
