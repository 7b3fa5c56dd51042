import NIOConcurrencyHelpers

/// Retries counted by reason: a whole run's (`NetworkTransport.retries`), and one case's (`RetryTally.current`,
/// bound by whoever wants to know what one piece of work needed).
public final class RetryTally: Sendable {
    private let counts = NIOLockedValueBox<[RetryReason: Int]>([:])

    public init() {}

    /// The tally requests sent by the current task count their retries in too, if any.
    @TaskLocal public static var current: RetryTally?

    func add(_ reason: RetryReason) { counts.withLockedValue { $0[reason, default: 0] += 1 } }

    /// Retries by reason, reasons without retries left out.
    public var byReason: [RetryReason: Int] { counts.withLockedValue { $0 } }

    /// All retries.
    public var total: Int { counts.withLockedValue { $0.values.reduce(0, +) } }

    /// `57 requests (throttling 40, dropped 12, 503 5)`, or `no request`.
    public static func summary(_ counts: [RetryReason: Int]) -> String {
        let total = counts.values.reduce(0, +)
        guard total > 0 else { return "no request" }
        let parts = counts.filter { $0.value > 0 }.sorted { $0.key < $1.key }.map { "\($0.key.rawValue) \($0.value)" }
        return "\(total) request\(total == 1 ? "" : "s") (\(parts.joined(separator: ", ")))"
    }
}
