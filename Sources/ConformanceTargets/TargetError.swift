/// Why a target cannot be used, in words a person can act on.
public enum TargetError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The written target is neither `embedded[:FAULT,…]` nor an http(s) URL.
    case malformed(String, reason: String)
    /// `embedded:NAME` names no fault of the reference server.
    case unknownFault(name: String, target: String, suggestion: String?)
    /// A non-loopback URL without the opt-in that lets the run create resources there.
    case notLoopback(String)
    /// Faults only apply to the embedded server.
    case faultsNeedEmbedded(String)
    /// Credentials for a URL target could not be found.
    case credentials(target: String, reason: String)
    /// The endpoint does not answer at all (refused, bad URL, TLS): nothing would run.
    case unreachable(target: String, reason: String)

    public var description: String {
        switch self {
        case .malformed(let text, let reason): "'\(text)' is not a target: \(reason)"
        case .unknownFault(let name, let target, let suggestion):
            "'\(target)' names no fault '\(name)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? "")
                + " (`neptune-conformance serve --help` lists them)"
        case .notLoopback(let url):
            "\(url) is not a loopback address: the run would create real resources there. Add --allow-real-endpoint if that is what you want"
        case .faultsNeedEmbedded(let url):
            "--fault applies to the embedded server only, not to \(url); use --endpoint embedded:FAULT or drop --fault"
        case .credentials(let target, let reason): "no credentials for \(target): \(reason)"
        case .unreachable(let target, let reason): "the endpoint \(target) cannot be reached: \(reason)"
        }
    }
}
