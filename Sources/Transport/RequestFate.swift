/// Whether a request may be sent again when its first attempt's outcome is unknown (the connection dropped after
/// it may have been sent, no answer in time, HTTP 500/502/504). Throttling, 503 and refused connections need no
/// such question: the endpoint did nothing. The runner decides it per request from the spec.
public enum RequestFate: Sendable {
    /// Sending it twice does what sending it once does (a read): resend.
    case idempotent
    /// Resend only when `check` (which asks the endpoint what happened) finds that it had no effect.
    case check(@Sendable () async -> FateCheck)
    /// Never resend; the sentence says why its effect cannot be checked.
    case unknowable(String)
}

/// What a fate check found.
public enum FateCheck: Sendable, Equatable {
    /// The request had no effect: sending it again is safe.
    case noEffect
    /// It took effect, or cannot be shown not to have: not resent. The sentence says what the check found.
    case keep(String)
}
