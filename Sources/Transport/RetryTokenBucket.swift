import NIOConcurrencyHelpers

/// The retry budget of the SDKs' standard mode, shared by all requests of a transport: a retry takes tokens
/// (more after a timeout), a success gives back what its retries took (or one token when it needed none; a refusal
/// gives nothing), and with too few tokens left nothing is retried. An endpoint that fails every request (HTTP 500 to an operation it
/// does not implement) thus costs at most a bounded number of retries before the run goes on at full speed.
public final class RetryTokenBucket: Sendable {
    /// The bucket's size and prices.
    public struct Limits: Sendable, Equatable {
        public var capacity: Int
        public var retryCost: Int
        public var timeoutCost: Int
        /// Tokens a success that needed no retry puts back.
        public var successRefill: Int

        public init(capacity: Int = 500, retryCost: Int = 5, timeoutCost: Int = 10, successRefill: Int = 1) {
            self.capacity = capacity
            self.retryCost = retryCost
            self.timeoutCost = timeoutCost
            self.successRefill = successRefill
        }
    }

    public let limits: Limits
    private let tokens: NIOLockedValueBox<Int>

    public init(limits: Limits = .init()) {
        self.limits = limits
        tokens = NIOLockedValueBox(limits.capacity)
    }

    /// Tokens left.
    public var available: Int { tokens.withLockedValue { $0 } }

    /// Takes the price of a retry after `reason`; nil (and nothing taken) when the bucket cannot pay it.
    public func take(for reason: RetryReason) -> Int? {
        let cost = reason == .timeout ? limits.timeoutCost : limits.retryCost
        return tokens.withLockedValue { tokens in
            guard tokens >= cost else { return nil }
            tokens -= cost
            return cost
        }
    }

    /// After a request ended with a success (HTTP below 400): gives back `spent` tokens (what its retries took), or
    /// `successRefill` when it took none.
    public func succeeded(spent: Int) {
        let refund = spent > 0 ? spent : limits.successRefill
        tokens.withLockedValue { $0 = min(limits.capacity, $0 + refund) }
    }

    /// Gives back tokens taken for a retry that was not made.
    public func refund(_ cost: Int) {
        tokens.withLockedValue { $0 = min(limits.capacity, $0 + cost) }
    }
}
